import Foundation
import Testing

@testable import WorkforceKit

/// The branch and bound against programs with known optima, against enumeration of every
/// whole point of small random programs, and (with `WORKFORCE_LP_DUMP=DIR`) dumped as
/// `mip-*.json` for `.ci/check_plan_lp.py` to solve with scipy's `milp` (HiGHS).
@Suite struct MixedIntegerProgramTests {
    typealias C = LinearProgram.Constraint

    static func optimum(_ mip: MixedIntegerProgram, thenMinimise later: [[Double]] = []) throws -> (x: [Double], value: Double) {
        let outcome = mip.solve(thenMinimise: later)
        guard case .optimal(let x, let value) = outcome else { throw LPFailure(description: "\(outcome) for \(mip)") }
        return (x, value)
    }

    /// The textbook example (Wikipedia, "Integer programming"): max y with -x + y <= 1,
    /// 3x + 2y <= 12, 2x + 3y <= 12. The relaxation's optimum is y = 2.8 at (1.8, 2.8); the
    /// whole optimum is y = 2, at (1, 2) or (2, 2).
    @Test func theTextbookExampleRoundsDownToTwo() throws {
        let lp = LinearProgram(minimise: [0, -1], constraints: [C([-1, 1], .lessOrEqual, 1), C([3, 2], .lessOrEqual, 12), C([2, 3], .lessOrEqual, 12)])
        guard case .optimal(_, let relaxed) = lp.solve() else { Issue.record("relaxation"); return }
        #expect(abs(relaxed + 2.8) < 1e-9)
        let (x, value) = try Self.optimum(MixedIntegerProgram(lp, integer: [true, true]))
        #expect(value == -2)
        #expect(x[1] == 2 && (x[0] == 1 || x[0] == 2))
    }

    /// A 0/1 knapsack by hand: values 10, 13, 7, 8, weights 3, 4, 2, 3, capacity 7. The
    /// relaxation takes items 3 and 1 and half of item 2 (23.5); the best whole choice is
    /// items 1 and 2 (weight 7, value 23): {2, 3} gives 20, {2, 4} 21, {1, 3} 17, {1, 4} 18.
    @Test func aKnapsackByHand() throws {
        let lp = LinearProgram(minimise: [-10, -13, -7, -8], constraints: [C([3, 4, 2, 3], .lessOrEqual, 7)], upperBounds: [1, 1, 1, 1])
        let (x, value) = try Self.optimum(MixedIntegerProgram(lp, integer: [true, true, true, true]))
        #expect(value == -23)
        #expect(x == [1, 1, 0, 0])
    }

    /// At its node limit the search stops: with no whole solution found it says so, and a
    /// feasible start (here: nothing in the knapsack) stands in, flagged as not proven.
    @Test func theNodeLimitStopsTheSearchWithAFeasibleStart() {
        let lp = LinearProgram(minimise: [-10, -13, -7, -8], constraints: [C([3, 4, 2, 3], .lessOrEqual, 7)], upperBounds: [1, 1, 1, 1])
        var mip = MixedIntegerProgram(lp, integer: [true, true, true, true])
        mip.nodeLimit = 1
        #expect(mip.solve() == .nodeLimit)
        let stages = mip.stages(start: [0, 0, 0, 0])
        #expect(stages.count == 1 && stages[0].outcome == .incumbent(x: [0, 0, 0, 0], value: 0))
        mip.nodeLimit = 1000
        #expect(mip.stages(start: [0, 0, 0, 0])[0].outcome.solution?.value == -23)
    }

    /// `2x = 1` has no whole solution; `x - y <= 0.5, y - x <= -0.25` neither (x - y in
    /// [0.25, 0.5]); a whole variable without an upper bound on an improving ray is unbounded.
    @Test func noWholeSolutionIsSaidAsInfeasible() {
        #expect(MixedIntegerProgram(LinearProgram(minimise: [1], constraints: [C([2], .equal, 1)]), integer: [true]).solve() == .infeasible)
        let gap = LinearProgram(minimise: [1, 1], constraints: [C([1, -1], .lessOrEqual, 0.5), C([-1, 1], .lessOrEqual, -0.25)], upperBounds: [5, 5])
        #expect(MixedIntegerProgram(gap, integer: [true, true]).solve() == .infeasible)
        #expect(MixedIntegerProgram(LinearProgram(minimise: [-1, 0], constraints: [C([1, -1], .lessOrEqual, 1)]), integer: [true, false]).solve() == .unbounded)
    }

