import Foundation
import WorkforceKit

/// `workforce survey employer|university|awareness [...]`
enum SurveyCommand {
    static let spec = CommandSpec(
        name: "survey",
        abstract: "Generate a questionnaire in the formats surveyors field.",
        discussion: """
            Writes, into --out (default Surveys/generated/): the XLSForm for KoboToolbox and ODK
            (<form>.xlsx, and the CSV and Markdown layouts pyxform reads), printable HTML and
            Markdown in each language, the codebook JSON and an empty response CSV template. The
            university instrument also writes the training catalog template. The instrument and its
            codebook are recorded in the database so that imports can be checked against it.

            employer: --role-set NAME (a curated set in Surveys/banks/role-sets.csv: belize-core,
            15 roles for a small economy), --roles ID,... or --category ID choose the work roles
            (default: all roles of the framework); --ksa-gaps also asks which of each role's KSAs
            staff lack.
            awareness: --wave baseline (default) or followup-N; follow-up waves add slogan
            recognition and what people did after seeing a campaign.
            """,
        options: [
            Options.roleSet.spec, Options.roles.spec, Options.category.spec, Options.ksaGaps, Options.wave.spec, Options.languages.spec,
            Options.out.spec, Options.framework.spec,
        ],
        positionals: [
            PositionalSpec(name: "instrument", help: "Which questionnaire.", choices: InstrumentKind.allCases.map(\.rawValue))
        ],
        run: { try run($0) })

    static func run(_ invocation: Invocation) throws {
        let kind = InstrumentKind(rawValue: invocation.positional(0) ?? "") ?? .employer
        if kind != .employer {
            if invocation[Options.roles] != nil { throw WorkforceError.usage("--roles goes with `survey employer`") }
            if invocation[Options.roleSet] != nil { throw WorkforceError.usage("--role-set goes with `survey employer`") }
            if invocation[Options.category] != nil { throw WorkforceError.usage("--category goes with `survey employer`") }
            if invocation.flag(Options.ksaGaps) { throw WorkforceError.usage("--ksa-gaps goes with `survey employer`") }
        }
        if kind == .university, invocation[Options.wave] != nil {
            throw WorkforceError.usage("--wave goes with `survey awareness` or `survey employer`")
        }
        let wave = try invocation[Options.wave].map { name throws(WorkforceError) in kind == .employer ? try Wave(employer: name) : try Wave(name) }
        let codes = invocation[Options.languages] ?? ["en", "es"]
        guard !codes.isEmpty else { throw WorkforceError.usage("--lang needs at least one language code") }
        var languages: [Language] = []
        for code in codes where !languages.contains(where: { $0.code == code }) {
            languages.append(try Language.parse(code))
        }

        let store = try invocation.openStore()
        let framework = try store.framework(named: invocation[Options.framework])
        let bank = try ItemBank.bundled(environment: invocation.environment)
        var ids = invocation[Options.roles]
        if let set = invocation[Options.roleSet] {
            guard ids == nil else { throw WorkforceError.usage("give --role-set or --roles, not both") }
            ids = try bank.roleSet(set, framework: framework.name)
        }
        let roles = kind == .employer ? try store.surveyRoles(framework, ids: ids, category: invocation[Options.category]) : []
        let request = SurveyRequest(kind: kind, wave: wave, languages: languages, ksaGaps: invocation.flag(Options.ksaGaps))
        let instrument = try InstrumentBuilder.build(bank: bank, request: request, framework: framework.name, roles: roles)
        let files = try SurveyFiles(instrument, bank: bank)
        let out = URL(fileURLWithPath: invocation[Options.out] ?? "Surveys/generated")
        let written = try files.write(to: out)
        let isNew = try store.recordInstrument(instrument, codebook: files.codebook)

        let count = instrument.questions.filter { $0.type != .note }.count
        var summary = "Generated \(instrument.formID): \(count) questions"
        if kind == .employer { summary += " on \(plural(roles.count, "work role"))" }
        invocation.say(summary + ", version \(files.version.prefix(12)) (\(isNew ? "recorded" : "already recorded")).")
        for path in written { invocation.say("  \(path)") }
        // One warning per bank row, naming its placeholders in every language.
        var rows: [(location: SourceLocation, texts: [String])] = []
        for p in instrument.placeholders {
            if let i = rows.firstIndex(where: { $0.location == p.location }) { rows[i].texts.append(p.text) } else { rows.append((p.location, [p.text])) }
        }
        for row in rows {
            invocation.warn(
                "\(row.location): the text still holds the placeholder \(row.texts.joined(separator: " / ")); fill it in the item bank before fielding the form")
        }
    }

    static let instrumentsSpec = CommandSpec(
        name: "instruments",
        abstract: "List the questionnaires generated into this database, newest last.",
        discussion: "`workforce import --instrument` takes an id, a version prefix or a form id from this list.",
        printsTable: true,
        run: { invocation in invocation.print(try invocation.openStore().instrumentList()) })
}
