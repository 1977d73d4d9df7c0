/// Finds which choice of a list an answer names.
///
/// The fast path compares the raw bytes with the choice names (what KoboToolbox, ODK and the
/// template export). The slow path, for other exports, also accepts a choice's label in any
/// language (Google Forms, "labels" exports), its name without underscores (LimeSurvey codes),
/// any of these in other letter case and with extra spaces.
final class ChoiceMatcher: Sendable {
    let names: [String]
    let nameBytes: [[UInt8]]
    private let byHash: [UInt64: Int]
    /// The names of at most 16 bytes, each packed into two integers (``packed(_:)``), in an
    /// open-addressing table of `shortMask + 1` slots (at least twice the names, a power of two;
    /// `choice` -1 marks an empty slot): a cell of a few bytes is found by two loads, one multiply
    /// and a probe or two, whatever the length of the list.
    // Written once in init, then only read (from any thread): unchecked for Sendable.
    nonisolated(unsafe) private let shortNames: UnsafeMutablePointer<Slot>
    private let shortMask: Int
    /// Whether some name is longer than 16 bytes (else a longer cell names no choice as written).
    private let hasLongNames: Bool
    private let alternatives: [String: Int]
    /// Normalized labels, longest first, for answers that join several labels with `, ` or `;`.
    private let labels: [(text: String, choice: Int)]
    /// Every accepted form (names, labels), normalized, as characters, longest first: for a
    /// KoboToolbox labels export's cell, labels joined by spaces.
    let forms: [(text: [Character], choice: Int)]

    init(_ choices: [Choice]) {
        names = choices.map(\.name)
        nameBytes = names.map { Array($0.utf8) }
        var byHash: [UInt64: Int] = [:]
        for (i, bytes) in nameBytes.enumerated() {
            let h = bytes.withUnsafeBufferPointer { FNV1a.hash($0) }
            byHash[h] = byHash[h] == nil ? i : -1  // -1: two names share a hash; compare them all
        }
        self.byHash = byHash
        let allBytes = choices.map { Array($0.name.utf8) }
        let short = allBytes.indices.filter { allBytes[$0].count <= 16 }
        var slots = 2
        while slots < 2 * short.count { slots *= 2 }
        let table = UnsafeMutablePointer<Slot>.allocate(capacity: slots)
        table.initialize(repeating: Slot(low: 0, high: 0, length: 0, choice: -1), count: slots)
        for i in short {
            let n = allBytes[i].count
            let (low, high) = allBytes[i].withUnsafeBufferPointer { ChoiceMatcher.packed($0) }
            var k = ChoiceMatcher.slot(low, high, length: n, mask: slots - 1)
            // The first of two equal names keeps the slot, as the scan of the names found it first.
            while table[k].choice >= 0 && !table[k].holds(low, high, n) { k = (k &+ 1) & (slots - 1) }
            if table[k].choice < 0 { table[k] = Slot(low: low, high: high, length: n, choice: i) }
        }
        shortNames = table
        shortMask = slots - 1
        hasLongNames = short.count < allBytes.count
        var alternatives: [String: Int] = [:]
        var labels: [(String, Int)] = []
        for (i, choice) in choices.enumerated() {
            let forms = [choice.name, choice.name.replacingOccurrences(of: "_", with: "")] + Array(choice.label.values)
            for form in forms {
                let key = ColumnPlan.normalizedLabel(form)
                if alternatives[key] == nil { alternatives[key] = i }
            }
            for label in choice.label.values { labels.append((ColumnPlan.normalizedLabel(label), i)) }
        }
        self.alternatives = alternatives
        self.forms = alternatives.map { (Array($0.key), $0.value) }.sorted { $0.0.count > $1.0.count || ($0.0.count == $1.0.count && $0.1 < $1.1) }
        self.labels = labels.sorted { $0.0.count > $1.0.count }
    }

    deinit { shortNames.deallocate() }

    /// A name of at most 16 bytes in the table: its packed bytes, its length and its choice.
    struct Slot {
        var low: UInt64
        var high: UInt64
        var length: Int
        var choice: Int

