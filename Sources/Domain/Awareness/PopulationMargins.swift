import Foundation

/// Population margins for raking: a CSV `variable,category,population` (for example
/// `district,cayo,99118`). Variables are the breakdowns `district`, `sex`, `age` and `urban`
/// (or their question names `age_band`, `urban_rural`); categories are choice names.
package struct PopulationMargins: Sendable {
    package struct Margin: Sendable {
        package var category: String
        package var population: Double
        package var location: SourceLocation
    }

    /// Variables in file order, each with its categories in file order.
    package var variables: [(breakdown: AwarenessBreakdown, margins: [Margin])]
    package var file: String
    /// Where the margins came from (a stored version or a file), as notes name them.
    package var source: WeightingSource

    /// Margins already checked (a stored version).
    init(variables: [(breakdown: AwarenessBreakdown, margins: [Margin])], source: WeightingSource) {
        self.variables = variables
        self.source = source
        file = source.locationName
    }

    /// Reads and checks a margins file (at most ``FileInput/smallTableLimit`` bytes, refused
    /// before it is read): known variables, populations that are whole numbers from 1 to
    /// ``NumberText/maxPopulation`` written in digits, no category twice, and every variable
    /// summing to the same total, itself at most ``NumberText/maxPopulation``. The sums are
    /// exact (whole numbers, no overflow), so the check cannot be bypassed.
    ///
    /// - Throws: ``WorkforceError`` naming the file, line and column of the first problem.
    package init(url: URL) throws(WorkforceError) {
        file = url.path
        source = WeightingSource(kind: .margins, file: url.lastPathComponent)
        let (table, records) = try CSVTable.readAll(
            url: url, required: ["variable", "category", "population"], maxBytes: FileInput.smallTableLimit)
        let v = table.index(of: "variable") ?? 0, c = table.index(of: "category") ?? 1, p = table.index(of: "population") ?? 2
        var variables: [(breakdown: AwarenessBreakdown, margins: [Margin])] = []
        for record in records {
            let here = { (column: Int) in record.location(ofField: column, in: url.path) }
            let name = record.fields[v].trimmingCharacters(in: .whitespaces).lowercased()
            let aliases: [String: AwarenessBreakdown] = ["age_band": .age, "urban_rural": .urban]
            guard let breakdown = aliases[name] ?? AwarenessBreakdown(rawValue: name), breakdown != .group, breakdown != .language else {
                throw .badData(
                    here(v), "unknown raking variable \"\(record.fields[v])\"; use district, sex, age (age_band) or urban (urban_rural)")
            }
            let category = record.fields[c].trimmingCharacters(in: .whitespaces)
            guard !category.isEmpty else { throw .badData(here(c), "the category of \(name) is empty") }
            let population = try NumberText.whole(
                record.fields[p], in: 1...NumberText.maxPopulation, what: "population of \(name) \(category)", at: here(p))
            let margin = Margin(category: category, population: Double(population), location: here(c))
            if let i = variables.firstIndex(where: { $0.breakdown == breakdown }) {
                if variables[i].margins.contains(where: { $0.category == category }) {
                    throw .badData(here(c), "\(breakdown.question) \(category) is given twice")
                }
                variables[i].margins.append(margin)
            } else {
                variables.append((breakdown, [margin]))
            }
        }
        guard let first = variables.first else {
            throw .badData(SourceLocation(file: url.path, line: 2), "the margins file has no rows")
        }
        // Whole numbers of at most 10^9 each, summed exactly; a sum above 10^9 is refused.
        func sum(_ variable: (breakdown: AwarenessBreakdown, margins: [Margin])) throws(WorkforceError) -> Int {
            var total = 0
            for margin in variable.margins {
                total += Int(exactly: margin.population) ?? 0
                if total > NumberText.maxPopulation {
                    throw .badData(
                        margin.location,
                        "the margins of \(variable.breakdown.question) sum to more than \(NumberText.maxPopulation); a population is at most that")
                }
            }
            return total
        }
        let total = try sum(first)
        for variable in variables.dropFirst() {
            let other = try sum(variable)
            if other != total {
                throw .badData(
                    variable.margins[0].location,
                    "the margins of \(variable.breakdown.question) sum to \(other) but those of \(first.breakdown.question) to \(total); every variable must describe the same population")
            }
        }
        self.variables = variables
    }

    /// The population total.
    package var total: Double { variables.first?.margins.reduce(0) { $0 + $1.population } ?? 0 }
}

extension AwarenessData {
    /// The choice names that mean the respondent did not say: unknown for raking.
    static let notSaid: Set<String> = ["prefer_not", "dont_know"]

    /// Rakes this wave's respondents to `margins`.
    ///
    /// Respondents who did not answer a raking variable, or answered "prefer not to say", are
    /// unknown for that variable: they keep their weight in its step (see ``Raking``).
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` for a category of the margins that is not a
    ///   choice or that no respondent has, or a category respondents have that the margins lack.
    func rake(to margins: PopulationMargins) throws(WorkforceError) -> Raking.Result {
        var variables: [Raking.Variable] = []
        for (breakdown, list) in margins.variables {
            guard let choices = categories[breakdown], let sample = category[breakdown] else {
                throw .badData(SourceLocation(file: margins.file), "the \(wave) responses have no \(breakdown.question) question to rake on")
            }
            var index: [Int16] = Array(repeating: -1, count: choices.count)
            for (m, margin) in list.enumerated() {
                guard let c = choices.firstIndex(of: margin.category) else {
                    throw .badData(
                        margin.location,
                        "\(breakdown.question) \"\(margin.category)\" is not a choice of the questionnaire (\(choices.joined(separator: ", ")))")
                }
                if Self.notSaid.contains(margin.category) {
                    throw .badData(margin.location, "\(breakdown.question) \(margin.category) is not a population category; leave it out of the margins")
                }
                index[c] = Int16(m)
            }
            var counts = Array(repeating: 0, count: list.count)
            var mapped = [Int16](repeating: -1, count: sample.count)
            for i in sample.indices where sample[i] >= 0 {
                let c = Int(sample[i])
                if index[c] >= 0 {
                    mapped[i] = index[c]
                    counts[Int(index[c])] += 1
                } else if !Self.notSaid.contains(choices[c]) {
                    throw .badData(
                        SourceLocation(file: margins.file),
                        "respondents of wave \(wave) answered \(breakdown.question) \(choices[c]), which the margins do not have; add a row \(breakdown.rawValue),\(choices[c]),POPULATION")
                }
            }
            if let empty = counts.firstIndex(of: 0) {
                throw .badData(
                    list[empty].location,
                    "no respondent of wave \(wave) has \(breakdown.question) \(list[empty].category), so the sample cannot be raked to it; merge it with a neighbouring category in the margins")
            }
            variables.append(
                Raking.Variable(name: breakdown.question, categories: list.map(\.category), population: list.map(\.population), category: mapped))
        }
        return Raking.rake(count: count, variables: variables)
    }
}
