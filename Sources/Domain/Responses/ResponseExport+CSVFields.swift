/// How one response becomes a CSV line: the row writer and each instrument's layout.
extension ResponseExport {
    /// Writes responses as CSV lines into bytes of its own. When the instrument asks the reader's
    /// questions in the reader's order (one version of the form), the stored elements stream
    /// straight into the fields (``AnswerCodec/visit(_:types:choiceCounts:scratch:_:)``, one loop
    /// with this writer); otherwise they are decoded and placed by name.
    ///
    /// A non-copyable value owned by one thread: a cell is a few stores into raw memory, with
    /// no reference counting and no call through a protocol.
    struct CSVRowWriter: ~Copyable, AnswerVisitor {
        let writer = CSVWriter()
        let splitMultiple: Bool
        let labels: String?
        var out: RawBytes
        /// Each instrument's layout, made when its first row comes.
        private var layouts: [ObjectIdentifier: CSVLayout] = [:]
        private var layout: CSVLayout?
        private var mapID: ObjectIdentifier?
        /// The current layout's tables, copied here: read per cell without reference counting.
        private var table = CSVLayout.Table.empty
        private var joinsPlainly = true
        private var stored: [AnswerCodec.Stored] = []

        init(splitMultiple: Bool, labels: String?, capacity: Int) {
            self.splitMultiple = splitMultiple
            self.labels = labels
            out = RawBytes(capacity: capacity)
        }

        /// Appends one line: the fixed fields, the answers, CRLF.
        mutating func writeLine(
            _ reader: ResponseReader, _ responseID: Int64, _ batchID: Int64, _ key: UnsafeBufferPointer<UInt8>,
            _ submitted: UnsafeBufferPointer<UInt8>, _ map: QuestionMap, _ answers: UnsafeBufferPointer<UInt8>,
            scratch: inout [Int]
        ) throws(AnswerCodec.DecodingError) {
            if mapID != ObjectIdentifier(map) { use(map, reader) }
            out.appendInteger(Int(responseID))
            out.append(UInt8(ascii: ","))
            out.appendInteger(Int(batchID))
            out.append(UInt8(ascii: ","))
            appendText(key)
            out.append(UInt8(ascii: ","))
            appendText(submitted)
            if layout?.inOrder == true {
                try AnswerCodec.visit(answers, types: map.types, choiceCounts: map.choiceCounts, scratch: &scratch, &self)
            } else {
                try writeDecoded(map, answers)
            }
            out.append(0x0D)
            out.append(0x0A)
        }

        /// Takes up the instrument of the next rows.
        private mutating func use(_ map: QuestionMap, _ reader: ResponseReader) {
            let id = ObjectIdentifier(map)
            let layout = layouts[id] ?? CSVLayout(map: map, reader: reader, labels: labels, writer: writer)
            layouts[id] = layout
            self.layout = layout
            mapID = id
            table = layout.table
            joinsPlainly = layout.joinsPlainly
        }

        /// Decodes the answers and writes them in the reader's columns, by name.
        private mutating func writeDecoded(_ map: QuestionMap, _ answers: UnsafeBufferPointer<UInt8>) throws(AnswerCodec.DecodingError) {
            try AnswerCodec.decode(answers, types: map.types, choiceCounts: map.choiceCounts, into: &stored)
            let positions = map.position
            let isDecimal = layout?.isDecimal ?? []
            for c in positions.indices {
                let q = positions[c]
                let element = q >= 0 ? stored[q] : .null
                out.append(UInt8(ascii: ","))
                switch element {
                case .null: split(c, nil)
                case .integer(let v):
                    if isDecimal[c] { out.append(JSONWriter.number(Double(v))) } else { out.appendInteger(Int(v)) }
                    split(c, nil)
                case .decimal(let v): out.append(JSONWriter.number(v)); split(c, nil)
                case .text(let t): writer.append(t, to: &out); split(c, nil)
                case .choice(let p): appendChoice(q, p); split(c, nil)
                case .choices(let ps):
                    ps.withUnsafeBufferPointer { ps in
                        choices(q, ps)
                        split(c, ps)
                    }
                }
            }
        }

        /// A text field, copied as it is when nothing needs quoting or neutralising.
        @inline(__always)
        private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
            if writer.isPlain(bytes) { out.append(contentsOf: bytes) } else { writer.append(bytes: bytes, to: &out) }
        }

        @inline(__always)
        private mutating func appendChoice(_ q: Int, _ p: Int) {
            table.appendChoice(q, p, to: &out)
        }

