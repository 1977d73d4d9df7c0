/// Checks one response row against the codebook and writes its answers as JSON.
///
/// For each question: the value must be of its type (a choice of its list, a whole number, a
/// number, a date YYYY-MM-DD, text), within its range, and pass its constraint (cross-field rules
/// such as hard-to-fill not above vacancies); a required question that is asked (its `relevant`
/// and its groups' hold) must be answered. Answers to questions that were not asked are not
/// stored. A row with any problem gets every reason, each at its column.
final class RowValidator: CompiledExpression.Answers {
    enum Answer {
        case missing
        case choice(Int)
        /// The choices are in `selected[question]`.
        case choices
        case integer(Int64)
        case decimal(Double)
        case text(String)
    }

    struct Reason {
        var column: Int?
        var message: String
    }

    /// The longest text answer accepted, in characters.
    static let maxTextLength = 10_000

    /// What the hot loop needs of a question, without references (so copying it is free).
    struct Slot {
        var type: QuestionType
        var required: Bool
        var hasRelevant: Bool
        /// Its condition is exactly "every gate answered yes": checked once per row, not per question.
        var onlyAllGates: Bool
        var column: Int  // -1 when the question has no single column
        var hasChoiceColumns: Bool
        /// Its range: read per answered number, so kept here rather than copied from the item.
        var min: Double?
        var max: Double?
        /// Its constraint uses `.` (the answer itself as a value), which is then worked out.
        var constraintUsesCurrent: Bool
        /// A text question whose answer is a code (``codeQuestions``).
        var isCode: Bool
        /// It has a constraint: asked of every answered choice question, without reading the
        /// optional condition (and counting its reference) when there is none.
        var hasConstraint: Bool
    }

    let codebook: ParsedCodebook
    let plan: ColumnPlan
    private let slots: [Slot]
    let matchers: [ChoiceMatcher?]
    private let asked: [Int]  // questions that can hold an answer (not notes)
    /// Per question, which of the distinct `relevant` conditions is its own (-1: none): a form
    /// repeats one condition on many questions (a group's, `${internet_use} != 'never'`), and
    /// each is worked out once per row (``relevantMemo``).
    private let relevantGroup: [Int]
    private let distinctRelevant: [CompiledCondition]
    /// Per distinct condition, this row's result: 0 not yet worked out, 1 false, 2 true.
    @exclusivity(unchecked) private var relevantMemo: [UInt8]
    private let constraints: [CompiledCondition?]
    /// The submission-time column whose value must be an ISO 8601 date-time, if any.
    private let checkedSubmittedColumn: Int?
    /// Each gate question (consent, age) and its `yes` choice.
    private let gates: [(question: Int, yes: Int)]


    @exclusivity(unchecked) private(set) var answers: [Answer]
    @exclusivity(unchecked) var selected: [[Int]]
    @exclusivity(unchecked) private(set) var reasons: [Reason] = []
    /// Per question, whether this row already has a reason about its value.
    @exclusivity(unchecked) private var hasReason: [Bool]
    private let encoder = AnswerCodec.Encoder()
    /// The row's answers as stored (``AnswerCodec``), after a successful ``validate(_:)``.
    var json: [UInt8] { encoder.bytes }
    /// The same bytes in place, valid until the next row is checked.
    var jsonBytes: UnsafeBufferPointer<UInt8> { encoder.written }

