import Foundation

/// One catalog row that passed every check, ready to store.
struct CatalogRow {
    var line: Int
    var institution: String
    var code: String
    var title: String
    var level: String
    var deliveryMode: String
    var hours: Double?
    var credits: Double?
    var intake: Int?
    var completions: Int
    /// Years from starting to completing, when the row gives them (else the level's default).
    var durationYears: Double?
    var ksaIDs: [String]
    var roleIDs: [String]
    var programme: String?
    var lastUpdated: String
    /// What one more completion a year costs, when the row gives it.
    var costPerCompletion: Double? = nil
}

/// Checks catalog rows against the catalog's columns (`Surveys/banks/catalog.csv`, the same
/// definitions `catalog.codebook.json` publishes) and the framework's ids.
struct CatalogRowChecker {
    let template: CatalogTemplate
    let file: String
    /// The framework's statements: id to (kind, withdrawn).
    let statements: [String: (kind: String, withdrawn: Bool)]
    let roles: Set<String>
    let frameworkName: String
    /// Column of each template column in the file's header.
    let columnIndex: [String: Int]
    private let matchers: [String: ChoiceMatcher]

    init(template: CatalogTemplate, file: String, header: [String], statements: [String: (kind: String, withdrawn: Bool)],
         roles: Set<String>, frameworkName: String) {
        self.template = template
        self.file = file
        self.statements = statements
        self.roles = roles
        self.frameworkName = frameworkName
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name.trimmingCharacters(in: .whitespaces).lowercased()] = index[name] ?? i }
        columnIndex = index
        var matchers: [String: ChoiceMatcher] = [:]
        for list in template.choiceLists { matchers[list.name] = ChoiceMatcher(list.choices) }
        self.matchers = matchers
    }

    /// The ids in a `ksa_ids` or `role_ids` cell: separated by spaces, commas or semicolons.
    static func ids(_ text: String) -> [String] {
        text.split { $0 == " " || $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\n" }.map { $0.uppercased() }
    }

    /// Checks `record`; returns the row, or `nil` with the reasons appended to `problems`.
    /// Warnings (a withdrawn KSA, a formula-like title) go to `warnings` and do not reject.
    func check(_ record: CSVRecord, problems: inout [ImportProblem], warnings: inout [ImportProblem]) -> CatalogRow? {
        var reasons: [ImportProblem] = []
        func here(_ column: String) -> SourceLocation {
            columnIndex[column].map { record.location(ofField: $0, in: file).inColumn(named: column) } ?? SourceLocation(file: file, line: record.line)
        }
        func cell(_ column: String) -> String {
            guard let i = columnIndex[column], i < record.fields.count else { return "" }
            return record.fields[i].trimmingCharacters(in: .whitespaces)
        }
        var values: [String: String] = [:]
        var numbers: [String: Double] = [:]
        for column in template.columns {
            let text = cell(column.name)
            if text.isEmpty {
                if column.required { reasons.append(ImportProblem(location: here(column.name), message: "\(column.name) is required but empty")) }
                continue
            }
            switch column.type {
            case .selectOne:
                guard let list = column.listName, let matcher = matchers[list], let c = matcher.lenient(text) else {
                    let names = column.listName.flatMap { matchers[$0]?.names } ?? []
                    reasons.append(ImportProblem(location: here(column.name), message: "value \"\(valuePrefix(text))\" is not a \(column.name) (\(names.joined(separator: ", ")))"))
                    continue
                }
                values[column.name] = matcher.names[c]
            case .integer, .decimal:
                // Digits only (NumberText): no exponent, hex, inf or nan; a minus sign is read so
                // that the minimum can say what is wrong.
                let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
                let parsed = column.type == .integer ? NumberText.whole(digits).flatMap { Double(exactly: $0) } : NumberText.decimal(digits)
                guard let magnitude = parsed else {
                    let kind = column.type == .integer ? "a whole number written in digits" : "a number written in digits (with a decimal point, no exponent)"
                    reasons.append(ImportProblem(location: here(column.name), message: "value \"\(valuePrefix(text))\" of \(column.name) is not \(kind)"))
                    continue
                }
                let number = text.hasPrefix("-") ? -magnitude : magnitude
                if let min = column.min, number < min {
                    reasons.append(ImportProblem(location: here(column.name), message: "\(column.name) \(text) is below its minimum \(Question.number(min))"))
                    continue
                }
                if let max = column.max, number > max {
                    reasons.append(ImportProblem(location: here(column.name), message: "\(column.name) \(text) is above its maximum \(Question.number(max))"))
                    continue
                }
                numbers[column.name] = number
            case .date:
                guard RowValidator.isDate(text) else {
                    reasons.append(ImportProblem(location: here(column.name), message: "value \"\(valuePrefix(text))\" of \(column.name) is not a date YYYY-MM-DD"))
                    continue
                }
                values[column.name] = text
            default:
                if text.unicodeScalars.count > RowValidator.maxTextLength {
                    reasons.append(ImportProblem(location: here(column.name), message: "\(column.name) is longer than \(RowValidator.maxTextLength) characters"))
                    continue
                }
                if let first = text.utf8.first, CSVWriter.startsFormula(first) {
                    warnings.append(
                        ImportProblem(
                            location: here(column.name),
                            message: "\(column.name) \"\(valuePrefix(text))\" starts like a spreadsheet formula; it is stored as written and neutralised in every output"))
                }
                values[column.name] = text
            }
        }
        var ksas: [String] = []
        for id in Self.ids(cell("ksa_ids")) {
            guard let statement = statements[id] else {
                reasons.append(ImportProblem(location: here("ksa_ids"), message: "\(id) is not a KSA of framework \(frameworkName); `workforce framework search` finds ids by text"))
                continue
            }
            guard statement.kind != "T" else {
                reasons.append(ImportProblem(location: here("ksa_ids"), message: "\(id) is a task, not a knowledge, skill or ability; list KSA ids"))
                continue
            }
            if statement.withdrawn {
                warnings.append(ImportProblem(location: here("ksa_ids"), message: "\(id) is withdrawn from \(frameworkName); it is not counted"))
                continue
            }
            if !ksas.contains(id) { ksas.append(id) }
        }
        if !cell("ksa_ids").isEmpty && Self.ids(cell("ksa_ids")).isEmpty {
            reasons.append(ImportProblem(location: here("ksa_ids"), message: "ksa_ids is required but lists no id, only separators"))
        }
        var roleIDs: [String] = []
        for id in Self.ids(cell("role_ids")) {
            guard roles.contains(id) else {
                reasons.append(ImportProblem(location: here("role_ids"), message: "\(id) is not a work role of framework \(frameworkName); `workforce framework list roles` lists them"))
                continue
            }
            if !roleIDs.contains(id) { roleIDs.append(id) }
        }
        if let programme = values["programme"], programme.lowercased() == values["code"]?.lowercased() {
            reasons.append(ImportProblem(location: here("programme"), message: "an offering cannot belong to itself; leave programme empty for the programme's own row"))
        }
        guard reasons.isEmpty, let completions = numbers["annual_completions"] else {
            problems += reasons
            return nil
        }
        var row = CatalogRow(
            line: record.line, institution: values["institution"] ?? "", code: values["code"] ?? "", title: values["title"] ?? "",
            level: values["level"] ?? "", deliveryMode: values["delivery_mode"] ?? "", hours: numbers["hours"], credits: numbers["credits"],
            intake: numbers["annual_intake"].flatMap { Int(exactly: $0) }, completions: Int(exactly: completions) ?? 0, durationYears: numbers["duration_years"], ksaIDs: ksas, roleIDs: roleIDs,
            programme: values["programme"], lastUpdated: values["last_updated"] ?? "")
        row.costPerCompletion = numbers["cost_per_completion"]
        return row
    }
}
