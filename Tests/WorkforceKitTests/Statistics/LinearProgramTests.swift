import Foundation
import Testing
@testable import WorkforceKit

/// The plan's simplex against linear programs with published optima, hand-computed ones and
/// brute-force vertex enumeration. With `WORKFORCE_LP_DUMP=DIR`, the random programs and their
/// optima are written to DIR for `.ci/check_plan_lp.py` (scipy's HiGHS).
@Suite struct LinearProgramTests {
    typealias C = LinearProgram.Constraint

    static func optimum(_ lp: LinearProgram, thenMinimise later: [[Double]] = []) throws -> (x: [Double], value: Double) {
        let outcome = lp.solve(thenMinimise: later)
        guard case .optimal(let x, let value) = outcome else { throw LPFailure(description: "\(outcome) for \(lp)") }
        return (x, value)
    }

    /// Hillier and Lieberman's Wyndor Glass problem: max 3x1 + 5x2, x1 <= 4, 2x2 <= 12,
    /// 3x1 + 2x2 <= 18; optimum 36 at (2, 6).
    @Test func wyndorGlass() throws {
        let lp = LinearProgram(minimise: [-3, -5], constraints: [C([1, 0], .lessOrEqual, 4), C([0, 2], .lessOrEqual, 12), C([3, 2], .lessOrEqual, 18)])
        let (x, value) = try Self.optimum(lp)
        #expect(abs(value + 36) < 1e-9)
        #expect(abs(x[0] - 2) < 1e-9 && abs(x[1] - 6) < 1e-9)
    }

    /// Beale's example (1955), on which Dantzig's rule cycles: optimum -1/20 at x4 = 1/25,
    /// x6 = 1 (Chvátal, Linear Programming, ch. 3). Bland's rule terminates.
    @Test func bealeCyclingExample() throws {
        let lp = LinearProgram(
            minimise: [-0.75, 150, -0.02, 6],
            constraints: [C([0.25, -60, -0.04, 9], .lessOrEqual, 0), C([0.5, -90, -0.02, 3], .lessOrEqual, 0), C([0, 0, 1, 0], .lessOrEqual, 1)])
        let (x, value) = try Self.optimum(lp)
        #expect(abs(value + 0.05) < 1e-12)
        #expect(abs(x[0] - 0.04) < 1e-12 && abs(x[2] - 1) < 1e-12)
    }

    /// The Klee-Minty cube in 3 dimensions: max 100x1 + 10x2 + x3, x1 <= 1, 20x1 + x2 <= 100,
    /// 200x1 + 20x2 + x3 <= 10000; optimum 10000 at (0, 0, 10000).
    @Test func kleeMintyCube() throws {
        let lp = LinearProgram(
            minimise: [-100, -10, -1],
            constraints: [C([1, 0, 0], .lessOrEqual, 1), C([20, 1, 0], .lessOrEqual, 100), C([200, 20, 1], .lessOrEqual, 10000)])
        let (x, value) = try Self.optimum(lp)
        #expect(abs(value + 10000) < 1e-7)
        #expect(abs(x[2] - 10000) < 1e-7)
    }

    /// By hand: min 2x + 3y, x + y >= 4, x + 3y >= 6, x <= 3: the vertices (3, 1) = 9,
    /// (0, 4) = 12, so 9.
    @Test func greaterOrEqualRowsWithAnUpperBound() throws {
        let lp = LinearProgram(minimise: [2, 3], constraints: [C([1, 1], .greaterOrEqual, 4), C([1, 3], .greaterOrEqual, 6)], upperBounds: [3, nil])
        let (x, value) = try Self.optimum(lp)
        #expect(abs(value - 9) < 1e-9)
        #expect(abs(x[0] - 3) < 1e-9 && abs(x[1] - 1) < 1e-9)
    }

    @Test func aRedundantEqualityAndANegativeRightHandSide() throws {
        // x + y = 2 twice over (2x + 2y = 4), -x >= -1.5: min -x is -1.5 at (1.5, 0.5).
        let lp = LinearProgram(minimise: [-1, 0], constraints: [C([1, 1], .equal, 2), C([2, 2], .equal, 4), C([-1, 0], .greaterOrEqual, -1.5)])
        let (x, value) = try Self.optimum(lp)
        #expect(abs(value + 1.5) < 1e-12)
        #expect(abs(x[1] - 0.5) < 1e-12)
    }

