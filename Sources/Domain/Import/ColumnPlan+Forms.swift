/// Every header a column of a question (or of one of its choices) may have, in every export
/// layout: names and labels, with or without the groups in front, joined by `/`, `-` or `.`.
extension ColumnPlan {
    /// The separators KoboToolbox (`/` by default, any one the user types), ODK Central (`-`)
    /// and others (`.`) put between a group and what is in it.
    static let groupSeparators = ["/", "-", "."]

    struct HeaderForms {
        /// Names as the header writes them: `district`, `profile/district`, `profile.district`,
        /// `profile/target_groups/parent`, `target_groups[parent]`, LimeSurvey's codes.
        var exact: [String: Role] = [:]
        /// Labels in any language (``ColumnPlan/normalizedLabel(_:)``): `In which district do
        /// you live?`, `About you/In which district do you live?`, `Do any of these describe
        /// you?/Teacher`; those of several questions are in `ambiguous` instead.
        var labels: [String: Role] = [:]
        var ambiguous: [String: [Int]] = [:]
        /// Note columns by name, group path or normalized label.
        var notes: Set<String> = []

        mutating func name(_ form: String, _ role: Role) {
            if exact[form] == nil { exact[form] = role }
        }

        mutating func label(_ text: String, _ role: Role, question: Int) {
            let key = ColumnPlan.normalizedLabel(text)
            if let owners = ambiguous[key] {
                if !owners.contains(question) { ambiguous[key] = owners + [question] }
            } else if let first = labels[key], first != role {
                labels[key] = nil
                ambiguous[key] = [ColumnPlan.question(of: first), question]
            } else {
                labels[key] = role
            }
        }
    }

    static func question(of role: Role) -> Int {
        switch role {
        case .question(let q), .choice(let q, _): q
        default: -1
        }
    }

    /// LimeSurvey's code of a name: its letters and digits.
    static func limeCode(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    static func headerForms(_ codebook: ParsedCodebook) -> HeaderForms {
        var forms = HeaderForms()
        let languages = Set(codebook.items.flatMap { $0.label.keys })
        /// A group path's labels in `language` joined by `separator` (a group without a label
        /// in that language by its name, as KoboToolbox's exporter writes it).
        func groupLabel(_ path: String, _ language: String, _ separator: String) -> String {
            let parts = path.split(separator: "/").map(String.init)
            return parts.indices.map { i in
                codebook.groupLabels[parts[...i].joined(separator: "/")]?[language] ?? parts[i]
            }.joined(separator: separator)
        }
        /// The question's headers as (text, separator after it), names then labels.
        func headers(_ item: ParsedCodebook.Item) -> (names: [(String, [String])], labels: [(String, String, [String])]) {
            var names: [(String, [String])] = [(item.name, groupSeparators)]
            var labels: [(String, String, [String])] = []
            let parts = item.group.split(separator: "/").map(String.init)
            for separator in groupSeparators where !parts.isEmpty {
                names.append((parts.joined(separator: separator) + separator + item.name, [separator, "/"]))
            }
            for language in languages.sorted() {
                let text = item.label[language] ?? item.name
                labels.append((text, language, groupSeparators))
                for separator in groupSeparators where !parts.isEmpty {
                    labels.append((groupLabel(item.group, language, separator) + separator + text, language, [separator]))
                }
            }
            return (names, labels)
        }
        for item in codebook.items where item.type == .note {
            let (names, labels) = headers(item)
            for (name, _) in names { forms.notes.insert(name) }
            for (text, _, _) in labels { forms.notes.insert(normalizedLabel(text)) }
        }
        for (q, item) in codebook.items.enumerated() where item.type != .note {
            let (names, labels) = headers(item)
            for (name, _) in names { forms.name(name, .question(q)) }
            forms.name(limeCode(item.name), .question(q))
            for (text, _, _) in labels { forms.label(text, .question(q), question: q) }
            guard item.type == .selectMultiple, let list = item.listName, let choices = codebook.lists[list] else { continue }
            for (c, choice) in choices.enumerated() {
                let role = Role.choice(question: q, choice: c)
                for (name, separators) in names {
                    for separator in separators { forms.name(name + separator + choice.name, role) }
                    forms.name(name + "[" + choice.name + "]", role)
                }
                forms.name(limeCode(item.name) + "[" + limeCode(choice.name) + "]", role)
                for (text, language, separators) in labels {
                    for separator in separators { forms.label(text + separator + (choice.label[language] ?? choice.name), role, question: q) }
                }
            }
        }
        return forms
    }
}