        /// The 0/1 columns of a select_multiple (empty when it was not answered).
        @inline(__always)
        private mutating func split(_ c: Int, _ chosen: UnsafeBufferPointer<Int>?) {
            guard splitMultiple else { return }
            splitColumns(c, chosen)
        }

        private mutating func splitColumns(_ c: Int, _ chosen: UnsafeBufferPointer<Int>?) {
            guard let layout, layout.isSplit[c] else { return }
            for p in layout.splitPosition[c] {
                out.append(UInt8(ascii: ","))
                if let chosen { out.append(p >= 0 && chosen.contains(p) ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
            }
        }

        private mutating func choices(_ q: Int, _ ps: UnsafeBufferPointer<Int>) {
            if ps.count == 1 || joinsPlainly {
                for n in ps.indices {
                    if n > 0 { out.append(0x20) }
                    appendChoice(q, ps[n])
                }
            } else if let layout {
                let texts = ps.compactMap { $0 < layout.choiceText[q].count ? layout.choiceText[q][$0] : nil }
                writer.append(texts.joined(separator: labels == nil ? " " : "; "), to: &out)
            }
        }

        // MARK: Streaming (positions in the reader's order)

        /// Starts the field of position `q`: its reader column, or `nil` when the reader has none.
        @inline(__always)
        private mutating func startField(_ q: Int) -> Int? {
            let c = table.column[q]
            guard c >= 0 else { return nil }
            out.append(UInt8(ascii: ","))
            return c
        }

        @inline(__always)
        mutating func visitNull(_ q: Int) {
            guard let c = startField(q) else { return }
            split(c, nil)
        }

        @inline(__always)
        mutating func visitNumber(_ q: Int, _ raw: UnsafeBufferPointer<UInt8>) {
            guard let c = startField(q) else { return }
            out.append(contentsOf: raw)
            split(c, nil)
        }

        @inline(__always)
        mutating func visitText(_ q: Int, _ utf8: UnsafeBufferPointer<UInt8>) {
            guard let c = startField(q) else { return }
            appendText(utf8)
            split(c, nil)
        }

        @inline(__always)
        mutating func visitChoice(_ q: Int, _ position: Int) {
            guard let c = startField(q) else { return }
            appendChoice(q, position)
            split(c, nil)
        }

        @inline(__always)
        mutating func visitChoices(_ q: Int, _ positions: UnsafeBufferPointer<Int>) {
            guard let c = startField(q) else { return }
            choices(q, positions)
            split(c, positions)
        }
    }

    /// What one instrument's stored answers print as: each choice already as CSV bytes, and
    /// each of the reader's split columns as a position in the instrument's list.
    final class CSVLayout {
        /// The tables a cell reads, in raw memory owned by the layout (freed with it).
        struct Table {
            /// Every choice's name (or label) as a CSV field, one after the other, then 16 zero
            /// bytes (a field is copied 16 bytes at a time); choice `p` of position `q` is
            /// `bytes[start[base[q] + p] ..< start[base[q] + p + 1]]`.
            var bytes: UnsafeMutableBufferPointer<UInt8>
            var start: UnsafeMutableBufferPointer<Int>
            var base: UnsafeMutableBufferPointer<Int>
            var count: UnsafeMutableBufferPointer<Int>
            /// The reader's column of each position (-1: none).
            var column: UnsafeMutableBufferPointer<Int>

            static var empty: Table {
                Table(bytes: .init(start: nil, count: 0), start: .init(start: nil, count: 0),
                    base: .init(start: nil, count: 0), count: .init(start: nil, count: 0), column: .init(start: nil, count: 0))
            }

            /// Appends choice `p` of position `q` as a CSV field (nothing past the end of its list).
            @inline(__always)
            func appendChoice(_ q: Int, _ p: Int, to out: inout RawBytes) {
                guard p < count[q], let bytes = bytes.baseAddress else { return }
                let i = base[q] + p
                out.appendPadded(bytes + start[i], count: start[i + 1] - start[i])
            }
        }

        let table: Table
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
            bytes += repeatElement(0, count: 16)
            func owned<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
                _ = buffer.initialize(from: array)
                return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
            }
            table = Table(
                bytes: owned(bytes), start: owned(starts), base: owned(bases), count: owned(choiceText.map(\.count)),
                column: owned(map.column))
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

        deinit {
            for buffer in [table.start, table.base, table.count, table.column] { buffer.baseAddress?.deallocate() }
            table.bytes.baseAddress?.deallocate()
        }
    }
}
