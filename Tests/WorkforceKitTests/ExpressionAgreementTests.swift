import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// The importer reads every `relevant` and `constraint` the way ODK does (XPath 1.0: `and`
/// binds tighter than `or`). The tables under `Fixtures/expressions/` are hand-computed from
/// XPath's rules; `.ci/check_expressions.py` evaluates the same tables with libxml2's XPath
/// (lxml), so the importer, the tables and an independent XPath engine all agree.
@Suite struct ExpressionAgreementTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/WorkforceKitTests/Fixtures/expressions")

    static func table(_ name: String) throws -> [[String: String]] {
        let (table, records) = try CSVTable.readAll(url: folder.appendingPathComponent(name), required: [])
        return records.map { record in Dictionary(uniqueKeysWithValues: zip(table.header, record.fields)) }
    }

    @Test(arguments: [
        (". <= ${total}", true), ("not(selected(., 'none') and count-selected(.) > 1)", false),
        ("${a} = 'x' or string-length(.) < 5", true), ("count-selected(.) <= 2", false), ("${a} != 'y'", false),
    ])
    func aConstraintSaysWhetherItNeedsTheValueItChecks(_ rule: String, _ usesCurrent: Bool) throws {
        // The importer works the checked value out only for a rule that reads it as a value.
        let names = ["a", "total", "q"]
        let compiled = CompiledExpression(
            try XLSFormExpression.parse(rule), index: { names.firstIndex(of: $0) }, choice: { _, name in ["x", "y", "none"].firstIndex(of: name) },
            isSelectOne: { $0 == 0 }, current: 2)
        #expect(compiled.usesCurrent == usesCurrent)
    }

    /// Answers to three questions: `a` (select_one x, y, none), `total` (a number), `q`
    /// (select_multiple x, y, none), consistent between their values and their choices.
    struct Row: CompiledExpression.Answers {
        static let names = ["x", "y", "none"]
        var a: Int?
        var total: Double?
        var q: [Int]
        func value(_ question: Int) -> XLSFormExpression.Value {
            switch question {
            case 0: .string(a.map { Self.names[$0] } ?? "")
            case 1: total.map { .number($0) } ?? .string("")
            default: .string(q.map { Self.names[$0] }.joined(separator: " "))
            }
        }
        func isSelected(_ question: Int, _ choice: Int) -> Bool { question == 2 ? q.contains(choice) : a == choice }
        func choice(_ question: Int) -> Int? { question == 0 ? a : nil }
        func countSelected(_ question: Int) -> Int { question == 2 ? q.count : (question == 0 && a != nil ? 1 : 0) }
    }

    /// The importer's flattened conditions (``CompiledCondition``) say what evaluating the
    /// expression and reading it as a boolean says, on every rule shape and every answer.
    @Test func holdsIsTheEvaluatedTruth() throws {
        let rules = [
            "not(selected(., 'none') and count-selected(.) > 1)", "count-selected(.) >= 2", "count-selected(.) < 1",
            "count-selected(.) <= 0", "count-selected(.) = 2", "count-selected(.) != 1", "count-selected(.) + 1",
            "count-selected(.) - 1", "${a} = 'x' or selected(., 'y')", "${a} != 'none' and not(selected(${q}, 'zz'))",
            ". <= ${total}", "${total} > 3", "string-length(${a}) > 1", "selected(${a}, 'x')", "${a}", "${total}",
            "selected(., 'zz') or not(${a} = 'zz')", "(selected(., 'x') or selected(., 'y')) and not(count-selected(.) = 3 and ${a} = 'y')",
            "not(not(selected(., 'none')) or (count-selected(.) > 1 and (${a} != 'x' or not(${total} >= 2))))",
        ]
        let names = ["a", "total", "q"]
        let compiled = try rules.map { rule in
            CompiledExpression(
                try XLSFormExpression.parse(rule), index: { names.firstIndex(of: $0) }, choice: { _, name in Row.names.firstIndex(of: name) },
                isSelectOne: { $0 == 0 }, current: 2)
        }
        var rows: [Row] = []
        for a in [nil, 0, 1, 2] as [Int?] {
            for total in [nil, 0, 2, 5] as [Double?] {
                for q in [[], [0], [2], [0, 1], [0, 2], [0, 1, 2]] { rows.append(Row(a: a, total: total, q: q)) }
            }
        }
        var truths: Set<Bool> = []
        for row in rows {
            for (rule, e) in zip(rules, compiled) {
                let current = row.value(2)
                let holds = CompiledCondition(e).holds(row, current: current)
                #expect(holds == e.evaluate(row, current: current).asBool, "\(rule) on \(row)")
                truths.insert(holds)
            }
        }
        #expect(truths == [true, false])
        // A condition nested deeper than the flat stack holds is evaluated as a tree.
        let deep = (0..<70).map { _ in "selected(., 'x') and (" }.joined() + "${a} = 'y'" + String(repeating: ")", count: 70)
        let e = CompiledExpression(
            try XLSFormExpression.parse(deep), index: { names.firstIndex(of: $0) }, choice: { _, name in Row.names.firstIndex(of: name) },
            isSelectOne: { $0 == 0 }, current: 2)
        for row in [Row(a: 1, total: nil, q: [0]), Row(a: 0, total: nil, q: [0]), Row(a: 1, total: nil, q: [1])] {
            #expect(CompiledCondition(e).holds(row, current: row.value(2)) == (row.a == 1 && row.q.contains(0)))
        }
    }

    @Test func theEvaluatorFollowsXPathPrecedenceOnTheTable() throws {
        let rows = try Self.table("precedence.csv")
        #expect(rows.count >= 15)
        for row in rows {
            let expression = try XLSFormExpression.parse(row["expression"] ?? "")
            let value = expression.evaluate(current: row["current"] ?? "") { row[$0] ?? "" }.asBool
            #expect(value == (row["value"] == "true"), "\(row["expression"] ?? "")")
        }
    }

    /// Every generated rule parses, and reading its text clause by clause (split at each
    /// ` and ` outside parentheses, each piece parsed alone) means the same as XPath reading it
    /// whole: no bank rule's `or` leaks into its neighbours. The constraint's pieces are the
    /// range, the bank's rule and the exclusive rules, in that order.
    @Test(arguments: [
        (InstrumentKind.employer, nil as String?, true), (.university, nil, false), (.awareness, "baseline", false), (.awareness, "followup-1", false),
    ])
    func everyGeneratedRuleParsesAndKeepsItsClausesApart(_ kind: InstrumentKind, _ wave: String?, _ ksaGaps: Bool) throws {
        let instrument = try buildInstrument(kind, wave: wave, ksaGaps: ksaGaps)
        var rules: [(String, String)] = []
        for item in instrument.items {
            switch item {
            case .beginGroup(let g): if let r = g.relevant { rules.append((g.name, r)) }
            case .question(let q):
                if let r = q.relevant { rules.append((q.name, r)) }
                if let c = q.constraint {
                    rules.append((q.name, c))
                    var parts: [String] = []
                    if let min = q.min { parts.append(". >= \(Question.number(min))") }
                    if let max = q.max { parts.append(". <= \(Question.number(max))") }
                    if let extra = q.extraConstraint { parts.append(extra) }
                    for name in q.exclusive { parts.append("not(selected(., '\(name)') and count-selected(.) > 1)") }
                    let pieces = Self.topLevelClauses(c)
                    #expect(pieces.count == parts.count, "\(q.name): \(c)")
                    for (piece, part) in zip(pieces, parts) {
                        #expect(try XLSFormExpression.parse(piece) == XLSFormExpression.parse(part), "\(q.name): \(piece)")
                    }
                }
            case .endGroup: break
            }
        }
        #expect(rules.count > 10)
        for (owner, rule) in rules {
            let whole = try XLSFormExpression.parse(rule)
            let pieces = try Self.topLevelClauses(rule).map { try XLSFormExpression.parse($0) }
            let rebuilt = pieces.dropFirst().reduce(pieces[0]) { .binary("and", $0, $1) }
            #expect(whole.flattened("and") == rebuilt.flattened("and"), "\(owner): \(rule)")
        }
    }

    /// `rule` split at each ` and ` that is outside parentheses and quotes.
    static func topLevelClauses(_ rule: String) -> [String] {
        var pieces: [String] = [], current = "", depth = 0
        var quote: Character? = nil
        var i = rule.startIndex
        while i < rule.endIndex {
            let c = rule[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if depth == 0, rule[i...].hasPrefix(" and ") {
                pieces.append(current)
                current = ""
                i = rule.index(i, offsetBy: 5)
                continue
            }
            current.append(c)
            i = rule.index(after: i)
        }
        pieces.append(current)
        return pieces
    }

    /// total_employees is accepted exactly where the table says, by the importer itself.
    @Test func theImporterChecksTotalEmployeesAsTheTableSays() throws {
        let (scratch, store) = try storeWithInstruments([(.employer, nil)])
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        let rows = try Self.table("total_employees.csv")
        var file = ResponseFile(employer, rows: rows.count)
        for (i, row) in rows.enumerated() {
            file.rows[i]["size_band"] = row["size_band"]
            file.rows[i]["total_employees"] = row["total_employees"]
            file.rows[i]["cyber_people"] = "0"  // its own rule (at most the headcount) stays out of the way
        }
        let url = scratch.url.appendingPathComponent("sizes.csv")
        try Data(file.csv().utf8).write(to: url)
        let summary = try importFile(store, url, .employer)
        // Every quarantined row keeps all its reasons (the summary lists only the first 20).
        var rejected: Set<Int> = []
        for row in try store.db.rows("SELECT line, reasons FROM rejected_row") where row[1].string?.contains("of total_employees") == true {
            if let line = row[0].int { rejected.insert(line) }
        }
        for (i, row) in rows.enumerated() {
            let line = i + 2
            #expect(rejected.contains(line) == (row["accepted"] == "no"), "\(row["size_band"] ?? "") \(row["total_employees"] ?? "")")
        }
        #expect(summary.quarantined == rows.filter { $0["accepted"] == "no" }.count, "\(summary.problems.map(\.message))")
    }
}
