/// The words of the forms that are not questions or choices ("Tick one.", "Ask only if",
/// "Questionnaire no.", the exclusive rule's message...), in one language. They are data:
/// `Surveys/banks/ui.csv` (`key`, `text::en`, `text::es`), and translations add languages.
struct UIWords {
    let table: [String: LocalizedText]
    let language: String

    init(_ table: [String: LocalizedText], language: String) {
        self.table = table
        self.language = language
    }

    /// The text of `key` in the language (English when it has none; the key itself when the
    /// bank lacks it, which ``ItemBank`` refuses for the keys the tool uses).
    subscript(_ key: String) -> String {
        table[key]?[language] ?? UIText.bundled[key]?[language] ?? table[key]?["en"] ?? UIText.bundled[key]?["en"] ?? key
    }

    /// `"a", "b" or "c"` in the language's quotation marks.
    func quotedList(_ items: [String]) -> String {
        let quoted = items.map { self["quoted"].replacingOccurrences(of: "{v}", with: $0) }
        guard let last = quoted.last else { return "" }
        return quoted.count == 1 ? last : quoted.dropLast().joined(separator: ", ") + self["list_or"] + last
    }

    /// The message of the exclusive rule: `“None of these” cannot be ticked with another answer.`
    func exclusiveRule(_ labels: [String]) -> String {
        self["exclusive_rule"].replacingOccurrences(of: "{choices}", with: quotedList(labels))
    }

    /// The keys the tool's code uses; `ui.csv` must give each in English and Spanish.
    static let requiredKeys = [
        "ask_only_if", "ask_section_only_if", "and", "or", "any_more_than", "gate_no", "ticked", "not_ticked", "is", "is_not",
        "more_than", "question_n", "tick_one", "tick_all", "number", "between", "at_least", "date", "required", "interviewer",
        "interview_date", "questionnaire_no", "version", "framework", "legend", "quoted", "list_or", "exclusive_rule",
        "no_role", "ksa_none", "described_at", "short_wording", "wave_baseline", "wave_followup", "title_wave", "placeholder_neutral",
    ]
}

/// The bundled bank's words (`Surveys/banks/ui.csv`), for code that renders from a codebook
/// without an instrument's words (the microdata codebooks); read once.
enum UIText {
    static let bundled: [String: LocalizedText] = (try? ItemBank.bundled())?.words ?? [:]

    static func get(_ key: String, _ language: String) -> String {
        UIWords(bundled, language: language)[key]
    }
}
