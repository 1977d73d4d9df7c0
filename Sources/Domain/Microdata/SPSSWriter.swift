import Foundation

/// Writes a ``MicrodataSet`` as an SPSS system file (`.sav`), following GNU PSPP's manual,
/// "System File Format": the file header, one variable record per 8 bytes of each variable
/// (strings over 255 bytes as very long strings of 255-byte segments), value labels, the
/// machine integer and floating-point records, display parameters, long variable names, very
/// long strings, the UTF-8 character encoding record, the dictionary termination, then the
/// cases, uncompressed or with the bytecode compression (bias 100).
///
/// Numbers are IEEE doubles, little-endian; missing is system-missing (`-DBL_MAX`); a select_one's
/// "prefer not to say" code is declared user-missing; dates are `DATE11` (seconds since
/// 14 October 1582).
package struct SPSSWriter: Sendable {
    package var compressed: Bool
    /// The creation date and time in the header.
    package var created: Date

    package init(compressed: Bool = true, created: Date = Clock.now()) {
        self.compressed = compressed
        self.created = created
    }

    static let sysmis = -Double.greatestFiniteMagnitude
    static let bias = 100.0
    /// Seconds from SPSS's epoch (14 October 1582) to 1 January 1970.
    static let epochOffset = 12_219_379_200.0

    /// One variable record's worth of a variable: all of a numeric or short string variable, or
    /// one 255-byte segment of a very long string.
    struct Segment {
        var variable: Int
        var shortName: String
        /// 0 for numeric, else the string width of this segment.
        var width: Int
        /// The 8-byte elements it occupies in a case.
        var elements: Int { width == 0 ? 1 : (width + 7) / 8 }
        var isFirst: Bool
    }

    /// The layout of the variables in records: segments in order, and each string's width.
    struct Layout {
        var segments: [Segment] = []
        var widths: [Int] = []
        /// The dictionary index (0-based, counting continuation records) of each segment.
        var dictionaryIndex: [Int] = []
        var caseElements = 0

        init(_ set: MicrodataSet) {
            let textWidths = set.textWidths()
            var counter = 0
            for (v, variable) in set.variables.enumerated() {
                let short = { (first: Bool) -> String in
                    if first, variable.name.utf8.count <= 8 { return variable.name.uppercased() }
                    counter += 1
                    return "@\(counter)"
                }
                guard !variable.isNumeric else {
                    widths.append(0)
                    add(Segment(variable: v, shortName: short(true), width: 0, isFirst: true))
                    continue
                }
                let width = min(max(1, textWidths[v]), 32767)
                widths.append(width)
                if width <= 255 {
                    add(Segment(variable: v, shortName: short(true), width: width, isFirst: true))
                } else {
                    let n = (width + 251) / 252
                    for i in 0..<n {
                        add(Segment(variable: v, shortName: short(i == 0), width: i < n - 1 ? 255 : width - (n - 1) * 252, isFirst: i == 0))
                    }
                }
            }
        }

        mutating func add(_ segment: Segment) {
            dictionaryIndex.append(caseElements)
            segments.append(segment)
            caseElements += segment.elements
        }
    }

    /// The whole file.
    package func write(_ set: MicrodataSet) -> [UInt8] {
        let layout = Layout(set)
        var out = BinaryBuffer()
        header(&out, set, layout)
        for (s, segment) in layout.segments.enumerated() { variableRecords(&out, set.variables[segment.variable], segment, s, layout) }
        valueLabels(&out, set, layout)
        documents(&out, set)
        extensionRecords(&out, set, layout)
        out.int32(999)
        out.int32(0)
        var data = CaseData(compressed: compressed)
        for row in set.cases { data.add(row, set, layout) }
        out.append(data.finish())
        return out.bytes
    }

    func header(_ out: inout BinaryBuffer, _ set: MicrodataSet, _ layout: Layout) {
        out.ascii("$FL2")
        out.fixed("@(#) SPSS DATA FILE workforce (GNU/Linux)", 60, pad: 0x20)
        out.int32(2)
        out.int32(layout.caseElements)
        out.int32(compressed ? 1 : 0)
        out.int32(0)
        out.int32(set.cases.count <= Int(Int32.max) ? set.cases.count : -1)
        out.double(Self.bias)
        let (date, time) = Self.stamp(created)
        out.fixed(date, 9, pad: 0x20)
        out.fixed(time, 8, pad: 0x20)
        out.fixed(set.title, 64, pad: 0x20)
        out.append([0, 0, 0])
    }

    /// `dd mmm yy` and `hh:mm:ss`, UTC.
    static func stamp(_ date: Date) -> (String, String) {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        gmtime_r(&time, &t)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (
            String(format: "%02d %@ %02d", Int(t.tm_mday), months[Int(t.tm_mon)], Int(t.tm_year) % 100),
            String(format: "%02d:%02d:%02d", Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec))
        )
    }

    /// At most `bytes` bytes of `text`, cut on a character boundary, without the spaces a cut leaves at the end.
    static func cut(_ text: String, bytes: Int) -> [UInt8] {
        guard text.utf8.count > bytes else { return Array(text.utf8) }
        var cut = BinaryBuffer.prefix(text, bytes: bytes)
        while cut.last == 0x20 { cut.removeLast() }
        return cut
    }

    /// A print/write format: type, width, decimals.
    static func format(_ type: Int, _ width: Int, _ decimals: Int) -> Int { type << 16 | width << 8 | decimals }

    static func format(_ variable: MicrodataVariable, width: Int) -> Int {
        switch variable.kind {
        case .code, .dummy: format(5, 8, 0)
        case .integer: format(5, 12, 0)
        case .decimal: format(5, 16, 6)
        case .date: format(20, 11, 0)
        case .text: format(1, width, 0)
        }
    }

    func variableRecords(_ out: inout BinaryBuffer, _ variable: MicrodataVariable, _ segment: Segment, _ s: Int, _ layout: Layout) {
        out.int32(2)
        out.int32(segment.width)
        let label = segment.isFirst && !variable.label.isEmpty ? Self.cut(variable.label, bytes: 255) : []
        out.int32(label.isEmpty ? 0 : 1)
        let missing = segment.isFirst && variable.kind == .code ? variable.missingCode : nil
        out.int32(missing == nil ? 0 : 1)
        let format = Self.format(variable, width: segment.width)
        out.int32(format)
        out.int32(format)
        out.fixed(segment.shortName, 8, pad: 0x20)
        if !label.isEmpty {
            out.int32(label.count)
            out.append(label)
            out.append(Array(repeating: 0x20, count: (4 - label.count % 4) % 4))
        }
        if let missing { out.double(Double(missing)) }
        // Continuation records for the rest of a string wider than 8 bytes.
        for _ in 1..<max(1, segment.elements) {
            out.int32(2)
            out.int32(-1)
            out.int32(0)
            out.int32(0)
            out.int32(Self.format(1, 29, 0))
            out.int32(Self.format(1, 29, 0))
            out.fixed("", 8, pad: 0x20)
        }
    }

    func valueLabels(_ out: inout BinaryBuffer, _ set: MicrodataSet, _ layout: Layout) {
        for (s, segment) in layout.segments.enumerated() where segment.isFirst {
            let variable = set.variables[segment.variable]
            guard variable.isNumeric, !variable.valueLabels.isEmpty else { continue }
            out.int32(3)
            out.int32(variable.valueLabels.count)
            for label in variable.valueLabels {
                out.double(Double(label.code))
                let text = Self.cut(label.label, bytes: 120)
                out.append([UInt8(text.count)])
                out.append(text)
                out.append(Array(repeating: 0x20, count: (8 - (1 + text.count) % 8) % 8))
            }
            out.int32(4)
            out.int32(1)
            out.int32(layout.dictionaryIndex[s] + 1)
        }
    }
}
