import Foundation

/// An employer sampling frame: a CSV `sector,size_band,organisations` giving the number of
/// organisations in each stratum. With it, `w_e = N_s / n_s` and figures are national estimates.
public struct SamplingFrame: Sendable {
    public struct Stratum: Hashable, Sendable {
        public var sector: String
        public var sizeBand: String
    }

    public var organisations: [Stratum: Double]
    public var file: String

    /// Reads a frame, checking sectors and size bands against the employer form's lists.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the file, line and column of an unknown
    ///   sector or size band, a count that is not a whole number of 0 or more, or a stratum given twice.
    public init(url: URL, sectors: [String], sizeBands: [String]) throws(WorkforceError) {
        file = url.path
        let (table, records) = try CSVTable.readAll(url: url, required: ["sector", "size_band", "organisations"])
        let s = table.index(of: "sector") ?? 0, b = table.index(of: "size_band") ?? 1, n = table.index(of: "organisations") ?? 2
        var organisations: [Stratum: Double] = [:]
        for record in records {
            let sector = record.fields[s].trimmingCharacters(in: .whitespaces)
            let band = record.fields[b].trimmingCharacters(in: .whitespaces)
            guard sectors.contains(sector) else {
                throw .badData(record.location(ofField: s, in: file), "unknown sector \"\(sector)\"; the employer form's sectors are \(sectors.joined(separator: ", "))")
            }
            guard sizeBands.contains(band) else {
                throw .badData(record.location(ofField: b, in: file), "unknown size band \"\(band)\"; use \(sizeBands.joined(separator: ", "))")
            }
            let text = record.fields[n].trimmingCharacters(in: .whitespaces)
            guard let count = Double(text), count >= 0, count == count.rounded() else {
                throw .badData(record.location(ofField: n, in: file), "organisations \"\(valuePrefix(text))\" is not a whole number of 0 or more")
            }
            let stratum = Stratum(sector: sector, sizeBand: band)
            guard organisations[stratum] == nil else {
                throw .badData(record.location(ofField: s, in: file), "stratum \(sector) x \(band) is given twice")
            }
            organisations[stratum] = count
        }
        self.organisations = organisations
    }

    public init(organisations: [Stratum: Double], file: String = "frame") {
        self.organisations = organisations
        self.file = file
    }

    /// Each employer's weight, and notes naming the strata that do not match: strata of the
    /// frame with no respondents, and respondents in strata the frame lacks (weighted 1, as
    /// themselves only).
    public func weights(_ employers: [EmployerResponse]) -> (weights: [Double], notes: [String]) {
        var counts: [Stratum: Int] = [:]
        for e in employers { counts[Stratum(sector: e.sector ?? "", sizeBand: e.sizeBand ?? ""), default: 0] += 1 }
        var notes: [String] = []
        let empty = organisations.filter { $0.value > 0 && counts[$0.key] == nil }.keys.map { "\($0.sector) x \($0.sizeBand)" }.sorted()
        if !empty.isEmpty {
            notes.append("Strata of the frame with no responding employer (their organisations are not represented): \(empty.joined(separator: ", ")).")
        }
        let outside = counts.keys.filter { organisations[$0] == nil }.map { "\($0.sector.isEmpty ? "?" : $0.sector) x \($0.sizeBand.isEmpty ? "?" : $0.sizeBand)" }.sorted()
        if !outside.isEmpty {
            notes.append("Responding employers in strata the frame lacks, weighted 1 (themselves only): \(outside.joined(separator: ", ")).")
        }
        let weights = employers.map { e -> Double in
            let stratum = Stratum(sector: e.sector ?? "", sizeBand: e.sizeBand ?? "")
            guard let population = organisations[stratum], let n = counts[stratum], n > 0 else { return 1 }
            return population / Double(n)
        }
        return (weights, notes)
    }
}
