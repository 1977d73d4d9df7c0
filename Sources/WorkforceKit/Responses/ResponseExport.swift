import Foundation

/// The analysts' clean data file (`workforce responses`): one row per stored response, as
/// KoboToolbox's and SPSS users expect it: `response_id`, `batch_id`, `response_key`,
/// `submitted_at`, then every question in codebook order (notes left out).
///
/// Choices are written as names, or as labels in one language; a select_multiple as names
/// separated by spaces (labels separated by `; `, since labels hold spaces), and with
/// `splitMultiple` one more 0/1 column per choice (`question/choice`). Not-asked and blank
/// cells are empty in CSV and `null` in JSON, where each row lists its not-asked questions in
/// `_not_asked`. CSV and JSON stream in constant memory; table and Markdown are built whole.
public struct ResponseExport: Sendable {
    public var labels: String?
    public var splitMultiple: Bool

    public init(labels: String? = nil, splitMultiple: Bool = false) {
        self.labels = labels
        self.splitMultiple = splitMultiple
    }

    static let fixedColumns = ["response_id", "batch_id", "response_key", "submitted_at"]

    /// The column names: the fixed ones, each question, and with `splitMultiple` its choices.
    public func header(_ reader: ResponseReader) -> [String] {
        var names = Self.fixedColumns
        for column in reader.columns {
            names.append(column.name)
            if splitMultiple, column.type == .selectMultiple {
                names += column.choices.map { "\(column.name)/\($0.name)" }
            }
        }
        return names
    }

    /// Writes every response of `reader` in `format`, calling `write` with pieces of UTF-8 output.
    public func write(_ reader: ResponseReader, as format: OutputFormat, bytes write: ([UInt8]) -> Void) throws {
        if format == .csv {
            try writeCSV(reader, write)
        } else {
            try self.write(reader, as: format) { write(Array($0.utf8)) }
        }
    }

    /// Writes every response of `reader` in `format`, calling `write` with pieces of output.
    public func write(_ reader: ResponseReader, as format: OutputFormat, to write: (String) -> Void) throws {
        switch format {
        case .csv: try writeCSV(reader) { write(String(decoding: $0, as: UTF8.self)) }
        case .json: try writeJSON(reader, write)
        case .table, .md:
            var table = ResultTable(columns: header(reader))
            try reader.forEach { record in table.rows.append(cells(record, reader)) }
            write(table.rendered(as: format))
        }
    }

    /// One record as typed cells, in ``header(_:)`` order.
    func cells(_ record: ResponseRecord, _ reader: ResponseReader) -> [Cell] {
        var cells: [Cell] = [
            .int(Int(record.responseID)), .int(Int(record.batchID)), .text(record.key),
            record.submittedAt.map(Cell.text) ?? .null,
        ]
        for (c, column) in reader.columns.enumerated() {
            let value = record.values[c]
            switch value {
            case .notAsked, .blank: cells.append(.null)
            case .integer(let v): cells.append(.int(Int(v)))
            case .decimal(let v): cells.append(.double(v))
            case .date(let s), .text(let s): cells.append(.text(s))
            case .choice, .choices: cells.append(.text(shown(value, column)))
            }
            if splitMultiple, column.type == .selectMultiple {
                let chosen = value.chosen
                for choice in column.choices {
                    cells.append(value.isAnswered ? .int(chosen.contains(choice.name) ? 1 : 0) : .null)
                }
            }
        }
        return cells
    }

    /// A choice answer as names, or as labels in the chosen language.
    private func shown(_ value: AnswerValue, _ column: ResponseColumn) -> String {
        let chosen = value.chosen
        guard let labels else { return chosen.joined(separator: " ") }
        let text = chosen.map { name in column.choices.first { $0.name == name }?.label[labels] ?? name }
        return text.joined(separator: "; ")
    }

    /// Responses per block when two threads share a large export (4 blocks or more).
    var blockSize: Int64 = 20_000

    private func writeCSV(_ reader: ResponseReader, _ write: ([UInt8]) -> Void) throws {
        let writer = CSVWriter()
        write(Array(writer.record(header(reader)).utf8))
        guard let ids = try reader.idRange() else { return }
        if ids.upperBound - ids.lowerBound < 4 * blockSize {
            let buffer = ByteBuffer()
            try writeRows(reader, ids: nil, into: buffer) { write(Array($0.bytes)); $0.removeAll() }
            write(Array(buffer.bytes))
            return
        }
        try writeInParallel(reader, ids, write)
    }