    init(codebook: ParsedCodebook, plan: ColumnPlan) {
        self.codebook = codebook
        self.plan = plan
        let matchers = codebook.items.map { item in item.listName.flatMap { codebook.lists[$0] }.map(ChoiceMatcher.init) }
        self.matchers = matchers
        let indexByName = codebook.indexByName
        func compile(_ e: XLSFormExpression?, current: Int? = nil) -> CompiledExpression? {
            e.map {
                CompiledExpression(
                    $0, index: { indexByName[$0] }, choice: { q, name in matchers[q]?.names.firstIndex(of: name) },
                    isSelectOne: { codebook.items[$0].type == .selectOne }, current: current)
            }
        }
        let relevant = codebook.items.map { compile($0.relevant) }
        var distinct: [XLSFormExpression] = []
        var compiled: [CompiledExpression] = []
        var group: [Int] = []
        for (q, item) in codebook.items.enumerated() {
            guard let e = item.relevant, let c = relevant[q] else {
                group.append(-1)
                continue
            }
            if let k = distinct.firstIndex(of: e) {
                group.append(k)
            } else {
                group.append(distinct.count)
                distinct.append(e)
                compiled.append(c)
            }
        }
        relevantGroup = group
        distinctRelevant = compiled.map(CompiledCondition.init)
        relevantMemo = Array(repeating: 0, count: distinct.count)
        let constraints = codebook.items.indices.map { compile(codebook.items[$0].constraint, current: $0) }
        self.constraints = constraints.map { $0.map(CompiledCondition.init) }
        asked = codebook.items.indices.filter { codebook.items[$0].type != .note }
        gates = codebook.gates
        checkedSubmittedColumn = plan.submittedColumn.flatMap { SubmissionTime.checkedColumns.contains(plan.header[$0]) ? $0 : nil }
        let allGates = Set(gates.map { codebook.items[$0.question].name })
        slots = codebook.items.indices.map { q in
            let item = codebook.items[q]
            return Slot(
                type: item.type, required: item.required, hasRelevant: item.relevant != nil,
                onlyAllGates: !allGates.isEmpty && item.onlyGates == allGates,
                column: plan.questionColumn[q] ?? -1, hasChoiceColumns: !plan.choiceColumns[q].isEmpty,
                min: item.min, max: item.max, constraintUsesCurrent: constraints[q]?.usesCurrent ?? false,
                isCode: item.type == .text && Self.codeQuestions.contains(item.name), hasConstraint: constraints[q] != nil)
        }
        answers = Array(repeating: .missing, count: codebook.items.count)
        selected = Array(repeating: [], count: codebook.items.count)
        hasReason = Array(repeating: false, count: codebook.items.count)
    }

    /// Validates the reader's current record. Returns `true` when it is valid (``json`` holds
    /// its answers), `false` with ``reasons`` otherwise.
    func validate(_ reader: CSVReader) -> Bool {
        if !reasons.isEmpty {
            reasons.removeAll(keepingCapacity: true)
            for q in hasReason.indices { hasReason[q] = false }
        }
        if reader.recordTruncated {
            reasons.append(
                Reason(
                    column: reader.truncatedField < reader.fieldCount ? reader.truncatedField : nil,
                    message: "row is longer than \(CSVError.size(ImportLimits.rowBytes)) or has more than \(ImportLimits.fields) fields: "
                        + "only its first \(ImportLimits.keptBytes) bytes are kept; check for a quote that is never closed"))
            return false
        }
        if reader.fieldCount != plan.roles.count {
            let found = reader.fieldCount
            reasons.append(
                Reason(
                    column: found > plan.roles.count ? plan.roles.count : nil,
                    message: "row has \(plural(found, "field")) but the header has \(plan.roles.count); check for a missing or extra separator"))
            return false
        }
        if let column = plan.identityColumn { checkIdentity(reader, column) }
        if let column = checkedSubmittedColumn {
            let time = Self.trimmedBytes(reader.fieldBytes(column))
            if !time.isEmpty, !SubmissionTime.isValid(time) {
                reasons.append(
                    Reason(
                        column: column,
                        message: "\(plan.header[column]) \"\(Self.shown(reader.fieldBytes(column)))\" is not an ISO 8601 date-time (2026-03-01T10:00:00, with a real date); fix it in the export"))
            }
        }
        for q in asked { answers[q] = parse(q, reader) }
        var gatesPass = true
        for gate in gates {
            guard case .choice(let c) = answers[gate.question], c == gate.yes else {
                gatesPass = false
                break
            }
        }
        for k in relevantMemo.indices { relevantMemo[k] = 0 }
        for q in asked {
            let slot = slots[q]
            if slot.hasRelevant, slot.onlyAllGates ? !gatesPass : !isRelevant(q) {
                if case .missing = answers[q] { continue }
                answers[q] = .missing  // not asked: an answer here is not stored
                // A condition read before may read this answer: work each out again.
                for k in relevantMemo.indices { relevantMemo[k] = 0 }
                continue
            }
            switch answers[q] {
            case .missing:
                if slot.required, !hasReason[q] {
                    reasons.append(
                        slot.column < 0 && !slot.hasChoiceColumns
                            ? Reason(column: nil, message: "\(codebook.items[q].name) is required and was asked of this row, but the file has no column for it")
                            : Reason(column: plan.questionColumn[q], message: "\(codebook.items[q].name) is required but empty"))
                }
            case .choice, .choices:
                if slot.hasConstraint { check(q, reader) }
            default:
                check(q, reader)
            }
        }
        guard reasons.isEmpty else { return false }
        writeJSON()
        return true
    }

