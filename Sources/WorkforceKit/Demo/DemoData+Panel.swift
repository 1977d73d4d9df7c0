import Foundation

/// The demo's two employer waves as one panel: every organisation issued has an invitation code
/// (`units.csv`), the baseline's respondents copy theirs into the form (a few leave it blank), and
/// the 2027 wave re-issues the same organisations: about seven in ten of its respondents answered
/// the baseline too (the same code, the same roles and staff, a little more demand), the others
/// are organisations of the list that did not answer then. The 2027 fieldwork (`frame-2027.csv`)
/// has its own respondents, so its own response rate.
extension DemoData {
    /// The 2027 wave's design: the baseline's organisations, issued and out of scope, and its own
    /// respondents (one more or one fewer than the baseline's in some strata; a stratum nobody
    /// answered stays unanswered, so the sector the baseline did not reach is not reached either).
    static func secondWave(_ design: [DesignStratum]) -> [DesignStratum] {
        var random = SeededRandom(seed: 37)
        return design.map { s in
            var t = s
            let change = random.next(3) - 1
            t.respondents = s.respondents == 0 ? 0 : max(1, min(s.issued - s.outOfScope, s.respondents + change))
            return t
        }
    }

    /// Each stratum's invitation codes (in design order): `BZ-0001`, `BZ-0002`, ... over the frame.
    static func codes(_ design: [DesignStratum]) -> [[String]] {
        var next = 0
        return design.map { s in
            (0..<s.issued).map { _ in
                next += 1
                return String(format: "BZ-%04d", next)
            }
        }
    }

    /// The codes the respondents of a wave copy into the form, per stratum (design order): the
    /// baseline's the first `n₁` of the stratum's list; 2027's start so that about seven in ten
    /// of the baseline's answer again, and go on into the list's other organisations.
    static func respondentCodes(_ design: [DesignStratum], second: [DesignStratum]?) -> [[String]] {
        let issued = codes(design)
        return design.indices.map { k in
            let n1 = design[k].respondents
            guard let second else { return Array(issued[k].prefix(n1)) }
            let n2 = second[k].respondents
            let panel = Int((Double(n1) * 0.7).rounded())
            let start = max(0, min(n1 - panel, issued[k].count - n2))
            return Array(issued[k][start..<(start + n2)])
        }
    }

    /// `units.csv`: every organisation issued, `org_code,sector,size_band`.
    static func units(_ design: [DesignStratum]) -> String {
        let issued = codes(design)
        return "org_code,sector,size_band\n" + design.indices.flatMap { k in issued[k].map { "\($0),\(design[k].sector),\(design[k].band)\n" } }.joined()
    }

    /// An employer's answers a panel organisation gives again in 2027 (its activity, district,
    /// roles and staff), kept by code from the baseline.
    static func remembered(_ name: String) -> Bool {
        ["cyber_work", "district", "roles"].contains(name) || name.hasSuffix("_staff") || name.hasSuffix("_vacancies")
    }
}
