import Foundation
import WorkforceKit

/// `workforce init [--framework nice-2017|PATH]`
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Create the database (or bring an older one up to date) and load a framework.",
        discussion: """
            Without --framework, loads the bundled NICE 2017 framework (NIST SP 800-181) and makes it
            the default. --framework takes a bundled framework's name (nice-2017,
            nice-components-v2.2.0, nice-components-v1.0.0), a framework CSV folder or a CPRT JSON file.
            Running init again on an existing database applies new migrations and loads the
            framework only if it is not there yet. Only init (and demo) create or upgrade a database:
            other commands refuse a file that is not an up-to-date workforce database (exit 66) and
            leave it unchanged; init refuses an SQLite file of another program.
            """,
        options: [frameworkSource.spec],
        run: { try run($0) })

    static let frameworkSource = TypedOption<String>.text(
        "framework", "name-or-path", "The framework to load: a bundled name, a CSV folder or a CPRT JSON file."
    ).defaulting(to: "nice-2017")

    static func run(_ invocation: Invocation) throws {
        let path = invocation.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        let store = invocation.track(try WorkforceStore(path: path, create: true))
        let data = try FrameworkSource.load(invocation[frameworkSource], environment: invocation.environment)
        let present = try store.read { db in try db.scalar("SELECT count(*) FROM framework WHERE name = ?", [data.info.name]) }
        if present.int ?? 0 > 0 {
            invocation.say("\(path) is up to date; framework \(data.info.name) is already loaded.")
            return
        }
        let summary = try store.saveFramework(data, makeDefault: true)
        invocation.say((existed ? "Updated " : "Created ") + path + ".")
        FrameworkSource.report(summary, invocation)
    }
}

/// Finding and reading a framework named on the command line.
enum FrameworkSource {
    /// A bundled framework by name, a CSV folder or a CPRT JSON file.
    static func load(_ nameOrPath: String, environment: [String: String]) throws(WorkforceError) -> FrameworkData {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: nameOrPath, isDirectory: &isDirectory) {
            let url = URL(fileURLWithPath: nameOrPath)
            return isDirectory.boolValue ? try FrameworkCSVLoader.load(folder: url) : try CPRTLoader.load(url: url)
        }
        if !nameOrPath.contains("/"), let folder = BundledData.frameworkFolder(named: nameOrPath, environment: environment) {
            return try FrameworkCSVLoader.load(folder: folder)
        }
        throw .noInput(
            path: nameOrPath,
            reason: "no such file or folder, and no bundled framework has that name "
                + "(bundled: \(BundledData.frameworks(environment: environment).map(\.name).joined(separator: ", ")))")
    }

    /// Prints what a load did, with its warnings on standard error.
    static func report(_ s: FrameworkLoadSummary, _ invocation: Invocation) {
        var parts = ["\(s.categories) categories"]
        if s.specialtyAreas > 0 { parts.append("\(s.specialtyAreas) specialty areas") }
        parts.append("\(s.workRoles) work roles")
        if s.competencyAreas > 0 { parts.append("\(s.competencyAreas) competency areas") }
        parts.append("\(s.statements) statements")
        parts.append("\(s.roleLinks) role links")
        let verb = s.replaced ? "Replaced" : "Loaded"
        invocation.say("\(verb) framework \(s.name): \(parts.joined(separator: ", "))\(s.isDefault ? " (default)" : "").")
        for warning in s.warnings { invocation.warn(warning) }
        if !s.warnings.isEmpty { invocation.io.err("\(plural(s.warnings.count, "warning")).\n") }
    }
}
