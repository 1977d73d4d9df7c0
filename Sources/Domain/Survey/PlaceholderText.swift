/// Text a surveyor fills before fielding, written `[[name: description]]` in a bank text:
/// `[[contact: contact name, telephone and e-mail]]`. `survey --fill contact="..."` replaces
/// it in every language; one left unfilled is never shown raw: the printed forms show a
/// labelled blank to write on, the XLSForm and the codebook a neutral text.
enum PlaceholderText {
    struct Match: Equatable {
        var range: Range<String.Index>
        /// The name `--fill` uses; empty when the placeholder has none (a bank error).
        var name: String
        var description: String
        var text: String
    }

    /// Every `[[...]]` in `text`, in order.
    static func matches(_ text: String) -> [Match] {
        var result: [Match] = []
        var from = text.startIndex
        while let start = text.range(of: "[[", range: from..<text.endIndex),
            let end = text.range(of: "]]", range: start.upperBound..<text.endIndex)
        {
            let body = text[start.upperBound..<end.lowerBound]
            var name = "", description = String(body).trimmingCharacters(in: .whitespaces)
            if let colon = body.firstIndex(of: ":") {
                let candidate = body[..<colon].trimmingCharacters(in: .whitespaces)
                if !candidate.isEmpty, candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    name = candidate
                    description = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            result.append(Match(range: start.lowerBound..<end.upperBound, name: name, description: description, text: String(text[start.lowerBound..<end.upperBound])))
            from = end.upperBound
        }
        return result
    }

    /// `text` with each placeholder whose name `fills` has replaced by its value.
    static func filling(_ text: String, _ fills: [String: String]) -> String {
        replacing(text) { fills[$0.name] }
    }

    /// `text` with every placeholder replaced by `replacement(match)` (or kept when it gives `nil`).
    static func replacing(_ text: String, _ replacement: (Match) -> String?) -> String {
        var out = text
        for match in matches(text).reversed() {
            if let value = replacement(match) { out.replaceSubrange(match.range, with: value) }
        }
        return out
    }

    /// For the printed forms: `contact name, telephone and e-mail: ________________`.
    static func blank(_ text: String) -> String {
        replacing(text) { "\($0.description): ____________________________" }
    }

    /// For the XLSForm and the codebook: each placeholder as `neutral` (the bank's words for
    /// "ask the person who gave you this questionnaire").
    static func neutral(_ text: String, _ neutral: String) -> String {
        replacing(text) { _ in neutral }
    }
}

extension Instrument {
    /// The instrument with every unfilled placeholder of its questions and groups written as the
    /// bank's neutral words in each language (`placeholder_neutral`), for the XLSForm and the codebook.
    func neutralizingPlaceholders() -> Instrument {
        guard !placeholders.isEmpty else { return self }
        let neutral = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, UIWords(words, language: $0.code)["placeholder_neutral"]) })
        func clean(_ text: LocalizedText) -> LocalizedText {
            Dictionary(uniqueKeysWithValues: text.map { ($0.key, PlaceholderText.neutral($0.value, neutral[$0.key] ?? "")) })
        }
        var copy = self
        copy.items = items.map { item in
            switch item {
            case .beginGroup(var g):
                g.label = clean(g.label)
                g.hint = clean(g.hint)
                return .beginGroup(g)
            case .question(var q):
                q.label = clean(q.label)
                q.hint = clean(q.hint)
                q.constraintMessage = clean(q.constraintMessage)
                return .question(q)
            case .endGroup:
                return item
            }
        }
        return copy
    }
}

extension Instrument {
    /// Whether a text of the bank rows it was built from held `[[name: ...]]` (filled or not).
    package func usesPlaceholder(_ name: String) -> Bool { placeholderNames.contains(name) }
}
