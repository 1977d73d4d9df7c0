/// Writes XLSForm `relevant` expressions as instructions an interviewer can follow on paper.
///
/// The forms the item banks use are translated: `selected(${q}, 'v')`, `not(selected(${q}, 'v'))`,
/// `${q} = 'v'`, `${q} != 'v'`, `${q} > N`, joined by `and`. Anything else is shown as the
/// expression itself with each `${q}` replaced by its question number, so nothing is hidden.
/// A parenthesised list of such clauses joined by `or` reads "... ; or ...". The gates'
/// `${consent} = 'yes'` clauses are left out: on paper the gate question itself says that a
/// "no" ends the interview.
struct SkipLogic {
    let numbers: [String: Int]
    let questions: [String: Question]
    let instrument: Instrument
    let language: String
    /// The gates' conditions, left out of every instruction.
    let gateConditions: Set<String>

    init(numbers: [String: Int], questions: [String: Question], instrument: Instrument, language: String) {
        self.numbers = numbers
        self.questions = questions
        self.instrument = instrument
        self.language = language
        gateConditions = Set(instrument.questions.filter(\.isGate).map { Question.gateCondition($0.name) })
    }

    /// The instruction for `relevant`, e.g. `Ask only if question 5 is "Other".`; `nil` when
    /// only gate clauses are left.
    func instruction(_ relevant: String, section: Bool = false) -> String? {
        let parts = relevant.components(separatedBy: " and ").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !gateConditions.contains($0) }
        guard !parts.isEmpty else { return nil }
        let clauses = parts.map(describeAny)
        let lead = UIText.get(section ? "ask_section_only_if" : "ask_only_if", language)
        if clauses.contains(where: { $0 == nil }) {
            return lead + " " + withNumbers(parts.joined(separator: " and ")) + "."
        }
        return lead + " " + clauses.compactMap { $0 }.joined(separator: UIText.get("and", language)) + "."
    }

    /// One clause, or `(a or b or ...)` of clauses.
    private func describeAny(_ clause: String) -> String? {
        guard clause.hasPrefix("("), clause.hasSuffix(")"), clause.contains(" or ") else { return describe(clause) }
        let parts = clause.dropFirst().dropLast().components(separatedBy: " or ").map { $0.trimmingCharacters(in: .whitespaces) }
        // `${a} > 0 or ${b} > 0 ...` (a test repeated for each work role) reads as one sentence.
        let greater = parts.compactMap { match($0, prefix: "${", infix: "} > ", suffix: "") }
        if greater.count == parts.count, let value = greater.first?.1, Double(value) != nil, greater.allSatisfy({ $0.1 == value }) {
            let list = greater.compactMap { numbers[$0.0].map(String.init) }
            if list.count == greater.count {
                return UIText.get("any_more_than", language).replacingOccurrences(of: "{list}", with: list.joined(separator: ", "))
                    .replacingOccurrences(of: "{v}", with: value)
            }
        }
        let alternatives = parts.map(describe)
        guard !alternatives.contains(where: { $0 == nil }) else { return nil }
        return alternatives.compactMap { $0 }.joined(separator: UIText.get("or", language))
    }

    private func describe(_ clause: String) -> String? {
        if let (q, v) = match(clause, prefix: "not(selected(${", infix: "}, '", suffix: "'))") {
            return format("not_ticked", q, v)
        }
        if let (q, v) = match(clause, prefix: "selected(${", infix: "}, '", suffix: "')") {
            return format("ticked", q, v)
        }
        if let (q, v) = match(clause, prefix: "${", infix: "} != '", suffix: "'") { return format("is_not", q, v) }
        if let (q, v) = match(clause, prefix: "${", infix: "} = '", suffix: "'") { return format("is", q, v) }
        if let (q, v) = match(clause, prefix: "${", infix: "} > ", suffix: ""), let n = numbers[q], Double(v) != nil {
            return UIText.get("more_than", language).replacingOccurrences(of: "{n}", with: String(n))
                .replacingOccurrences(of: "{v}", with: v)
        }
        return nil
    }

    private func format(_ key: String, _ name: String, _ value: String) -> String? {
        guard let n = numbers[name], let q = questions[name] else { return nil }
        let label = q.listName.flatMap { instrument.choiceList($0) }?.choices.first { $0.name == value }?.label[language] ?? value
        return UIText.get(key, language).replacingOccurrences(of: "{n}", with: String(n))
            .replacingOccurrences(of: "{v}", with: label)
    }

    /// Splits `prefix NAME infix VALUE suffix`.
    private func match(_ clause: String, prefix: String, infix: String, suffix: String) -> (String, String)? {
        guard clause.hasPrefix(prefix), clause.hasSuffix(suffix), clause.count >= prefix.count + suffix.count else { return nil }
        let body = clause.dropFirst(prefix.count).dropLast(suffix.count)
        guard let range = body.range(of: infix) else { return nil }
        let name = String(body[..<range.lowerBound])
        let value = String(body[range.upperBound...])
        guard !name.contains("$"), !value.contains("'"), !value.contains("$") else { return nil }
        return (name, value)
    }

    private func withNumbers(_ expression: String) -> String {
        var text = expression
        for name in (try? XLSFormExpression.parse(expression))?.references ?? [] {
            let number = numbers[name].map { UIText.get("question_n", language).replacingOccurrences(of: "{n}", with: String($0)) } ?? name
            text = text.replacingOccurrences(of: "${\(name)}", with: number)
        }
        return text
    }
}