    /// The plan's semi-continuous create variable: a role needs 20 people a year, an existing
    /// offering can add at most 15, a new course gives 0 or 12 to 30. Variables: open `o`,
    /// scale `x`, create `y`, indicator `z`. Least open first (0), then fewest courses (1),
    /// then fewest seats (20, the course at least 12).
    @Test func aNewCourseIsZeroOrBetweenItsMinimumAndMaximumCohort() throws {
        var rows = [C([1, 1, 1, 0], .greaterOrEqual, 20)]
        rows += MixedIntegerProgram.semiContinuous(2, indicator: 3, minimum: 12, maximum: 30, count: 4)
        let mip = MixedIntegerProgram(LinearProgram(minimise: [1, 0, 0, 0], constraints: rows, upperBounds: [nil, 15, nil, 1]), integer: [false, false, false, true])
        let stages = mip.stages(thenMinimise: [[0, 0, 0, 1], [0, 1, 1, 0]])
        #expect(stages.count == 3)
        let (x, value) = try Self.optimum(mip, thenMinimise: [[0, 0, 0, 1], [0, 1, 1, 0]])
        // Each earlier optimum is held to 1e-9 (relative, at least absolute).
        #expect(abs(value - 20) < 1e-8)
        #expect(x[0] < 1e-8 && x[3] == 1 && x[2] >= 12 - 1e-8 && x[2] <= 20 + 1e-8)
        // Need 5 and nothing to scale: no course of 5; closing it takes a course of 12.
        var small = [C([1, 0, 1, 0], .greaterOrEqual, 5)]
        small += MixedIntegerProgram.semiContinuous(2, indicator: 3, minimum: 12, maximum: 30, count: 4)
        let smallMIP = MixedIntegerProgram(LinearProgram(minimise: [1, 0, 0, 0], constraints: small, upperBounds: [nil, 0, nil, 1]), integer: [false, false, false, true])
        let (y, seats) = try Self.optimum(smallMIP, thenMinimise: [[0, 0, 0, 1], [0, 1, 1, 0]])
        #expect(abs(seats - 12) < 1e-8 && y[0] < 1e-8 && abs(y[2] - 12) < 1e-8)
        // Need 70, one course of at most 30 and 15 of scale: 25 stay open.
        var big = [C([1, 1, 1, 0], .greaterOrEqual, 70)]
        big += MixedIntegerProgram.semiContinuous(2, indicator: 3, minimum: 12, maximum: 30, count: 4)
        let bigMIP = MixedIntegerProgram(LinearProgram(minimise: [1, 0, 0, 0], constraints: big, upperBounds: [nil, 15, nil, 1]), integer: [false, false, false, true])
        let (_, open) = try Self.optimum(bigMIP)
        #expect(abs(open - 25) < 1e-9)
    }

