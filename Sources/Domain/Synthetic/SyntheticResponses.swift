/// Deterministic synthetic responses to a questionnaire, as an export file: for tests, the
/// benchmark and the demo. Every file it writes is marked synthetic by its caller.
///
/// Answers follow the codebook: a question is answered only when its `relevant` holds on the
/// answers before it (evaluated as the importer does), choices come from its list, and the
/// employer form's per-role numbers keep their rules (hard to fill not above vacancies,
/// expected positions cumulative), gate questions (consent, age 18+) are answered "yes", the
/// exclusive choices ("none", "don't know") are ticked alone, and the headcount falls in the
/// size band. `choose` lets a caller steer any question.
package struct SyntheticResponses {
    /// The export layout: KoboToolbox (`group/name`, `_uuid`) or ODK Central (`group-name`, `KEY`).
    package enum Layout: Sendable {
        case koboToolbox, odkCentral
    }

    let codebook: ParsedCodebook
    private var random: SeededRandom
    private let relevant: [CompiledExpression?]
    private let lists: [[String]]

    /// - Parameter seed: the same seed gives the same file.
    package init(codebook: ParsedCodebook, seed: UInt64) {
        self.codebook = codebook
        random = SeededRandom(seed: seed)
        let lists = codebook.items.map { item in item.listName.flatMap { codebook.lists[$0] }?.map(\.name) ?? [] }
        self.lists = lists
        relevant = CompiledExpression.relevance(of: codebook, lists: lists)
    }

    /// A value chosen for a question: names of choices, or a number or text.
    package enum Value: Sendable, Equatable {
        case blank
        case choices([String])
        case number(Int)
        case text(String)
    }

    /// The header row of `layout`.
    package func header(_ layout: Layout) -> [String] {
        let questions = codebook.items.filter { $0.type != .note }.map { item in
            item.group.isEmpty ? item.name : layout == .koboToolbox ? "\(item.group)/\(item.name)" : item.group.replacingOccurrences(of: "/", with: "-") + "-" + item.name
        }
        return layout == .koboToolbox ? ["_uuid", "_submission_time"] + questions : ["SubmissionDate"] + questions + ["KEY"]
    }

    /// One response as the fields of `layout`'s header; `choose` may fix any question's value
    /// (return `nil` to let the generator choose).
    package mutating func row(
        _ layout: Layout, id: String, submitted: String, choose: (String, inout SeededRandom, [String: Value]) -> Value? = { _, _, _ in nil }
    ) -> [String] {
        var values = Array(repeating: Value.blank, count: codebook.items.count)
        var byName: [String: Value] = [:]
        for (q, item) in codebook.items.enumerated() where item.type != .note {
            if let rule = relevant[q], !rule.evaluate(GeneratedAnswers(values: values, lists: lists), current: .string("")).asBool { continue }
            let value = choose(item.name, &random, byName) ?? generate(q, byName)
            values[q] = value
            byName[item.name] = value
        }
        let fields = codebook.items.indices.filter { codebook.items[$0].type != .note }.map { q -> String in
            switch values[q] {
            case .blank: ""
            case .choices(let names): names.joined(separator: " ")
            case .number(let n): String(n)
            case .text(let t): t
            }
        }
        return layout == .koboToolbox ? [id, submitted] + fields : [submitted] + fields + [id]
    }

    /// A plausible value for question `q` given the answers so far.
    private mutating func generate(_ q: Int, _ answers: [String: Value]) -> Value {
        let item = codebook.items[q]
        let exclusive = InstrumentBuilder.exclusiveChoiceNames
        func number(_ name: String) -> Int {
            if case .number(let n) = answers[name] { return n }
            return 0
        }
        switch item.type {
        case .selectOne:
            let names = lists[q]
            guard !names.isEmpty else { return .blank }
            if item.topic == Question.gateTopic, names.contains("yes") { return .choices(["yes"]) }
            if let topic = item.topic, topic.hasSuffix(":current_level"), case .choices(let r) = answers[item.name.replacingOccurrences(of: "current", with: "required")],
                let required = r.first.flatMap({ Int($0) })
            {
                return .choices([String(random.next(required + 1))])
            }
            if let topic = item.topic, topic.hasSuffix(":required_level") { return .choices([names[random.next(names.count)]]) }
            return .choices([names[random.next(names.count)]])
        case .selectMultiple:
            let names = lists[q].filter { !exclusive.contains($0) }
            guard !names.isEmpty else { return .blank }
            if lists[q].contains("none"), random.next(4) == 0 { return .choices(["none"]) }
            let picks = Set((0...random.next(2)).map { _ in names[random.next(names.count)] })
            return .choices(lists[q].filter { picks.contains($0) })
        case .integer:
            let field = item.topic?.split(separator: ":").last.map(String.init) ?? ""
            let role = item.name.dropLast(field.count)
            let low = Int(roundingChecked: item.min ?? 0, rule: .towardZero) ?? 0
            if item.name == "total_employees", case .choices(let band) = answers["size_band"] {
                // Within the size band, as the form's rule asks.
                switch band.first {
                case "micro": return .number(1 + random.next(9))
                case "small": return .number(10 + random.next(40))
                case "medium": return .number(50 + random.next(200))
                default: return .number(250 + random.next(1000))
                }
            }
            if item.name == "cyber_people" {
                // Different people doing cybersecurity work: at most the headcount.
                return .number(min(number("total_employees"), 1 + random.next(3)))
            }
            if let rule = FlowAnswers.sumRule(item.name) {
                // Destinations of leavers, sources of hires, hard-to-fill jobs: within what is left of their total.
                let left = number(rule.total) - rule.before.reduce(0) { $0 + number($1) }
                return .number(random.next(max(0, left) + 1))
            }
            switch field {
            case "staff":
                // At most the headcount (the edit rule that quarantines more staff than employees).
                let staff = random.next(6)
                if case .number(let employees) = answers["total_employees"] { return .number(min(employees, staff)) }
                return .number(staff)
            case "vacancies": return .number(random.next(4))
            case "hard_to_fill": return .number(random.next(number(role + "vacancies") + 1))
            case "new_6m": return .number(random.next(3))
            case "new_1y": return .number(number(role + "new_6m") + random.next(2))
            case "new_2y": return .number(max(low, number(role + "new_1y") + random.next(3)))
            case "leavers_12m": return .number(random.next(2))
            default:
                let high = Int(roundingChecked: min(item.max ?? 20, 20), rule: .towardZero) ?? 20
                return .number(low + random.next(max(1, high - low + 1)))
            }
        case .decimal:
            return .number((Int(roundingChecked: item.min ?? 0, rule: .towardZero) ?? 0) + random.next(10))
        case .date:
            return .text("2026-0\(1 + random.next(9))-1\(random.next(9))")
        case .text:
            return item.required ? .text("synthetic answer \(1 + random.next(99))") : .blank
        case .note:
            return .blank
        }
    }
}

/// Generated answers as XForms expressions see them.
private struct GeneratedAnswers: CompiledExpression.Answers {
    let values: [SyntheticResponses.Value]
    let lists: [[String]]

    func value(_ q: Int) -> XLSFormExpression.Value {
        switch values[q] {
        case .blank: .string("")
        case .choices(let names): .string(names.joined(separator: " "))
        case .number(let n): .number(Double(n))
        case .text(let t): .string(t)
        }
    }

    func isSelected(_ q: Int, _ choice: Int) -> Bool {
        guard case .choices(let names) = values[q], choice < lists[q].count else { return false }
        return names.contains(lists[q][choice])
    }

    func choice(_ q: Int) -> Int? {
        guard case .choices(let names) = values[q], names.count == 1 else { return nil }
        return lists[q].firstIndex(of: names[0])
    }
}

/// A small, fast, seeded generator (xorshift64*): the same seed gives the same numbers on
/// every machine.
package struct SeededRandom: Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    /// A number in `0..<bound` (0 when `bound` is 0 or less).
    package mutating func next(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) >> 33) % bound
    }

    /// A number in [0, 1).
    package mutating func unit() -> Double { Double(next(1 << 30)) / Double(1 << 30) }
}
