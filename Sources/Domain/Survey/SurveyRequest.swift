/// What a surveyor asked for: which instrument, which wave, languages and roles.
package struct SurveyRequest: Sendable {
    package var kind: InstrumentKind
    /// Awareness only: `baseline` (default) or `followup-N`.
    package var wave: Wave?
    package var languages: [Language]
    /// Employer only: also ask which of each role's KSAs staff lack.
    package var ksaGaps: Bool
    /// With ``ksaGaps``: ask about at most this many of each role's KSAs, those most in demand
    /// (``KSAChecklist``); `nil` asks about every one.
    package var ksaLimit: Int?
    /// Values for the bank's `[[name: description]]` placeholders, by name (`--fill`).
    package var fills: [String: String]

    package init(
        kind: InstrumentKind, wave: Wave? = nil, languages: [Language] = Language.supported, ksaGaps: Bool = false,
        ksaLimit: Int? = KSAChecklist.defaultLength, fills: [String: String] = [:]
    ) {
        self.kind = kind
        self.wave = wave
        self.languages = languages
        self.ksaGaps = ksaGaps
        self.ksaLimit = ksaLimit
        self.fills = fills
    }
}

/// A work role as the employer questionnaire needs it: its id, name and current KSAs.
package struct SurveyRole: Sendable, Equatable {
    package var id: String
    package var name: String
    /// The framework's description of the role (empty when it has none).
    package var description: String = ""
    /// Non-withdrawn knowledge, skill and ability statements, in framework order.
    package var ksas: [FrameworkStatement]
    /// The name in each language: NIST's English, the project's Spanish (``RoleTexts``) and
    /// any translation stored.
    package var names: LocalizedText = [:]
    /// The description in each language (empty when the framework gives none).
    package var descriptions: LocalizedText = [:]
    /// The KSA statements' texts in languages other than English, by statement id
    /// (``StatementTexts``); a statement missing here is shown in English.
    package var ksaTexts: [String: LocalizedText] = [:]

    package init(id: String, name: String, description: String = "", ksas: [FrameworkStatement]) {
        self.id = id
        self.name = name
        self.description = description
        self.ksas = ksas
        self.names = ["en": name]
        self.descriptions = description.isEmpty ? [:] : ["en": description]
    }

    /// The role with the texts of `translations` added (keys ``TranslationKey/role(_:_:_:)``).
    func adding(_ translations: Translations, framework: String) -> SurveyRole {
        var copy = self
        copy.names.merge(translations.texts(TranslationKey.role(framework, id, "name"))) { old, _ in old }
        copy.descriptions.merge(translations.texts(TranslationKey.role(framework, id, "description"))) { old, _ in old }
        if description.isEmpty { copy.descriptions = [:] }
        return copy
    }

    /// The role with `texts`' name and description in `language` (when it has them).
    func adding(_ texts: RoleTexts, language: String, framework: String) -> SurveyRole {
        var copy = self
        if let text = texts.text(framework: framework, roleID: id) {
            copy.names[language] = text.name
            if !description.isEmpty, !text.description.isEmpty { copy.descriptions[language] = text.description }
        }
        return copy
    }

    /// The role id as XLSForm names and choices use it: `PR-CIR-001` becomes `pr_cir_001`.
    package var key: String { SurveyRole.key(id) }

    package static func key(_ id: String) -> String {
        id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}
