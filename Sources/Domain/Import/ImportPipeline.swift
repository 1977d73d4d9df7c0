import Foundation

/// Rows read and checked by the producer thread, handed to the thread that writes them.
///
/// Columnar, so that a batch of thousands of rows is a handful of allocations: every row's
/// variable bytes (id, submission time, answers JSON) go into one buffer, with ranges.
struct RowBatch: Sendable {
    /// One row: 48 bytes (ranges as 32-bit offsets into ``bytes``, which ``maxBytes`` keeps
    /// within reach), so that the writing thread reads as few cache lines of what the reading
    /// thread wrote as it can (at 96 bytes, reading them was about 6% of its samples).
    struct Entry: Sendable {
        var line: Int
        /// A stored row's queries: soft edit rules it breaks (``EditRules``).
        var queries: [Query]
        private var identityStart: UInt32, identityEnd: UInt32
        private var submittedStart: UInt32, submittedEnd: UInt32
        private var answersStart: UInt32, answersEnd: UInt32
        /// Index into `rejected` for a quarantined row, -1 for none.
        private var rejectedIndex: Int32
        /// KoboToolbox's validation status of the row.
        var status: ValidationStatus

        init(
            line: Int, identity: Range<Int>?, submitted: Range<Int>?, answers: Range<Int>, rejected: Int?,
            status: ValidationStatus = .none, queries: [Query] = []
        ) {
            self.line = line
            self.queries = queries
            (identityStart, identityEnd) = Self.packed(identity)
            (submittedStart, submittedEnd) = Self.packed(submitted)
            (answersStart, answersEnd) = Self.packed(answers)
            rejectedIndex = rejected.map { Int32($0) } ?? -1
            self.status = status
        }

        var identity: Range<Int>? { Self.range(identityStart, identityEnd) }
        var submitted: Range<Int>? { Self.range(submittedStart, submittedEnd) }
        var answers: Range<Int> { Int(answersStart)..<Int(answersEnd) }
        var rejected: Int? { rejectedIndex < 0 ? nil : Int(rejectedIndex) }

        /// `nil` as an empty range ending past every real one.
        private static func packed(_ range: Range<Int>?) -> (UInt32, UInt32) {
            guard let range else { return (UInt32.max, UInt32.max) }
            return (UInt32(range.lowerBound), UInt32(range.upperBound))
        }

        private static func range(_ start: UInt32, _ end: UInt32) -> Range<Int>? {
            start == UInt32.max ? nil : Int(start)..<Int(end)
        }
    }

    /// A soft edit rule a stored row breaks, at its place in the file.
    struct Query: Sendable {
        var rule: String
        var problem: ImportProblem
    }

    struct Rejected: Sendable {
        var raw: String
        var reasons: String
        var problems: [ImportProblem]
        /// The row does not have as many fields as the header.
        var wrongWidth = false
    }

    var bytes: [UInt8] = []
    var entries: [Entry] = []
    var rejected: [Rejected] = []

    static let capacity = 4096
    /// The bytes after which a batch is handed over before it is full (a row adds at most a few
    /// MiB), so that every offset fits ``Entry``'s 32 bits.
    static let maxBytes = 1 << 30

    /// An empty batch with room for a batch's bytes.
    static func empty() -> RowBatch {
        var batch = RowBatch()
        batch.bytes.reserveCapacity(1 << 20)
        return batch
    }

    /// Empties the batch, keeping its memory for the next one.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        rejected.removeAll(keepingCapacity: true)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = self.bytes.count
        self.bytes.append(contentsOf: bytes)
        return start..<self.bytes.count
    }
}

/// A bounded queue between the reading thread and the writing one (at most `limit` batches
/// wait, so memory stays flat whatever the file size).
final class BatchQueue: @unchecked Sendable {  // all state guarded by `condition`
    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    /// Written batches, emptied, for the reader to fill again (their memory stays mapped, so
    /// a million rows do not fault in fresh pages for every batch).
    private var spare: [RowBatch] = []
    private var finished = false
    private var failure: (any Error & Sendable)?
    private var cancelled = false
    private let limit: Int

    init(limit: Int = 4) { self.limit = limit }