    /// Bounds kept with their columns: min -x1 - x2 with x1 <= 2, x2 <= 3 and x1 + x2 <= 10
    /// is -5 by two bound flips; with x1 + x2 >= 4 and x1 <= 1, x2 <= 2 there is no solution;
    /// min x1 + x2 with x1 + 2 x2 >= 5, x2 <= 2 is 3 at (1, 2), x2 ending at its bound.
    @Test func boundsFlipAndBindAtTheOptimum() throws {
        let flips = LinearProgram(minimise: [-1, -1], constraints: [C([1, 1], .lessOrEqual, 10)], upperBounds: [2, 3])
        let (x, value) = try Self.optimum(flips)
        #expect(value == -5 && x == [2, 3])
        #expect(LinearProgram(minimise: [1, 1], constraints: [C([1, 1], .greaterOrEqual, 4)], upperBounds: [1, 2]).solve() == .infeasible)
        let bound = LinearProgram(minimise: [1, 1], constraints: [C([1, 2], .greaterOrEqual, 5)], upperBounds: [nil, 2])
        let (y, v) = try Self.optimum(bound)
        #expect(abs(v - 3) < 1e-12 && abs(y[0] - 1) < 1e-12 && y[1] == 2)
    }

    @Test func infeasibleAndUnboundedAreSaid() {
        #expect(LinearProgram(minimise: [1], constraints: [C([1], .greaterOrEqual, 2)], upperBounds: [1]).solve() == .infeasible)
        #expect(LinearProgram(minimise: [-1, 0], constraints: [C([1, -1], .lessOrEqual, 1)]).solve() == .unbounded)
    }

    /// Lexicographic: min y over x + y >= 4, x <= 3 is 1 at any x = 3; then min x holds y = 1.
    @Test func aLaterObjectiveKeepsTheEarlierOptimum() throws {
        let lp = LinearProgram(minimise: [0, 1], constraints: [C([1, 1], .greaterOrEqual, 4)], upperBounds: [3, nil])
        let (x, value) = try Self.optimum(lp, thenMinimise: [[1, 0]])
        #expect(value == 1)
        #expect(x == [3, 1])
    }

    /// A random program of the plan's shape: covering rows `A x + c y >= g`, bounded `x`.
    static func planShaped(_ rng: inout SplitMix, roles: Int, offerings: Int) -> LinearProgram {
        let n = offerings + roles
        var constraints: [C] = []
        for r in 0..<roles {
            var a = [Double](repeating: 0, count: n)
            for p in 0..<offerings where rng.unit() < 0.3 { a[p] = (rng.unit() * 4).rounded(toPlaces: 3) }
            a[offerings + r] = [0.25, 0.75, 1.75][Int(rng.unit() * 3) % 3]
            constraints.append(C(a, .greaterOrEqual, (rng.unit() * 60).rounded(toPlaces: 2)))
        }
        let bounds: [Double?] = (0..<offerings).map { _ in Optional((rng.unit() * 20).rounded()) } + (0..<roles).map { _ in nil }
        return LinearProgram(minimise: (0..<offerings).map { _ in 0 } + (0..<roles).map { _ in 1 }, constraints: constraints, upperBounds: bounds)
    }

    /// Every vertex of a small program (n active constraints among rows, bounds and x >= 0),
    /// the feasible ones' least objective: an independent optimum.
    static func bruteForce(_ lp: LinearProgram) -> Double? {
        let n = lp.objective.count
        var planes: [([Double], Double)] = lp.constraints.map { ($0.coefficients, $0.rhs) }
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            planes.append((e, 0))
            if let u = lp.upperBounds[j] { planes.append((e, u)) }
        }
        func feasible(_ x: [Double]) -> Bool {
            for (j, v) in x.enumerated() where v < -1e-9 || (lp.upperBounds[j].map { v > $0 + 1e-9 } ?? false) { return false }
            for c in lp.constraints {
                let lhs = zip(c.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
                switch c.relation {
                case .lessOrEqual: if lhs > c.rhs + 1e-9 { return false }
                case .greaterOrEqual: if lhs < c.rhs - 1e-9 { return false }
                case .equal: if abs(lhs - c.rhs) > 1e-9 { return false }
                }
            }
            return true
        }
        var best: Double?
        func choose(_ start: Int, _ picked: [Int]) {
            if picked.count == n {
                guard let x = solveSquare(picked.map { planes[$0].0 }, picked.map { planes[$0].1 }), feasible(x) else { return }
                let value = zip(lp.objective, x).reduce(0) { $0 + $1.0 * $1.1 }
                best = min(best ?? value, value)
                return
            }
            for i in start..<planes.count { choose(i + 1, picked + [i]) }
        }
        choose(0, [])
        return best
    }

