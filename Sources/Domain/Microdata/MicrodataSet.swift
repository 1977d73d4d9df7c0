/// The labelled microdata behind the SPSS, Stata and R files of `workforce responses`: one case
/// per response, typed variables with variable labels, value labels and missing values, in one
/// place so that every writer writes the same variables.
///
/// Values are numbers, text, dates (days since 1970-01-01) or missing ("system-missing":
/// not asked, or asked and left blank). A select_one is coded 1...k in the codebook's choice
/// order; a select_multiple is one 0/1 variable per choice.
package struct MicrodataSet: Sendable {
    package var variables: [MicrodataVariable]
    /// One row per case, each in ``variables`` order.
    package var cases: [[MicrodataValue]]
    /// A title for the file (SPSS file label, Stata dataset label).
    package var title: String
    /// What a reader of the file must know (SPSS documents, Stata notes, R comments).
    package var notes: [String] = []

    package init(variables: [MicrodataVariable], cases: [[MicrodataValue]], title: String) {
        self.variables = variables
        self.cases = cases
        self.title = title
    }

    /// The largest UTF-8 byte length of each variable's text values (0 for other variables).
    package func textWidths() -> [Int] {
        var widths = Array(repeating: 0, count: variables.count)
        for row in cases {
            for (v, value) in row.enumerated() {
                if case .text(let s) = value { widths[v] = max(widths[v], s.utf8.count) }
            }
        }
        return widths
    }
}

/// One variable of a ``MicrodataSet``.
package struct MicrodataVariable: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A whole number (`integer` questions, ids).
        case integer
        /// A number with decimals (`decimal` questions, weights).
        case decimal
        /// A select_one: 1...k in choice order, with value labels.
        case code
        /// One choice of a select_multiple: 1 chosen, 0 not chosen.
        case dummy
        /// A date (`YYYY-MM-DD` in the clean file).
        case date
        case text
    }

    /// The name in the files: see ``MicrodataNames``.
    package var name: String
    /// The codebook's name: the question (`district`), a choice of a select_multiple
    /// (`target_groups/parent`), or a fixed or design column (`response_id`, `weight`).
    package var source: String
    package var label: String
    package var kind: Kind
    /// Value labels in code order.
    package var valueLabels: [ValueLabel]
    /// The choice names behind codes 1...k of a select_one.
    package var categories: [String]
    /// The user-missing code: a select_one's "prefer not to say" (SPSS marks it missing).
    package var missingCode: Int?
    /// The question the variable comes from.
    package var question: String?
    /// A select_multiple choice's own label, the part after "Question: " in ``label``.
    package var choiceLabel: String?

    package struct ValueLabel: Sendable, Equatable {
        package var code: Int
        package var label: String
    }

    package init(
        name: String, source: String, label: String, kind: Kind, valueLabels: [ValueLabel] = [], categories: [String] = [],
        missingCode: Int? = nil, question: String? = nil, choiceLabel: String? = nil
    ) {
        self.name = name
        self.source = source
        self.label = label
        self.kind = kind
        self.valueLabels = valueLabels
        self.categories = categories
        self.missingCode = missingCode
        self.question = question
        self.choiceLabel = choiceLabel
    }

    /// The label in at most `limit` characters: a choice's label keeps its choice and shortens
    /// the question with "…" ("Do any of these describe…: Teacher"); others are cut.
    package func label(limit: Int) -> String {
        guard label.count > limit else { return label }
        if let choice = choiceLabel, choice.count + 4 < limit {
            let question = label.dropLast(choice.count + 2).prefix(limit - choice.count - 3)
            return question.trimmingCharacters(in: .whitespaces) + "…: " + choice
        }
        return String(label.prefix(limit)).trimmingCharacters(in: .whitespaces)
    }

    /// Whether values are numbers (or dates) rather than text.
    package var isNumeric: Bool { kind != .text }
}

/// One value of a case.
package enum MicrodataValue: Sendable, Equatable {
    /// System-missing: not asked, or asked and left blank.
    case missing
    case number(Double)
    /// A date as days since 1970-01-01.
    case day(Int)
    case text(String)
}

/// Calendar arithmetic for dates: days since 1970-01-01 in the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
package enum CivilDate {
    /// The day number of `YYYY-MM-DD`, or `nil` when the text is not a valid date.
    package static func days(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1, d <= monthLength(y, m)
        else { return nil }
        return days(year: y, month: m, day: d)
    }

    package static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func monthLength(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
