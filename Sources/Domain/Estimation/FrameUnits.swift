import Foundation

/// The organisations issued per stratum (`frame import --units FILE`): a CSV
/// `org_code,sector,size_band`, one invitation code per organisation of the sample, so that an
/// employer's answers can be checked against the stratum it was drawn in and linked across waves.
package struct FrameUnits: Sendable, Equatable {
    package struct Unit: Sendable, Equatable {
        package var code: String
        package var stratum: SamplingFrame.Stratum
        package var line: Int
    }

    package var units: [Unit]
    package var file: String

    /// An invitation code as the employer form takes it (`org_code`): 3 to 12 letters, digits or
    /// hyphens, the first a letter or digit; compared in upper case after trimming.
    package static func isCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func alphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        guard (3...12).contains(bytes.count), let first = bytes.first, alphanumeric(first) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == 45 }
    }

    /// The code as stored: trimmed, upper case.
    package static func normalised(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).uppercased() }

    /// Reads a units list, checking sectors and size bands against the employer form's lists.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the file, line and column of a code that is
    ///   not a code, an unknown sector or size band, a code given twice in one stratum (a
    ///   duplicate) or in two strata, naming the line of its first appearance.
    package init(url: URL, sectors: [String], sizeBands: [String]) throws(WorkforceError) {
        file = url.path
        let (table, records) = try CSVTable.readAll(url: url, required: ["org_code", "sector", "size_band"])
        let c = table.index(of: "org_code") ?? 0, s = table.index(of: "sector") ?? 1, b = table.index(of: "size_band") ?? 2
        let file = self.file
        var units: [Unit] = []
        var seen: [String: Int] = [:]
        for record in records {
            let code = Self.normalised(record.fields[c])
            guard Self.isCode(code) else {
                throw .badData(
                    record.location(ofField: c, in: file),
                    "org_code \"\(valuePrefix(record.fields[c]))\" is not an invitation code: 3 to 12 letters, digits or hyphens, the first a letter or digit")
            }
            let stratum = try SamplingFrame.Stratum(record, sector: s, sizeBand: b, in: file, sectors: sectors, sizeBands: sizeBands)
            if let earlier = seen[code] {
                let first = units[earlier]
                let what =
                    first.stratum == stratum
                    ? "org_code \(code) is given twice (also on line \(first.line)); give each organisation's code once"
                    : "org_code \(code) is in two strata: \(first.stratum.sector) x \(first.stratum.sizeBand) on line \(first.line) and \(stratum.sector) x \(stratum.sizeBand) here; a code belongs to one organisation of one stratum"
                throw .badData(record.location(ofField: c, in: file), what)
            }
            seen[code] = units.count
            units.append(Unit(code: code, stratum: stratum, line: record.line))
        }
        self.units = units
    }
}