    /// Whether question `q`'s `relevant` holds for this row's answers as they stand.
    @inline(__always)
    private func isRelevant(_ q: Int) -> Bool {
        let k = relevantGroup[q]
        guard k >= 0 else { return true }
        if relevantMemo[k] == 0 {
            relevantMemo[k] = distinctRelevant[k].holds(self, current: .string("")) ? 2 : 1
        }
        return relevantMemo[k] == 2
    }

    /// Text questions whose answer is a code, stored trimmed and in upper case.
    static let codeQuestions: Set<String> = ["org_code"]

    /// The bytes without surrounding spaces and tabs.
    static func trimmedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The response id must be short and fully decoded: an id holding U+FFFD (an unpaired
    /// UTF-16 surrogate, a byte the encoding could not map) would silently merge or split
    /// respondents.
    private func checkIdentity(_ reader: CSVReader, _ column: Int) {
        let id = reader.fieldBytes(column)
        if id.count > ImportLimits.idBytes {
            reasons.append(
                Reason(
                    column: column,
                    message: "the response id is \(id.count) bytes long (\"\(Self.shown(id))\"); at most \(ImportLimits.idBytes) are accepted"))
        } else if id.count >= 3, (0..<(id.count - 2)).contains(where: { id[$0] == 0xEF && id[$0 + 1] == 0xBF && id[$0 + 2] == 0xBD }) {
            reasons.append(
                Reason(
                    column: column,
                    message: "the response id \"\(Self.shown(id))\" holds a character that could not be decoded (U+FFFD, such as an unpaired UTF-16 surrogate); fix the id in the export"))
        }
    }

    // MARK: Values

    private func parse(_ q: Int, _ reader: CSVReader) -> Answer {
        let slot = slots[q]
        guard slot.column >= 0 else {
            return slot.type == .selectMultiple && slot.hasChoiceColumns ? fromChoiceColumns(q, reader) : .missing
        }
        let column = slot.column
        let bytes = reader.fieldBytes(column)
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 }) {
            return slot.type == .selectMultiple && slot.hasChoiceColumns ? fromChoiceColumns(q, reader) : .missing
        }
        if slot.type == .selectOne, let matcher = matchers[q], let c = matcher.exact(bytes) { return .choice(c) }
        // The item only for messages: copying it per value would cost more than the check.
        var item: ParsedCodebook.Item { codebook.items[q] }
        switch slot.type {
        case .selectOne:
            guard let matcher = matchers[q] else { return .missing }
            if bytes.count <= 1000, let c = matcher.lenient(String(decoding: bytes, as: UTF8.self)) { return .choice(c) }
            // The typing template: a clerk may type the code printed beside the option.
            if plan.dialect == .template, bytes.count <= 8, let c = matcher.positional(String(decoding: bytes, as: UTF8.self)) { return .choice(c) }
            invalid(q, column, "value \"\(Self.shown(bytes))\" is not a choice of \(item.name) (\(matcher.names.prefix(12).joined(separator: ", "))\(matcher.names.count > 12 ? ", ..." : "")\(plan.dialect == .template && !ChoiceMatcher.namesAreNumbers(matcher.names) ? "; or the code printed beside the option, 1 to \(matcher.names.count)" : ""))")
            return .missing
        case .selectMultiple:
            // A summary cell only its choice columns can read (an ambiguous split of labels): those.
            return parseMultiple(q, column, bytes, choiceColumns: slot.hasChoiceColumns) ?? fromChoiceColumns(q, reader)
        case .integer:
            guard let v = Self.integer(bytes) else {
                invalid(q, column, "value \"\(Self.shown(bytes))\" of \(item.name) is not a whole number")
                return .missing
            }
            guard abs(v) <= AnswerCodec.maxWhole else {
                invalid(q, column, "value \"\(Self.shown(bytes))\" of \(item.name) is larger than 1000000000, the largest whole number an answer may give")
                return .missing
            }
            return .integer(v)
        case .decimal:
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let v = Double(text), v.isFinite else {
                invalid(q, column, "value \"\(valuePrefix(text))\" of \(item.name) is not a number")
                return .missing
            }
            return .decimal(v)
        case .date:
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard Self.isDate(text) else {
                invalid(q, column, "value \"\(valuePrefix(text))\" of \(item.name) is not a date YYYY-MM-DD")
                return .missing
            }
            return .text(text)
        case .text:
            let text = String(decoding: bytes, as: UTF8.self)
            if bytes.count > Self.maxTextLength, case let length = text.unicodeScalars.count, length > Self.maxTextLength {
                invalid(q, column, "text of \(item.name) is \(length) characters long; at most \(Self.maxTextLength) are accepted")
                return .missing
            }
            // A code from an invitation letter (`org_code`) is an identifier: trimmed and upper
            // case, so that " bz-0421" links to the frame's "BZ-0421"; its constraint then checks it.
            if slot.isCode { return .text(text.trimmingCharacters(in: .whitespaces).uppercased()) }
            // Stored as the respondent wrote it, even when it looks like a spreadsheet formula
            // ("=)", "-- no idea"): every output the tool writes neutralises it (SPEC section 7).
            return .text(text)
        case .note:
            return .missing
        }
    }

    func invalid(_ q: Int, _ column: Int?, _ message: String) {
        hasReason[q] = true
        reasons.append(Reason(column: column, message: message))
    }

    /// Range and constraint checks of an answered question.
    private func check(_ q: Int, _ reader: CSVReader) {
        let slot = slots[q]
        var item: ParsedCodebook.Item { codebook.items[q] }
        var column: Int? { plan.questionColumn[q] ?? plan.choiceColumns[q].first?.column }
        var number: Double?
        switch answers[q] {
        case .integer(let v): number = Double(v)
        case .decimal(let v): number = v
        default: break
        }
        if let number {
            if let min = slot.min, number < min {
                invalid(q, column, "value \(Question.number(number)) of \(item.name) is below its minimum \(Question.number(min))")
                return
            }
            if let max = slot.max, number > max {
                invalid(q, column, "value \(Question.number(number)) of \(item.name) is above its maximum \(Question.number(max))")
                return
            }
        }
        if slot.hasConstraint {
            if !(constraints[q]?.holds(self, current: slot.constraintUsesCurrent ? value(q) : .string("")) ?? true) {
                let current = value(q)
                // The form's own words first (what the surveyor saw), then the rule.
                let rule = "`\(item.constraintText ?? "")`"
                invalid(
                    q, column,
                    item.constraintMessage.map { "value \(current.asString) of \(item.name): \($0) (its rule: \(rule))" }
                        ?? "value \(current.asString) of \(item.name) breaks its rule \(rule)")
            }
        }
    }

    // MARK: Output

    /// Writes the answers through ``AnswerCodec`` (the one writer of `response.answers`).
    private func writeJSON() {
        encoder.begin()
        for q in answers.indices {
            switch answers[q] {
            case .missing: encoder.null()
            case .choice(let c): encoder.choice(c)
            case .choices: encoder.choices(selected[q])
            case .integer(let v): encoder.integer(v)
            case .decimal(let v): encoder.decimal(v)
            case .text(let s): encoder.text(s)
            }
        }
        encoder.end()
    }
}
