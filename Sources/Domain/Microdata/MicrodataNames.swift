/// The variable names of the labelled files, by one documented, deterministic rule.
///
/// 1. From the codebook's name: a select_multiple's choice `question/choice` becomes
///    `question_choice`; every character other than an ASCII letter, digit or `_` becomes
///    `_`; a name that does not start with a letter gets `v_` in front; a name that is a
///    reserved word of SPSS or Stata (`and`, `by`, `if`, `in`, `int`, ...) gets `v_` in front.
/// 2. Names are kept to 64 bytes (SPSS's limit) and unique without regard to case: the second
///    of two equal names gets `_2`, the third `_3`, and so on, in variable order.
/// 3. Stata allows 32 characters: a longer name keeps its first 27 characters, then `_` and
///    four hexadecimal digits of the FNV-1a hash of the whole name (the next value on a
///    clash), so that the same codebook name always gets the same Stata name. The full name is
///    in the variable's note (`notes varname`).
package enum MicrodataNames {
    static let reserved: Set<String> = [
        // SPSS
        "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
        // Stata
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_pi", "_pred", "_rc",
        "_skip", "strl", "using",
    ]

    /// The names of the files for these codebook names, in order, unique.
    package static func names(for sources: [String]) -> [String] {
        var taken: Set<String> = []
        return sources.map { source in
            let base = String(cleaned(source).prefix(60))
            var name = base
            var n = 1
            while taken.contains(name.lowercased()) {
                n += 1
                name = base + "_\(n)"
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    /// Rule 1: a valid name from a codebook name.
    static func cleaned(_ source: String) -> String {
        var name = String(source.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_") ? Character(s) : "_"
        })
        if name.isEmpty { name = "v" }
        if let first = name.unicodeScalars.first, !(first.isASCII && first.properties.isAlphabetic) { name = "v_" + name }
        if reserved.contains(name.lowercased()) || name.lowercased().hasPrefix("str") && Int(name.dropFirst(3)) != nil {
            name = "v_" + name
        }
        return name
    }

    /// Rule 3: Stata's names for these (already unique) names.
    package static func stata(_ names: [String]) -> [String] {
        var taken = Set(names.filter { $0.count <= 32 })
        return names.map { name in
            guard name.count > 32 else { return name }
            var hash = fnv1a(name)
            while true {
                let candidate = name.prefix(27) + "_" + hex4(hash)
                if !taken.contains(candidate) {
                    taken.insert(candidate)
                    return candidate
                }
                hash &+= 1
            }
        }
    }

    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash &*= 16_777_619
        }
        return hash
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<4).reversed().map { digits[Int((value >> (4 * UInt32($0))) & 0xF)] })
    }
}
