import Foundation

/// The bundled synthetic demo data (`Surveys/demo/`): a deterministic generator of employer,
/// catalog and awareness files that look like Belize, a country of about 400,000 people (a
/// few hundred cybersecurity workers, tens of completions a year). Every file says it is
/// synthetic: a `_synthetic` column (ignored on import), ids starting `synthetic-`, a README.
package enum DemoData {
    /// The role set the demo employers answer about (`Surveys/banks/role-sets.csv`): a small
    /// economy's core roles.
    package static let roleSet = ItemBank.coreRoleSet

    /// The ids of ``roleSet``'s work roles.
    package static func roles(_ bank: ItemBank) throws -> [String] { try bank.roleSet(roleSet, framework: "nice-2017") }

    static let note = "synthetic demo data - not real responses"

    /// The awareness sample's design: enumeration areas drawn within district x urban/rural.
    package static let awarenessStrata: [AwarenessBreakdown] = [.district, .urban]
    package static let awarenessCluster = "enumeration_area"

    /// The instruments the demo data answers, built from the bank.
    package static func instruments(bank: ItemBank, store: WorkforceStore) throws -> [Instrument] {
        let framework = try store.framework(named: "nice-2017")
        let roles = try store.surveyRoles(framework, ids: try roles(bank), category: nil)
        return [
            try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: .employer, ksaGaps: true), framework: framework.name, roles: roles),
            try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: .awareness), framework: framework.name, roles: []),
            try InstrumentBuilder.build(
                bank: bank, request: SurveyRequest(kind: .awareness, wave: try Wave("followup-1")), framework: framework.name, roles: []),
        ]
    }

    /// Every demo file, by name.
    package static func files(bank: ItemBank, store: WorkforceStore, margins: String) throws -> [(name: String, text: String)] {
        let instruments = try instruments(bank: bank, store: store)
        let codebooks = try instruments.map { try ParsedCodebook(json: Codebook.json($0), source: $0.formID) }
        let roles = try roles(bank)
        let design = employerDesign(), second = secondWave(design)
        let employers = employerRows(codebooks[0], roles: roles, design: design, codes: respondentCodes(design, second: nil))
        let wave2 = employerRows(
            codebooks[0], roles: roles, design: second, year: 2027, codes: respondentCodes(design, second: second), previous: employers.answers)
        let writer = CSVWriter(neutralizeFormulas: false)
        func csv(_ header: [String], _ rows: [[String]]) -> String {
            writer.record(header + ["_synthetic"]) + rows.map { writer.record($0 + [note]) }.joined()
        }
        return [
            ("employers-kobotoolbox.csv", csv(employers.kobo.header, employers.kobo.rows)),
            ("employers-odk-central.csv", csv(employers.odk.header, employers.odk.rows)),
            ("employers-2027-kobotoolbox.csv", csv(wave2.kobo.header, wave2.kobo.rows)),
            ("catalog.csv", catalog(try store.roleProfiles(try store.framework(named: "nice-2017")), roles: roles)),
            ("awareness-baseline.csv", awareness(codebooks[1], count: 2000, seed: 11, effect: 0)),
            ("awareness-followup-1.csv", awareness(codebooks[2], count: 2000, seed: 12, effect: 0.06)),
            ("margins.csv", margins),
            ("frame.csv", frame(design)),
            ("frame-2027.csv", frame(second)),
            ("units.csv", units(design)),
        ]
    }

    /// A held-out two-wave awareness export for the R reference check (`.ci/awareness.sh`):
    /// other seeds than the demo's, 1,500 respondents a wave, enumeration areas nested in
    /// district x urban/rural, everyone giving their sex.
    package static func heldOutAwareness(bank: ItemBank, store: WorkforceStore) throws -> [(name: String, text: String)] {
        let instruments = try instruments(bank: bank, store: store)
        let codebooks = try instruments.map { try ParsedCodebook(json: Codebook.json($0), source: $0.formID) }
        return [
            ("awareness-heldout-baseline.csv", awareness(codebooks[1], count: 1500, seed: 31, effect: 0, everyoneGivesSex: true)),
            ("awareness-heldout-followup-1.csv", awareness(codebooks[2], count: 1500, seed: 32, effect: 0.05, everyoneGivesSex: true)),
        ]
    }

    // MARK: Employers

    static let sectors: [(String, Int)] = [
        ("government_security", 16), ("local_government", 3), ("banking_finance", 10), ("offshore_finance", 4), ("credit_unions_insurance", 4),
        ("telecommunications", 6), ("energy", 5), ("water", 3), ("transport", 5), ("health", 8), ("tourism", 16), ("education", 8),
        ("ict_bpo", 10), ("retail_commerce", 12), ("agriculture", 4), ("agro_processing", 3), ("other", 3),
    ]
    static let sizes: [(String, Int)] = [("micro", 30), ("small", 38), ("medium", 22), ("large", 10)]
    static let districts: [(String, Int)] = [
        ("belize", 40), ("cayo", 22), ("corozal", 9), ("orange_walk", 10), ("stann_creek", 11), ("toledo", 8),
    ]

    static func pick(_ weighted: [(String, Int)], _ random: inout SeededRandom) -> String {
        var n = random.next(weighted.reduce(0) { $0 + $1.1 })
        for (name, weight) in weighted {
            if n < weight { return name }
            n -= weight
        }
        return weighted[0].0
    }

    /// One stratum of the demo's employer design: organisations, issued, out of scope, respondents.
    struct DesignStratum {
        var sector: String, band: String
        var organisations: Int, issued: Int, outOfScope: Int, respondents: Int
    }

    /// The demo's employer survey design: every large and medium organisation issued, a sample of
    /// small and micro ones, some found out of scope, and a response rate falling with size.
    static func employerDesign() -> [DesignStratum] {
        var random = SeededRandom(seed: 31)
        let perSector: [String: Int] = [
            "government_security": 60, "local_government": 20, "banking_finance": 20, "offshore_finance": 30, "credit_unions_insurance": 25,
            "telecommunications": 12, "energy": 10, "water": 8, "transport": 40, "health": 70, "tourism": 420, "education": 160, "ict_bpo": 55,
            "retail_commerce": 900, "agriculture": 260, "agro_processing": 40, "other": 200,
        ]
        // Band: share of organisations, share issued, share found out of scope, response rate.
        let bands: [(String, Double, Double, Double, Double)] = [
            ("micro", 0.62, 0.22, 0.15, 0.40), ("small", 0.26, 0.5, 0.10, 0.50), ("medium", 0.09, 1, 0.06, 0.62), ("large", 0.03, 1, 0.03, 0.75),
        ]
        var design: [DesignStratum] = []
        for (sector, _) in sectors {
            for (band, share, sampled, out, rate) in bands {
                // Organisations likely to employ or contract cybersecurity work: about three in ten.
                let organisations = max(1, Int((Double(perSector[sector] ?? 10) * share * 0.3).rounded()))
                let issued = max(1, Int((Double(organisations) * sampled).rounded()))
                let outOfScope = min(issued - 1, Int((Double(issued) * out + random.unit() * 0.8).rounded(.down)))
                let eligible = issued - outOfScope
                let respondents = min(eligible, Int((Double(eligible) * rate + random.unit() - 0.5).rounded()))
                design.append(DesignStratum(sector: sector, band: band, organisations: organisations, issued: issued, outOfScope: outOfScope, respondents: respondents))
            }
        }
        return design
    }

    /// One wave of employer answers, each respondent with the invitation code of `codes` (per
    /// stratum; the baseline's every seventh left blank). The `year` 2027 is the demo's second
    /// employer wave, all in one KoboToolbox export, with a little more demand: a respondent whose
    /// code answered the baseline (`previous`, by code) gives its activity, district, roles and
    /// staff again (``remembered(_:)``), its vacancies or one more.
    static func employerRows(
        _ codebook: ParsedCodebook, roles: [String], design: [DesignStratum], year: Int = 2026, codes: [[String]],
        previous: [String: [String: SyntheticResponses.Value]] = [:]
    ) -> (kobo: (header: [String], rows: [[String]]), odk: (header: [String], rows: [[String]]), answers: [String: [String: SyntheticResponses.Value]]) {
        // Every respondent's stratum and code, shuffled, and a few consent refusals (non-respondents) among them.
        let second = year != 2026
        var order = SeededRandom(seed: second ? 43 : 41)
        var strata = design.indices.flatMap { k in (0..<design[k].respondents).map { (design[k].sector, design[k].band, codes[k][$0]) } }
        for i in strata.indices.reversed() where i > 0 { strata.swapAt(i, order.next(i + 1)) }
        var slots: [(String, String, String)?] = []
        for (i, stratum) in strata.enumerated() {
            if i % 49 == 48 { slots.append(nil) }  // a few decline
            slots.append(stratum)
        }
        var answers: [String: [String: SyntheticResponses.Value]] = [:]
        let count = slots.count
        var generator = SyntheticResponses(codebook: codebook, seed: UInt64(year))
        let keys = roles.map(SurveyRole.key)
        // The most common roles: network and systems administrators, the security manager, incident responders and analysts.
        let common = ["OM-NET-001", "OM-ADM-001", "OV-MGT-001", "OM-NET-001", "OM-ADM-001", "PR-CIR-001", "PR-CDA-001"].compactMap {
            roles.firstIndex(of: $0).map { keys[$0] }
        }
        var kobo: [[String]] = []
        var odk: [[String]] = []
        for n in 0..<count {
            let layout: SyntheticResponses.Layout = second || n < count * 3 / 5 ? .koboToolbox : .odkCentral
            let size = n
            let id = second ? "synthetic-employer-\(year)-\(n + 1)" : "synthetic-employer-\(n + 1)"
            // The code on the letter: the baseline's every seventh respondent leaves it blank.
            let code = slots[n].map { second || n % 7 != 6 ? $0.2 : "" } ?? ""
            let before = previous[code]
            func answer(_ name: String, _ random: inout SeededRandom, _ answers: [String: SyntheticResponses.Value]) -> SyntheticResponses.Value? {
                if let before, remembered(name), let value = before[name] {
                    // A little more demand: now and then one vacancy more.
                    if name.hasSuffix("_vacancies"), case .number(let v) = value, random.next(5) == 0 { return .number(v + 1) }
                    return value
                }
                switch name {
                case "org_code": return code.isEmpty ? nil : .text(code)
                case "consent": return .choices([slots[n] == nil ? "no" : "yes"])
                case "cyber_work": return .choices([random.next(12) == 0 ? "no" : "yes"])
                case "sector": return .choices([slots[n]?.0 ?? pick(sectors, &random)])
                case "size_band": return .choices([slots[n]?.1 ?? pick(sizes, &random)])
                case "district": return .choices([pick(districts, &random)])
                case "cyber_people":
                    // Different people doing the work: fewer than the role-holdings, never more than the headcount.
                    let band: String = if case .choices(let b) = answers["size_band"] { b.first ?? "" } else { "" }
                    let headcount: Int = if case .number(let h) = answers["total_employees"] { h } else { 1 }
                    return .number(min(headcount, band == "large" ? 2 + random.next(4) : band == "medium" ? 1 + random.next(2) : 1))
                case "roles":
                    // Larger employers have more roles; administrators and managers are most common.
                    let large: Bool = if case .choices(let s) = answers["size_band"] { s == ["large"] || s == ["medium"] } else { false }
                    if answers["cyber_work"] == .choices(["no"]), random.next(2) == 0 { return .choices(["none"]) }
                    var chosen: Set<String> = [common[random.next(common.count)]]
                    for _ in 0..<(large ? 1 + random.next(3) : random.next(2)) { chosen.insert(keys[random.next(keys.count)]) }
                    return .choices(keys.filter { chosen.contains($0) })
                case _ where FlowAnswers.names.contains(name):
                    return flowAnswer(name, &random, answers)
                default:
                    // The role's earlier answer `field` (pr_cir_001_new_1y reads pr_cir_001_new_6m).
                    func count(_ field: String) -> Int {
                        if case .number(let n) = answers[(name.components(separatedBy: "_new_").first ?? "") + field] { return n }
                        return 0
                    }
                    let band: String = if case .choices(let s) = answers["size_band"] { s.first ?? "" } else { "" }
                    if name.hasSuffix("_staff") {
                        return .number(size % 9 == 0 ? 0 : band == "large" ? 2 + random.next(3) : band == "medium" ? 1 + random.next(2) : 1)
                    }
                    if name.hasSuffix("_vacancies") { return .number(random.next(second ? 4 : 6) == 0 ? 1 : 0) }
                    // Some employers do not know how many left (item non-response, imputed by the analysis).
                    if name.hasSuffix("_leavers_12m") { return random.next(12) == 0 ? .blank : .number(random.next(7) == 0 ? 1 : 0) }
                    if name.hasSuffix("_expects") { return .choices([random.next(10) == 0 ? "dont_know" : random.next(3) == 0 ? "yes" : "no"]) }
                    if name.hasSuffix("_new_6m") { return .number(random.next(4) == 0 ? 1 : 0) }
                    if name.hasSuffix("_new_1y") { return .number(count("_new_6m") + (random.next(3) == 0 ? 1 : 0)) }
                    // Those who expect new positions expect at least one within 2 years.
                    if name.hasSuffix("_new_2y") { return .number(max(1, count("_new_1y") + (random.next(3) == 0 ? 1 : 0))) }
                    return nil
                }
            }
            let row = generator.row(layout, id: id, submitted: "\(year)-0\(3 + n % 3)-\(10 + n % 18)T10:00:00") {
                name, random, given in
                let value = answer(name, &random, given)
                if let value, !code.isEmpty, remembered(name) { answers[code, default: [:]][name] = value }
                return value
            }
            if layout == .koboToolbox { kobo.append(row) } else { odk.append(row) }
        }
        return ((generator.header(.koboToolbox), kobo), (generator.header(.odkCentral), odk), answers)
    }

    // MARK: Catalog

    static let institutions: [(name: String, prefix: String, level: String, mode: String)] = [
        ("University of Belize", "UB", "bachelor", "in_person"),
        ("University of the West Indies Open Campus", "UWI", "certificate", "online"),
        ("Galen University", "GAL", "bachelor", "in_person"),
        ("ITVET Belize City", "ITVET", "certificate", "in_person"),
        ("Corozal Junior College", "CJC", "associate", "in_person"),
        ("Belize Certification Centre", "CERT", "certification_prep", "blended"),
    ]

    /// About 40 offerings: each institution teaches parts of a few roles' KSAs; a programme at
    /// the University of Belize groups three courses.
    static func catalog(_ profiles: [RoleProfile], roles: [String]) -> String {
        var random = SeededRandom(seed: 77)
        let demo = profiles.filter { roles.contains($0.id) }
        var rows: [[String]] = []
        for (i, institution) in institutions.enumerated() {
            let offerings = i == 0 ? 9 : 6 + random.next(2)
            for n in 0..<offerings {
                let role = demo[(i * 5 + n * 3) % demo.count]
                let ksas = role.ksas.sorted()
                // Some offerings teach most of a role (and so prepare for it), others a slice.
                let share = n % 3 == 0 ? 0.55 + Double(random.next(30)) / 100 : 0.15 + Double(random.next(25)) / 100
                let taught = ksas.filter { _ in random.unit() < share }
                let code = "\(institution.prefix)-\(String(format: "%03d", 101 + n * 10))"
                var programme = ""
                var level = institution.level
                if i == 0 && n >= 1 && n <= 3 { programme = "UB-BSCS" }
                if i == 0 && n == 0 { level = "bachelor" }
                if institution.prefix == "ITVET" || n % 4 == 3 { level = n % 2 == 0 ? "short_course" : level }
                // Tens of completions a year in the whole country.
                let completions = institution.prefix == "CERT" ? 2 + random.next(4) : 1 + random.next(3)
                rows.append([
                    institution.name, i == 0 && n == 0 ? "UB-BSCS" : code,
                    i == 0 && n == 0 ? "BSc Computer Science (cybersecurity track)" : "\(role.name) \(n % 2 == 0 ? "I" : "II")", level,
                    institution.mode, String(30 + random.next(90)), String(completions * 2), String(completions), taught.joined(separator: " "),
                    programme, "2026-0\(1 + random.next(8))-15",
                ])
            }
        }
        let header = [
            "institution", "code", "title", "level", "delivery_mode", "hours", "annual_intake", "annual_completions", "ksa_ids", "programme",
            "last_updated",
        ]
        let writer = CSVWriter(neutralizeFormulas: false)
        return writer.record(header + ["_synthetic"]) + rows.map { writer.record($0 + [note]) }.joined()
    }

    // MARK: Awareness

    /// `count` respondents; `effect` raises the chance of a scored "right" answer (the campaign).
    /// With `everyoneGivesSex`, nobody answers "prefer not to say" to sex (R's `rake` cannot
    /// take an unknown category; the held-out export is compared with it).
    static func awareness(_ codebook: ParsedCodebook, count: Int, seed: UInt64, effect: Double, everyoneGivesSex: Bool = false) -> String {
        var generator = SyntheticResponses(codebook: codebook, seed: seed)
        let scoring = Dictionary(codebook.items.compactMap { item in item.scoring.first.map { (item.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let writer = CSVWriter(neutralizeFormulas: false)
        var text = writer.record(generator.header(.koboToolbox) + ["_synthetic"])
        let districtWeights = [("belize", 30), ("cayo", 24), ("corozal", 12), ("orange_walk", 13), ("stann_creek", 11), ("toledo", 10)]
        for n in 0..<count {
            let row = generator.row(.koboToolbox, id: "synthetic-\(seed)-\(n + 1)", submitted: "2026-0\(seed == 11 ? 2 : 9)-\(10 + n % 18)T12:00:00") {
                name, random, answers in
                if name == "consent" { return .choices([n % 60 == 59 ? "no" : "yes"]) }  // a few decline
                if name == "age_check" { return .choices([n % 97 == 96 ? "no" : "yes"]) }  // a few are under 18
                if name == "internet_use" { return .choices([pick([("daily", 70), ("weekly", 14), ("less_often", 7), ("never", 9)], &random)]) }
                if name == "district" { return .choices([pick(districtWeights, &random)]) }
                if name == "sex" {
                    let unsaid = random.next(50) == 0 && !everyoneGivesSex
                    return .choices([unsaid ? "prefer_not" : random.next(2) == 0 ? "female" : "male"])
                }
                if name == "urban_rural" { return .choices([random.next(100) < 45 ? "urban" : "rural"]) }
                if name == "enumeration_area" { return .text(enumerationArea(answers, &random)) }
                guard let s = scoring[name], codebook.items.first(where: { $0.name == name })?.type == .selectOne else { return nil }
                // Younger, urban respondents know a little more; the campaign adds `effect`;
                // neighbours are alike (each enumeration area shifts its respondents' chances).
                var p = 0.42 + effect
                if case .text(let area) = answers["enumeration_area"] { p += areaEffect(area) }
                if case .choices(let a) = answers["age_band"], a == ["18_24"] || a == ["25_34"] { p += 0.08 }
                if case .choices(let u) = answers["urban_rural"], u == ["urban"] { p += 0.05 }
                if random.unit() < p, let one = s.ones.first { return .choices([s.ones.count > 1 ? s.ones[random.next(s.ones.count)] : one]) }
                return s.zeros.isEmpty ? nil : .choices([s.zeros[random.next(s.zeros.count)]])
            }
            text += writer.record(row + [note])
        }
        return text
    }

    /// The enumeration area the enumerator copies from the assignment sheet: about one area per
    /// 20 respondents in each district x urban/rural stratum; Toledo's town is one area (a
    /// stratum with a single cluster).
    static func enumerationArea(_ answers: [String: SyntheticResponses.Value], _ random: inout SeededRandom) -> String {
        guard case .choices(let d) = answers["district"], case .choices(let u) = answers["urban_rural"], let district = d.first, let urban = u.first else {
            return ""
        }
        let areas: [String: (urban: Int, rural: Int)] = [
            "belize": (18, 12), "cayo": (12, 14), "corozal": (4, 8), "orange_walk": (5, 8), "stann_creek": (4, 7), "toledo": (1, 7),
        ]
        let count = urban == "urban" ? areas[district]?.urban ?? 1 : areas[district]?.rural ?? 1
        return "\(district.prefix(3).uppercased())-\(urban == "urban" ? "U" : "R")\(String(format: "%02d", 1 + random.next(count)))"
    }

    /// An enumeration area's shift of the chance of a right answer, from -0.12 to 0.12.
    static func areaEffect(_ area: String) -> Double {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for byte in area.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return Double(hash % 1001) / 1000 * 0.24 - 0.12
    }

    // MARK: Frame

    /// The employer sampling frame of ``employerDesign()``: organisations by sector and size band,
    /// with the organisations issued and those found out of scope.
    static func frame(_ design: [DesignStratum]) -> String {
        "sector,size_band,organisations,issued,out_of_scope\n"
            + design.map { "\($0.sector),\($0.band),\($0.organisations),\($0.issued),\($0.outOfScope)\n" }.joined()
    }
}
