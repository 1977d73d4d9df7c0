import Foundation

/// Institution names as registrars type them: matched case- and accent-insensitively, and
/// never guessed beyond that ("Univ. of Belize" and "University of Belize" stay apart, with a
/// warning that they look alike).
package enum InstitutionName {
    /// The key two spellings of one name share: letters folded to lower case without accents,
    /// runs of spaces as one.
    package static func matchKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether two different names look like one institution written two ways: a word of
    /// one that is not generic ("university", "college"...) is in the other, and at least two
    /// thirds of the longer name's words match a word of the other (a word matches its
    /// abbreviation: "univ" and "university"); or one is the other's initials ("UB").
    package static func looksAlike(_ a: String, _ b: String) -> Bool {
        let minor: Set<String> = ["of", "the", "de", "la", "el", "and", "y", "for"]
        let generic: Set<String> = [
            "university", "universidad", "college", "institute", "school", "campus", "open", "junior", "centre", "center", "academy",
        ]
        func words(_ s: String) -> [String] {
            matchKey(s).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !minor.contains($0) }
        }
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty, matchKey(a) != matchKey(b) else { return false }
        func match(_ x: String, _ y: String) -> Bool {
            x == y || (min(x.count, y.count) >= 3 && (x.hasPrefix(y) || y.hasPrefix(x)))
        }
        let initials = { (w: [String]) in String(w.compactMap(\.first)) }
        if wa.count == 1 && wa[0] == initials(wb) || wb.count == 1 && wb[0] == initials(wa) { return true }
        let distinctive = wa.contains { x in !generic.contains(x) && wb.contains { match(x, $0) } }
        let (short, long) = wa.count <= wb.count ? (wa, wb) : (wb, wa)
        let matched = long.filter { x in short.contains { match(x, $0) } }.count
        return distinctive && Double(matched) >= 2.0 / 3.0 * Double(long.count)
    }
}
