/// What the printed formats (HTML and Markdown) share: question numbers, skip instructions and
/// the answer instructions of each question, in one language.
struct QuestionnaireLayout {
    let instrument: Instrument
    let language: String
    let numbers: [String: Int]
    let skip: SkipLogic
    let words: UIWords

    init(_ instrument: Instrument, language: String) {
        self.instrument = instrument
        self.language = language
        var numbers: [String: Int] = [:]
        var n = 0
        for q in instrument.questions where q.type != .note {
            n += 1
            numbers[q.name] = n
        }
        self.numbers = numbers
        self.words = UIWords(instrument.words, language: language)
        self.skip = SkipLogic(
            numbers: numbers, questions: Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.name, $0) }),
            instrument: instrument, language: language)
    }

    /// A text in the language, an unfilled placeholder as a labelled blank to write on.
    func text(_ t: LocalizedText) -> String { PlaceholderText.blank(t[language] ?? t["en"] ?? "") }

    /// How to answer: "Tick one.", "Number, from 0 to 100000", ...; `nil` when the question's
    /// own hint already says it.
    func answerInstruction(_ q: Question) -> String? {
        guard let instruction = defaultInstruction(q) else { return nil }
        let hint = text(q.hint)
        guard !hint.isEmpty, instruction.hasPrefix(hint) else { return instruction }
        let rest = instruction.dropFirst(hint.count).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : rest
    }

    private func defaultInstruction(_ q: Question) -> String? {
        switch q.type {
        case .selectOne: return words["tick_one"] + (q.isGate ? " " + words["gate_no"] : "")
        case .selectMultiple:
            let exclusive = choices(q).filter { q.exclusive.contains($0.name) }.map { text($0.label) }
            return words["tick_all"] + (exclusive.isEmpty ? "" : " " + words.exclusiveRule(exclusive))
        case .integer, .decimal:
            var s = words["number"]
            if let min = q.min, let max = q.max {
                s += ", " + words["between"].replacingOccurrences(of: "{min}", with: Question.number(min))
                    .replacingOccurrences(of: "{max}", with: Question.number(max))
            } else if let min = q.min {
                s += ", " + words["at_least"].replacingOccurrences(of: "{min}", with: Question.number(min))
            }
            // Cross-field rules (e.g. hard-to-fill not above vacancies) in the bank's own words.
            if q.extraConstraint != nil, let message = q.constraintMessage[language] { s += ". " + message }
            return s
        case .date: return words["date"]
        case .text, .note: return nil
        }
    }

    /// The choices of a select question.
    func choices(_ q: Question) -> [Choice] {
        q.listName.flatMap { instrument.choiceList($0) }?.choices ?? []
    }

    /// The title line under the heading: the version (which identifies the form exactly) and
    /// the framework, in the form's language.
    func metadata(version: String) -> String {
        "\(words["version"]) \(version.prefix(12)) · \(words["framework"]) \(instrument.framework)"
    }
}
