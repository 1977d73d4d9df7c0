/// Checks a built instrument the way pyxform and the importer need it to be.
///
/// Every `relevant` and `constraint` must parse, and each `${name}` in it must be a question
/// of the form; every select question's list must exist and be non-empty; scoring may only
/// name choices of its list.
struct InstrumentValidator {
    let instrument: Instrument
    let locations: [String: SourceLocation]

    func validate() throws(WorkforceError) {
        let names = Set(instrument.questions.map(\.name))
        for item in instrument.items {
            switch item {
            case .beginGroup(let group):
                try checkReferences(group.relevant, owner: group.name, names: names)
            case .question(let q):
                try checkReferences(q.relevant, owner: q.name, names: names)
                try checkReferences(q.extraConstraint, owner: q.name, names: names)
                try checkChoices(q)
            case .endGroup:
                break
            }
        }
    }

    /// Parses an expression (the importer evaluates it later) and checks its `${name}`s.
    private func checkReferences(_ expression: String?, owner: String, names: Set<String>) throws(WorkforceError) {
        guard let expression, !expression.isEmpty else { return }
        let parsed: XLSFormExpression
        do {
            parsed = try XLSFormExpression.parse(expression)
        } catch {
            throw .badData(locations[owner], "\(owner): \(error.description)")
        }
        for reference in parsed.references where !names.contains(reference) {
            throw .badData(locations[owner], "\(owner) refers to ${\(reference)}, which is not a question of this form")
        }
    }

    private func checkChoices(_ q: Question) throws(WorkforceError) {
        guard let listName = q.listName else {
            if !q.scoring.isEmpty { throw .badData(locations[q.name], "\(q.name) has scoring but is not a select question") }
            return
        }
        guard let list = instrument.choiceList(listName), !list.choices.isEmpty else {
            throw .badData(locations[q.name], "choice list \(listName) of \(q.name) is empty or missing")
        }
        let choiceNames = Set(list.choices.map(\.name))
        for scoring in q.scoring {
            for choice in scoring.ones + scoring.zeros where !choiceNames.contains(choice) {
                throw .badData(locations[q.name], "scoring \(scoring.indicator) of \(q.name) names \(choice), which is not in list \(listName)")
            }
        }
        for language in instrument.languages {
            if let bad = list.choices.first(where: { $0.label[language.code] == nil }) {
                throw .badData(locations["list:" + listName], "choice \(bad.name) of list \(listName) has no label::\(language.code)")
            }
        }
    }
}
