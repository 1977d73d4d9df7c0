/// The three questionnaires the tool generates.
package enum InstrumentKind: String, Sendable, CaseIterable {
    /// Employer workforce survey (strategy activity 1.2).
    case employer
    /// University and training-provider survey, with the training catalog template (1.3).
    case university
    /// Public awareness survey: baseline (5.1) and follow-up waves (5.2).
    case awareness
}

/// A survey wave: `baseline`, or `followup-N` for the N-th follow-up (N ≥ 1).
package struct Wave: Sendable, Hashable, CustomStringConvertible {
    package let name: String
    package var isFollowUp: Bool { name != "baseline" }

    /// - Throws: ``WorkforceError/usage(_:)`` for any other name.
    package init(_ name: String) throws(WorkforceError) {
        if name == "baseline" {
            self.name = name
            return
        }
        guard name.hasPrefix("followup-"), let n = Int(name.dropFirst("followup-".count)), n >= 1,
            String(n) == name.dropFirst("followup-".count)
        else {
            throw .usage("unknown wave \"\(name)\"; use baseline or followup-N (followup-1, followup-2, ...)")
        }
        self.name = name
    }

    /// An employer wave: `baseline` or a name of 1 to 32 lower-case letters, digits, `-` or `_`
    /// (`2027`, `review-2028`): employer studies repeat on their own calendar.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` for any other name.
    package init(employer name: String) throws(WorkforceError) {
        guard (1...32).contains(name.utf8.count),
            name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 })
        else {
            throw .usage("unknown employer wave \"\(valuePrefix(name))\"; use baseline or a name of lower-case letters, digits, - or _ (such as 2027)")
        }
        self.name = name
    }

    /// How an employer batch stores its wave: `nil` for the baseline (as before waves existed).
    package static func employerColumn(_ name: String?) -> String? { name == nil || name == "baseline" ? nil : name }

    package static let baseline = Wave(unchecked: "baseline")
    private init(unchecked name: String) { self.name = name }
    package var description: String { name }

    /// The wave's name in words of `language`, for titles: "baseline", "follow-up 1",
    /// "línea de base", "seguimiento 1".
    package func words(_ language: String) -> String {
        let spanish = language == "es"
        guard isFollowUp else { return spanish ? "línea de base" : "baseline" }
        return (spanish ? "seguimiento " : "follow-up ") + name.dropFirst("followup-".count)
    }
}

/// A language the labels are written in (an ISO 639 code and its name); XLSForm names it
/// `English (en)`, `Q'eqchi' (kek)`.
package struct Language: Sendable, Hashable {
    package let code: String
    package let name: String

    package static let english = Language(code: "en", name: "English")
    package static let spanish = Language(code: "es", name: "Español")
    /// The languages the item banks are written in.
    package static let supported = [english, spanish]
    /// Every language a form can be generated in: the banks' two, and the languages of Belize
    /// that a translation table (``Translations``) adds, by ISO 639-3 code.
    package static let known = supported + [
        Language(code: "kek", name: "Q'eqchi'"), Language(code: "mop", name: "Mopan"), Language(code: "cab", name: "Garifuna"),
        Language(code: "bzj", name: "Belize Kriol"), Language(code: "yua", name: "Yucatec Maya"),
        Language(code: "pdt", name: "Plautdietsch"),
    ]

    /// Whether its texts come from a translation table rather than the item banks.
    package var isTranslated: Bool { !Self.supported.contains(self) }

    /// The XLSForm column suffix: `English (en)`.
    package var xlsformName: String { "\(name) (\(code))" }

    /// - Throws: ``WorkforceError/usage(_:)`` for a code that is not in ``known``.
    package static func parse(_ code: String) throws(WorkforceError) -> Language {
        guard let language = known.first(where: { $0.code == code }) else {
            let list = known.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            throw .usage("unknown language \"\(code)\"; use one of \(list)")
        }
        return language
    }
}

/// Text in several languages, keyed by language code.
package typealias LocalizedText = [String: String]

/// How one answer feeds an indicator (SPEC section 4): `ones` count as 1, `zeros` as 0, any
/// other answer is missing. For a select_multiple: 1 when any of `ones` is selected, else 0 when
/// any of `zeros` is, else missing.
package struct Scoring: Sendable, Equatable {
    package var indicator: String
    package var ones: [String]
    package var zeros: [String]
}

/// The XLSForm base types a question can have.
package enum QuestionType: String, Sendable, CaseIterable {
    case selectOne = "select_one"
    case selectMultiple = "select_multiple"
    case integer, decimal, text, date, note
}