    /// Every whole point of a small box, the feasible ones' least objective.
    static func enumerate(_ lp: LinearProgram, box: Int) -> Double? {
        let n = lp.objective.count
        var best: Double?
        var x = [Double](repeating: 0, count: n)
        func visit(_ j: Int) {
            if j == n {
                for c in lp.constraints {
                    let lhs = zip(c.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
                    switch c.relation {
                    case .lessOrEqual: if lhs > c.rhs + 1e-9 { return }
                    case .greaterOrEqual: if lhs < c.rhs - 1e-9 { return }
                    case .equal: if abs(lhs - c.rhs) > 1e-9 { return }
                    }
                }
                let value = zip(lp.objective, x).reduce(0) { $0 + $1.0 * $1.1 }
                best = min(best ?? value, value)
                return
            }
            for v in 0...box {
                x[j] = Double(v)
                visit(j + 1)
            }
        }
        visit(0)
        return best
    }

    @Test func smallWholeProgramsMatchEnumeration() throws {
        var rng = SplitMix(seed: 29)
        for _ in 0..<120 {
            let n = 2 + Int(rng.unit() * 3), m = 1 + Int(rng.unit() * 3)
            let rows = (0..<m).map { _ in
                C((0..<n).map { _ in (rng.unit() * 9 - 2).rounded() }, rng.unit() < 0.5 ? .lessOrEqual : .greaterOrEqual, (rng.unit() * 17 - 3).rounded() + 0.5)
            }
            let lp = LinearProgram(minimise: (0..<n).map { _ in (rng.unit() * 10 - 5).rounded() }, constraints: rows, upperBounds: (0..<n).map { _ in 4 })
            let expected = Self.enumerate(lp, box: 4)
            switch MixedIntegerProgram(lp, integer: Array(repeating: true, count: n)).solve() {
            case .optimal(let x, let value):
                let best = try #require(expected, "an optimum of a program with no whole point: \(lp)")
                #expect(abs(value - best) < 1e-9, "\(lp)")
                #expect(x.allSatisfy { $0 == $0.rounded() })
            case .infeasible: #expect(expected == nil, "\(lp)")
            case let other: Issue.record("\(other): \(lp)")
            }
        }
    }

    /// A random program of the plan's shape: per role a covering row over scale `x` (bounded),
    /// semi-continuous creations `y` at two hosts, and an open slack `o`; objectives: least
    /// open, then fewest creations, then fewest seats.
    static func planShaped(_ rng: inout SplitMix, roles: Int, offerings: Int) -> (MixedIntegerProgram, [[Double]]) {
        let creates = roles * 2
        let n = offerings + 2 * creates + roles
        let (y0, z0, o0) = (offerings, offerings + creates, offerings + 2 * creates)
        var rows: [C] = []
        for r in 0..<roles {
            var a = [Double](repeating: 0, count: n)
            for p in 0..<offerings where rng.unit() < 0.3 { a[p] = (rng.unit() * 0.9).rounded(toPlaces: 3) }
            a[y0 + 2 * r] = 0.6
            a[y0 + 2 * r + 1] = 0.6
            a[o0 + r] = 1
            rows.append(C(a, .greaterOrEqual, (rng.unit() * 45).rounded(toPlaces: 2)))
        }
        for k in 0..<creates { rows += MixedIntegerProgram.semiContinuous(y0 + k, indicator: z0 + k, minimum: 12, maximum: 30, count: n) }
        let bounds: [Double?] = (0..<offerings).map { _ in Optional((rng.unit() * 12).rounded()) } + (0..<creates).map { _ in nil } + (0..<creates).map { _ in 1 } + (0..<roles).map { _ in nil }
        let integer = (0..<n).map { $0 >= z0 && $0 < o0 }
        func goal(_ range: Range<Int>) -> [Double] { (0..<n).map { range.contains($0) ? 1 : 0 } }
        let lp = LinearProgram(minimise: goal(o0..<n), constraints: rows, upperBounds: bounds)
        return (MixedIntegerProgram(lp, integer: integer), [goal(z0..<o0), goal(0..<z0)])
    }

    @Test func planShapedProgramsAreFeasibleAndAreDumpedForHiGHS() throws {
        var rng = SplitMix(seed: 1729)
        let dump = ProcessInfo.processInfo.environment["WORKFORCE_LP_DUMP"].map { URL(fileURLWithPath: $0) }
        if let dump { try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true) }
        for k in 0..<16 {
            let (mip, later) = Self.planShaped(&rng, roles: 2 + k % 5, offerings: 2 + (k * 5) % 9)
            let stages = mip.stages(thenMinimise: later)
            #expect(stages.count == 3)
            for (s, stage) in stages.enumerated() {
                guard case .optimal(let x, _) = stage.outcome else { Issue.record("stage \(s): \(stage.outcome)"); continue }
                for c in stage.program.relaxation.constraints {
                    let lhs = zip(c.coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
                    switch c.relation {
                    case .lessOrEqual: #expect(lhs <= c.rhs + 1e-7)
                    case .greaterOrEqual: #expect(lhs >= c.rhs - 1e-7)
                    case .equal: #expect(abs(lhs - c.rhs) < 1e-7)
                    }
                }
                for j in x.indices where mip.integer[j] { #expect(x[j] == 0 || x[j] == 1) }
                if let dump {
                    try Data(JSONWriter().string(stage.program.json(stage.outcome)).utf8).write(to: dump.appendingPathComponent("mip-\(k)-\(s).json"))
                }
            }
        }
    }
}
