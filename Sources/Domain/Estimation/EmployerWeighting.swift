/// The employer survey's design: responding employers in strata of the frame, empty strata
/// collapsed into a neighbouring size band, design weights `w = N*_S / n_S`, response rates.
///
/// Without a frame every employer weighs 1 and the figures describe the respondents only.
package struct EmployerWeighting: Sendable {
    /// A stratum of estimation: one or more frame strata of one sector.
    package struct Stratum: Sendable, Equatable {
        package var sector: String
        /// The size band with respondents, and the empty bands merged into it.
        package var sizeBand: String
        package var merged: [String]
        /// Eligible organisations `N*` (summed over the merged strata) and respondents `n`.
        package var eligible: Double
        package var respondents: Int

        package var name: String { ([sizeBand] + merged).map { "\(sector) x \($0)" }.joined(separator: " + ") }
    }

    /// One frame stratum's fieldwork outcome.
    package struct ResponseRate: Sendable, Equatable {
        package var stratum: SamplingFrame.Stratum
        package var organisations: Double
        package var issued: Double?
        package var outOfScope: Double?
        package var respondents: Int
        /// `respondents / (issued - out_of_scope)`, when `issued` is known and above `out_of_scope`.
        package var rate: Double?
    }

    package var design: StratifiedDesign
    package var strata: [Stratum]
    package var responseRates: [ResponseRate]
    /// Sectors of the frame with organisations but no respondent, and their organisations.
    package var unrepresented: [(sector: String, organisations: Double)]
    package var frame: SamplingFrame?
    /// Stored employer responses that did not pass the gates (consent): non-respondents.
    package var refusals: Int

    package var weights: [Double] { design.weights }

    init(
        design: StratifiedDesign, strata: [Stratum], responseRates: [ResponseRate], unrepresented: [(sector: String, organisations: Double)],
        frame: SamplingFrame?, refusals: Int
    ) {
        self.design = design
        self.strata = strata
        self.responseRates = responseRates
        self.unrepresented = unrepresented
        self.frame = frame
        self.refusals = refusals
    }

    /// Every employer weighs 1: no frame.
    package static func unweighted(_ count: Int, refusals: Int = 0) -> EmployerWeighting {
        EmployerWeighting(design: .unweighted(count), strata: [], responseRates: [], unrepresented: [], frame: nil, refusals: refusals)
    }

    /// The band order in which empty strata look for a neighbour (a tie goes to the smaller band).
    package static let bands = ["micro", "small", "medium", "large"]

    /// Weights `employers` (each with a sector and a size band) to `frame`.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` naming the stratum, before anything is computed,
    ///   when a respondent's stratum is not in the frame, when a stratum has more respondents than
    ///   organisations (the frame and the survey count different units) or than eligible issued
    ///   organisations.
    package init(employers: [EmployerResponse], frame: SamplingFrame, refusals: Int = 0) throws(WorkforceError) {
        self.frame = frame
        self.refusals = refusals
        var counts: [SamplingFrame.Stratum: Int] = [:]
        for e in employers { counts[SamplingFrame.Stratum(sector: e.sector ?? "", sizeBand: e.sizeBand ?? ""), default: 0] += 1 }
        for (stratum, n) in counts.sorted(by: { $0.key < $1.key }) {
            let name = "\(stratum.sector.isEmpty ? "(no sector)" : stratum.sector) x \(stratum.sizeBand.isEmpty ? "(no size band)" : stratum.sizeBand)"
            guard let c = frame.strata[stratum] else {
                throw .badData(nil, "\(frame.file): \(plural(n, "responding employer")) in stratum \(name), which the frame does not have; add the stratum to the frame with its number of organisations")
            }
            if Double(n) > c.organisations {
                throw .badData(
                    nil,
                    "\(frame.file): stratum \(name) has \(plural(n, "responding employer")) but only \(Int(c.organisations)) organisations: the frame and the survey count different units; check whether the frame counts organisations or establishments")
            }
            if let eligible = c.eligibleIssued, Double(n) > eligible {
                throw .badData(
                    nil,
                    "\(frame.file): stratum \(name) has \(plural(n, "responding employer")) but only \(Int(eligible)) eligible issued organisations (issued minus out of scope); correct issued or out_of_scope")
            }
        }
        // Merge each empty stratum into the nearest size band of its sector that has respondents.
        var strata: [Stratum] = []
        var index: [SamplingFrame.Stratum: Int] = [:]
        var unrepresented: [String: Double] = [:]
        let sectors = frame.order.map(\.sector).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for sector in sectors {
            let bands = frame.order.filter { $0.sector == sector }.map(\.sizeBand).sorted { Self.rank($0) < Self.rank($1) }
            let answered = bands.filter { counts[SamplingFrame.Stratum(sector: sector, sizeBand: $0)] != nil }
            guard !answered.isEmpty else {
                let organisations = bands.reduce(0.0) { $0 + (frame.strata[SamplingFrame.Stratum(sector: sector, sizeBand: $1)]?.organisations ?? 0) }
                if organisations > 0 { unrepresented[sector] = organisations }
                continue
            }
            for band in answered {
                let key = SamplingFrame.Stratum(sector: sector, sizeBand: band)
                index[key] = strata.count
                strata.append(Stratum(sector: sector, sizeBand: band, merged: [], eligible: frame.strata[key]?.eligible ?? 0, respondents: counts[key] ?? 0))
            }
            for band in bands where !answered.contains(band) {
                let key = SamplingFrame.Stratum(sector: sector, sizeBand: band)
                guard let c = frame.strata[key], c.eligible > 0 else { continue }
                let nearest = answered.min { (abs(Self.rank($0) - Self.rank(band)), Self.rank($0)) < (abs(Self.rank($1) - Self.rank(band)), Self.rank($1)) } ?? band
                let i = index[SamplingFrame.Stratum(sector: sector, sizeBand: nearest)] ?? 0
                strata[i].merged.append(band)
                strata[i].eligible += c.eligible
            }
        }
        self.strata = strata
        self.unrepresented = unrepresented.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        design = StratifiedDesign(
            stratum: employers.map { index[SamplingFrame.Stratum(sector: $0.sector ?? "", sizeBand: $0.sizeBand ?? "")] ?? 0 },
            populations: strata.map(\.eligible))
        responseRates = frame.order.map { key in
            let c = frame.strata[key] ?? SamplingFrame.Counts(organisations: 0)
            let n = counts[key] ?? 0
            let rate = c.eligibleIssued.flatMap { $0 > 0 ? Double(n) / $0 : nil }
            return ResponseRate(stratum: key, organisations: c.organisations, issued: c.issued, outOfScope: c.outOfScope, respondents: n, rate: rate)
        }
    }

    static func rank(_ band: String) -> Int { bands.firstIndex(of: band) ?? bands.count }

    /// The overall response rate: respondents over eligible issued organisations, where the frame gives them.
    package var overallResponseRate: Double? {
        let known = responseRates.filter { $0.issued != nil }
        let eligible = known.reduce(0.0) { $0 + ($1.issued ?? 0) - ($1.outOfScope ?? 0) }
        guard !known.isEmpty, eligible > 0 else { return nil }
        return Double(known.reduce(0) { $0 + $1.respondents }) / eligible
    }

    /// What a reader must know about the weighting, in English.
    package var notes: [String] { phrases.texts(.en) }

    /// What a reader must know about the weighting, typed.
    package var phrases: [Phrase] {
        guard let frame else { return [.phrase("estimation.note.unweighted", ["count": .count(Double(design.count))])] }
        var notes: [Phrase] = []
        let represented = strata.reduce(0.0) { $0 + $1.eligible }
        let kish = design.kish
        notes.append(.phrase("estimation.note.weighted", ["source": .phrase(frame.source.phrase), "count": .count(represented), "z": .fixed(Estimate.z95, decimals: 2)]))
        notes.append(
            .phrase("estimation.note.kish", ["deff": .fixed(kish.deff, decimals: 2), "count": .count(Double(design.count)), "effective": .count(kish.effective)]))
        for s in strata where !s.merged.isEmpty {
            notes.append(
                .phrase(
                    "estimation.note.collapsed",
                    ["merged": .text(s.merged.map { "\(s.sector) x \($0)" }.joined(separator: ", ")), "into": .text("\(s.sector) x \(s.sizeBand)")]))
        }
        if !unrepresented.isEmpty {
            let total = frame.totalOrganisations
            let organisations = unrepresented.reduce(0.0) { $0 + $1.organisations }
            let sectors = unrepresented.map { Phrase.Value.phrase(.phrase("estimation.note.unrepresented.sector", ["sector": .text($0.sector), "count": .count($0.organisations)])) }
            notes.append(
                .phrase(
                    "estimation.note.unrepresented",
                    [
                        "sectors": .series(sectors), "count": .count(organisations), "total": .count(total),
                        "percent": .percent(total > 0 ? organisations / total : 0),
                    ]))
        }
        if let rate = overallResponseRate {
            notes.append(.phrase("estimation.note.response_rate", ["percent": .percent(rate)]))
        } else {
            notes.append(.phrase("estimation.note.no_issued"))
        }
        return notes
    }
}
