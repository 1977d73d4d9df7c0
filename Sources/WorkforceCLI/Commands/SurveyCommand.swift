import Foundation
import WorkforceKit

/// `workforce survey employer|university|awareness [...]`
enum SurveyCommand {
    static let spec = CommandSpec(
        name: "survey",
        abstract: "Generate a questionnaire in the formats surveyors field.",
        discussion: """
            Writes, into --out (default \(Options.out.defaultValue)/): the XLSForm for KoboToolbox and ODK
            (<form>.xlsx, and the CSV and Markdown layouts pyxform reads), printable HTML and
            Markdown in each language, the codebook JSON and an empty response CSV template. The
            university instrument also writes the training catalog template. The instrument and its
            codebook are recorded in the database so that imports can be checked against it.

            employer: --role-set NAME (a curated set in Surveys/banks/role-sets.csv: belize-core,
            15 roles for a small economy), --roles ID,... or --category ID choose the work roles
            (default: all roles of the framework); --ksa-gaps also asks which of each role's KSAs
            staff lack, as a checklist of the role's \(KSAChecklist.defaultLength) KSAs most in demand (those most of the
            surveyed roles need); --ksa-top N changes how many, --ksa-top all lists every KSA.
            awareness: --wave \(Options.baselineWave.defaultValue) (default) or followup-N; follow-up waves add slogan
            recognition and what people did after seeing a campaign.

            --lang takes en, es and the languages a translation table adds: kek (Q'eqchi'),
            mop (Mopan), cab (Garifuna), bzj (Belize Kriol), yua (Yucatec Maya), pdt
            (Plautdietsch). --translation-template LANG writes, instead of the forms, the table
            a translator fills (<kind>.<lang>.csv: every text of the form, in English and
            Spanish, and an empty column); `workforce translations import FILE` stores it.

            --fill NAME=TEXT (repeatable) fills the bank's [[NAME: description]] placeholders,
            such as --fill contact="Ministry of Education, 822-0000, cyber@example.bz"; one left
            unfilled prints as a labelled blank on paper and as neutral words in the XLSForm.
            """,
        options: [
            Options.roleSet.spec, Options.roles.spec, Options.category.spec, Options.ksaGaps, Options.ksaTop.spec, Options.baselineWave.spec, Options.languages.spec,
            Options.out.spec, Options.framework.spec, Options.fill.spec, Options.translationTemplate.spec,
        ],
        positionals: [kindArgument.spec],
        run: { try run($0) })

    static let kindArgument = TypedPositional<InstrumentKind>("instrument", "Which questionnaire.")

