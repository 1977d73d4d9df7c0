/// The observations, strLs and value-label tables of a Stata 118 dataset.
extension StataWriter {
    func data(_ out: inout BinaryBuffer, _ set: MicrodataSet, _ columns: [Column], _ map: inout [UInt64]) {
        out.ascii("<data>")
        var gsos: [(v: Int, o: Int, text: [UInt8])] = []
        for (o, row) in set.cases.enumerated() {
            for (v, column) in columns.enumerated() {
                let value = row[v]
                switch column.type {
                case Self.typeByte: out.int8(Self.integer(value) ?? 101)
                case Self.typeInt: out.int16(Self.integer(value) ?? 32741)
                case Self.typeLong: out.int32(Self.integer(value) ?? 2_147_483_621)
                case Self.typeDouble:
                    if case .number(let x) = value, x.isFinite { out.double(x) } else { out.uint64(0x7FE0_0000_0000_0000) }
                case Self.typeStrL:
                    guard case .text(let s) = value, !s.isEmpty else {
                        out.uint64(0)
                        continue
                    }
                    // (v, o): a 2-byte variable number, then a 6-byte observation number (LSF).
                    out.uint64(UInt64(v + 1) | UInt64(o + 1) << 16)
                    gsos.append((v + 1, o + 1, Array(s.utf8)))
                default:
                    var bytes: [UInt8] = []
                    if case .text(let s) = value { bytes = Array(s.utf8) }
                    out.append(bytes)
                    out.append(Array(repeating: 0, count: column.type - bytes.count))
                }
            }
        }
        out.ascii("</data>")
        map[10] = UInt64(out.count)
        out.ascii("<strls>")
        for gso in gsos {
            out.ascii("GSO")
            out.uint32(UInt32(gso.v))
            out.uint64(UInt64(gso.o))
            out.append([130])
            out.uint32(UInt32(gso.text.count + 1))
            out.append(gso.text + [0])
        }
        out.ascii("</strls>")
    }

    /// A code, 0/1 or date as an integer; `nil` when missing.
    static func integer(_ value: MicrodataValue) -> Int? {
        switch value {
        case .number(let x): x.isFinite ? Int(x) : nil
        case .day(let d): d + epochOffset
        case .missing, .text: nil
        }
    }

    func valueLabels(_ out: inout BinaryBuffer, _ set: MicrodataSet, _ columns: [Column]) {
        out.ascii("<value_labels>")
        for (v, column) in columns.enumerated() where column.hasLabels {
            let labels = set.variables[v].valueLabels.sorted { $0.code < $1.code }
            var text: [UInt8] = []
            var offsets: [Int] = []
            for label in labels {
                offsets.append(text.count)
                text += BinaryBuffer.prefix(label.label, bytes: 32_000) + [0]
            }
            var table = BinaryBuffer()
            table.int32(labels.count)
            table.int32(text.count)
            for offset in offsets { table.int32(offset) }
            for label in labels { table.int32(label.code) }
            table.append(text)
            out.ascii("<lbl>")
            out.int32(table.count)
            out.fixed(column.name, 129)
            out.append([0, 0, 0])
            out.append(table.bytes)
            out.ascii("</lbl>")
        }
        out.ascii("</value_labels>")
    }
}
