/// Writes XLSForm `relevant` expressions as instructions an interviewer can follow on paper.
///
/// The forms the item banks use are translated: `selected(${q}, 'v')`, `not(selected(${q}, 'v'))`,
/// `${q} = 'v'`, `${q} != 'v'`, `${q} > N`, joined by `and`. Anything else is shown as the
/// expression itself with each `${q}` replaced by its question number, so nothing is hidden.
struct SkipLogic {
    let numbers: [String: Int]
    let questions: [String: Question]
    let instrument: Instrument
    let language: String

    /// The instruction for `relevant`, e.g. `Ask only if question 5 is "Other".`
    func instruction(_ relevant: String, section: Bool = false) -> String {
        let clauses = relevant.components(separatedBy: " and ").map { describe($0.trimmingCharacters(in: .whitespaces)) }
        let lead = UIText.get(section ? "ask_section_only_if" : "ask_only_if", language)
        if clauses.contains(where: { $0 == nil }) {
            return lead + " " + withNumbers(relevant) + "."
        }
        return lead + " " + clauses.compactMap { $0 }.joined(separator: UIText.get("and", language)) + "."
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