/// The few words of the printed questionnaires that are not in the item banks.
enum UIText {
    static let strings: [String: [String: String]] = [
        "ask_only_if": ["en": "Ask only if", "es": "Pregunte solo si"],
        "ask_section_only_if": ["en": "Ask this section only if", "es": "Aplique esta sección solo si"],
        "and": ["en": "; and ", "es": "; y "],
        "or": ["en": "; or ", "es": "; o "],
        "any_more_than": [
            "en": "the answer to any of questions {list} is more than {v}",
            "es": "la respuesta a alguna de las preguntas {list} es mayor que {v}",
        ],
        "gate_no": [
            "en": "If the answer is “No”, thank the person: the questionnaire ends here.",
            "es": "Si la respuesta es «No», agradezca a la persona: el cuestionario termina aquí.",
        ],
        "ticked": ["en": "“{v}” was ticked at question {n}", "es": "se marcó «{v}» en la pregunta {n}"],
        "not_ticked": ["en": "“{v}” was not ticked at question {n}", "es": "no se marcó «{v}» en la pregunta {n}"],
        "is": ["en": "the answer to question {n} is “{v}”", "es": "la respuesta a la pregunta {n} es «{v}»"],
        "is_not": ["en": "the answer to question {n} is not “{v}”", "es": "la respuesta a la pregunta {n} no es «{v}»"],
        "more_than": ["en": "the answer to question {n} is more than {v}", "es": "la respuesta a la pregunta {n} es mayor que {v}"],
        "question_n": ["en": "question {n}", "es": "pregunta {n}"],
        "tick_one": ["en": "Tick one.", "es": "Marque una."],
        "tick_all": ["en": "Tick all that apply.", "es": "Marque todas las que correspondan."],
        "number": ["en": "Number", "es": "Número"],
        "between": ["en": "from {min} to {max}", "es": "de {min} a {max}"],
        "at_least": ["en": "at least {min}", "es": "como mínimo {min}"],
        "date": ["en": "Date (YYYY-MM-DD)", "es": "Fecha (AAAA-MM-DD)"],
        "required": ["en": "Required", "es": "Obligatoria"],
        "interviewer": ["en": "Interviewer", "es": "Entrevistador"],
        "interview_date": ["en": "Date", "es": "Fecha"],
        "questionnaire_no": ["en": "Questionnaire no.", "es": "Cuestionario n.º"],
        "form": ["en": "Form", "es": "Formulario"],
        "version": ["en": "version", "es": "versión"],
        "framework": ["en": "framework", "es": "marco"],
        "legend": [
            "en": "Questions marked * must be answered. Follow the instructions in italics to skip questions that do not apply.",
            "es": "Las preguntas marcadas con * son obligatorias. Siga las instrucciones en cursiva para omitir las preguntas que no correspondan.",
        ],
    ]

    static func get(_ key: String, _ language: String) -> String {
        strings[key]?[language] ?? strings[key]?["en"] ?? key
    }
}
