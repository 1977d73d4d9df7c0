/// One answer as the analyses see it: typed, with choices by name, and "not asked" told apart
/// from "asked and left blank" (denominators need the difference).
public enum AnswerValue: Sendable, Equatable {
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
    public var isAnswered: Bool {
        switch self {
        case .notAsked, .blank: false
        default: true
        }
    }

    /// A number answer as a `Double`.
    public var number: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .decimal(let v): v
        default: nil
        }
    }

    /// The chosen names of a select question (one for a select_one), empty otherwise.
    public var chosen: [String] {
        switch self {
        case .choice(let c): [c]
        case .choices(let cs): cs
        default: []
        }
    }
}

/// A question of the responses being read: the union, by name, of the questions of every
/// version of the form that was answered (the latest version's definition wins).
public struct ResponseColumn: Sendable {
    public var name: String
    public var type: QuestionType
    public var group: String
    public var label: LocalizedText
    /// The choices of a select question, in list order.
    public var choices: [Choice]
    public var topic: String?
    public var scoring: [Scoring]
}

/// One stored response, its answers in the order of ``ResponseReader/columns``.
public struct ResponseRecord: Sendable {
    public var responseID: Int64
    public var batchID: Int64
    public var instrumentID: Int64
    public var key: String
    public var submittedAt: String?
    public var values: [AnswerValue]
}
