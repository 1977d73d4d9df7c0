/// The awareness figures as tables (every format renders these): the JSON shapes of issue 19.
package enum AwarenessTables {
    package static let estimateColumns = [
        "indicator", "label", "breakdown", "group", "n", "p", "se", "deff", "n_eff", "ci_low", "ci_high", "status", "reason",
    ]

    /// Indicator rows; a withheld figure's numbers are null, with its status and reason.
    package static func estimates(_ rows: [AwarenessEstimate], _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: estimateColumns)
        for e in rows {
            var row: [Cell] = [.text(e.indicator), .text(e.label), .text(e.breakdown), .text(e.group)]
            if case .suppressed = e.reliability {
                row.append(.null)
            } else {
                row.append(.int(e.n))
            }
            if e.isShown, let p = e.value {
                row += [.double(p), .double(e.se), cell(e.deff), .double(e.effectiveSize), cell(e.interval?.lowerBound), cell(e.interval?.upperBound)]
            } else {
                row += Array(repeating: .null, count: 6)
            }
            row += [.text(e.reliability.status), cell(e.reasonPhrase?.text(language))]
            table.append(row)
        }
        return table
    }

    /// Comparison rows (`p_base`, `p_followup`) or, with `contrast`, group-against-the-rest
    /// rows (`p_group`, `p_rest`).
    package static func differences(_ rows: [AwarenessDifference], contrast: Bool = false, _ language: ReaderLanguage = .en) -> ResultTable {
        var table = ResultTable(columns: [
            "indicator", "breakdown", "group", contrast ? "p_group" : "p_base", contrast ? "p_rest" : "p_followup", "diff", "se_diff",
            "diff_ci_low", "diff_ci_high", "z", "p_value", "q_value", "status", "reason",
        ])
        for d in rows {
            table.append(
                [.text(d.indicator), .text(d.breakdown), .text(d.group)] + (contrast ? [cell(d.to), cell(d.from)] : [cell(d.from), cell(d.to)]) + [
                    cell(d.difference), cell(d.se), cell(d.interval?.lowerBound), cell(d.interval?.upperBound), cell(d.z), cell(d.pValue),
                    cell(d.qValue), .text(d.reliability.status), cell(d.reliability.reasonPhrase?.text(language)),
                ])
        }
        return table
    }

    static func cell(_ value: Double?) -> Cell { value.map(Cell.double) ?? .null }
    static func cell(_ value: String?) -> Cell { value.map(Cell.text) ?? .null }
}
