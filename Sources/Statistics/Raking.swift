/// Raking (iterative proportional fitting) of respondent weights to population margins.
///
/// Each variable gives every respondent a category (`-1` when the respondent did not say, for
/// example "prefer not to say"). A step adjusts, variable by variable, the weights of the
/// respondents whose category is known so that their weighted distribution matches the
/// margin's, keeping their total; respondents whose category is unknown keep their weight in
/// that step. Steps repeat until every category's weighted share is within `tolerance`
/// (relative) of its population share, or `maxIterations` is reached. The weights are then
/// scaled to sum to the population total (shares, `p` and `n_eff` do not depend on the scale).
package enum Raking {
    /// One raking variable: its categories' population counts and each respondent's category.
    package struct Variable: Sendable {
        package var name: String
        package var categories: [String]
        package var population: [Double]
        /// Per respondent, the index of its category in `categories`, or -1 when unknown.
        package var category: [Int16]

        package init(name: String, categories: [String], population: [Double], category: [Int16]) {
            self.name = name
            self.categories = categories
            self.population = population
            self.category = category
        }
    }

    package struct Result: Sendable {
        package var weights: [Double]
        package var converged: Bool
        package var iterations: Int
        /// The largest relative distance of a category's weighted share from its population share.
        package var largestRelativeError: Double
        /// The variables raked on, for the variance of the raked estimates.
        package var variables: [Variable] = []

        package var smallestWeight: Double { weights.min() ?? 0 }
        package var largestWeight: Double { weights.max() ?? 0 }

        /// Kish's design effect of the weights, `n / n_eff`.
        package var designEffect: Double {
            var sum = 0.0, squares = 0.0
            for w in weights {
                sum += w
                squares += w * w
            }
            return sum > 0 ? Double(weights.count) * squares / (sum * sum) : 1
        }
    }

    /// Rakes `count` respondents' weights (starting from 1) to the variables' margins.
    ///
    /// Every category must have at least one respondent (the caller checks, naming the
    /// category); population counts must be positive.
    package static func rake(count: Int, variables: [Variable], tolerance: Double = 1e-10, maxIterations: Int = 1000) -> Result {
        var weights = Array(repeating: 1.0, count: count)
        var iterations = 0
        var error = largestError(weights, variables)
        while error > tolerance && iterations < maxIterations {
            iterations += 1
            for variable in variables {
                let sums = categorySums(weights, variable)
                let known = sums.reduce(0, +)
                let total = variable.population.reduce(0, +)
                let factors = sums.indices.map { c in sums[c] > 0 ? variable.population[c] / total * known / sums[c] : 1 }
                for i in weights.indices {
                    let c = Int(variable.category[i])
                    if c >= 0 { weights[i] *= factors[c] }
                }
            }
            error = largestError(weights, variables)
        }
        if let total = variables.first?.population.reduce(0, +), total > 0 {
            let sum = weights.reduce(0, +)
            if sum > 0 { for i in weights.indices { weights[i] *= total / sum } }
        }
        return Result(weights: weights, converged: error <= tolerance, iterations: iterations, largestRelativeError: error, variables: variables)
    }

    /// The weighted total of each category of `variable`.
    package static func categorySums(_ weights: [Double], _ variable: Variable) -> [Double] {
        var sums = Array(repeating: 0.0, count: variable.categories.count)
        for i in weights.indices {
            let c = Int(variable.category[i])
            if c >= 0 { sums[c] += weights[i] }
        }
        return sums
    }

    private static func largestError(_ weights: [Double], _ variables: [Variable]) -> Double {
        var largest = 0.0
        for variable in variables {
            let sums = categorySums(weights, variable)
            let known = sums.reduce(0, +)
            let total = variable.population.reduce(0, +)
            guard known > 0, total > 0 else { continue }
            for c in sums.indices {
                let target = variable.population[c] / total
                largest = max(largest, abs(sums[c] / known - target) / target)
            }
        }
        return largest
    }
}
