import Foundation

/// The design variables the labelled files carry with `--weights`, so that SPSS Complex
/// Samples, Stata's `svyset` and R's `svydesign` reproduce the tool's estimates.
///
/// - Awareness: `weight` (raked to the population margins with the same raking as
///   `workforce awareness --margins`; 1 without margins), with `--strata` a `stratum` (the
///   crossed answers, e.g. district x urban/rural) and with `--cluster` a `cluster` (that
///   question's answer; a respondent without one is a cluster of their own).
/// - Employers: `weight` (`N*_S / n_S`, the design weights of `workforce gaps --frame`),
///   `stratum` (sector x size band, empty bands merged into a neighbour) and `fpc` (the
///   stratum's eligible organisations, `N*_S`).
///
/// Only respondents (a "yes" at every gate question) carry design values; the others are
/// missing, as they are in no estimate.
package struct SurveyDesign: Sendable {
    package var variables: [MicrodataVariable]
    /// Each respondent's design values, in ``variables`` order, by response id.
    package var values: [Int64: [MicrodataValue]]
    /// What a reader must know (raking that did not converge, frame mismatches), typed: the
    /// labelled files write it in their labels' language.
    package var notes: [Phrase] = []

    /// The awareness design of `wave`.
    ///
    /// - Parameters:
    ///   - margins: rake to these; without, every weight is 1.
    ///   - strata: the breakdowns whose crossed answers are the strata.
    ///   - cluster: the question whose answer is the cluster (`enumeration_area`).
    /// - Throws: ``WorkforceError/usage(_:)`` for a stratum or cluster question the form does
    ///   not have; the raking's errors for margins that do not fit the sample.
    package static func awareness(
        store: WorkforceStore, wave: String, margins: PopulationMargins?, strata: [AwarenessBreakdown], cluster: String?
    ) throws -> SurveyDesign {
        let reader = try ResponseReader(store: store, kind: .awareness, wave: wave, respondentsOnly: true)
        var strataColumns: [(name: String, column: Int)] = []
        for b in strata {
            guard let c = reader.index(of: b.question), reader.columns[c].type == .selectOne else {
                throw WorkforceError.usage("--strata \(b.rawValue): the \(wave) form has no select_one question \(b.question)")
            }
            strataColumns.append((b.question, c))
        }
        let clusterColumn = try cluster.map { name throws(WorkforceError) -> Int in
            guard let c = reader.index(of: name) else {
                throw .usage("--cluster \(name): the \(wave) form has no question \(name)")
            }
            return c
        }
        var ids: [Int64] = []
        var strataKeys: [[Int]] = []
        var clusterAnswers: [String?] = []
        try reader.forEach { record in
            ids.append(record.responseID)
            strataKeys.append(strataColumns.map { s in
                record.values[s.column].chosen.first.flatMap { reader.columns[s.column].choices.map(\.name).firstIndex(of: $0) } ?? Int.max
            })
            if let c = clusterColumn {
                let value = record.values[c]
                let answer: String? =
                    switch value {
                    case .choice(let s), .text(let s): s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s
                    case .integer(let n): String(n)
                    case .decimal(let x): JSONWriter.number(x)
                    default: nil
                    }
                clusterAnswers.append(answer)
            }
        }
        var design = SurveyDesign(variables: [], values: [:])
        var columns: [[MicrodataValue]] = []
        var weights = Array(repeating: 1.0, count: ids.count)
        if let margins {
            let data = try AwarenessData(store: store, wave: wave)
            let result = try data.rake(to: margins)
            guard result.weights.count == ids.count else {
                throw WorkforceError.other("the raked weights (\(result.weights.count)) do not match the respondents (\(ids.count))")
            }
            weights = result.weights
            if !result.converged { design.notes.append(.phrase("publication.microdata.not_converged", ["iterations": .count(Double(result.iterations))])) }
        }
        design.variables.append(weightVariable(margins == nil ? "Weight (1: unweighted)" : "Raking weight (population margins)"))
        columns.append(weights.map(MicrodataValue.number))
        if !strataColumns.isEmpty {
            let keys = Array(Set(strataKeys)).sorted { $0.lexicographicallyPrecedes($1) }
            let code = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
            let labels = keys.enumerated().map { k, key in
                MicrodataVariable.ValueLabel(
                    code: k + 1,
                    label: zip(strataColumns, key).map { s, i in
                        "\(s.name)=\(i == Int.max ? "(none)" : reader.columns[s.column].choices[i].name)"
                    }.joined(separator: ", "))
            }
            design.variables.append(
                MicrodataVariable(
                    name: "", source: "stratum", label: "Stratum: " + strataColumns.map(\.name).joined(separator: " x "), kind: .code,
                    valueLabels: labels, categories: labels.map(\.label)))
            columns.append(strataKeys.map { .number(Double(code[$0] ?? 0)) })
        }
        if let cluster {
            // Clusters coded in the order of their names; a respondent without one is their own.
            let named = Array(Set(clusterAnswers.compactMap { $0 })).sorted()
            let code = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($1, $0 + 1) })
            var next = named.count
            let values = clusterAnswers.map { answer -> MicrodataValue in
                if let answer, let c = code[answer] { return .number(Double(c)) }
                next += 1
                return .number(Double(next))
            }
            design.variables.append(
                MicrodataVariable(
                    name: "", source: "cluster", label: "Cluster (\(cluster); blank: own cluster)", kind: .code,
                    valueLabels: named.enumerated().map { .init(code: $0 + 1, label: $1) }, categories: named))
            columns.append(values)
        }
        for (r, id) in ids.enumerated() { design.values[id] = columns.map { $0[r] } }
        return design
    }

    /// The employer design: weights, strata and stratum sizes from the sampling frame `frame`
    /// names (a file or the stored frame).
    ///
    /// The public-use file (the default) collapses every stratum with fewer than
    /// ``PublicUseStrata/minimumOrganisations`` organisations in the frame with its neighbour in
    /// the same sector and says so in ``notes``; `licensed` keeps the tool's strata of estimation.
    ///
    /// - Parameters:
    ///   - wave: the employer wave (`nil`: the baseline), weighted to its own frame version and fieldwork.
    ///   - version: the wave's pinned frame version or the latest (stored frame only).
    ///   - licensed: write the strata as the tool estimates them (a file for approved researchers).
    ///   - language: the language of the refusal (the notes stay typed).
    /// - Returns: `nil` when there is no frame (none stored, or ``WeightingChoice/none``).
    /// - Throws: the frame's errors (unknown sector or size band, bad counts, a stratum the
    ///   responses have and the frame lacks); ``WorkforceError/badData(_:_:)`` when a sector has
    ///   too few organisations for a public-use file.
    package static func employer(
        store: WorkforceStore, frame choice: WeightingChoice, wave: String? = nil, version: FrameVersionChoice = .pinned, licensed: Bool = false,
        language: ReaderLanguage = .en
    ) throws -> SurveyDesign? {
        let reader = try ResponseReader(store: store, kind: .employer, wave: wave, respondentsOnly: true)
        let lists = { (name: String) in reader.index(of: name).map { reader.columns[$0].choices.map(\.name) } ?? [] }
        guard let (frame, frameNotes) = try store.employerFrame(choice, wave: wave, version: version, sectors: lists("sector"), sizeBands: lists("size_band"))
        else { return nil }
        var ids: [Int64] = []
        try reader.forEach { ids.append($0.responseID) }
        let rows = try EmployerWeights.rows(reader, frame: frame)
        guard rows.weights.count == ids.count else {
            throw WorkforceError.other("the employer weights (\(rows.weights.count)) do not match the respondents (\(ids.count))")
        }
        let phrase = Words.bundled.phrasebook(language)
        var names = rows.strata.map { rows.weighting.strata[$0].name }
        var population = rows.strata.map { rows.weighting.design.populations[$0] }
        var notes = frameNotes + rows.weighting.phrases
        let minimum = Phrase.Value.count(PublicUseStrata.minimumOrganisations)
        if licensed {
            let small = PublicUseStrata.small(rows.weighting.strata, frame: frame)
            if small > 0 { notes.append(.phrase("publication.microdata.licensed", ["count": .count(Double(small)), "minimum": minimum])) }
        } else {
            let groups: PublicUseStrata
            do {
                groups = try PublicUseStrata(strata: rows.weighting.strata, frame: frame)
            } catch {
                throw WorkforceError.badData(
                    nil,
                    phrase(
                        "publication.microdata.refused",
                        ["sector": error.sector, "organisations": Figure.count(error.organisations, language.rawValue), "minimum": minimum.text(phrase)]))
            }
            names = rows.strata.map { groups.groups[groups.group[$0]].name }
            population = rows.strata.map { groups.groups[groups.group[$0]].eligible }
            let collapsed = groups.collapsed.map {
                Phrase.phrase("publication.microdata.group", ["strata": .text($0.name), "organisations": .count($0.organisations)])
            }
            if !collapsed.isEmpty {
                notes.append(.phrase("publication.microdata.collapsed", ["minimum": minimum, "groups": .items(collapsed.map(Phrase.Value.phrase))]))
            }
        }
        let keys = Array(Set(names)).sorted()
        let code = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
        var design = SurveyDesign(variables: [], values: [:], notes: notes)
        design.variables = [
            weightVariable("Design weight (N*_S / n_S of the frame)"),
            MicrodataVariable(
                name: "", source: "stratum", label: "Stratum: sector x size band (merged)", kind: .code,
                valueLabels: keys.enumerated().map { .init(code: $0 + 1, label: $1) }, categories: keys),
            MicrodataVariable(name: "", source: "fpc", label: "Eligible organisations in the stratum (N*_S)", kind: .decimal),
        ]
        for (r, id) in ids.enumerated() {
            design.values[id] = [.number(rows.weights[r]), .number(Double(code[names[r]] ?? 0)), .number(population[r])]
        }
        return design
    }

    static func weightVariable(_ label: String) -> MicrodataVariable {
        MicrodataVariable(name: "", source: "weight", label: label, kind: .decimal)
    }
}

/// The one door to the employer estimation for the labelled files: each responding employer's
/// weight, stratum of estimation and its eligible organisations, in the order
/// ``ResponseReader`` reads them, as ``EmployerWeighting`` computes them for `workforce gaps`.
enum EmployerWeights {
    struct Rows {
        var weights: [Double]
        /// Each respondent's stratum of estimation (an index into the weighting's strata), whose
        /// name is `sector x band` with the empty bands merged into it
        /// (`tourism x small + tourism x micro`).
        var strata: [Int]
        var weighting: EmployerWeighting
    }

    static func rows(_ reader: ResponseReader, frame: SamplingFrame) throws -> Rows {
        let employers = try EmployerResponse.all(from: reader)
        let weighting = try EmployerWeighting(employers: employers, frame: frame, refusals: try reader.count() - employers.count)
        return Rows(weights: weighting.design.weights, strata: weighting.design.stratum, weighting: weighting)
    }
}
