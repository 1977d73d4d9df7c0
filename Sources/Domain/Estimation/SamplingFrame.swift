import Foundation

/// An employer sampling frame: a CSV `sector,size_band,organisations`, optionally with `issued`
/// (organisations selected and contacted) and `out_of_scope` (contacted, found closed or without
/// any IT). Counts are whole numbers written in decimal digits, from 0 to 10⁹.
package struct SamplingFrame: Sendable, Equatable {
    package struct Stratum: Hashable, Sendable, Comparable {
        package var sector: String
        package var sizeBand: String

        package init(sector: String, sizeBand: String) {
            self.sector = sector
            self.sizeBand = sizeBand
        }

        /// The stratum of a frame or units file's row, its sector and size band checked against
        /// the employer form's lists.
        ///
        /// - Throws: ``WorkforceError/badData(_:_:)`` at the file, line and column of an unknown
        ///   sector or size band.
        init(_ record: CSVRecord, sector s: Int, sizeBand b: Int, in file: String, sectors: [String], sizeBands: [String]) throws(WorkforceError) {
            let sector = record.fields[s].trimmingCharacters(in: .whitespaces)
            let band = record.fields[b].trimmingCharacters(in: .whitespaces)
            guard sectors.contains(sector) else {
                throw .badData(record.location(ofField: s, in: file), "unknown sector \"\(valuePrefix(sector))\"; the employer form's sectors are \(sectors.joined(separator: ", "))")
            }
            guard sizeBands.contains(band) else {
                throw .badData(record.location(ofField: b, in: file), "unknown size band \"\(valuePrefix(band))\"; use \(sizeBands.joined(separator: ", "))")
            }
            self.init(sector: sector, sizeBand: band)
        }

        package static func < (a: Self, b: Self) -> Bool { (a.sector, a.sizeBand) < (b.sector, b.sizeBand) }
    }

    /// One stratum's counts.
    package struct Counts: Sendable, Equatable {
        package var organisations: Double
        package var issued: Double?
        package var outOfScope: Double?

        package init(organisations: Double, issued: Double? = nil, outOfScope: Double? = nil) {
            self.organisations = organisations
            self.issued = issued
            self.outOfScope = outOfScope
        }

        /// Eligible organisations `N* = N (1 - out_of_scope / issued)` (`N` without `issued`).
        package var eligible: Double {
            guard let issued, issued > 0 else { return organisations }
            return organisations * (1 - (outOfScope ?? 0) / issued)
        }

        /// Issued organisations that were eligible (`issued - out_of_scope`), when known.
        package var eligibleIssued: Double? { issued.map { $0 - (outOfScope ?? 0) } }
    }

    package var strata: [Stratum: Counts]
    /// The frame's strata in file order.
    package var order: [Stratum]
    package var file: String
    /// Whether the frame gives `issued` (and so response rates and non-response adjustment).
    package var hasIssued: Bool
    /// Where the frame came from (a stored version or a file), as notes name it.
    package var source: WeightingSource
    /// The line of the file each stratum was read from.
    package var lines: [Stratum: Int] = [:]

    /// The largest count a frame may give.
    package static let maximumCount = 1_000_000_000.0

    /// Reads a frame, checking sectors and size bands against the employer form's lists.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the file, line and column of an unknown
    ///   sector or size band, a count that is not a whole number from 0 to 10⁹, `issued` above
    ///   `organisations`, `out_of_scope` above `issued` (or without it), or a stratum given twice.
    package init(url: URL, sectors: [String], sizeBands: [String]) throws(WorkforceError) {
        file = url.path
        source = WeightingSource(kind: .frame, file: url.lastPathComponent)
        let (table, records) = try CSVTable.readAll(url: url, required: ["sector", "size_band", "organisations"])
        let s = table.index(of: "sector") ?? 0, b = table.index(of: "size_band") ?? 1, n = table.index(of: "organisations") ?? 2
        let issuedColumn = table.index(of: "issued"), outColumn = table.index(of: "out_of_scope")
        let file = self.file
        var strata: [Stratum: Counts] = [:]
        var order: [Stratum] = []
        for record in records {
            func count(_ column: Int, _ name: String) throws(WorkforceError) -> Double? {
                let text = record.fields[column].trimmingCharacters(in: .whitespaces)
                if text.isEmpty, name != "organisations" { return nil }
                guard let value = WholeNumber.parse(text, maximum: Self.maximumCount) else {
                    throw .badData(
                        record.location(ofField: column, in: file),
                        "\(name) \"\(valuePrefix(text))\" is not a whole number from 0 to 1000000000 written in digits")
                }
                return value
            }
            let stratum = try Stratum(record, sector: s, sizeBand: b, in: file, sectors: sectors, sizeBands: sizeBands)
            let (sector, band) = (stratum.sector, stratum.sizeBand)
            var counts = Counts(organisations: try count(n, "organisations") ?? 0)
            if let c = issuedColumn { counts.issued = try count(c, "issued") }
            if let c = outColumn { counts.outOfScope = try count(c, "out_of_scope") }
            if let issued = counts.issued, issued > counts.organisations {
                throw .badData(
                    record.location(ofField: issuedColumn ?? n, in: file),
                    "stratum \(sector) x \(band): issued (\(Int(issued))) is more than its organisations (\(Int(counts.organisations)))")
            }
            if let out = counts.outOfScope {
                guard let issued = counts.issued else {
                    throw .badData(record.location(ofField: outColumn ?? n, in: file), "stratum \(sector) x \(band): out_of_scope needs issued (the organisations contacted)")
                }
                if out > issued {
                    throw .badData(
                        record.location(ofField: outColumn ?? n, in: file),
                        "stratum \(sector) x \(band): out_of_scope (\(Int(out))) is more than issued (\(Int(issued)))")
                }
            }
            guard strata[stratum] == nil else {
                throw .badData(record.location(ofField: s, in: file), "stratum \(sector) x \(band) is given twice")
            }
            strata[stratum] = counts
            order.append(stratum)
            lines[stratum] = record.line
        }
        self.strata = strata
        self.order = order
        hasIssued = issuedColumn != nil && strata.values.contains { $0.issued != nil }
    }

    package init(strata: [(Stratum, Counts)], file: String = "frame", source: WeightingSource? = nil) {
        self.strata = Dictionary(uniqueKeysWithValues: strata)
        order = strata.map(\.0)
        self.file = file
        self.source = source ?? WeightingSource(kind: .frame, file: file)
        hasIssued = strata.contains { $0.1.issued != nil }
    }

    /// A frame of organisations only.
    package init(organisations: [Stratum: Double], file: String = "frame") {
        self.init(strata: organisations.sorted { $0.key < $1.key }.map { ($0.key, Counts(organisations: $0.value)) }, file: file)
    }

    package var totalOrganisations: Double { strata.values.reduce(0) { $0 + $1.organisations } }

    /// Checks a stored frame's sectors and size bands against the employer form's lists (as
    /// reading the file does), at the line of the file each stratum came from.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` for an unknown sector or size band.
    package func check(sectors: [String], sizeBands: [String]) throws(WorkforceError) {
        for stratum in order {
            let here = SourceLocation(file: file, line: lines[stratum])
            guard sectors.contains(stratum.sector) else {
                throw .badData(here, "unknown sector \"\(valuePrefix(stratum.sector))\"; the employer form's sectors are \(sectors.joined(separator: ", "))")
            }
            guard sizeBands.contains(stratum.sizeBand) else {
                throw .badData(here, "unknown size band \"\(valuePrefix(stratum.sizeBand))\"; use \(sizeBands.joined(separator: ", "))")
            }
        }
    }
}

/// Whole numbers as files write them: decimal digits only (no sign, exponent, `inf` or hex).
package enum WholeNumber {
    /// The value of `text` when it is 1 to 10 decimal digits and at most `maximum`; else `nil`.
    package static func parse(_ text: String, maximum: Double) -> Double? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 12, utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else { return nil }
        let d = Double(value)
        return d <= maximum ? d : nil
    }
}