    static func solveSquare(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = zip(a, b).map { $0 + [$1] }
        let n = b.count
        for c in 0..<n {
            guard let p = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-12 else { return nil }
            m.swapAt(c, p)
            for r in 0..<n where r != c {
                let f = m[r][c] / m[c][c]
                for k in c...n { m[r][k] -= f * m[c][k] }
            }
        }
        return (0..<n).map { m[$0][n] / m[$0][$0] }
    }

    @Test func smallRandomProgramsMatchTheirBestVertex() throws {
        var rng = SplitMix(seed: 11)
        for _ in 0..<150 {
            let n = 2 + Int(rng.unit() * 2), m = 2 + Int(rng.unit() * 3)
            var constraints: [C] = []
            for _ in 0..<m {
                let a = (0..<n).map { _ in (rng.unit() * 10 - 3).rounded() }
                let relation: LinearProgram.Relation = rng.unit() < 0.5 ? .lessOrEqual : .greaterOrEqual
                constraints.append(C(a, relation, (rng.unit() * 20 - 4).rounded()))
            }
            let lp = LinearProgram(
                minimise: (0..<n).map { _ in (rng.unit() * 10 - 5).rounded() }, constraints: constraints,
                upperBounds: (0..<n).map { _ in Optional((rng.unit() * 10).rounded() + 1) })
            // Bounded variables: never unbounded; the brute force says whether it is feasible.
            let expected = Self.bruteForce(lp)
            switch lp.solve() {
            case .optimal(_, let value):
                let best = try #require(expected, "solver found an optimum of an infeasible program: \(lp)")
                #expect(abs(value - best) < 1e-7 * max(1, abs(best)), "\(lp)")
            case .infeasible: #expect(expected == nil, "\(lp)")
            case .unbounded: Issue.record("unbounded: \(lp)")
            }
        }
    }

    @Test func planShapedProgramsAreFeasibleOptimaAndAreDumpedForHiGHS() throws {
        var rng = SplitMix(seed: 2026)
        let dump = ProcessInfo.processInfo.environment["WORKFORCE_LP_DUMP"].map { URL(fileURLWithPath: $0) }
        if let dump { try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true) }
        for k in 0..<40 {
            let lp = Self.planShaped(&rng, roles: 3 + k % 12, offerings: 2 + (k * 7) % 30)
            let (x, value) = try Self.optimum(lp)
            for c in lp.constraints { #expect(zip(c.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 } >= c.rhs - 1e-7) }
            for (j, u) in lp.upperBounds.enumerated() { if let u { #expect(x[j] <= u + 1e-12) } }
            if let dump {
                let program = JSONValue.object([
                    (key: "objective", value: .array(lp.objective.map { .number($0) })),
                    (key: "constraints", value: .array(lp.constraints.map { c in
                        .object([(key: "coefficients", value: .array(c.coefficients.map { .number($0) })), (key: "relation", value: .string(">=")), (key: "rhs", value: .number(c.rhs))])
                    })),
                    (key: "upper_bounds", value: .array(lp.upperBounds.map { $0.map(JSONValue.number) ?? .null })),
                ])
                let file = JSONValue.object([(key: "program", value: program), (key: "x", value: .array(x.map { .number($0) })), (key: "value", value: .number(value))])
                try Data(JSONWriter().string(file).utf8).write(to: dump.appendingPathComponent("random-\(k).json"))
            }
        }
    }
}

struct LPFailure: Error, CustomStringConvertible { var description: String }

/// A small deterministic generator for reproducible random programs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let f = pow(10, Double(places))
        return (self * f).rounded() / f
    }
}
