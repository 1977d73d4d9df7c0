import Foundation
import WorkforceKit

/// `workforce frame import`, `workforce margins import` and `workforce frames`: the sampling
/// frame and population margins stored in the database, which every employer and awareness
/// command weights to unless told otherwise.
enum WeightingCommands {
    static let unweighted = OptionSpec.flag(
        "unweighted", "Weight to nothing: every weight 1, even when a sampling frame or margins are stored.")

    static let frameSpec = CommandSpec(
        name: "frame",
        abstract: "Store the employer sampling frame in the database.",
        subcommands: [frameImportSpec, frameUseSpec],
        usesDatabase: false)

    /// `--frame-version pinned|latest`: which stored frame version an employer wave uses.
    static let frameVersion = TypedOption<FrameVersionChoice>.choice(
        "frame-version", "which",
        "Employer: the stored frame version a wave is weighted to: pinned (default; the version of its first estimate or of `frame use`) or latest (the figures are revised and say so).")

    static let frameUseSpec = CommandSpec(
        name: "use",
        abstract: "Pin a stored sampling frame version to an employer wave (default the baseline).",
        discussion: """
            Each employer wave is weighted to the frame version pinned to it: the latest version at
            its first estimate, or the one given here. A newer frame changes a wave's figures only
            with --frame-version latest, and those figures say they are revised.
            """,
        options: [Options.baselineWave.spec],
        positionals: [PositionalSpec(name: "version", help: "The frame version (`workforce frames` lists them).")],
        run: { invocation in
            let store = try invocation.openStore()
            let text = invocation.positional(0) ?? ""
            guard let version = NumberText.whole(text), version >= 1 else {
                throw WorkforceError.usage("frame use \(valuePrefix(text)): give a stored frame version, a whole number from 1 (`workforce frames` lists them)")
            }
            let wave = try Wave(employer: invocation[Options.baselineWave]).name
            try store.useFrame(version: version, wave: wave)
            invocation.say("Employer wave \(wave) is now weighted to sampling frame v\(version).")
        })

    static let frameImportSpec = CommandSpec(
        name: "import",
        abstract: "Check a sampling frame (sector,size_band,organisations[,issued,out_of_scope]) and store it as the current frame.",
        discussion: """
            The checks are those of --frame FILE: sectors and size bands of the employer form, counts
            that are whole numbers from 0 to 1000000000, issued at most organisations, out_of_scope at
            most issued, no stratum twice. Each import is a new version (with the file's name, SHA-256
            and time); the latest is the one gaps, plan, courses uncovered, report, sample-size employer
            and responses employer --weights use, unless --frame FILE or --unweighted is given.
            Nothing is stored when a check fails, nor when the file is the current version already
            (the same SHA-256). With --wave W its issued and out_of_scope are wave W's fieldwork
            (without, the baseline's): each wave's response rate comes from its own. A wave keeps
            the version pinned to it at its first estimate (see `frame use`). --units FILE stores the
            organisations issued (org_code,sector,size_band: the codes on the invitation letters) as
            the wave's list, with or without a frame file: a code in two strata, given twice, or with
            an unknown sector or size band is refused at its line and column; a stored employer
            response whose org_code is not on the list, or whose sector or size band disagree with
            it, gets an import query (kept, flagged), now and at every later import.
            """,
        options: [Options.wave.spec, units.spec],
        positionals: [PositionalSpec(name: "file", help: "The frame CSV (optional with --units).", optional: true)],
        run: { invocation in
            let store = try invocation.openStore()
            let wave = try invocation[Options.wave].map { name throws(WorkforceError) in try Wave(employer: name).name }
            let bank = try ItemBank.bundled(environment: invocation.environment)
            guard let file = invocation.positional(0) else {
                guard let list = invocation[units] else { throw WorkforceError.usage("frame import: give the frame CSV, or --units FILE") }
                return try importUnits(invocation, store, bank, list, wave)
            }
            let url = try invocation.existingInput(file)
            if wave == nil, let same = try store.storedWeighting(.frame, sameAs: url) {
                invocation.say("Nothing stored: \(url.lastPathComponent) has the same SHA-256 as the current \(same.versionWords).")
            } else {
                let frame = try store.importFrame(url, bank: bank, wave: wave)
                invocation.say(
                    "Stored \(frame.source.versionWords): \(plural(frame.order.count, "stratum", "strata")), \(Figure.count(frame.totalOrganisations)) organisations; employer figures now weight to it.")
            }
            if let list = invocation[units] { try importUnits(invocation, store, bank, list, wave) }
        })

    /// `--units FILE`: the invitation codes issued per stratum.
    static let units = TypedOption<String>.text(
        "units", "file",
        "The organisations issued, org_code,sector,size_band (the codes on the invitation letters), for the wave of --wave (default the baseline); replaces that wave's list.")

