/// A codebook read back from the JSON the generator wrote (so that a codebook from another
/// tool or an older version of this one imports and analyses the same way). The importer
/// checks rows against it; ``ResponseReader`` and the analyses take meaning from it (types,
/// choice lists, `relevant`, `topic` and `scoring`).
package struct ParsedCodebook: Sendable {
    package struct Item: Sendable {
        package var name: String
        package var type: QuestionType
        package var listName: String?
        /// The `/`-joined group path a KoboToolbox export puts in front of the name.
        package var group: String
        package var label: LocalizedText
        package var required: Bool
        /// When the question is asked: its own `relevant` and those of its groups, joined by `and`.
        package var relevant: XLSFormExpression?
        package var constraint: XLSFormExpression?
        package var constraintText: String?
        package var constraintMessage: String?
        package var min: Double?
        package var max: Double?
        /// The bank's topic (`basic`/`advanced` capability tasks, a role's per-role question...).
        package var topic: String?
        /// How the answer feeds indicators (empty when it does not).
        package var scoring: [Scoring]
        /// When its conditions and its groups' are only gates (`${gate} = 'yes'`), the gates they
        /// name (empty when it has no condition); `nil` when any other condition decides.
        package var onlyGates: Set<String>? = []

        /// Whether every respondent who passes the gates (consent, age) is asked it.
        package var askedOfEveryRespondent: Bool { onlyGates != nil }
    }

    package var instrument: String
    package var wave: String?
    package var version: String
    package var formID: String
    package var items: [Item]
    package var lists: [String: [Choice]]
    /// Each group's label by its path (`profile`, `role_om_net_001`): what a KoboToolbox labels
    /// export with "Include groups in headers" puts in front of a question's label.
    package var groupLabels: [String: LocalizedText] = [:]

    /// Reads a codebook.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` naming what is missing or unreadable.
    package init(json: JSONValue, source: String) throws(WorkforceError) {
        let here = SourceLocation(file: source)
        guard let instrument = json["instrument"]?.string, let questions = json["questions"]?.array else {
            throw .badData(here, "not a codebook: it needs \"instrument\" and \"questions\"")
        }
        self.instrument = instrument
        self.wave = json["wave"]?.string
        self.version = json["version"]?.string ?? ""
        self.formID = json["form_id"]?.string ?? instrument
        var lists: [String: [Choice]] = [:]
        for (name, value) in json["choices"]?.objectMembers ?? [] {
            lists[name] = (value.array ?? []).compactMap { choice in
                guard let n = choice["name"]?.string else { return nil }
                var label: LocalizedText = [:], hint: LocalizedText = [:]
                for (code, text) in choice["label"]?.objectMembers ?? [] { label[code] = text.string }
                for (code, text) in choice["hint"]?.objectMembers ?? [] { hint[code] = text.string }
                return Choice(name: n, label: label, hint: hint)
            }
        }
        self.lists = lists
        // Each gate's condition, and the gate it names: a question under only these is asked
        // of every respondent.
        var gateOf: [(condition: XLSFormExpression, gate: String)] = []
        for q in questions where q["topic"]?.string == Question.gateTopic {
            if let name = q["name"]?.string, let condition = try? XLSFormExpression.parse(Question.gateCondition(name)) {
                gateOf.append((condition, name))
            }
        }
        /// The gates `text` waits on when all its `and` clauses (parenthesised or not) are gate
        /// conditions, else `nil`.
        func onlyGates(_ text: String?) -> Set<String>? {
            guard let text, !text.isEmpty else { return [] }
            guard let parsed = try? XLSFormExpression.parse(text) else { return nil }
            var gates: Set<String> = []
            for clause in parsed.flattened("and") {
                guard let gate = gateOf.first(where: { $0.condition == clause })?.gate else { return nil }
                gates.insert(gate)
            }
            return gates
        }
        // Group conditions, by path, so that each question carries those of all its groups.
        var groupRelevant: [String: XLSFormExpression] = [:]
        var groupGates: [String: Set<String>?] = [:]
        for group in json["groups"]?.array ?? [] {
            if let path = group["path"]?.string {
                var label: LocalizedText = [:]
                for (code, text) in group["label"]?.objectMembers ?? [] { label[code] = text.string }
                groupLabels[path] = label
            }
            guard let path = group["path"]?.string, let text = group["relevant"]?.string, !text.isEmpty else { continue }
            groupGates[path] = onlyGates(text)
            do {
                groupRelevant[path] = try XLSFormExpression.parse(text)
            } catch {
                throw .badData(here, "group \(path): \(error.description)")
            }
        }
        var items: [Item] = []
        for (n, q) in questions.enumerated() {
            guard let name = q["name"]?.string, let typeName = q["type"]?.string, let type = QuestionType(rawValue: typeName) else {
                throw .badData(here, "question \(n + 1) of the codebook has no name or an unknown type")
            }
            var label: LocalizedText = [:]
            for (code, text) in q["label"]?.objectMembers ?? [] { label[code] = text.string }
            let relevantText = q["relevant"]?.string
            let constraintText = q["constraint"]?.string
            func parse(_ text: String?) throws(WorkforceError) -> XLSFormExpression? {
                guard let text, !text.isEmpty else { return nil }
                do {
                    return try XLSFormExpression.parse(text)
                } catch {
                    throw .badData(here, "question \(name): \(error.description)")
                }
            }
            let message = q["constraint_message"]
            let group = q["group"]?.string ?? ""
            var relevant = try parse(relevantText)
            var gates = onlyGates(relevantText)
            var prefix: [Substring] = []
            // Each group level adds an `and` to the question's condition: bounded, as expressions are.
            guard group.split(separator: "/").count <= 64 else { throw .badData(here, "question \(name) is nested in more than 64 groups") }
            for part in group.split(separator: "/") {
                prefix.append(part)
                let path = prefix.joined(separator: "/")
                if let condition = groupRelevant[path] {
                    relevant = relevant.map { .binary("and", condition, $0) } ?? condition
                    if let own = gates, let group = groupGates[path] ?? [] { gates = own.union(group) } else { gates = nil }
                }
            }
            items.append(
                Item(
                    name: name, type: type, listName: q["list"]?.string, group: group, label: label,
                    required: q["required"]?.bool ?? false, relevant: relevant,
                    constraint: try parse(constraintText), constraintText: constraintText,
                    constraintMessage: message?["en"]?.string ?? message?.objectMembers?.first?.value.string,
                    min: q["min"]?.double, max: q["max"]?.double, topic: q["topic"]?.string,
                    scoring: Self.scoring(q["scoring"]), onlyGates: gates))
            if let list = items.last?.listName, lists[list] == nil {
                throw .badData(here, "question \(name) uses choice list \(list), which the codebook does not have")
            }
        }
        self.items = items
    }

    /// Each gate question (topic `gate`: consent, age 18+) and the position of its `yes` choice
    /// in its list: a respondent the analyses count answered that choice at every one.
    package var gates: [(question: Int, yes: Int)] {
        items.indices.compactMap { q in
            guard items[q].topic == Question.gateTopic, let list = items[q].listName.flatMap({ lists[$0] }),
                let yes = list.firstIndex(where: { $0.name == "yes" })
            else { return nil }
            return (q, yes)
        }
    }

    /// The index of each question by name.
    package var indexByName: [String: Int] {
        Dictionary(items.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `scoring`: null, one object or a list of them.
    private static func scoring(_ value: JSONValue?) -> [Scoring] {
        guard let value else { return [] }
        let objects = value.array ?? [value]
        return objects.compactMap { o in
            guard let indicator = o["indicator"]?.string else { return nil }
            return Scoring(
                indicator: indicator, ones: (o["ones"]?.array ?? []).compactMap(\.string),
                zeros: (o["zeros"]?.array ?? []).compactMap(\.string))
        }
    }
}