    /// Formats the rows of `ids` (all without) into `buffer`, calling `flush` when it holds a MiB.
    private func writeRows(_ reader: ResponseReader, ids: ClosedRange<Int64>?, into buffer: ByteBuffer, flush: (ByteBuffer) -> Void) throws {
        let writer = CSVWriter()
        let row = CSVRowWriter(writer: writer, splitMultiple: splitMultiple, labels: labels, out: buffer)
        var layouts: [ObjectIdentifier: CSVLayout] = [:]
        var scratch: [Int] = []
        try reader.forEachRaw(ids: ids) { responseID, batchID, key, submitted, map, answers in
            let id = ObjectIdentifier(map)
            if row.layout == nil || row.mapID != id {
                let layout = layouts[id] ?? CSVLayout(map: map, reader: reader, labels: labels, writer: writer)
                layouts[id] = layout
                row.use(map, layout)
            }
            CSVWriter.appendInteger(responseID, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            CSVWriter.appendInteger(batchID, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            writer.append(bytes: key, to: &row.out)
            row.out.append(UInt8(ascii: ","))
            writer.append(bytes: submitted, to: &row.out)
            do {
                try row.write(map, answers, &scratch)
            } catch {
                throw WorkforceError.badData(SourceLocation(file: "response \(responseID)"), "\(error)")
            }
            row.out.append(0x0D)
            row.out.append(0x0A)
            if row.out.count >= 1 << 20 { flush(row.out) }
        }
    }

    /// Two threads, each with its own connection, format alternate blocks of ids; this thread
    /// writes the blocks in order. At most a few blocks are held at once, so memory stays bounded.
    private func writeInParallel(_ reader: ResponseReader, _ ids: ClosedRange<Int64>, _ write: ([UInt8]) -> Void) throws {
        let blocks = stride(from: ids.lowerBound, through: ids.upperBound, by: Int(blockSize)).map {
            $0...min(ids.upperBound, $0 + blockSize - 1)
        }
        let queue = BlockQueue(count: blocks.count)
        let path = reader.store.path, kind = reader.kind, wave = reader.wave, instrument = reader.instrumentReference
        let export = self
        for worker in 0..<2 {
            let thread = Thread {
                do {
                    let store = try WorkforceStore(path: path, create: false)
                    let own = try ResponseReader(store: store, kind: kind, wave: wave, instrument: instrument)
                    for b in stride(from: worker, to: blocks.count, by: 2) {
                        guard queue.waitForRoom(b) else { return }
                        let buffer = ByteBuffer(capacity: 6 << 20)
                        try export.writeRows(own, ids: blocks[b], into: buffer) { _ in }
                        queue.put(b, Array(buffer.bytes))
                    }
                } catch {
                    queue.fail(error)
                }
            }
            thread.start()
        }
        defer { queue.cancel() }
        for b in blocks.indices { write(try queue.take(b)) }
    }

    /// Blocks of output handed from the formatting threads to the writer, in order.
    private final class BlockQueue: @unchecked Sendable {  // all state guarded by `condition`
        private let condition = NSCondition()
        private var ready: [Int: [UInt8]] = [:]
        private var next = 0
        private var error: (any Error)?
        private var cancelled = false
        static let lookahead = 4

        init(count: Int) {}

        /// Waits until block `b` is near enough to the one being written; `false` when cancelled.
        func waitForRoom(_ b: Int) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while b - next >= Self.lookahead && !cancelled && error == nil { condition.wait() }
            return !cancelled && error == nil
        }

        func put(_ b: Int, _ bytes: [UInt8]) {
            condition.lock()
            ready[b] = bytes
            condition.broadcast()
            condition.unlock()
        }

        func fail(_ error: any Error) {
            condition.lock()
            if self.error == nil { self.error = error }
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        func take(_ b: Int) throws -> [UInt8] {
            condition.lock()
            defer { condition.unlock() }
            while ready[b] == nil && error == nil { condition.wait() }
            if let error { throw error }
            let bytes = ready.removeValue(forKey: b) ?? []
            next = b + 1
            condition.broadcast()
            return bytes
        }
    }

    /// Writes one response's answers as CSV fields. When the instrument asks the reader's
    /// questions in the reader's order (one version of the form), the stored elements are
    /// streamed straight into the fields; otherwise they are decoded and placed by name.
    private final class CSVRowWriter: AnswerVisitor {
        let writer: CSVWriter
        let splitMultiple: Bool
        let labels: String?
        @exclusivity(unchecked) var out: ByteBuffer
        @exclusivity(unchecked) var layout: CSVLayout?
        @exclusivity(unchecked) var mapID: ObjectIdentifier?
        /// The reader's column of each position of the current map (-1: none).
        @exclusivity(unchecked) private var columns: [Int] = []
        @exclusivity(unchecked) private var stored: [AnswerCodec.Stored] = []

        init(writer: CSVWriter, splitMultiple: Bool, labels: String?, out: ByteBuffer) {
            self.out = out
            self.writer = writer
            self.splitMultiple = splitMultiple
            self.labels = labels
        }

        /// Takes up the instrument of the next rows.
        func use(_ map: QuestionMap, _ layout: CSVLayout) {
            self.layout = layout
            mapID = ObjectIdentifier(map)
            columns = map.column
        }

        func write(_ map: QuestionMap, _ answers: UnsafeBufferPointer<UInt8>, _ scratch: inout [Int]) throws(AnswerCodec.DecodingError) {
            if layout?.inOrder == true {
                try AnswerCodec.visit(answers, types: map.types, scratch: &scratch, self)
                return
            }
            try AnswerCodec.decode(answers, types: map.types, into: &stored)
            let positions = map.position
            for c in positions.indices {
                let q = positions[c]
                let element = q >= 0 ? stored[q] : .null
                switch element {
                case .null: column(c, q, nil)
                case .integer(let v): columnStart(); if layout?.isDecimal[c] == true { out.append(JSONWriter.number(Double(v))) } else { CSVWriter.appendInteger(v, to: &out) }; split(c, nil)
                case .decimal(let v): columnStart(); out.append(JSONWriter.number(v)); split(c, nil)
                case .text(let t): columnStart(); writer.append(t, to: &out); split(c, nil)
                case .choice(let p): columnStart(); layout?.appendChoice(q, p, to: &out); split(c, nil)
                case .choices(let ps): columnStart(); choices(q, ps); split(c, ps)
                }
            }
        }

        private func columnStart() { out.append(UInt8(ascii: ",")) }

        private func column(_ c: Int, _ q: Int, _ chosen: [Int]?) {
            columnStart()
            split(c, chosen)
        }

        /// The 0/1 columns of a select_multiple (empty when it was not answered).
        private func split(_ c: Int, _ chosen: [Int]?) {
            guard splitMultiple, let layout, layout.isSplit[c] else { return }
            for p in layout.splitPosition[c] {
                out.append(UInt8(ascii: ","))
                if let chosen { out.append(p >= 0 && chosen.contains(p) ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
            }
        }

        private func choices(_ q: Int, _ ps: [Int]) {
            guard let layout else { return }
            if ps.count == 1 || layout.joinsPlainly {
                for (n, p) in ps.enumerated() {
                    if n > 0 { out.append(0x20) }
                    layout.appendChoice(q, p, to: &out)
                }
            } else {
                let texts = ps.compactMap { $0 < layout.choiceText[q].count ? layout.choiceText[q][$0] : nil }
                writer.append(texts.joined(separator: labels == nil ? " " : "; "), to: &out)
            }
        }

        // MARK: Streaming (positions in the reader's order)

        @inline(__always)
        private func columnOf(_ q: Int) -> Int? {
            let c = columns[q]
            return c >= 0 ? c : nil
        }

        func visitNull(_ q: Int) {
            if let c = columnOf(q) { column(c, q, nil) }
        }

        func visitNumber(_ q: Int, _ raw: UnsafeBufferPointer<UInt8>) {
            guard let c = columnOf(q) else { return }
            columnStart()
            out.append(contentsOf: raw)
            split(c, nil)
        }

        func visitText(_ q: Int, _ text: String) {
            guard let c = columnOf(q) else { return }
            columnStart()
            writer.append(text, to: &out)
            split(c, nil)
        }

        func visitChoice(_ q: Int, _ position: Int) {
            guard let c = columnOf(q) else { return }
            columnStart()
            layout?.appendChoice(q, position, to: &out)
            split(c, nil)
        }

        func visitChoices(_ q: Int, _ positions: [Int]) {
            guard let c = columnOf(q) else { return }
            columnStart()
            choices(q, positions)
            split(c, positions)
        }
    }

    /// What one instrument's stored answers print as: each choice already as CSV bytes, and
    /// each of the reader's split columns as a position in the instrument's list.
    private final class CSVLayout {
        /// Every choice's name (or label) as a CSV field, one after the other; choice `p` of
        /// position `q` is `fieldBytes[fieldStart[choiceBase[q] + p] ..< fieldStart[choiceBase[q] + p + 1]]`.
        // Owned copies in raw memory, freed with the layout: read once per cell without
        // reference counting.
        let fieldBytes: UnsafeMutableBufferPointer<UInt8>
        let fieldStart: UnsafeMutableBufferPointer<Int>
        let choiceBase: UnsafeMutableBufferPointer<Int>
        let choiceCount: UnsafeMutableBufferPointer<Int>
        /// Per position, per choice: the name (or label) as text, to join several.
        let choiceText: [[String]]
        /// Whether several choices can be written as their fields joined by spaces.
        let joinsPlainly: Bool
        /// Per reader column, per reader choice: the position in this instrument's list, or -1.
        let splitPosition: [[Int]]
        /// Per reader column: whether it is a decimal, and whether it gets split 0/1 columns.
        let isDecimal: [Bool]
        let isSplit: [Bool]
        /// Whether the instrument has every reader column, in the reader's order, and numbers
        /// print as stored (no integer stored for a decimal column): then elements stream.
        let inOrder: Bool

        init(map: QuestionMap, reader: ResponseReader, labels: String?, writer: CSVWriter) {
            let lists = map.codebook.items.map { item in item.listName.flatMap { map.codebook.lists[$0] } ?? [] }
            choiceText = lists.map { list in list.map { choice in labels.flatMap { choice.label[$0] } ?? choice.name } }
            var bytes: [UInt8] = []
            var starts: [Int] = []
            var bases: [Int] = []
            for texts in choiceText {
                bases.append(starts.count)
                for text in texts {
                    starts.append(bytes.count)
                    writer.append(text, to: &bytes)
                }
            }
            starts.append(bytes.count)
            func owned<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
                _ = buffer.initialize(from: array)
                return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
            }
            fieldBytes = owned(bytes)
            fieldStart = owned(starts)
            choiceBase = owned(bases)
            choiceCount = owned(choiceText.map(\.count))
            // Names joined by spaces need no quoting when no name does (a label can: "; " joins them).
            joinsPlainly = labels == nil && choiceText.allSatisfy { $0.allSatisfy { text in
                var probe: [UInt8] = []
                writer.append(text, to: &probe)
                return probe.count == text.utf8.count
            } }
            isDecimal = reader.columns.map { $0.type == .decimal }
            let positions = map.position
            inOrder = !positions.contains(-1) && zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }
                && reader.columns.indices.allSatisfy { reader.columns[$0].type == map.types[positions[$0]] }
            isSplit = reader.columns.map { $0.type == .selectMultiple }
            splitPosition = reader.columns.indices.map { c in
                let q = map.position[c]
                guard q >= 0 else { return reader.columns[c].choices.map { _ in -1 } }
                let names = map.choiceNames[q]
                return reader.columns[c].choices.map { names.firstIndex(of: $0.name) ?? -1 }
            }
        }

        /// Appends choice `p` of position `q` as a CSV field.
        @inline(__always)
        func appendChoice<Sink: ByteSink>(_ q: Int, _ p: Int, to out: inout Sink) {
            guard p < choiceCount[q] else { return }
            let i = choiceBase[q] + p
            let start = fieldStart[i], end = fieldStart[i + 1]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: fieldBytes[start..<end]))
        }

        deinit {
            for buffer in [fieldStart, choiceBase, choiceCount] { buffer.baseAddress?.deallocate() }
            fieldBytes.baseAddress?.deallocate()
        }
    }

    private func writeJSON(_ reader: ResponseReader, _ write: (String) -> Void) throws {
        let names = header(reader)
        var out = "{\"rows\": ["
        var first = true
        try reader.forEach { record in
            var members = zip(names, cells(record, reader)).map { (key: $0, value: $1.json) }
            // A select_multiple is a JSON array of its names (or labels).
            for (c, column) in reader.columns.enumerated() where column.type == .selectMultiple && record.values[c].isAnswered {
                guard let m = members.firstIndex(where: { $0.key == column.name }) else { continue }
                let chosen = record.values[c].chosen.map { name in
                    labels.flatMap { code in column.choices.first { $0.name == name }?.label[code] } ?? name
                }
                members[m].value = .array(chosen.map { .string($0) })
            }
            let notAsked = reader.columns.indices.filter { record.values[$0] == .notAsked }.map { reader.columns[$0].name }
            members.append((key: "_not_asked", value: .array(notAsked.map { .string($0) })))
            out += (first ? "\n" : ",\n") + JSONWriter(indent: nil).string(.object(members))
            first = false
            if out.utf8.count >= 1 << 20 {
                write(out)
                out = ""
            }
        }
        write(out + (first ? "]}\n" : "\n]}\n"))
    }
}
