/// A select_multiple cell of a KoboToolbox labels export: the chosen choices' labels joined by
/// single spaces ("Text messages (SMS) to my phone Billboards or posters"), which only the
/// codebook's labels can split.
extension ChoiceMatcher {
    /// The ways `text` splits into choices (names or labels in any language, any letter case)
    /// separated by spaces, trying the longest first: none, one, or two different readings
    /// (sets of choices) when it is ambiguous. Each reading is sorted, without repeats.
    func spacedReadings(_ text: String) -> [[Int]] {
        let s = Array(ColumnPlan.normalizedLabel(text))
        guard !s.isEmpty else { return [] }
        var memo = [[[Int]]?](repeating: nil, count: s.count + 1)
        memo[s.count] = [[]]
        // From the end, so that each position's readings are known when an earlier one needs them.
        for i in stride(from: s.count - 1, through: 0, by: -1) where i == 0 || s[i - 1] == " " {
            var out: [[Int]] = []
            search: for (form, choice) in forms where i + form.count <= s.count {
                guard s[i..<(i + form.count)].elementsEqual(form) else { continue }
                var j = i + form.count
                if j < s.count {
                    guard s[j] == " " else { continue }
                    j += 1
                }
                for rest in memo[j] ?? [] {
                    let reading = Array(Set(rest + [choice])).sorted()
                    if !out.contains(reading) { out.append(reading) }
                    if out.count == 2 { break search }
                }
            }
            memo[i] = out
        }
        return memo[0] ?? []
    }

    /// A reading in words, for a message: "parent, teacher".
    func describe(_ reading: [Int]) -> String {
        reading.map { names[$0] }.joined(separator: ", ")
    }
}
