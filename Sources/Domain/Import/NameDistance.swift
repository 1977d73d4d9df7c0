/// Whether two column names are near misses of each other: what a one-character typo, another
/// letter case, another separator or a plural makes of a name.
///
/// Used to refuse a file whose header lacks a question while holding an unknown column that is
/// almost its name (`om_net_001_vacancy` for `om_net_001_vacancies`): importing it would store
/// every row without that answer, or quarantine them as unanswered, with exit 0.
enum NameDistance {
    /// The name folded for comparison: lower case, without `_`, `-`, `.`, spaces.
    static func folded(_ name: String) -> [Character] {
        Array(name.lowercased().filter { !"_-. ".contains($0) })
    }

    /// `a` and `b` differ only by case or separators, by a plural (`s`, `es`, `y`/`ies`), or by
    /// at most one edit (two for names of eight or more characters): an insertion, a deletion,
    /// a substitution or two neighbours swapped. Equal names are not near misses.
    static func isNearMiss(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        let x = folded(a), y = folded(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y || isPlural(x, of: y) || isPlural(y, of: x) { return true }
        let limit = min(x.count, y.count) >= 8 ? 2 : 1
        return distance(x, y, limit: limit) <= limit
    }

    /// `plural` is `singular` with `s` or `es`, or with its final `y` as `ies`.
    static func isPlural(_ plural: [Character], of singular: [Character]) -> Bool {
        if plural == singular + ["s"] || plural == singular + ["e", "s"] { return true }
        if singular.last == "y", plural == singular.dropLast() + ["i", "e", "s"] { return true }
        return false
    }

    /// The optimal string alignment distance (Damerau-Levenshtein without repeated edits of a
    /// substring), or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
