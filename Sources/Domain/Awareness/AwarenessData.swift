/// The breakdowns of every awareness statistic, and the profile question each one reads.
package enum AwarenessBreakdown: String, Sendable, CaseIterable {
    case district, sex, age, urban, language
    /// Target groups: a multi-select, so each group is its own breakdown row (a respondent can
    /// be in several).
    case group

    /// The codebook question the breakdown reads.
    package var question: String {
        switch self {
        case .district: "district"
        case .sex: "sex"
        case .age: "age_band"
        case .urban: "urban_rural"
        case .language: "home_language"
        case .group: "target_groups"
        }
    }
}

/// One wave's awareness responses as columns, ready for the statistics: each indicator's 1/0
/// (or missing) per respondent, the knowledge score, and each breakdown's category.
///
/// Indicators come from the codebook's `scoring` (no indicator is written in code): a
/// select_one scores 1 when its answer is in `ones`, 0 when in `zeros`, else missing; a
/// select_multiple 1 when any `ones` is chosen, else 0 when any `zeros` is, else missing.
/// The knowledge score of a respondent is the share of the knowledge items (the scored
/// questions of the `knowledge` group) answered right, among those answered; "don't know"
/// is answered and not right.
package struct AwarenessData {
    var wave: String
    var count = 0
    /// Stored responses left out: no consent, or under 18.
    var excluded = 0
    package var indicators: [String] = []
    /// Per indicator, per respondent: 1, 0, or -1 when missing.
    var values: [[Int8]] = []
    /// Per respondent; NaN when no knowledge item was answered.
    var knowledge: [Double] = []
    /// The categories (choice names) of each breakdown, and each respondent's (-1: none).
    var categories: [AwarenessBreakdown: [String]] = [:]
    var category: [AwarenessBreakdown: [Int16]] = [:]
    /// Target groups as a bit set per respondent (bit `g` for `categories[.group][g]`).
    var groups: [UInt64] = []
    /// Each indicator's label: its question's English label (and, for a question scoring
    /// several indicators, the choices that count 1).
    var labels: [String: String] = [:]
    /// Each indicator's topic: the last part of its question's group (`knowledge`, `behaviour`,
    /// `incidents`, `campaigns`, ...).
    var topics: [String: String] = [:]
    /// Per respondent, its cluster code (an index into `clusterCodes`), or -1 when blank;
    /// empty unless a cluster question was asked for.
    var cluster: [Int32] = []
    var clusterCodes: [String] = []
    /// Whether the wave's form has the enumeration area (a clustered sample).
    var formHasCluster = false
    /// The profile questions read for models that are not breakdowns (``profileQuestions``):
    /// each one's choices, and each respondent's (-1: none).
    var profileChoices: [String: [String]] = [:]
    var profile: [String: [Int16]] = [:]

    /// The select_one profile questions read besides the breakdowns (the impact model's covariates).
    static let profileQuestions = ["education", "internet_use"]

    package static let knowledgeIndicator = "knowledge_score"
    /// Recognition of a real campaign slogan minus claiming the decoy, per respondent.
    package static let netRecognition = "net_recognition"
    package static let recognises = "recognises_campaign"
    package static let claimsDecoy = "claims_decoy_slogan"

    /// Reads every response of `wave` through the reader.
    ///
    /// - Parameter clusterQuestion: the question holding each respondent's cluster (the
    ///   enumeration area), read as its code.
    /// - Throws: ``WorkforceError/usage(_:)`` when `clusterQuestion` is not a question of the wave.
    init(store: WorkforceStore, wave: String, clusterQuestion: String? = nil) throws {
        self.wave = wave
        let reader = try ResponseReader(store: store, kind: .awareness, wave: wave, respondentsOnly: true)
        formHasCluster = reader.index(of: AwarenessDesign.defaultCluster) != nil
        var clusterColumn: Int?
        if let clusterQuestion {
            guard let c = reader.index(of: clusterQuestion), [.text, .selectOne, .integer].contains(reader.columns[c].type) else {
                let texts = reader.columns.filter { $0.type == .text }.map(\.name)
                throw WorkforceError.usage(
                    "no text question \(clusterQuestion) in the awareness form of wave \(wave) to read clusters from"
                        + (texts.isEmpty ? "" : "; text questions: \(texts.joined(separator: ", "))"))
            }
            clusterColumn = c
        }
        // Indicators in codebook order; each read from the first question that scores it.
        var sources: [(indicator: String, column: Int, scoring: Scoring)] = []
        var seen: Set<String> = []
        for (c, column) in reader.columns.enumerated() {
            for scoring in column.scoring where seen.insert(scoring.indicator).inserted {
                sources.append((scoring.indicator, c, scoring))
            }
        }
        indicators = sources.map(\.indicator)
        for source in sources {
            let column = reader.columns[source.column]
            var label = column.label["en"] ?? source.indicator
            if column.scoring.count > 1 {
                let names = Dictionary(column.choices.map { ($0.name, $0.label["en"] ?? $0.name) }, uniquingKeysWith: { a, _ in a })
                label += ": " + source.scoring.ones.map { names[$0] ?? $0 }.joined(separator: " or ")
            }
            labels[source.indicator] = label
            topics[source.indicator] = column.group.split(separator: "/").last.map(String.init) ?? ""
        }
        let knowledgeColumns = reader.columns.indices.filter {
            reader.columns[$0].group.split(separator: "/").last == "knowledge" && !reader.columns[$0].scoring.isEmpty
        }
        let breakdowns = AwarenessBreakdown.allCases.compactMap { b in reader.index(of: b.question).map { (b, $0) } }
        for (b, c) in breakdowns { categories[b] = reader.columns[c].choices.map(\.name) }
        let groupColumn = reader.index(of: AwarenessBreakdown.group.question)
        let extras = Self.profileQuestions.compactMap { q in reader.index(of: q).map { (q, $0) } }
        for (q, c) in extras { profileChoices[q] = reader.columns[c].choices.map(\.name) }
        var extraColumns = extras.map { _ in [Int16]() }

        var plans: [ObjectIdentifier: Plan] = [:]
        let expected = try reader.count()
        var values = Array(repeating: [Int8](), count: sources.count)
        for i in values.indices { values[i].reserveCapacity(expected) }
        var knowledge: [Double] = []
        knowledge.reserveCapacity(expected)
        let single = breakdowns.map(\.0).filter { $0 != .group }
        var columns = single.map { _ in [Int16]() }
        for b in columns.indices { columns[b].reserveCapacity(expected) }
        var groups: [UInt64] = []
        groups.reserveCapacity(expected)
        var last: (id: ObjectIdentifier, plan: Plan)?
        var clusterIndex: [String: Int32] = [:]
        var clusterCodes: [String] = []
        var cluster: [Int32] = []
        var lastCluster: (String, Int32)?
        if clusterColumn != nil { cluster.reserveCapacity(expected) }
        try reader.forEachStored { record in
            let id = ObjectIdentifier(record.map)
            let plan: Plan
            if let last, last.id == id {
                plan = last.plan
            } else {
                plan = plans[id] ?? Plan(record.map, reader, sources, knowledgeColumns, breakdowns, groupColumn, extras.map(\.1))
                plans[id] = plan
                last = (id, plan)
            }
            let stored = record.stored
            for (i, p) in plan.indicators.enumerated() { values[i].append(p.score(stored)) }
            var right = 0, answered = 0
            for p in plan.knowledge {
                let s = p.score(stored)
                if s >= 0 {
                    answered += 1
                    if s == 1 { right += 1 }
                }
            }
            knowledge.append(answered > 0 ? Double(right) / Double(answered) : .nan)
            for (b, (q, map)) in plan.breakdowns.enumerated() {
                var index: Int16 = -1
                if q >= 0, case .choice(let p) = stored[q], p < map.count { index = map[p] }
                columns[b].append(index)
            }
            for (e, (q, map)) in plan.extras.enumerated() {
                var index: Int16 = -1
                if q >= 0, case .choice(let p) = stored[q], p < map.count { index = map[p] }
                extraColumns[e].append(index)
            }
            var bits: UInt64 = 0
            if let (q, map) = plan.groups, q >= 0, case .choices(let ps) = stored[q] {
                for p in ps where p < map.count && map[p] >= 0 && map[p] < 64 { bits |= 1 << UInt64(map[p]) }
            }
            groups.append(bits)
            if let c = clusterColumn {
                let q = record.map.position[c]
                var code: String?
                if q >= 0 {
                    switch stored[q] {
                    case .text(let t): code = Self.trimmed(t)
                    case .choice(let p): code = "choice-\(p)"
                    case .integer(let i): code = String(i)
                    default: code = nil
                    }
                }
                if let code, !code.isEmpty {
                    // Respondents of one area mostly come together: the last code first.
                    if let (lastCode, k) = lastCluster, lastCode == code {
                        cluster.append(k)
                    } else if let k = clusterIndex[code] {
                        lastCluster = (code, k)
                        cluster.append(k)
                    } else {
                        let k = Int32(clusterCodes.count)
                        clusterIndex[code] = k
                        clusterCodes.append(code)
                        cluster.append(k)
                        lastCluster = (code, k)
                    }
                } else {
                    cluster.append(-1)
                }
            }
        }
        self.cluster = cluster
        self.clusterCodes = clusterCodes
        self.values = values
        self.knowledge = knowledge
        self.category = Dictionary(uniqueKeysWithValues: zip(single, columns))
        self.groups = groups
        self.profile = Dictionary(uniqueKeysWithValues: zip(extras.map(\.0), extraColumns))
        self.count = knowledge.count
        self.excluded = expected - knowledge.count
    }

    /// `text` without surrounding white space; most codes have none, and are returned at once.
    static func trimmed(_ text: String) -> String {
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        if plain(text.utf8.first) && plain(text.utf8.last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// For data made in tests: columns given directly.
    init(wave: String, indicators: [String], values: [[Int8]], knowledge: [Double], categories: [AwarenessBreakdown: [String]],
         category: [AwarenessBreakdown: [Int16]], groups: [UInt64], cluster: [Int32] = []) {
        self.wave = wave
        self.cluster = cluster
        self.indicators = indicators
        self.values = values
        self.knowledge = knowledge
        self.categories = categories
        self.category = category
        self.groups = groups
        self.count = knowledge.count
    }

    /// How one instrument's stored answers feed the columns.
    private final class Plan {
        struct Score {
            var position: Int
            var isOne: [Bool]
            var isZero: [Bool]

            @inline(__always)
            func score(_ stored: [AnswerCodec.Stored]) -> Int8 {
                guard position >= 0 else { return -1 }
                switch stored[position] {
                case .choice(let p): return p < isOne.count ? (isOne[p] ? 1 : isZero[p] ? 0 : -1) : -1
                case .choices(let ps):
                    var zero = false
                    for p in ps where p < isOne.count {
                        if isOne[p] { return 1 }
                        if isZero[p] { zero = true }
                    }
                    return zero ? 0 : -1
                default: return -1
                }
            }
        }

        let indicators: [Score]
        let knowledge: [Score]
        /// Per breakdown but groups, in order: the position, and each of the instrument's choices
        /// as the reader's category.
        let breakdowns: [(Int, [Int16])]
        let groups: (Int, [Int16])?
        /// Per profile question read besides the breakdowns, as `breakdowns`.
        let extras: [(Int, [Int16])]

        init(
            _ map: QuestionMap, _ reader: ResponseReader, _ sources: [(indicator: String, column: Int, scoring: Scoring)],
            _ knowledgeColumns: [Int], _ breakdowns: [(AwarenessBreakdown, Int)], _ groupColumn: Int?, _ extraColumns: [Int]
        ) {
            func score(_ column: Int, _ scoring: Scoring) -> Score {
                let q = map.position[column]
                let names = q >= 0 ? map.choiceNames[q] : []
                return Score(position: q, isOne: names.map(scoring.ones.contains), isZero: names.map(scoring.zeros.contains))
            }
            func categories(_ column: Int) -> (Int, [Int16]) {
                let q = map.position[column]
                let names = reader.columns[column].choices.map(\.name)
                return (q, (q >= 0 ? map.choiceNames[q] : []).map { Int16(names.firstIndex(of: $0) ?? -1) })
            }
            indicators = sources.map { score($0.column, $0.scoring) }
            knowledge = knowledgeColumns.compactMap { c in reader.columns[c].scoring.first.map { score(c, $0) } }
            self.breakdowns = breakdowns.filter { $0.0 != .group }.map { categories($0.1) }
            groups = groupColumn.map(categories)
            extras = extraColumns.map(categories)
        }
    }
}

extension AwarenessData {
    /// The same respondents in `order` (a permutation): the variance's passes read each
    /// cluster's respondents together.
    func reordered(_ order: [Int]) -> AwarenessData {
        var copy = self
        copy.values = values.map { column in order.map { column[$0] } }
        copy.knowledge = order.map { knowledge[$0] }
        copy.category = category.mapValues { column in order.map { column[$0] } }
        copy.groups = order.map { groups[$0] }
        copy.profile = profile.mapValues { column in order.map { column[$0] } }
        if !cluster.isEmpty { copy.cluster = order.map { cluster[$0] } }
        return copy
    }
}
