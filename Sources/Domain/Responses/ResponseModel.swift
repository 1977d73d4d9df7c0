/// One answer as the analyses see it: typed, with choices by name, and "not asked" told apart
/// from "asked and left blank" (denominators need the difference).
package enum AnswerValue: Sendable, Equatable {
    /// The question was not asked of this respondent: its `relevant` (or a group's) was false,
    /// or the version of the form the respondent answered did not have it.
    case notAsked
    /// Asked and left blank.
    case blank
    case choice(String)
    case choices([String])
    case integer(Int64)
    case decimal(Double)
    /// A date, `YYYY-MM-DD`.
    case date(String)
    case text(String)

    /// Whether an answer was given.
    package var isAnswered: Bool {
        switch self {
        case .notAsked, .blank: false
        default: true
        }
    }

    /// A number answer as a `Double`.
    package var number: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .decimal(let v): v
        default: nil
        }
    }

    /// The chosen names of a select question (one for a select_one), empty otherwise.
    package var chosen: [String] {
        switch self {
        case .choice(let c): [c]
        case .choices(let cs): cs
        default: []
        }
    }
}

/// A question of the responses being read: the union, by name, of the questions of every
/// version of the form that was answered (the latest version's definition wins).
package struct ResponseColumn: Sendable {
    package var name: String
    package var type: QuestionType
    package var group: String
    package var label: LocalizedText
    /// The choices of a select question, in list order.
    package var choices: [Choice]
    package var topic: String?
    package var scoring: [Scoring]
}

/// One stored response, its answers in the order of ``ResponseReader/columns``.
package struct ResponseRecord: Sendable {
    package var responseID: Int64
    package var batchID: Int64
    package var instrumentID: Int64
    package var key: String
    package var submittedAt: String?
    package var values: [AnswerValue]
}
