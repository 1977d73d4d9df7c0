/// The labelled files with `--imputed`: the values the estimates use, each imputed one flagged.
extension MicrodataSet {
    /// `variables` and `cases` with the imputed values of `imputed` in place of the blanks (the
    /// question becomes a decimal variable: an imputed value is a mean) and a 0/1 variable
    /// `QUESTION_imp` after each imputable question (missing for non-respondents).
    static func flagging(
        _ imputed: ImputedValues, _ variables: [MicrodataVariable], _ cases: [[MicrodataValue]], language: String
    ) -> ([MicrodataVariable], [[MicrodataValue]]) {
        let phrase = Words.bundled.phrasebook(ReaderLanguage(rawValue: language) ?? .en)
        let imputable = Set(imputed.questions)
        var out: [MicrodataVariable] = []
        var flagged: [Int] = []
        for (v, variable) in variables.enumerated() {
            guard imputable.contains(variable.source), variable.kind == .integer || variable.kind == .decimal else {
                out.append(variable)
                continue
            }
            var value = variable
            value.kind = .decimal
            out.append(value)
            out.append(
                MicrodataVariable(
                    name: "", source: variable.source + "_imp", label: phrase("publication.imputed.flag", ["question": variable.label]), kind: .dummy,
                    question: variable.question))
            flagged.append(v)
        }
        let rows = cases.map { row -> [MicrodataValue] in
            guard case .number(let number) = row.first else { return row }
            let id = Int64(number)
            var next: [MicrodataValue] = []
            next.reserveCapacity(out.count)
            var f = 0
            for (v, value) in row.enumerated() {
                guard f < flagged.count, flagged[f] == v else {
                    next.append(value)
                    continue
                }
                f += 1
                let source = variables[v].source
                next.append(imputed.value(id, source).map(MicrodataValue.number) ?? value)
                next.append(imputed.flag(id, source).map { .number(Double($0)) } ?? .missing)
            }
            return next
        }
        return (out, rows)
    }
}
