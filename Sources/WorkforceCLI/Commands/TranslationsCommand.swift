import Foundation
import WorkforceKit

/// `workforce translations [import FILE]`
enum TranslationsCommand {
    static let spec = CommandSpec(
        name: "translations",
        abstract: "List the stored translations, or import a completed translation table.",
        discussion: """
            A translation table comes from `workforce survey KIND --translation-template LANG`
            (LANG: kek Q'eqchi', mop Mopan, cab Garifuna, bzj Belize Kriol, yua Yucatec Maya,
            pdt Plautdietsch). Once imported, `workforce survey KIND --lang en,LANG` writes every
            format in that language.
            """,
        subcommands: [importSpec],
        printsTable: true,
        run: { invocation in try invocation.print(try invocation.openStore().translationList()) })

    static let importSpec = CommandSpec(
        name: "import",
        abstract: "Check a completed translation table and store its texts.",
        discussion: """
            Every row of the template must be there, each text filled (or marked same in the
            status column to keep the English), and each translation must keep the [[name: ...]]
            placeholders, ${question} references and {slots} of its English text. Every problem
            is reported with its line and column (exit 65), and then nothing is stored. Texts of
            the same language and key stored before are replaced.
            """,
        positionals: [PositionalSpec(name: "file", help: "The translation table (CSV).")],
        run: { try run($0) })

    static func run(_ invocation: Invocation) throws {
        guard let path = invocation.positional(0), !path.isEmpty else { throw WorkforceError.usage("translations import needs a FILE") }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw WorkforceError.noInput(path: path, reason: isDirectory.boolValue ? "it is a folder, not a file" : "no such file")
        }
        let store = try invocation.openStore()
        let bank = try ItemBank.bundled(environment: invocation.environment)
        var roles: [String: [SurveyRole]] = [:]
        for name in try store.frameworkNames() {
            roles[name] = try store.surveyRoles(try store.framework(named: name), ids: nil, category: nil)
        }
        let table = try TranslationTable(url: url, bank: bank, roles: roles)
        let count = try store.storeTranslations(table, file: url.lastPathComponent)
        invocation.say("Stored \(count) \(table.language.xlsformName) texts from \(path).")
        if let first = table.stale.first {
            invocation.warn(
                "\(first): the English text differs from the item bank's today (\(table.stale.count) row\(table.stale.count == 1 ? "" : "s")); "
                    + "the table was made from an older bank: check those translations")
        }
    }
}