    static func importUnits(_ invocation: Invocation, _ store: WorkforceStore, _ bank: ItemBank, _ path: String, _ wave: String?) throws {
        let (list, queried) = try store.importUnits(try invocation.existingInput(path), bank: bank, wave: wave)
        let strata = Set(list.units.map(\.stratum)).count
        invocation.say(
            "Stored the units list of employer wave \(wave ?? "baseline"): \(plural(list.units.count, "organisation")) in \(plural(strata, "stratum", "strata")); "
                + "\(plural(queried, "stored response")) queried (`workforce imports --queries BATCH` lists them).")
    }

    static let marginsSpec = CommandSpec(
        name: "margins",
        abstract: "Store the awareness population margins in the database.",
        subcommands: [marginsImportSpec],
        usesDatabase: false)

    static let marginsImportSpec = CommandSpec(
        name: "import",
        abstract: "Check population margins (variable,category,population) and store them as the current margins.",
        discussion: """
            The checks are those of --margins FILE: variables district, sex, age (age_band) or urban
            (urban_rural), populations that are whole numbers from 1, no category twice, every variable
            summing to the same total. Each import is a new version; the latest is the one awareness,
            report, sample-size --by district and responses awareness --weights rake to, unless
            --margins FILE or --unweighted is given. Nothing is stored when a check fails, nor when
            the file is the current version already (the same SHA-256).
            """,
        positionals: [PositionalSpec(name: "file", help: "The margins CSV.")],
        run: { invocation in
            let store = try invocation.openStore()
            let url = try invocation.existingInput(invocation.positional(0) ?? "")
            if let same = try store.storedWeighting(.margins, sameAs: url) {
                return invocation.say("Nothing stored: \(url.lastPathComponent) has the same SHA-256 as the current \(same.versionWords).")
            }
            let margins = try store.importMargins(url)
            let variables = margins.variables.map(\.breakdown.rawValue).joined(separator: ", ")
            invocation.say(
                "Stored \(margins.source.versionWords): \(variables), population \(Figure.count(margins.total)); awareness figures now rake to them.")
        })

    static let framesSpec = CommandSpec(
        name: "frames",
        abstract: "The stored sampling frames and population margins, every version, the current one of each marked.",
        printsTable: true,
        run: { invocation in
            let store = try invocation.openStore()
            var table = try store.weightingFiles()
            for kind in WeightingSource.Kind.allCases where !table.rows.contains(where: { $0.first == .text(kind.rawValue) }) {
                table.notes.append(Phrase("commands.frames.none.\(kind.rawValue)").text(invocation.readerLanguage))
            }
            try invocation.print(table)
        })
}

extension Invocation {
    /// The input file named `path` on the command line; a relative `Surveys/...` or
    /// `Frameworks/...` path that is not in the current folder is read from the bundled data
    /// (`PREFIX/share/workforce/`), saying so on standard error (``BundledData/copy(of:environment:)``).
    ///
    /// - Throws: ``WorkforceError/noInput(path:reason:)`` as ``FileInput/existing(_:)``.
    func existingInput(_ path: String) throws(WorkforceError) -> URL {
        if let bundled = BundledData.copy(of: path, environment: environment) {
            io.err("note: \(terminalSafe(path)) is not in this folder; reading the bundled copy \(terminalSafe(bundled.path))\n")
            return bundled
        }
        do {
            return try FileInput.existing(path)
        } catch .noInput(let name, let reason) where path.hasPrefix("Surveys/") {
            // The README's demo paths: say where the installed data is.
            guard let home = try? BundledData.home(environment: environment) else { throw .noInput(path: name, reason: reason) }
            throw .noInput(path: name, reason: reason + " (the bundled files are under \(home.appendingPathComponent("Surveys").path)/)")
        } catch {
            throw error
        }
    }

    /// The employer frame: `--frame FILE`, none with `--unweighted`, else the stored one.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when both are given.
    func frameChoice() throws(WorkforceError) -> WeightingChoice {
        try weightingChoice(self[GapsCommand.frame], "--frame")
    }

    /// The awareness margins: `--margins FILE`, none with `--unweighted`, else the stored ones.
    func marginsChoice() throws(WorkforceError) -> WeightingChoice {
        try weightingChoice(self[AwarenessCommands.margins], "--margins")
    }

    private func weightingChoice(_ path: String?, _ name: String) throws(WorkforceError) -> WeightingChoice {
        let unweighted = flag(WeightingCommands.unweighted)
        if path != nil, unweighted { throw .usage("give \(name) FILE or --unweighted, not both") }
        return WeightingChoice(file: try path.map { path throws(WorkforceError) in try existingInput(path) }, unweighted: unweighted)
    }
}