/// One question of an instrument.
package struct Question: Sendable, Equatable {
    package var name: String
    package var type: QuestionType
    /// The choice list of a select question.
    package var listName: String?
    /// The names of the groups it is in, outermost first.
    package var groupPath: [String]
    package var label: LocalizedText
    package var hint: LocalizedText = [:]
    /// A few words for the printed form's later work-role sections, which repeat the first
    /// section's questions (empty when the bank gives none).
    package var shortLabel: LocalizedText = [:]
    package var required: Bool
    package var relevant: String?
    package var min: Double?
    package var max: Double?
    /// A constraint beyond `min` and `max`, in XLSForm syntax.
    package var extraConstraint: String?
    package var constraintMessage: LocalizedText = [:]
    package var appearance: String?
    /// A tag analyses group by, e.g. `basic` or `advanced` for employer capability items.
    package var topic: String?
    package var scoring: [Scoring] = []
    /// The choices of a select_multiple that cannot be ticked with any other ("none of these",
    /// "don't know", "prefer not to say"): see ``InstrumentBuilder/exclusiveChoiceNames``.
    package var exclusive: [String] = []

    /// The topic of a gate question (`consent`, `age_check`): only a "yes" goes on; every later
    /// item of the form is asked only then, and analyses count only respondents who passed
    /// every gate.
    package static let gateTopic = "gate"
    package var isGate: Bool { topic == Self.gateTopic }

    /// The topic of a question whose answer identifies the response within its form and wave,
    /// as the typing template's `questionnaire_no` does (a household or establishment number
    /// written on the form): the importer keys the row by it, scoped per form and wave.
    package static let localIDTopic = "local_id"

    /// The condition a gate puts on every later item: `${consent} = 'yes'`.
    package static func gateCondition(_ gate: String) -> String { "${\(gate)} = 'yes'" }

    /// The full XLSForm constraint: the range, the extra rule and each exclusive choice's rule,
    /// each in parentheses, joined by `and` (see ``Clauses``).
    package var constraint: String? {
        var parts: [String] = []
        if let min { parts.append(". >= \(Self.number(min))") }
        if let max { parts.append(". <= \(Self.number(max))") }
        if let extraConstraint { parts.append(extraConstraint) }
        for name in exclusive { parts.append("not(selected(., '\(name)') and count-selected(.) > 1)") }
        return Clauses.all(parts)
    }

    /// The XLSForm `type` cell: `select_one districts`, `integer`...
    package var xlsformType: String {
        listName.map { "\(type.rawValue) \($0)" } ?? type.rawValue
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

/// A group of questions (an XLSForm `begin_group` ... `end_group`).
package struct QuestionGroup: Sendable, Equatable {
    package var name: String
    package var label: LocalizedText
    package var hint: LocalizedText = [:]
    package var relevant: String?
    /// `field-list`: shown on one screen, and kept on one page when printed.
    package var appearance: String?
}

/// The items of an instrument in order: group boundaries and questions.
package enum SurveyItem: Sendable, Equatable {
    case beginGroup(QuestionGroup)
    case endGroup(String)
    case question(Question)
}

package struct Choice: Sendable, Equatable {
    package var name: String
    package var label: LocalizedText
    /// What the choice means, one line (a proficiency level, a work role's NICE description).
    /// Printed under the tick box; XLSForm has no per-choice hint (see ``XLSForm``).
    package var hint: LocalizedText = [:]

    package init(name: String, label: LocalizedText, hint: LocalizedText = [:]) {
        self.name = name
        self.label = label
        self.hint = hint
    }
}

package struct ChoiceList: Sendable, Equatable {
    package var name: String
    package var choices: [Choice]
}

/// Text in an item bank the surveyor must fill (`[[contact: contact name, phone, e-mail]]`),
/// left unfilled: `--fill NAME=...` fills it.
package struct Placeholder: Sendable, Equatable {
    package var location: SourceLocation
    package var text: String
    /// The name `--fill` takes (`contact`).
    package var name: String
}

/// A generated questionnaire, ready to be written in every format.
package struct Instrument: Sendable {
    package var kind: InstrumentKind
    package var wave: Wave?
    package var framework: String
    package var languages: [Language]
    /// The XLSForm `form_id`: `employer`, `university`, `awareness_baseline`, `awareness_followup_1`.
    package var formID: String
    package var title: LocalizedText
    package var items: [SurveyItem]
    /// The lists the questions use, in order of first use.
    package var choiceLists: [ChoiceList]
    /// `[[...]]` placeholders left in the bank's texts, for the surveyor to fill before fielding.
    package var placeholders: [Placeholder] = []
    /// The names of every placeholder its bank texts held, filled or not.
    package var placeholderNames: Set<String> = []
    /// The words of the forms that are not questions (`ui.csv`, with their translations).
    package var words: [String: LocalizedText] = [:]

    package init(
        kind: InstrumentKind, wave: Wave?, framework: String, languages: [Language], formID: String, title: LocalizedText,
        items: [SurveyItem], choiceLists: [ChoiceList]
    ) {
        self.kind = kind
        self.wave = wave
        self.framework = framework
        self.languages = languages
        self.formID = formID
        self.title = title
        self.items = items
        self.choiceLists = choiceLists
    }

    package var questions: [Question] {
        items.compactMap { if case .question(let q) = $0 { q } else { nil } }
    }

    package func choiceList(_ name: String) -> ChoiceList? { choiceLists.first { $0.name == name } }
}
