/// The sample design of one awareness wave: strata crossed from profile questions, and the
/// question holding each respondent's cluster (primary sampling unit).
///
/// `workforce import awareness` records it with the wave when the form has a cluster question
/// (``defaultCluster``, with strata ``defaultStrata``); `workforce design set` changes it; every
/// awareness figure uses it unless `--strata`/`--cluster` or `--srs` are given.
package struct AwarenessDesign: Sendable, Equatable {
    package var strata: [AwarenessBreakdown]
    package var cluster: String?
    package var source: Source

    /// Where the design came from.
    package enum Source: Sendable, Equatable {
        /// `--strata`/`--cluster` on the command line.
        case given
        /// `--srs` on the command line.
        case srsOption
        /// Stored with the wave: by `import` or `design set`, at a time.
        case stored(by: String, at: String)
        /// Not stored (a database from before designs were stored): read from the wave's form.
        case form
    }

    /// The question the awareness form carries for the enumeration area.
    package static let defaultCluster = "enumeration_area"
    /// The strata recorded with a clustered wave: district x urban/rural.
    package static let defaultStrata: [AwarenessBreakdown] = [.district, .urban]

    package init(strata: [AwarenessBreakdown], cluster: String?, source: Source) {
        self.strata = strata
        self.cluster = cluster
        self.source = source
    }

    /// Each respondent its own unit in one stratum.
    package var isSimpleRandom: Bool { strata.isEmpty && cluster == nil }

    /// As the options that give it: `--strata district,urban --cluster enumeration_area`, or `--srs`.
    package var options: String {
        guard !isSimpleRandom else { return "--srs" }
        return ([strata.isEmpty ? nil : "--strata " + strata.map(\.rawValue).joined(separator: ",")] + [cluster.map { "--cluster \($0)" }])
            .compactMap { $0 }.joined(separator: " ")
    }

    /// The design in a few words, in any language: "strata district x urban, clusters
    /// enumeration_area", or "simple random sampling (each respondent its own unit)".
    package var summaryPhrase: Phrase {
        guard !isSimpleRandom else { return .phrase("awareness.design.summary.srs") }
        let strata: Phrase =
            self.strata.isEmpty
            ? .phrase("awareness.design.one_stratum") : .phrase("awareness.design.summary.strata", ["names": .text(self.strata.map(\.rawValue).joined(separator: " x "))])
        let units: Phrase = cluster.map { .phrase("awareness.design.summary.clusters", ["cluster": .text($0)]) } ?? .phrase("awareness.design.own_unit")
        return .phrase("awareness.design.summary", ["strata": .phrase(strata), "units": .phrase(units)])
    }

    /// Where the design came from, in any language.
    package var sourcePhrase: Phrase {
        switch source {
        case .given: .phrase("awareness.design.source.given")
        case .srsOption: .phrase("awareness.design.source.srs_option")
        case .stored(let by, let at): .phrase("awareness.design.source.stored", ["by": .text(by), "at": .text(at)])
        case .form: .phrase("awareness.design.source.form")
        }
    }

    /// The design recorded for a wave whose form has the questions `has`: clusters from the
    /// enumeration area within district x urban/rural strata; none without an enumeration area.
    package static func recorded(formHas has: (String) -> Bool) -> AwarenessDesign {
        guard has(defaultCluster) else { return AwarenessDesign(strata: [], cluster: nil, source: .form) }
        return AwarenessDesign(strata: defaultStrata.filter { has($0.question) }, cluster: defaultCluster, source: .form)
    }
}

/// Which design an awareness command uses.
package enum AwarenessDesignChoice: Sendable, Equatable {
    /// The wave's stored design (or, when none is stored, the one its form implies).
    case stored
    /// These strata and cluster, whatever is stored.
    case given(strata: [AwarenessBreakdown], cluster: String?)
    /// Simple random sampling with replacement, whatever is stored (`--srs`).
    case srs
}