    /// Adds a batch, waiting while the queue is full. Returns `false` once the reader should stop.
    func put(_ batch: RowBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// A batch to fill: a written one, emptied, when there is one.
    func emptyBatch() -> RowBatch {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? RowBatch.empty()
    }

    /// Gives back a written batch, emptied (``RowBatch/clear()``), for ``emptyBatch()``.
    func recycle(_ batch: consuming RowBatch) {
        condition.lock()
        defer { condition.unlock() }
        if spare.count < 2 { spare.append(batch) }
    }

    /// Marks the end of the input, with the error that ended it, if any.
    func finish(_ error: (any Error & Sendable)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; `nil` at the end. Throws the reader's error.
    func take() throws -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the reader to stop (the writer failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads and checks rows on its own thread, filling ``RowBatch``es.
///
/// It owns the reader and the validator from the moment it starts: nothing else touches them.
final class RowProducer: @unchecked Sendable {  // the reader and validator are used by its thread only
    private let reader: CSVReader
    private let validator: RowValidator
    private let plan: ColumnPlan
    private let queue: BatchQueue
    private let rules: EditRules?
    private let includeNotApproved: Bool

    init(reader: CSVReader, validator: RowValidator, plan: ColumnPlan, queue: BatchQueue, includeNotApproved: Bool = false) {
        self.reader = reader
        self.validator = validator
        self.plan = plan
        self.queue = queue
        rules = EditRules(validator.codebook)
        self.includeNotApproved = includeNotApproved
    }

    func start() {
        let thread = Thread { [self] in self.run() }
        thread.stackSize = 1 << 22
        thread.start()
    }

    private func run() {
        var batch = queue.emptyBatch()
        do {
            while try reader.nextRecord() {
                add(&batch)
                if batch.entries.count == RowBatch.capacity || batch.bytes.count >= RowBatch.maxBytes {
                    guard queue.put(batch) else { return }
                    batch = queue.emptyBatch()
                }
            }
            if !batch.entries.isEmpty { guard queue.put(batch) else { return } }
            queue.finish(nil)
        } catch {
            queue.finish(error)
        }
    }

    private func add(_ batch: inout RowBatch) {
        let line = reader.recordLine
        var identity: Range<Int>?
        if let column = plan.identityColumn, !reader.recordTruncated, column < reader.fieldCount {
            let id = Self.trimmed(reader.fieldBytes(column))
            if id.count > 0, id.count <= ImportLimits.idBytes { identity = batch.append(id) }
        }
        let status = plan.validationColumn.map { ValidationStatus(reader.fieldBytes($0)) } ?? .none
        if status == .notApproved, !includeNotApproved, !reader.recordTruncated, reader.fieldCount == plan.roles.count {
            let column = plan.validationColumn ?? 0
            let problem = ImportProblem(
                location: reader.location(ofField: column).inColumn(named: plan.header[column]),
                message: "the submission is marked Not approved in KoboToolbox (_validation_status); import with --include-not-approved to count it")
            batch.rejected.append(rejection(problems: [problem]))
            batch.entries.append(
                RowBatch.Entry(line: line, identity: identity, submitted: nil, answers: 0..<0, rejected: batch.rejected.count - 1, status: status))
            return
        }
        guard validator.validate(reader) else {
            // The id goes with a rejected row too: a response already stored is a duplicate,
            // not a row to quarantine again.
            batch.rejected.append(rejection())
            batch.entries.append(RowBatch.Entry(line: line, identity: identity, submitted: nil, answers: 0..<0, rejected: batch.rejected.count - 1))
            return
        }
        // The edit rules: a hard one quarantines the row, a soft one keeps it with a query.
        let findings = rules?.check(number: number, text: text) ?? []
        if findings.contains(where: \.hard) {
            let problems = findings.filter(\.hard).map { problem(RowValidator.Reason(column: plan.questionColumn[$0.question], message: $0.message)) }
            batch.rejected.append(rejection(problems: problems))
            batch.entries.append(RowBatch.Entry(line: line, identity: identity, submitted: nil, answers: 0..<0, rejected: batch.rejected.count - 1))
            return
        }
        let queries = findings.map { RowBatch.Query(rule: $0.rule, problem: problem(RowValidator.Reason(column: plan.questionColumn[$0.question], message: $0.message))) }
        var submitted: Range<Int>?
        if let column = plan.submittedColumn, reader.fieldBytes(column).count > 0 {
            submitted = batch.append(reader.fieldBytes(column))
        }
        let answers = batch.append(validator.jsonBytes)
        batch.entries.append(RowBatch.Entry(line: line, identity: identity, submitted: submitted, answers: answers, rejected: nil, status: status, queries: queries))
    }

    private func number(_ q: Int) -> Double? {
        if case .number(let d) = validator.value(q) { return d }
        return nil
    }

    private func text(_ q: Int) -> String {
        if case .string(let s) = validator.value(q) { return s }
        return ""
    }

    /// A reason at its place in the file (`file:line:column`, and the spreadsheet cell).
    private func problem(_ reason: RowValidator.Reason) -> ImportProblem {
        ImportProblem(
            location: reason.column.map { reader.location(ofField: $0).inColumn(named: plan.header.indices.contains($0) ? plan.header[$0] : nil) }
                ?? reader.recordLocation,
            message: reason.message)
    }

    /// The rejected row as it was, but only the columns the codebook declares (questions, their
    /// choice columns, the response id, the submission time): an export's undeclared columns
    /// (names, e-mail, phone, device, location) are blanked, so no personal data is stored even
    /// for a quarantined row. It can still be fixed and imported again.
    private func rejection(problems given: [ImportProblem]? = nil) -> RowBatch.Rejected {
        // Fields past the header are undeclared, so blank: they are not kept at all (a row of
        // 16,384 cells under a header of 30 stores 30).
        let fields = reader.fields.prefix(plan.roles.count).enumerated().map { column, value -> String in
            switch plan.roles[column] {
            case .question, .choice, .identity, .submitted: value
            case .meta, .unknown: ""
            }
        }
        var raw = CSVWriter(neutralizeFormulas: false).line(fields)
        var cut: ImportProblem?
        let keep = reader.recordTruncated ? ImportLimits.keptBytes : ImportLimits.quarantinedRowBytes
        if raw.utf8.count > keep {
            // A row past the limits keeps its first bytes only (cut on a character boundary).
            let length = raw.utf8.count
            raw = String(decoding: raw.utf8.prefix(keep), as: UTF8.self)
            while raw.unicodeScalars.last == "\u{FFFD}" { raw.unicodeScalars.removeLast() }
            if !reader.recordTruncated {
                cut = ImportProblem(
                    location: reader.recordLocation,
                    message: "the row is \(length) bytes long; its quarantined copy keeps the first \(keep / 1024) KiB (fix the row in the original file)")
            }
        }
        let problems = (given ?? validator.reasons.map(problem)) + (cut.map { [$0] } ?? [])
        return RowBatch.Rejected(
            raw: raw, reasons: ImportProblem.json(problems), problems: problems,
            wrongWidth: !reader.recordTruncated && reader.fieldCount != plan.roles.count)
    }

    /// Spaces and tabs trimmed from both ends of a field.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
