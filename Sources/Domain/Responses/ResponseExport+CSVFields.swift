/// How one response becomes CSV fields: the row writer and each instrument's layout.
extension ResponseExport {
    /// Writes one response's answers as CSV fields. When the instrument asks the reader's
    /// questions in the reader's order (one version of the form), the stored elements are
    /// streamed straight into the fields; otherwise they are decoded and placed by name.
    final class CSVRowWriter: AnswerVisitor {
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
                try AnswerCodec.visit(answers, types: map.types, choiceCounts: map.choiceCounts, scratch: &scratch, self)
                return
            }
            try AnswerCodec.decode(answers, types: map.types, choiceCounts: map.choiceCounts, into: &stored)
            let positions = map.position
            for c in positions.indices {
                let q = positions[c]
                let element = q >= 0 ? stored[q] : .null
                switch element {
                case .null: column(c, nil)
                case .integer(let v): columnStart(); if layout?.isDecimal[c] == true { out.append(JSONWriter.number(Double(v))) } else { CSVWriter.appendInteger(v, to: &out) }; split(c, nil)
                case .decimal(let v): columnStart(); out.append(JSONWriter.number(v)); split(c, nil)
                case .text(let t): columnStart(); writer.append(t, to: &out); split(c, nil)
                case .choice(let p): columnStart(); layout?.appendChoice(q, p, to: &out); split(c, nil)
                case .choices(let ps): columnStart(); choices(q, ps); split(c, ps)
                }
            }
        }

        private func columnStart() { out.append(UInt8(ascii: ",")) }

        private func column(_ c: Int, _ chosen: [Int]?) {
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
            if let c = columnOf(q) { column(c, nil) }
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
    final class CSVLayout {
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
}