    static func run(_ invocation: Invocation) throws {
        let kind = invocation[kindArgument] ?? .employer
        if kind != .employer {
            if invocation[Options.roles] != nil { throw WorkforceError.usage("--roles goes with `survey employer`") }
            if invocation[Options.roleSet] != nil { throw WorkforceError.usage("--role-set goes with `survey employer`") }
            if invocation[Options.category] != nil { throw WorkforceError.usage("--category goes with `survey employer`") }
            if invocation.flag(Options.ksaGaps) { throw WorkforceError.usage("--ksa-gaps goes with `survey employer`") }
        }
        if invocation[Options.ksaTop] != nil, !invocation.flag(Options.ksaGaps) {
            throw WorkforceError.usage("--ksa-top goes with --ksa-gaps")
        }
        if kind == .university, invocation[Options.wave] != nil {
            throw WorkforceError.usage("--wave goes with `survey awareness` or `survey employer`")
        }
        let name = invocation[Options.baselineWave]
        let wave = kind == .university ? nil : kind == .employer ? try Wave(employer: name) : try Wave(name)
        let codes = invocation[Options.languages]
        guard !codes.isEmpty else { throw WorkforceError.usage("--lang needs at least one language code") }
        var languages: [Language] = []
        for code in codes where !languages.contains(where: { $0.code == code }) {
            languages.append(try Language.parse(code))
        }
        let fills = try fillValues(invocation)

        let store = try invocation.openStore()
        let framework = try store.framework(named: invocation[Options.framework])
        var bank = try ItemBank.bundled(environment: invocation.environment)
        var ids = invocation[Options.roles]
        if let set = invocation[Options.roleSet] {
            guard ids == nil else { throw WorkforceError.usage("give --role-set or --roles, not both") }
            ids = try bank.roleSet(set, framework: framework.name)
        }
        let roles = kind == .employer ? try store.surveyRoles(framework, ids: ids, category: invocation[Options.category]) : []
        if let code = invocation[Options.translationTemplate] {
            try writeTemplate(invocation, kind: kind, language: try Language.parse(code), bank: bank, roles: roles, framework: framework.name)
            return
        }
        let translated = languages.filter(\.isTranslated)
        let translations = try store.translations(translated)
        for language in translated where translations.count(language.code) == 0 {
            throw WorkforceError.usage(
                "no \(language.xlsformName) texts are stored in this database; write them in a translation table "
                    + "(`workforce survey \(kind.rawValue) --translation-template \(language.code) --out DIR`), then `workforce translations import FILE`")
        }
        bank = bank.adding(translations)
        if languages.contains(.spanish), let role = roles.first(where: { $0.names["es"] == nil }) {
            invocation.warn(
                "work role \(role.id) of \(framework.name) has no Spanish text in Frameworks/translations/work-roles.es.csv; "
                    + "the Spanish forms show NIST's English for \(roles.filter { $0.names["es"] == nil }.count == 1 ? "it" : "such roles")")
        }
        let request = SurveyRequest(
            kind: kind, wave: wave, languages: languages, ksaGaps: invocation.flag(Options.ksaGaps),
            ksaLimit: invocation[Options.ksaTop] ?? KSAChecklist.defaultLength, fills: fills)
        let instrument = try InstrumentBuilder.build(bank: bank, request: request, framework: framework.name, roles: roles)
        if request.ksaGaps, languages.contains(.spanish) { warnEnglishStatements(invocation, request, roles: roles) }
        let files = try SurveyFiles(instrument, bank: bank)
        let out = URL(fileURLWithPath: invocation[Options.out])
        let written = try files.write(to: out)
        let isNew = try store.recordInstrument(instrument, codebook: files.codebook)

        let count = instrument.questions.filter { $0.type != .note }.count
        var summary = "Generated \(instrument.formID): \(count) questions"
        if kind == .employer { summary += " on \(plural(roles.count, "work role"))" }
        invocation.say(summary + ", version \(files.version.prefix(12)) (\(isNew ? "recorded" : "already recorded")).")
        for path in written { invocation.say("  \(path)") }
        sayPages(invocation, files, request)
        // One warning per bank row and placeholder name, naming its texts in every language.
        var rows: [(location: SourceLocation, name: String, texts: [String])] = []
        for p in instrument.placeholders {
            if let i = rows.firstIndex(where: { $0.location == p.location && $0.name == p.name }) {
                rows[i].texts.append(p.text)
            } else {
                rows.append((p.location, p.name, [p.text]))
            }
        }
        for row in rows {
            invocation.warn(
                "\(row.location): the text still holds the placeholder \(row.texts.joined(separator: " / ")); pass --fill \(row.name)=\"...\" "
                    + "before fielding the form (the printed forms leave a blank for it, the XLSForm neutral words)")
        }
        for name in fills.keys.sorted() where !instrument.usesPlaceholder(name) {
            invocation.warn("--fill \(name): the \(instrument.formID) form has no [[\(name): ...]] placeholder")
        }
    }

    /// `--fill NAME=TEXT`, each name once.
    static func fillValues(_ invocation: Invocation) throws -> [String: String] {
        var fills: [String: String] = [:]
        for item in invocation[Options.fill] ?? [] {
            guard let equals = item.firstIndex(of: "="), !item[..<equals].isEmpty else {
                throw WorkforceError.usage("--fill \"\(item)\" must read NAME=TEXT, e.g. --fill contact=\"Ministry of Education, 822-0000\"")
            }
            let name = String(item[..<equals]), value = String(item[item.index(after: equals)...])
            guard fills[name] == nil else { throw WorkforceError.usage("--fill \(name) is given twice") }
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw WorkforceError.usage("--fill \(name)= needs a text") }
            fills[name] = value
        }
        return fills
    }

    /// `--translation-template LANG`: writes `<kind>.<lang>.csv` into --out.
    static func writeTemplate(
        _ invocation: Invocation, kind: InstrumentKind, language: Language, bank: ItemBank, roles: [SurveyRole], framework: String
    ) throws {
        let template = try TranslationTemplate(kind: kind, language: language, bank: bank, roles: roles, framework: framework)
        let folder = try OutputPath.folder(URL(fileURLWithPath: invocation[Options.out]))
        let url = folder.appendingPathComponent(TranslationTemplate.fileName(kind, language))
        try OutputFolder.writeFile(Array(template.csv.utf8), to: url, creatingFolder: true)
        invocation.say("Wrote the \(language.xlsformName) translation table of \(kind.rawValue): \(template.rows.count) texts.")
        invocation.say("  \(url.path)")
        invocation.say("Fill the \(language.code) column (or write same under status), then: workforce translations import \(url.path)")
    }

    static let instrumentsSpec = CommandSpec(
        name: "instruments",
        abstract: "List the questionnaires generated into this database, newest last.",
        discussion: "`workforce import --instrument` takes an id, a version prefix or a form id from this list.",
        printsTable: true,
        run: { invocation in try invocation.print(try invocation.openStore().instrumentList()) })
}

extension Options {
    static let fill = TypedOption<[String]>(
        "fill", "name=text", "Fill the bank's [[name: ...]] placeholder with this text (repeatable).", expected: "NAME=TEXT",
        repeatable: true
    ) { $0.components(separatedBy: OptionSpec.repeatSeparator) }
    static let translationTemplate = TypedOption<String>.text(
        "translation-template", "lang", "Write the translation table for this language (kek, mop, cab, bzj, yua, pdt) instead of the forms.")
}
