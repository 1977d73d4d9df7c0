import Foundation

/// Writes a ``MicrodataSet`` as a Stata dataset, format 118 (Stata 14 and later), following
/// StataCorp's "Description of .dta file format": the header, the map of section offsets,
/// variable types, names, sort list, display formats, value-label names, variable labels,
/// characteristics (the notes that keep full codebook names), the data, the strLs and the
/// value-label tables. Byte order LSF; strings UTF-8.
///
/// Types: select_one codes and 0/1 choices `byte` (`int` above 100 codes), numbers `double`,
/// dates `long` with `%td`, text `str1`...`str2045`, longer text `strL`. Missing is `.`;
/// Stata has no missing string, so missing text is "". Names follow ``MicrodataNames``.
package struct StataWriter: Sendable {
    package var created: Date

    package init(created: Date = Clock.now()) { self.created = created }

    static let typeStrL = 32768
    static let typeDouble = 65526
    static let typeLong = 65528
    static let typeInt = 65529
    static let typeByte = 65530
    /// Days from 1960-01-01 (Stata's `%td` origin) to 1970-01-01.
    static let epochOffset = 3653

    struct Column {
        var type: Int
        var format: String
        var name: String
        var hasLabels: Bool
    }

    func columns(_ set: MicrodataSet) -> [Column] {
        let widths = set.textWidths()
        let names = MicrodataNames.stata(set.variables.map(\.name))
        return set.variables.enumerated().map { v, variable in
            let type: Int
            let format: String
            switch variable.kind {
            case .code, .dummy:
                let top = variable.valueLabels.map(\.code).max() ?? 1
                type = top <= 100 ? Self.typeByte : top <= 32740 ? Self.typeInt : Self.typeLong
                format = "%8.0g"
            case .integer:
                type = Self.typeDouble
                format = "%12.0g"
            case .decimal:
                type = Self.typeDouble
                format = "%10.0g"
            case .date:
                type = Self.typeLong
                format = "%td"
            case .text:
                let width = max(1, widths[v])
                type = width <= 2045 ? width : Self.typeStrL
                format = "%-\(min(width, 40))s"
            }
            return Column(type: type, format: format, name: names[v], hasLabels: variable.isNumeric && !variable.valueLabels.isEmpty)
        }
    }

    /// The whole file.
    package func write(_ set: MicrodataSet) -> [UInt8] {
        let columns = columns(set)
        var out = BinaryBuffer()
        var map = Array(repeating: UInt64(0), count: 14)
        out.ascii("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")
        out.uint16(UInt16(columns.count))
        out.ascii("</K><N>")
        out.uint64(UInt64(set.cases.count))
        out.ascii("</N><label>")
        let title = Self.characters(set.title, 80, bytes: 320)
        out.uint16(UInt16(title.count))
        out.append(title)
        out.ascii("</label><timestamp>")
        let stamp = Self.stamp(created)
        out.append([UInt8(stamp.utf8.count)])
        out.ascii(stamp)
        out.ascii("</timestamp></header>")
        map[1] = UInt64(out.count)
        out.ascii("<map>")
        let mapAt = out.count
        for _ in 0..<14 { out.uint64(0) }
        out.ascii("</map>")
        map[2] = UInt64(out.count)
        out.ascii("<variable_types>")
        for c in columns { out.uint16(UInt16(c.type)) }
        out.ascii("</variable_types>")
        map[3] = UInt64(out.count)
        out.ascii("<varnames>")
        for c in columns { out.fixed(c.name, 129) }
        out.ascii("</varnames>")
        map[4] = UInt64(out.count)
        out.ascii("<sortlist>")
        for _ in 0...columns.count { out.uint16(0) }
        out.ascii("</sortlist>")
        map[5] = UInt64(out.count)
        out.ascii("<formats>")
        for c in columns { out.fixed(c.format, 57) }
        out.ascii("</formats>")
        map[6] = UInt64(out.count)
        out.ascii("<value_label_names>")
        for c in columns { out.fixed(c.hasLabels ? c.name : "", 129) }
        out.ascii("</value_label_names>")
        map[7] = UInt64(out.count)
        out.ascii("<variable_labels>")
        for variable in set.variables { out.fixed(String(decoding: BinaryBuffer.prefix(variable.label(limit: 80), bytes: 320), as: UTF8.self), 321) }
        out.ascii("</variable_labels>")
        map[8] = UInt64(out.count)
        out.ascii("<characteristics>")
        for (v, c) in columns.enumerated() where c.name != set.variables[v].name {
            characteristic(&out, c.name, "note1", "codebook name: \(set.variables[v].source) (\(set.variables[v].name))")
            characteristic(&out, c.name, "note0", "1")
        }
        notes(&out, set)
        out.ascii("</characteristics>")
        map[9] = UInt64(out.count)
        data(&out, set, columns, &map)
        map[11] = UInt64(out.count)
        valueLabels(&out, set, columns)
        map[12] = UInt64(out.count)
        out.ascii("</stata_dta>")
        map[13] = UInt64(out.count)
        for (i, position) in map.enumerated() { out.patchUInt64(position, at: mapAt + 8 * i) }
        return out.bytes
    }

    /// `dd Mon yyyy hh:mm`, UTC.
    static func stamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        gmtime_r(&time, &t)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%02d %@ %04d %02d:%02d", Int(t.tm_mday), months[Int(t.tm_mon)], Int(t.tm_year) + 1900, Int(t.tm_hour), Int(t.tm_min))
    }

    /// At most `limit` characters of `text` and at most `bytes` bytes of UTF-8.
    static func characters(_ text: String, _ limit: Int, bytes: Int) -> [UInt8] {
        let cut = text.count > limit ? String(text.prefix(limit)).trimmingCharacters(in: .whitespaces) : text
        return BinaryBuffer.prefix(cut, bytes: bytes)
    }

    func characteristic(_ out: inout BinaryBuffer, _ variable: String, _ name: String, _ contents: String) {
        let text = BinaryBuffer.prefix(contents, bytes: 67_783)
        out.ascii("<ch>")
        out.uint32(UInt32(129 + 129 + text.count + 1))
        out.fixed(variable, 129)
        out.fixed(name, 129)
        out.append(text + [0])
        out.ascii("</ch>")
    }
}
