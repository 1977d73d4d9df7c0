/// The extension (type 7) records and the case data of an SPSS system file.
extension SPSSWriter {
    func extensionRecords(_ out: inout BinaryBuffer, _ set: MicrodataSet, _ layout: Layout) {
        // Machine integer info: version 1.0.0, machine -1, IEEE 754, compression 1,
        // little-endian, UTF-8 (65001).
        out.int32(7)
        out.int32(3)
        out.int32(4)
        out.int32(8)
        for v in [1, 0, 0, -1, 1, 1, 2, 65001] { out.int32(v) }
        // Machine floating-point info: SYSMIS, HIGHEST, LOWEST.
        out.int32(7)
        out.int32(4)
        out.int32(8)
        out.int32(3)
        out.double(Self.sysmis)
        out.double(Double.greatestFiniteMagnitude)
        out.double(-Double.greatestFiniteMagnitude.nextDown)
        // Variable display parameters: measure, width, alignment per segment.
        out.int32(7)
        out.int32(11)
        out.int32(4)
        out.int32(3 * layout.segments.count)
        for segment in layout.segments {
            let variable = set.variables[segment.variable]
            let measure =
                switch variable.kind {
                case .integer, .decimal, .date: 3
                case .code, .dummy, .text: 1
                }
            out.int32(measure)
            out.int32(variable.isNumeric ? 8 : min(max(segment.width, 8), 40))
            out.int32(variable.isNumeric ? 1 : 0)
        }
        // Long variable names: SHORT=long, tab-separated.
        let names = layout.segments.filter(\.isFirst).map { "\($0.shortName)=\(set.variables[$0.variable].name)" }
        bytesRecord(&out, 13, Array(names.joined(separator: "\t").utf8))
        // Very long strings: SHORT=00600, each followed by 00 09.
        var long: [UInt8] = []
        for segment in layout.segments where segment.isFirst && layout.widths[segment.variable] > 255 {
            long += Array("\(segment.shortName)=".utf8) + Array(String(format: "%05d", layout.widths[segment.variable]).utf8) + [0, 9]
        }
        if !long.isEmpty { bytesRecord(&out, 14, long) }
        bytesRecord(&out, 20, Array("UTF-8".utf8))
    }

    func bytesRecord(_ out: inout BinaryBuffer, _ subtype: Int, _ bytes: [UInt8]) {
        out.int32(7)
        out.int32(subtype)
        out.int32(1)
        out.int32(bytes.count)
        out.append(bytes)
    }

    /// The cases, as 8-byte elements, straight or bytecode-compressed.
    struct CaseData {
        let compressed: Bool
        var out = BinaryBuffer()
        /// Compression: the command bytes of the block being filled, and its literal elements.
        var codes: [UInt8] = []
        var literals: [UInt8] = []

        init(compressed: Bool) { self.compressed = compressed }

        mutating func add(_ row: [MicrodataValue], _ set: MicrodataSet, _ layout: Layout) {
            var segmentOfVariable = 0
            for segment in layout.segments {
                let value = row[segment.variable]
                if segment.width == 0 {
                    number(Self.number(value))
                    continue
                }
                if segment.isFirst { segmentOfVariable = 0 } else { segmentOfVariable += 1 }
                var bytes: [UInt8] = []
                if case .text(let text) = value {
                    let utf8 = Array(text.utf8)
                    // Very long strings pack 255 bytes of the value into each segment.
                    let start = min(utf8.count, segmentOfVariable * 255)
                    let end = min(utf8.count, start + min(segment.width, 255))
                    bytes = Array(utf8[start..<end])
                }
                bytes += Array(repeating: 0x20, count: segment.elements * 8 - bytes.count)
                for e in 0..<segment.elements { string(Array(bytes[(e * 8)..<(e * 8 + 8)])) }
            }
        }

        static func number(_ value: MicrodataValue) -> Double {
            switch value {
            case .number(let x): x.isFinite ? x : SPSSWriter.sysmis
            case .day(let d): (Double(d) * 86_400) + SPSSWriter.epochOffset
            case .missing, .text: SPSSWriter.sysmis
            }
        }

        mutating func number(_ x: Double) {
            guard compressed else { return out.double(x) }
            if x == SPSSWriter.sysmis {
                code(255)
            } else if x == x.rounded(), x >= 1 - SPSSWriter.bias, x <= 251 - SPSSWriter.bias {
                code(UInt8(x + SPSSWriter.bias))
            } else {
                var literal = BinaryBuffer()
                literal.double(x)
                code(253, literal.bytes)
            }
        }

        mutating func string(_ element: [UInt8]) {
            guard compressed else { return out.append(element) }
            if element.allSatisfy({ $0 == 0x20 }) { code(254) } else { code(253, element) }
        }

        mutating func code(_ c: UInt8, _ literal: [UInt8] = []) {
            codes.append(c)
            literals += literal
            if codes.count == 8 { flush() }
        }

        mutating func flush() {
            guard !codes.isEmpty else { return }
            out.append(codes + Array(repeating: 0, count: 8 - codes.count))
            out.append(literals)
            codes = []
            literals = []
        }

        /// The data record, with the last block of commands padded with 0 (ignored).
        mutating func finish() -> [UInt8] {
            flush()
            return out.bytes
        }
    }
}
