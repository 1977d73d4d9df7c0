/// The codebook: the JSON contract that the importer, R and Python scripts and reviewers read
/// (SPEC section 4). It names every question, its type, group path, labels, rules and scoring,
/// and every choice list.
package enum Codebook {
    /// The codebook of `instrument` with its `version`: the SHA-256 of the codebook written
    /// compactly without the `version` member. The same content always has the same version.
    package static func json(_ instrument: Instrument) -> JSONValue {
        let body = members(instrument)
        let version = SHA256.hex(JSONWriter(indent: nil).string(.object(body)))
        var all = body
        all.insert((key: "version", value: .string(version)), at: 2)
        return .object(all)
    }

    /// The version (content hash) of `instrument`'s codebook.
    package static func version(_ instrument: Instrument) -> String {
        json(instrument)["version"]?.string ?? ""
    }

    private static func members(_ instrument: Instrument) -> [(key: String, value: JSONValue)] {
        // An unfilled placeholder reads as the form's neutral words, as in the XLSForm.
        let instrument = instrument.neutralizingPlaceholders()
        let codes = instrument.languages.map(\.code)
        return [
            (key: "instrument", value: .string(instrument.kind.rawValue)),
            (key: "wave", value: instrument.wave.map { .string($0.name) } ?? .null),
            (key: "framework", value: .string(instrument.framework)),
            (key: "form_id", value: .string(instrument.formID)),
            (key: "title", value: localized(instrument.title, codes)),
            (key: "languages", value: .array(codes.map { .string($0) })),
            (key: "groups", value: .array(groups(instrument, codes))),
            (key: "questions", value: .array(instrument.questions.map { question($0, codes) })),
            (
                key: "choices",
                value: .object(
                    instrument.choiceLists.map { list in
                        (
                            key: list.name,
                            value: .array(
                                list.choices.map { choice in
                                    .object(
                                        [(key: "name", value: .string(choice.name)), (key: "label", value: localized(choice.label, codes))]
                                            + (choice.hint.isEmpty ? [] : [(key: "hint", value: localized(choice.hint, codes))]))
                                })
                        )
                    })
            ),
        ]
    }

    /// Every group with its path and `relevant`: a question is asked only when its own
    /// `relevant` and those of all its groups hold.
    private static func groups(_ instrument: Instrument, _ codes: [String]) -> [JSONValue] {
        var path: [String] = []
        var result: [JSONValue] = []
        for item in instrument.items {
            switch item {
            case .beginGroup(let g):
                path.append(g.name)
                result.append(
                    .object([
                        (key: "name", value: .string(g.name)), (key: "path", value: .string(path.joined(separator: "/"))),
                        (key: "label", value: localized(g.label, codes)),
                        (key: "relevant", value: g.relevant.map { .string($0) } ?? .null),
                    ]))
            case .endGroup:
                path.removeLast()
            case .question:
                break
            }
        }
        return result
    }

    private static func question(_ q: Question, _ codes: [String]) -> JSONValue {
        func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func number(_ d: Double?) -> JSONValue {
            guard let d else { return .null }
            return Int64(exactly: d).map(JSONValue.integer) ?? .number(d)
        }
        let scoring: JSONValue
        switch q.scoring.count {
        case 0: scoring = .null
        case 1: scoring = score(q.scoring[0])
        default: scoring = .array(q.scoring.map(score))
        }
        return .object([
            (key: "name", value: .string(q.name)),
            (key: "type", value: .string(q.type.rawValue)),
            (key: "list", value: optional(q.listName)),
            (key: "group", value: .string(q.groupPath.joined(separator: "/"))),
            (key: "label", value: localized(q.label, codes)),
            (key: "hint", value: q.hint.isEmpty ? .null : localized(q.hint, codes)),
            (key: "required", value: .bool(q.required)),
            (key: "relevant", value: optional(q.relevant)),
            (key: "constraint", value: optional(q.constraint)),
            (key: "constraint_message", value: q.constraintMessage.isEmpty ? .null : localized(q.constraintMessage, codes)),
            (key: "min", value: number(q.min)),
            (key: "max", value: number(q.max)),
            (key: "topic", value: optional(q.topic)),
            (key: "scoring", value: scoring),
        ])
    }

    private static func score(_ s: Scoring) -> JSONValue {
        .object([
            (key: "indicator", value: .string(s.indicator)),
            (key: "ones", value: .array(s.ones.map { .string($0) })),
            (key: "zeros", value: .array(s.zeros.map { .string($0) })),
        ])
    }

    private static func localized(_ text: LocalizedText, _ codes: [String]) -> JSONValue {
        .object(codes.compactMap { code in text[code].map { (key: code, value: .string($0)) } })
    }
}
