import Foundation

extension Words {
    /// The fixed parts of every text in `language` that another language writes differently, of
    /// at least `minimumWords` words: the text between its placeholders. A reader's output in
    /// another language that holds one of them has a sentence left untranslated (the tests look
    /// for them in `--lang es` output).
    package func fragments(_ language: ReaderLanguage, minimumWords: Int = 4) -> Set<String> {
        var found: Set<String> = []
        for entry in entries.values {
            guard let text = entry.texts[language], entry.texts.values.contains(where: { $0 != text }) else { continue }
            var rest = text[...]
            var parts: [Substring] = []
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                parts.append(rest[..<open])
                rest = rest[rest.index(after: close)...]
            }
            parts.append(rest)
            for part in parts {
                let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                if trimmed.split(separator: " ").count >= minimumWords { found.insert(trimmed) }
            }
        }
        return found
    }
}
