/// An indicator's share among respondents who saw safety messages through a number of
/// channels (`campaign_seen`: 0, 1, 2, 3 or more), decoy claimers left out: the dose-response
/// of `awareness --impact`. Each share is an awareness figure of its own (Korn-Graubard
/// interval and NCHS status on the wave's design); the row's group is the dose.
package struct CampaignDose: Sendable {
    /// "0", "1", "2" or "3+".
    package var channels: String
    package var estimate: AwarenessEstimate
}

extension AwarenessImpact {
    /// The doses, in order; the last counts every number of channels from it up.
    package static let doseLevels = ["0", "1", "2", "3+"]
    /// The indicator saying a safety message was seen at all (`campaign_seen` answered).
    static let seenAny = "campaign_seen_any"

    /// Per respondent, the number of channels seen (capped at the last dose), or -1 when
    /// `campaign_seen` is unanswered or the respondent claimed the decoy slogan (or left the
    /// slogans unanswered).
    static func dose(_ data: AwarenessData, decoy: [Int8]) -> [Int] {
        guard let any = data.indicators.firstIndex(of: seenAny) else { return [Int](repeating: -1, count: data.count) }
        let channels = AwarenessNeeds.channels.compactMap { data.indicators.firstIndex(of: $0) }
        return (0..<data.count).map { r in
            guard data.values[any][r] >= 0, decoy[r] == 0 else { return -1 }
            return min(channels.filter { data.values[$0][r] == 1 }.count, doseLevels.count - 1)
        }
    }

    /// Every measure's share at each dose.
    static func doses(_ wave: AwarenessWave, _ measures: [AwarenessMeasure], decoy: [Int8], _ minimumCell: Int) -> [CampaignDose] {
        let dose = dose(wave.data, decoy: decoy)
        guard dose.contains(where: { $0 >= 0 }) else { return [] }
        let parts = ParallelMap.map(measures.count) { i in
            let measure = measures[i]
            let y = wave.data.column(measure.name)
            let sums = wave.variance.sums(domains: doseLevels.count)
            for r in 0..<wave.data.count where dose[r] >= 0 && !y[r].isNaN {
                wave.variance.add(y[r], respondent: r, domain: dose[r], to: sums)
            }
            let means = wave.variance.estimates(sums)
            return doseLevels.enumerated().map { d, level in
                CampaignDose(
                    channels: level,
                    estimate: AwarenessEstimate(
                        indicator: measure.name, label: measure.label, breakdown: "channels_seen", group: level, isProportion: measure.isProportion,
                        mean: means[d], minimumCell: minimumCell))
            }
        }
        return parts.flatMap { $0 }
    }

    /// The dose-response as the awareness figures' rows (`breakdown` channels_seen, `group` the dose).
    package static func doseTable(_ result: CampaignImpactResult, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = AwarenessTables.estimates(result.doses.map(\.estimate), language)
        table.notes = result.notes(language)
        return table
    }
}
