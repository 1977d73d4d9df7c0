/// Huffman code lengths for ``Deflater``: optimal lengths from symbol counts, limited to a
/// maximum the way many encoders do it (halve the counts, keeping every used symbol, until the
/// tree is shallow enough), and the canonical codes of RFC 1951 section 3.2.2 for them.
enum HuffmanLengths {
    /// A length per symbol (0 for a count of 0), none longer than `maxLength`.
    ///
    /// Two used symbols at least give a complete code; a single one gets length 1.
    static func limited(_ counts: [Int], maxLength: Int) -> [Int] {
        var counts = counts
        while true {
            let lengths = optimal(counts)
            if (lengths.max() ?? 0) <= maxLength { return lengths }
            counts = counts.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
        }
    }

    /// Huffman's construction: merge the two lightest subtrees until one is left.
    static func optimal(_ counts: [Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: counts.count)
        // Each node: its weight and the symbols under it.
        var nodes: [(weight: Int, symbols: [Int])] = counts.enumerated().compactMap { $1 > 0 ? ($1, [$0]) : nil }
        if nodes.count == 1 {
            lengths[nodes[0].symbols[0]] = 1
            return lengths
        }
        while nodes.count > 1 {
            nodes.sort { $0.weight > $1.weight }
            let a = nodes.removeLast()
            let b = nodes.removeLast()
            for s in a.symbols + b.symbols { lengths[s] += 1 }
            nodes.append((a.weight + b.weight, a.symbols + b.symbols))
        }
        return lengths
    }

    /// The canonical code of each symbol, its bits reversed as DEFLATE writes them.
    static func codes(_ lengths: [Int]) -> [Int] {
        let maxLength = lengths.max() ?? 0
        var perLength = [Int](repeating: 0, count: maxLength + 1)
        for l in lengths where l > 0 { perLength[l] += 1 }
        var next = [Int](repeating: 0, count: maxLength + 2)
        var code = 0
        for length in 1...max(1, maxLength) {
            code = (code + (length - 1 < perLength.count ? perLength[length - 1] : 0)) << 1
            next[length] = code
        }
        var codes = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = HuffmanCode.reverse(next[length], length)
            next[length] += 1
        }
        return codes
    }
}
