extension WorkforceReport {
    /// The plan's section: three sentences a minister can repeat (the need, what the plan does
    /// by lever, what stays open), the actions with institution and course names, first year,
    /// robust mark and KSAs by statement, then per role what each lever closes. Tables `plan`
    /// (one row per action), `plan_by_role` and `plan_cases`; the main points end with the
    /// plan's "What to do". Every sentence in the report's language (`plan.csv`, `report.csv`).
    static func planSection(
        _ plan: WorkforcePlan, _ language: ReaderLanguage, _ tables: inout [(name: String, table: ResultTable)],
        _ figures: inout [(label: Phrase, figure: ReportFigure)], _ json: inout [String: ([String]) -> String], _ points: inout MainPoints
    ) -> Section {
        tables.append(("plan", plan.actionTable))
        tables.append(("plan_by_role", plan.roleTable))
        tables.append(("plan_cases", plan.casesTable))
        json["plan"] = { plan.json(.action, notes: $0) }
        let c = plan.central
        figures.append((.phrase("report.label.plan_need"), ReportFigure(c.need, unit: .peopleAYear)))
        figures.append((.phrase("report.label.plan_seats"), ReportFigure(c.seats, unit: .peopleAYear)))
        figures.append((.phrase("report.label.plan_open"), ReportFigure(c.open, unit: .peopleAYear)))
        let words = PlanWords(language)
        let phrase = words.phrase
        if c.need > 0.5 { points.whatToDo = words.whatToDo(plan) }

        let people = phrase("report.plan.people", [
            "lead": phrase("report.plan.lead"), "partners": phrase("report.plan.partners"), "timeline": words.count(Double(plan.input.options.years), "year"),
        ])
        let headline = words.headline(plan)
        let computed = Array(words.notes(plan).dropFirst(headline.count))
        var blocks: [ReportBlock] = headline.map { .paragraph([.text($0)]) } + [
            .paragraph([.text(people)]),
            .details(summary: phrase("report.plan.computed"), blocks: [.list(computed.map { [.text($0)] })]),
        ]
        guard !c.actions.isEmpty else {
            return Section(id: "plan", title: "", blocks: blocks + [.paragraph([.text(phrase("report.plan.none"))], style: .note)])
        }
        blocks += [
            .heading(level: 3, text: phrase("report.plan.actions")), .table(actionTable(plan, words)),
            .heading(level: 3, text: phrase("report.plan.by_role")), .table(roleTable(plan, words)),
            .details(summary: phrase("report.plan.in_words"), blocks: [.list(c.actions.map { [.text(plan.what($0, language))] })]),
        ]
        return Section(id: "plan", title: "", blocks: blocks)
    }

    /// The central case's actions as readers see them, whole numbers.
    static func actionTable(_ plan: WorkforcePlan, _ words: PlanWords = PlanWords()) -> ResultTable {
        let phrase = words.phrase
        var table = ResultTable(columns: ["action", "where", "role", "seats", "first", "robust", "ksas"].map { phrase("report.plan.action.column.\($0)") })
        let names = Dictionary(plan.input.roles.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for a in plan.actions {
            let course = a.offering.flatMap { code in plan.input.offerings.first { $0.code == code && $0.institution == a.institution }.map { "\($0.title) (\(code))" } ?? code }
            let place = [course, a.institution].compactMap { $0 }.joined(separator: ", ")
            let role = a.feeder.map { phrase("report.plan.action.into", ["feeder": names[$0] ?? $0, "role": names[a.role] ?? a.role]) } ?? (names[a.role] ?? a.role)
            table.append([
                .text(phrase("report.plan.verb.\(a.kind.rawValue)")), .text(place.isEmpty ? phrase("report.plan.action.employers") : place), .text(role),
                .text(a.kind == .retain ? phrase("report.plan.action.fewer_exits", ["count": words.number(a.seats)]) : words.number(a.seats)),
                .text(phrase("report.plan.action.first", ["year": String(a.firstCompletionsYear)])),
                .text(phrase(a.robust ? "report.plan.yes" : "report.plan.no")), .text(a.ksas.isEmpty ? "" : words.statements(a.ksas, plan.input, limit: 3)),
            ])
        }
        return table
    }

    /// Per role: the need and what each lever closes, people a year, whole numbers.
    static func roleTable(_ plan: WorkforcePlan, _ words: PlanWords = PlanWords()) -> ResultTable {
        let phrase = words.phrase
        var table = ResultTable(columns: [phrase("report.plan.role.column.role"), phrase("report.plan.role.column.need")]
            + PlanProgram.Lever.allCases.map { phrase("report.plan.role.column.\($0.rawValue)") }
            + [phrase("report.plan.role.column.open"), phrase("report.plan.role.column.why")])
        for r in plan.roles where r.need > 0.5 {
            let name = r.role.isExperienceRole ? phrase("report.plan.role.experience", ["role": r.role.name]) : r.role.name
            table.append(
                [.text(name), .text(words.number(r.need))]
                    + PlanProgram.Lever.allCases.map { .text(words.number(r.byLever[$0] ?? 0)) } + [.text(words.number(r.open)), .text(plan.why(r, words.language))])
        }
        return table
    }
}
