extension DemoData {
    /// The demo employers' answers to the flow questions (``FlowAnswers``), plausible for Belize:
    /// each person doing cyber work leaves in a year with probability 0.14 (10-18% a year), about a
    /// third of leavers to another employer in Belize, the rest abroad or out of cyber work, a few
    /// of unknown destination; hires replace most leavers and add some new jobs, mostly from other
    /// employers in Belize and straight from education. `nil` for any other question.
    static func flowAnswer(_ name: String, _ random: inout SeededRandom, _ answers: [String: SyntheticResponses.Value]) -> SyntheticResponses.Value? {
        func number(_ name: String) -> Int {
            if case .number(let n) = answers[name] { return n }
            return 0
        }
        let people = max(1, number("cyber_people"))
        switch name {
        case "vacant_jobs": return .number(random.next(7) == 0 ? 1 + random.next(max(1, people / 2)) : 0)
        case "hard_to_fill_jobs": return .number(random.next(number("vacant_jobs") + 1))
        case "new_jobs_12m": return random.next(12) == 0 ? .blank : .number(random.next(6) == 0 ? 1 : 0)
        case "leavers_people_12m": return .number((0..<people).reduce(0) { sum, _ in sum + (random.next(100) < 14 ? 1 : 0) })
        case "hires_12m":
            // Most leavers are replaced; now and then a new job is filled.
            let replaced = (0..<number("leavers_people_12m")).reduce(0) { sum, _ in sum + (random.next(10) < 8 ? 1 : 0) }
            return .number(replaced + (random.next(8) == 0 ? 1 : 0))
        default: break
        }
        // Leavers: 33% to another employer in Belize, 25% abroad, 30% out of cyber work, 12% not known.
        // Hires: 40% from another employer in Belize, 30% from education, 8% from abroad, 16% from other work, 6% not known.
        let blocks: [(total: String, parts: [String], shares: [Int])] = [
            ("leavers_people_12m", ["left_to_employer_bz", "left_abroad", "left_cyber_work"], [330, 250, 300]),
            ("hires_12m", ["hired_from_education", "hired_from_employer_bz", "hired_from_abroad", "hired_from_other_work"], [300, 400, 80, 160]),
        ]
        for block in blocks {
            guard let i = block.parts.firstIndex(of: name) else { continue }
            // A multinomial split drawn part by part: each of the people not yet placed falls in
            // this part with its share of what is left of the shares.
            let before = block.parts[..<i].reduce(0) { $0 + number($1) }
            let remaining = number(block.total) - before
            let rest = 1000 - block.shares[..<i].reduce(0, +)
            return .number((0..<max(0, remaining)).reduce(0) { sum, _ in sum + (random.next(rest) < block.shares[i] ? 1 : 0) })
        }
        return nil
    }
}
