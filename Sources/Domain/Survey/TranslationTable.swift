import Foundation

/// A completed translation table read back and checked (`workforce translations import`).
///
/// The file has the columns of ``TranslationTemplate`` (`key`, `en`, the language's code;
/// `where`, `es` and `status` optional). It must hold every row of the template of each form
/// its keys belong to (employer, university, awareness; a work role's name and description
/// together), each key once and known; every text filled, unless its `status` is `same`
/// (then the English text is kept); and each translation must keep the `[[name: ...]]`
/// placeholders, the `${question}` references and the `{word}` slots of its English text.
/// Every problem is reported with its line and column.
package struct TranslationTable: Sendable {
    package struct Entry: Sendable, Equatable {
        package var key: String
        package var text: String
        /// The English text the translation was made from.
        package var source: String
    }

    package var language: Language
    package var entries: [Entry]
    /// Rows whose English text differs from the bank's today (the table was made from an older
    /// bank): stored, and said.
    package var stale: [SourceLocation] = []

    /// Reads and checks the table at `url` against the bank and the framework's roles.
    ///
    /// - Parameter roles: the roles of each framework the table may name, by framework name.
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the first problem, its message listing
    ///   the others (up to 20).
    package init(url: URL, bank: ItemBank, roles: [String: [SurveyRole]]) throws(WorkforceError) {
        let (table, records) = try CSVTable.readAll(url: url, required: ["key", "en"])
        let header = table.header
        let languages = header.compactMap { name in Language.known.first { $0.code == name && $0.isTranslated } }
        guard languages.count == 1, let language = languages.first else {
            let codes = Language.known.filter(\.isTranslated).map(\.code).joined(separator: ", ")
            throw .badData(
                SourceLocation(file: url.path, line: 1),
                "the header needs exactly one language column (\(codes)); found \(languages.isEmpty ? "none" : languages.map(\.code).joined(separator: ", "))")
        }
        self.language = language
        let column = { (name: String) in header.firstIndex(of: name) }
        let keyColumn = column("key") ?? 0, englishColumn = column("en") ?? 0, textColumn = column(language.code) ?? 0
        let statusColumn = column("status")

        // What each form's template expects.
        var expected: [String: TranslationTemplate.Row] = [:]
        var required: [String] = []
        for kind in InstrumentKind.allCases {
            for row in try TranslationTemplate.rows(kind: kind, bank: bank, roles: [], framework: "") where expected[row.key] == nil {
                expected[row.key] = row
            }
        }
        var problems: [(SourceLocation, String)] = []
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var kinds: Set<String> = []
        var rolesNamed: [String: Set<String>] = [:]
        for record in records {
            func at(_ column: Int) -> SourceLocation {
                SourceLocation(file: url.path, line: record.line, column: record.fieldColumns.indices.contains(column) ? record.fieldColumns[column] : 1)
            }
            let key = record.fields[keyColumn].trimmingCharacters(in: .whitespaces)
            var text = record.fields[textColumn].trimmingCharacters(in: .whitespacesAndNewlines)
            let status = statusColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let first = seen[key] {
                problems.append((at(keyColumn), "key \(key) appears twice (first at line \(first)); keep one row"))
                continue
            }
            seen[key] = record.line
            var english: String
            if let row = expected[key] {
                english = row.english
                if let file = key.split(separator: "/").first, let kind = InstrumentKind.allCases.first(where: { file == "\($0.rawValue).csv" }) {
                    kinds.insert(kind.rawValue)
                } else if key.hasPrefix("employer-role.csv/") {
                    kinds.insert(InstrumentKind.employer.rawValue)
                }
            } else if let (framework, id, part) = Self.roleKey(key), let role = roles[framework]?.first(where: { $0.id == id }) {
                english = part == "name" ? role.name : role.description
                rolesNamed[framework + "/" + id, default: []].insert(part)
            } else {
                problems.append((at(keyColumn), "unknown key \"\(key)\": it is no text of the item banks or of a work role in the database; make a new template with `workforce survey KIND --translation-template \(language.code)`"))
                continue
            }
            let given = record.fields[englishColumn]
            if given.trimmingCharacters(in: .whitespacesAndNewlines) != english.trimmingCharacters(in: .whitespacesAndNewlines) {
                stale.append(at(englishColumn))
            }
            if !status.isEmpty, status != "same" {
                problems.append((at(statusColumn ?? 0), "status \"\(status)\" is not known; leave it empty, or write same to keep the English text"))
                continue
            }
            if text.isEmpty {
                guard status == "same" else {
                    problems.append((at(textColumn), "the \(language.name) text of \(key) is empty; translate it, or write same in the status column to keep the English"))
                    continue
                }
                text = english
            }
            if let problem = Self.kept(english, text) {
                problems.append((at(textColumn), "the \(language.name) text of \(key) \(problem)"))
                continue
            }
            entries.append(Entry(key: key, text: text, source: english))
        }
        for kind in InstrumentKind.allCases where kinds.contains(kind.rawValue) {
            for row in try TranslationTemplate.rows(kind: kind, bank: bank, roles: [], framework: "") where seen[row.key] == nil {
                required.append(row.key)
            }
        }
        for key in required {
            problems.append((SourceLocation(file: url.path), "the row \(key) (\(expected[key]?.location ?? "")) is missing; every row of the template must be there"))
        }
        for (role, parts) in rolesNamed.sorted(by: { $0.key < $1.key }) {
            let (framework, id) = (String(role.split(separator: "/")[0]), String(role.split(separator: "/")[1]))
            let hasDescription = !(roles[framework]?.first { $0.id == id }?.description.isEmpty ?? true)
            if !parts.contains("name") || (hasDescription && !parts.contains("description")) {
                problems.append((SourceLocation(file: url.path), "work role \(id) needs both its name and its description rows"))
            }
        }
        if kinds.isEmpty, problems.isEmpty {
            problems.append((SourceLocation(file: url.path), "the table holds no question of any form; start from `workforce survey KIND --translation-template \(language.code)`"))
        }
        if let first = problems.first {
            let others = problems.dropFirst().prefix(20).map { "\n  \($0.0): \($0.1)" }.joined()
            let more = problems.count > 21 ? "\n  ... and \(problems.count - 21) more" : ""
            throw .badData(first.0, first.1 + others + more + (problems.count > 1 ? "\n\(problems.count) problems; nothing was stored" : ""))
        }
        self.entries = entries
    }

    /// `(framework, role id, name|description)` of a `roles/...` key.
    static func roleKey(_ key: String) -> (String, String, String)? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "roles", ["name", "description"].contains(parts[3]) else { return nil }
        return (parts[1], parts[2], parts[3])
    }

    /// What the translation lost of the English text's machinery, or `nil` when it kept it all.
    static func kept(_ english: String, _ text: String) -> String? {
        let wanted = PlaceholderText.matches(english).map(\.name).sorted(), got = PlaceholderText.matches(text).map(\.name).sorted()
        if wanted != got {
            let list = wanted.map { "[[\($0): ...]]" }.joined(separator: ", ")
            return "must keep the placeholders of the English text (\(list.isEmpty ? "none" : list)), each named as in English"
        }
        for (open, close, what) in [("${", "}", "question references"), ("{", "}", "slots")] {
            let a = tokens(english, open, close), b = tokens(text, open, close)
            if a != b {
                return "must keep the \(what) of the English text exactly (\(a.isEmpty ? "none" : a.joined(separator: " ")))"
            }
        }
        return nil
    }

    /// The `open...close` tokens of `text`, sorted (`{n}`, `${name}`); for `{`, not those of `${`.
    private static func tokens(_ text: String, _ open: String, _ close: String) -> [String] {
        var result: [String] = []
        var rest = text[...]
        while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
            let isReference = open == "{" && start.lowerBound > rest.startIndex && rest[rest.index(before: start.lowerBound)] == "$"
            if !isReference { result.append(String(rest[start.lowerBound..<end.upperBound])) }
            rest = rest[end.upperBound...]
        }
        return result.sorted()
    }
}
