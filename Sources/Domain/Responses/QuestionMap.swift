/// How one instrument's stored answers map to the reader's columns: each position's type,
/// column and choice names, and its `relevant` rule compiled, to tell "not asked" from blank.
final class QuestionMap {
    let instrumentID: Int64
    let codebook: ParsedCodebook
    let types: [QuestionType]
    /// The reader's column of each position; -1 for notes (never answered).
    private(set) var column: [Int]
    let choiceNames: [[String]]
    /// How many choices each position's list has (0 for a question without one).
    let choiceCounts: [Int]
    private let relevant: [CompiledExpression?]
    /// Each gate question (topic `gate`: consent, age 18+) and the position of its `yes` choice.
    private let gates: [(question: Int, yes: Int)]

    init(instrumentID: Int64, codebook: ParsedCodebook) {
        self.instrumentID = instrumentID
        self.codebook = codebook
        types = codebook.items.map(\.type)
        let choiceNames = codebook.items.map { item in item.listName.flatMap { codebook.lists[$0] }?.map(\.name) ?? [] }
        self.choiceNames = choiceNames
        choiceCounts = choiceNames.map(\.count)
        relevant = CompiledExpression.relevance(of: codebook, lists: choiceNames)
        column = Array(repeating: -1, count: codebook.items.count)
        gates = codebook.gates
    }

    /// Whether the response answered "yes" at every gate: a respondent the analyses count.
    func passesGates(_ stored: [AnswerCodec.Stored]) -> Bool {
        for gate in gates {
            guard gate.question < stored.count, case .choice(let c) = stored[gate.question], c == gate.yes else { return false }
        }
        return true
    }

    /// The position of each of the reader's columns in this instrument; -1 where it has none.
    private(set) var position: [Int] = []

    /// Points each question at the reader's column of the same name.
    func bind(to indexByName: [String: Int]) {
        position = Array(repeating: -1, count: indexByName.count)
        for (q, item) in codebook.items.enumerated() where item.type != .note {
            column[q] = indexByName[item.name] ?? -1
            if column[q] >= 0 { position[column[q]] = q }
        }
    }

    /// Fills `values` (the reader's columns) from one decoded response; columns this
    /// instrument does not have are not asked.
    func fill(_ values: inout [AnswerValue], from stored: [AnswerCodec.Stored]) {
        for c in values.indices { values[c] = .notAsked }
        let answers = StoredAnswers(stored: stored, names: choiceNames)
        for q in stored.indices {
            let c = column[q]
            guard c >= 0 else { continue }
            switch stored[q] {
            case .null:
                // Stored null: not asked when its rule is false on the stored answers (as the
                // importer decided, in the same order), else asked and left blank.
                if let rule = relevant[q], !rule.evaluate(answers, current: .string("")).asBool {
                    values[c] = .notAsked
                } else {
                    values[c] = .blank
                }
            case .choice(let p):
                values[c] = p < choiceNames[q].count ? .choice(choiceNames[q][p]) : .blank
            case .choices(let ps):
                values[c] = .choices(ps.compactMap { $0 < choiceNames[q].count ? choiceNames[q][$0] : nil })
            case .integer(let v):
                values[c] = types[q] == .decimal ? .decimal(Double(v)) : .integer(v)
            case .decimal(let v):
                values[c] = .decimal(v)
            case .text(let s):
                values[c] = types[q] == .date ? .date(s) : .text(s)
            }
        }
    }
}

/// Stored answers as XForms expressions see them.
private struct StoredAnswers: CompiledExpression.Answers {
    let stored: [AnswerCodec.Stored]
    let names: [[String]]

    func value(_ q: Int) -> XLSFormExpression.Value {
        switch stored[q] {
        case .null: .string("")
        case .choice(let c): .string(c < names[q].count ? names[q][c] : "")
        case .choices(let cs): .string(cs.compactMap { $0 < names[q].count ? names[q][$0] : nil }.joined(separator: " "))
        case .integer(let v): .number(Double(v))
        case .decimal(let v): .number(v)
        case .text(let s): .string(s)
        }
    }

    func isSelected(_ q: Int, _ choice: Int) -> Bool {
        switch stored[q] {
        case .choices(let cs): cs.contains(choice)
        case .choice(let c): c == choice
        default: false
        }
    }

    func choice(_ q: Int) -> Int? {
        if case .choice(let c) = stored[q] { return c }
        return nil
    }
}
