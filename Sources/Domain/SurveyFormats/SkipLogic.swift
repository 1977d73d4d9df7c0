/// Writes XLSForm `relevant` expressions as instructions an interviewer can follow on paper.
///
/// The expression is read with the importer's parser, so parentheses and precedence mean what
/// they mean to ODK. Its top-level `and` clauses are translated when they take the forms the
/// item banks use: `selected(${q}, 'v')`, `not(selected(${q}, 'v'))`, `${q} = 'v'`,
/// `${q} != 'v'`, `${q} > N`, or an `or` of such clauses ("... ; or ..."). Anything else is
/// shown as the expression itself with each `${q}` replaced by its question number, so
/// nothing is hidden. The gates' `${consent} = 'yes'` clauses are left out: on paper the gate
/// question itself says that a "no" ends the interview.
struct SkipLogic {
    let numbers: [String: Int]
    let questions: [String: Question]
    let instrument: Instrument
    let language: String
    let words: UIWords
    /// The gates' conditions, left out of every instruction.
    let gateConditions: [XLSFormExpression]

    init(numbers: [String: Int], questions: [String: Question], instrument: Instrument, language: String) {
        self.numbers = numbers
        self.questions = questions
        self.instrument = instrument
        self.language = language
        self.words = UIWords(instrument.words, language: language)
        gateConditions = instrument.questions.filter(\.isGate).compactMap { try? XLSFormExpression.parse(Question.gateCondition($0.name)) }
    }

    /// The instruction for `relevant`, e.g. `Ask only if question 5 is "Other".`; `nil` when
    /// only gate clauses are left.
    func instruction(_ relevant: String, section: Bool = false) -> String? {
        guard let parsed = try? XLSFormExpression.parse(relevant) else { return nil }
        let parts = parsed.flattened("and").filter { !gateConditions.contains($0) }
        guard !parts.isEmpty else { return nil }
        let clauses = parts.map(describeAny)
        let lead = words[section ? "ask_section_only_if" : "ask_only_if"]
        if clauses.contains(where: { $0 == nil }) {
            let text = parts.count == 1 ? parts[0] : parts.dropFirst().reduce(parts[0]) { .binary("and", $0, $1) }
            return lead + " " + withNumbers(text) + "."
        }
        return lead + " " + clauses.compactMap { $0 }.joined(separator: words["and"]) + "."
    }

    /// One clause, or `a or b or ...` of clauses.
    private func describeAny(_ clause: XLSFormExpression) -> String? {
        let parts = clause.flattened("or")
        guard parts.count > 1 else { return describe(clause) }
        // `${a} > 0 or ${b} > 0 ...` (a test repeated for each work role) reads as one sentence.
        let greater: [(String, Double)] = parts.compactMap {
            guard case .binary(">", .reference(let q), .number(let v)) = $0 else { return nil }
            return (q, v)
        }
        if greater.count == parts.count, let value = greater.first?.1, greater.allSatisfy({ $0.1 == value }) {
            let list = greater.compactMap { numbers[$0.0].map(String.init) }
            if list.count == greater.count {
                return words["any_more_than"].replacingOccurrences(of: "{list}", with: list.joined(separator: ", "))
                    .replacingOccurrences(of: "{v}", with: XLSFormExpression.Value.number(value).asString)
            }
        }
        let alternatives = parts.map(describe)
        guard !alternatives.contains(where: { $0 == nil }) else { return nil }
        return alternatives.compactMap { $0 }.joined(separator: words["or"])
    }

    private func describe(_ clause: XLSFormExpression) -> String? {
        if case .call("not", let args) = clause, args.count == 1, let (q, v) = Self.selected(args[0]) { return format("not_ticked", q, v) }
        if let (q, v) = Self.selected(clause) { return format("ticked", q, v) }
        guard case .binary(let op, .reference(let q), let value) = clause else { return nil }
        switch (op, value) {
        case ("!=", .literal(let v)): return format("is_not", q, v)
        case ("=", .literal(let v)): return format("is", q, v)
        case (">", .number(let v)):
            guard let n = numbers[q] else { return nil }
            return words["more_than"].replacingOccurrences(of: "{n}", with: String(n))
                .replacingOccurrences(of: "{v}", with: XLSFormExpression.Value.number(v).asString)
        default: return nil
        }
    }

    /// `selected(${q}, 'v')` as `(q, v)`.
    private static func selected(_ e: XLSFormExpression) -> (String, String)? {
        guard case .call("selected", let args) = e, args.count == 2, case .reference(let q) = args[0], case .literal(let v) = args[1]
        else { return nil }
        return (q, v)
    }

    private func format(_ key: String, _ name: String, _ value: String) -> String? {
        guard let n = numbers[name], let q = questions[name] else { return nil }
        let label = q.listName.flatMap { instrument.choiceList($0) }?.choices.first { $0.name == value }?.label[language] ?? value
        return words[key].replacingOccurrences(of: "{n}", with: String(n))
            .replacingOccurrences(of: "{v}", with: label)
    }

    private func withNumbers(_ expression: XLSFormExpression) -> String {
        expression.text { name in
            numbers[name].map { words["question_n"].replacingOccurrences(of: "{n}", with: String($0)) } ?? name
        }
    }
}
