/// Each target group's needs and reach (strategy activities 2.1 and 2.3, issue 30): for each
/// group of a breakdown, the knowledge and behaviour indicators where it lags everyone else
/// most, the people behind them, and the campaign channels that reached it.
package struct AwarenessNeed: Sendable {
    package var breakdown: String
    package var group: String
    /// 1 for the indicator the group lags most on.
    package var rank: Int
    package var contrast: AwarenessDifference
    /// The group's estimated adults (Σ raked weights of its respondents); `nil` unweighted.
    package var population: Double?
    /// `population x (p_national - p_group)`: adults now behind the national level; `nil`
    /// unweighted or when the national figure is withheld.
    package var peopleBehind: Double?
    /// The channel that reached the most of the group, and its share.
    package var bestChannel: AwarenessEstimate?
}

package enum AwarenessNeeds {
    /// The breakdowns a campaign planner reads: target groups, sex, age band, district, language.
    package static let breakdowns: [AwarenessBreakdown] = [.group, .sex, .age, .district, .language]
    /// Indicators shown per group.
    package static let shown = 3
    /// The channels of `campaign_seen`, in the order the form asks them.
    package static let channels = [
        "campaign_seen_tv", "campaign_seen_radio", "campaign_seen_text", "campaign_seen_social_media", "campaign_seen_billboards",
        "campaign_seen_school", "campaign_seen_community",
    ]

    /// Every group's needs (its lagging indicators, ranked) and its channels' reach.
    package static func run(_ store: WorkforceStore, _ request: AwarenessRequest) throws -> (needs: [AwarenessNeed], reach: [AwarenessEstimate], notes: [Phrase]) {
        run(try AwarenessWave.load(store, request.wave, request), request)
    }

    /// The needs and reach of a loaded wave (the report loads each wave once); the notes stay
    /// typed until an output writes them in its language.
    static func run(_ wave: AwarenessWave, _ request: AwarenessRequest) -> (needs: [AwarenessNeed], reach: [AwarenessEstimate], notes: [Phrase]) {
        let all = AwarenessMeasure.all(wave.data)
        let lagging = all.filter { ["knowledge", "behaviour"].contains(wave.data.topics[$0.name] ?? "") || $0.name == "knows_where_to_report" }
        let reachMeasures = all.filter { channels.contains($0.name) }
        var needs: [AwarenessNeed] = []
        var reach: [AwarenessEstimate] = []
        for b in breakdowns where wave.data.categories[b] != nil {
            var request = request
            request.breakdowns = [b]
            request.contrast = b
            let results = AwarenessAnalysis.estimate(wave, lagging + reachMeasures, request)
            let national = Dictionary(
                (results.estimates.first?.rows ?? []).filter { $0.breakdown == "all" }.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
            let groupReach = (results.estimates.first?.rows ?? []).filter { $0.breakdown == b.rawValue && channels.contains($0.indicator) }
            reach += groupReach
            let population = wave.populations(b)
            let lagNames = Set(lagging.map(\.name))
            for (c, name) in (wave.data.categories[b] ?? []).enumerated() {
                let best = groupReach.filter { $0.group == name && $0.isPublished }.max { ($0.value ?? 0) < ($1.value ?? 0) }
                let behind = results.contrasts
                    .filter { $0.group == name && lagNames.contains($0.indicator) && $0.isPublished && ($0.difference ?? 0) < 0 }
                    .sorted { ($0.difference ?? 0) < ($1.difference ?? 0) }
                for (r, d) in behind.prefix(shown).enumerated() {
                    var need = AwarenessNeed(breakdown: b.rawValue, group: name, rank: r + 1, contrast: d, population: population?[c], bestChannel: best)
                    if let people = population?[c], let all = national[d.indicator], all.isPublished, let pAll = all.value, let pGroup = d.to {
                        need.peopleBehind = people * (pAll - pGroup)
                    }
                    needs.append(need)
                }
            }
        }
        let notes = AwarenessAnalysis.notes([wave], request) + [
            .phrase("awareness.needs.note", ["shown": .count(Double(shown))]), .phrase("awareness.needs.people_behind"), .phrase("awareness.needs.reach"),
        ]
        return (needs, reach, notes)
    }

    /// The needs as rows: one per group and ranked indicator.
    package static func table(_ needs: [AwarenessNeed]) -> ResultTable {
        var table = ResultTable(columns: [
            "breakdown", "group", "rank", "indicator", "p_group", "p_rest", "diff", "diff_ci_low", "diff_ci_high", "q_value", "population",
            "people_behind", "best_channel", "best_channel_reach",
        ])
        for n in needs {
            let d = n.contrast
            table.append([
                .text(n.breakdown), .text(n.group), .int(n.rank), .text(d.indicator), AwarenessTables.cell(d.to), AwarenessTables.cell(d.from),
                AwarenessTables.cell(d.difference), AwarenessTables.cell(d.interval?.lowerBound), AwarenessTables.cell(d.interval?.upperBound),
                AwarenessTables.cell(d.qValue), n.population.map { .double($0.rounded()) } ?? .null, n.peopleBehind.map { .double($0.rounded()) } ?? .null,
                n.bestChannel.map { .text($0.indicator) } ?? .null, AwarenessTables.cell(n.bestChannel?.value),
            ])
        }
        return table
    }
}

extension AwarenessWave {
    /// Per category of `breakdown`, the sum of its respondents' raked weights (adults in the
    /// population); `nil` without raking.
    func populations(_ breakdown: AwarenessBreakdown) -> [Double]? {
        guard let weights else { return nil }
        var totals = [Double](repeating: 0, count: data.categories[breakdown]?.count ?? 0)
        if breakdown == .group {
            for r in 0..<data.count {
                var bits = data.groups[r]
                while bits != 0 {
                    let k = bits.trailingZeroBitCount
                    if k < totals.count { totals[k] += weights[r] }
                    bits &= bits - 1
                }
            }
        } else if let column = data.category[breakdown] {
            for r in 0..<data.count where column[r] >= 0 { totals[Int(column[r])] += weights[r] }
        }
        return totals
    }
}