        @inline(__always)
        func holds(_ low: UInt64, _ high: UInt64, _ length: Int) -> Bool {
            self.low == low && self.high == high && self.length == length
        }
    }

    /// Up to 16 bytes as two integers, the first byte lowest, zero-padded: two byte strings of
    /// the same length pack alike only when equal. Reads only the bytes of `bytes` (overlapping
    /// loads for 4 to 16 bytes, whose overlap holds the same bytes twice).
    @inline(__always)
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = bytes.count
        guard n > 0, let start = bytes.baseAddress else { return (0, 0) }
        let base = UnsafeRawPointer(start)
        if n >= 8 {
            let low = base.loadUnaligned(as: UInt64.self)
            guard n > 8 else { return (UInt64(littleEndian: low), 0) }
            // Bytes n-8 ..< n; bytes 8 ..< n are its top n-8, brought down.
            let high = base.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) &>> UInt64((16 - n) &* 8)
            return (UInt64(littleEndian: low), UInt64(littleEndian: high))
        }
        if n >= 4 {
            let first = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return (first | last &<< UInt64((n - 4) &* 8), 0)
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for b in bytes {
            value |= UInt64(b) &<< shift
            shift &+= 8
        }
        return (value, 0)
    }

    /// The first slot of a packed name of `length` bytes (Fibonacci hashing of the three together).
    @inline(__always)
    static func slot(_ low: UInt64, _ high: UInt64, length: Int, mask: Int) -> Int {
        let mixed = (low ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length) &<< 59) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// The choice whose name is exactly `bytes`, or `nil`.
    @inline(__always)
    func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        if n <= 16 {
            let (low, high) = Self.packed(bytes)
            var k = Self.slot(low, high, length: n, mask: shortMask)
            while true {
                let entry = shortNames[k]
                if entry.choice < 0 { return nil }
                if entry.holds(low, high, n) { return entry.choice }
                k = (k &+ 1) & shortMask
            }
        }
        if !hasLongNames { return nil }
        guard let i = byHash[FNV1a.hash(bytes)] else { return nil }
        if i >= 0 { return nameBytes[i].withUnsafeBufferPointer { $0.elementsEqual(bytes) } ? i : nil }
        return nameBytes.firstIndex { $0.withUnsafeBufferPointer { $0.elementsEqual(bytes) } }
    }

    /// The choice whose printed code `text` is: a paper form prints each option's position in
    /// its list (1, 2, 3 ...) beside it, unless a choice's name is itself a number (then the names
    /// are the codes, and ``exact(_:)`` matches them). `nil` for anything else.
    func positional(_ text: String) -> Int? {
        guard !Self.namesAreNumbers(names) else { return nil }
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), (1...names.count).contains(n)
        else { return nil }
        return n - 1
    }

    /// Whether some choice name is a whole number: the printed codes are then the names.
    package static func namesAreNumbers(_ names: [String]) -> Bool {
        names.contains { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The choice `text` names in any accepted form, or `nil`.
    func lenient(_ text: String) -> Int? {
        alternatives[ColumnPlan.normalizedLabel(text)]
    }

    /// Choices written as labels joined by `, `, `,` or `;` (Google Forms checkboxes), or `nil`
    /// when the text is not entirely such labels.
    func labelSequence(_ text: String) -> [Int]? {
        let s = Array(ColumnPlan.normalizedLabel(text))
        var i = 0
        var result: [Int] = []
        while i < s.count {
            var matched = false
            for (label, choice) in labels {
                let l = Array(label)
                guard i + l.count <= s.count, Array(s[i..<i + l.count]) == l else { continue }
                var j = i + l.count
                if j < s.count {
                    guard s[j] == "," || s[j] == ";" else { continue }
                    j += 1
                    while j < s.count, s[j] == " " { j += 1 }
                }
                result.append(choice)
                i = j
                matched = true
                break
            }
            if !matched { return nil }
        }
        return result.isEmpty ? nil : result
    }
}

/// FNV-1a, 64 bits: a quick hash of short byte strings.
enum FNV1a {
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
