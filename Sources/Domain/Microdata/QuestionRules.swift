/// Each question's rule in words for the frequency codebook: when it is asked (its and its
/// groups' `relevant`, written by ``SkipLogic`` as on the printed questionnaire) and what
/// answers are allowed (range, constraint message), with the question numbers of the printed
/// questionnaire.
struct QuestionRules {
    /// The question number of each question (notes left out), as printed.
    var numbers: [String: Int] = [:]
    var asked: [String: [String]] = [:]
    var allowed: [String: String] = [:]

    init(numbers: [String: Int] = [:], asked: [String: [String]] = [:], allowed: [String: String] = [:]) {
        self.numbers = numbers
        self.asked = asked
        self.allowed = allowed
    }

    /// The rules of the latest form `reader` reads, in `language`.
    init(_ reader: ResponseReader, language: String) throws {
        guard let id = reader.instrumentIDs.last else { return }
        let text = try reader.store.storedCodebook(instrument: id)
        let json = try JSONParser.parse(Array(text.utf8), name: "codebook of instrument \(id)")
        let codebook = try ParsedCodebook(json: json, source: "codebook of instrument \(id)")
        var groupRelevant: [String: String] = [:]
        for group in json["groups"]?.array ?? [] {
            if let path = group["path"]?.string, let relevant = group["relevant"]?.string, !relevant.isEmpty { groupRelevant[path] = relevant }
        }
        var questions: [Question] = []
        var relevant: [String: String] = [:]
        for q in json["questions"]?.array ?? [] {
            if let name = q["name"]?.string, let r = q["relevant"]?.string, !r.isEmpty { relevant[name] = r }
        }
        for item in codebook.items {
            questions.append(
                Question(
                    name: item.name, type: item.type, listName: item.listName, groupPath: item.group.split(separator: "/").map(String.init),
                    label: item.label, required: item.required, relevant: relevant[item.name], min: item.min, max: item.max,
                    extraConstraint: nil, appearance: nil, topic: item.topic))
            if item.type != .note { numbers[item.name] = numbers.count + 1 }
        }
        let lists = codebook.lists.map { ChoiceList(name: $0.key, choices: $0.value) }.sorted { $0.name < $1.name }
        let instrument = Instrument(
            kind: reader.kind, wave: nil, framework: "", languages: [], formID: codebook.formID, title: [:],
            items: questions.map(SurveyItem.question), choiceLists: lists)
        let skip = SkipLogic(
            numbers: numbers, questions: Dictionary(questions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }), instrument: instrument,
            language: language)
        for item in codebook.items where item.type != .note {
            var lines: [String] = []
            var prefix: [Substring] = []
            for part in item.group.split(separator: "/") {
                prefix.append(part)
                if let condition = groupRelevant[prefix.joined(separator: "/")], let words = skip.instruction(condition, section: true) {
                    lines.append(words)
                }
            }
            if let own = relevant[item.name], let words = skip.instruction(own) { lines.append(words) }
            asked[item.name] = lines
            var rule: [String] = []
            switch (item.min, item.max) {
            case (let low?, let high?):
                rule.append(UIText.get("between", language).replacingOccurrences(of: "{min}", with: JSONWriter.number(low))
                    .replacingOccurrences(of: "{max}", with: JSONWriter.number(high)))
            case (let low?, nil): rule.append(UIText.get("at_least", language).replacingOccurrences(of: "{min}", with: JSONWriter.number(low)))
            default: break
            }
            if let message = item.constraintMessage, !message.isEmpty {
                rule.append(message)
            } else if rule.isEmpty, let constraint = item.constraintText, !constraint.isEmpty {
                rule.append("`\(constraint)`")
            }
            if !rule.isEmpty { allowed[item.name] = rule.joined(separator: "; ") }
        }
    }
}
