import Foundation
import WorkforceKit

/// `workforce responses employer|university|awareness`: the clean data file, the labelled
/// SPSS, Stata and R files, and the frequency codebook.
enum ResponsesCommand {
    static let labels = TypedOption<String>(
        "labels", "lang", "Write choices as their labels in this language (en or es) instead of their names; sav/dta/r: the language of the labels (default en).",
        expected: "en or es", choices: ["en", "es"]) { $0 }
    static let kindArgument = TypedPositional<InstrumentKind>("instrument-kind", "Which questionnaire's responses.")
    static let splitMultiple = OptionSpec.flag("split-multiple", "Add one 0/1 column per choice of each select_multiple.")
    static let formats = ["table", "csv", "json", "md", "sav", "dta", "r", "html"]
    static let format = TypedOption<String>(
        "format", "format",
        "table, csv, json or md (default: table on a terminal, csv otherwise); sav (SPSS), dta (Stata 118) or r (R script and CSV); with --codebook md or html.",
        expected: "one of " + formats.joined(separator: ", "), choices: formats) { formats.contains($0) ? $0 : nil }
    static let out = TypedOption<String>("out", "file", "Write to this file instead of standard output (r: FILE.R and FILE.csv).", expected: "a file path") {
        $0.isEmpty ? nil : $0
    }
    static let weights = OptionSpec.flag(
        "weights", "sav/dta/r/codebook: add the design variables (awareness: weight, and the wave's stored stratum and cluster, or --strata/--cluster/--srs; employer: weight, stratum, fpc).")
    static let strata = TypedOption<[AwarenessBreakdown]>(
        "strata", "fields", "Awareness with --weights: the strata, crossed answers of district, sex, age or urban (comma-separated).",
        expected: "district, sex, age or urban (comma-separated)"
    ) { text in
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let strata = names.compactMap(AwarenessBreakdown.init(rawValue:)).filter { $0 != .group && $0 != .language }
        return strata.count == names.count && !strata.isEmpty ? strata : nil
    }
    static let cluster = TypedOption<String>.text(
        "cluster", "question", "Awareness with --weights: the question whose answer is the cluster (enumeration_area); blank: own cluster.")
    static let codebook = OptionSpec.flag("codebook", "Write the frequency codebook (Markdown; HTML with --format html or an --out FILE.html).")
    static let licensed = OptionSpec.flag(
        "licensed",
        "Employer with --weights: keep every stratum of the frame, also those with fewer than 3 organisations (a licensed file for approved researchers; the default public-use file collapses them).")
    static let imputed = OptionSpec.flag(
        "imputed",
        "Employer: write the values the estimates use, imputed leavers and new positions in place of the blanks, each imputable question followed by its QUESTION_imp flag (1 imputed, 0 as reported).")
    static let uncompressed = OptionSpec.flag("uncompressed", "sav: write the cases uncompressed (default: bytecode-compressed).")

    static let spec = CommandSpec(
        name: "responses",
        abstract: "Write the stored responses as a clean data file, a labelled SPSS, Stata or R file, or a codebook.",
        discussion: """
            Columns: response_id, batch_id, response_key, submitted_at, then every question of the
            codebook in order (notes left out), across every batch and every version of the form.
            Choices are names (labels with --labels; a select_multiple's names are separated by
            spaces, its labels by "; "). Questions not asked of a respondent are empty in CSV and
            null in JSON, where each row lists them in "_not_asked". CSV and JSON stream.
            --format sav|dta|r writes labelled microdata: select_one coded 1..k with value labels,
            select_multiple as 0/1 variables per choice, system-missing for not asked and blank;
            --weights adds the design variables; for employers the default is a public-use file
            whose strata with fewer than 3 organisations in the frame are collapsed with a
            neighbouring size band of their sector (said in the file's notes and here), and
            --licensed keeps every stratum and the invitation letter's org_code (which a public-use
            file leaves out). --codebook writes each variable's label, type,
            rule and counts (cells under 5 suppressed).
            """,
        options: [
            Options.baselineWave.spec, Options.instrument.spec, labels.spec, splitMultiple, format.spec, out.spec, weights,
            AwarenessCommands.margins.spec, GapsCommand.frame.spec, WeightingCommands.unweighted, strata.spec, cluster.spec, AwarenessCommands.srs, licensed, WeightingCommands.frameVersion.spec, imputed, codebook, uncompressed,
        ],
        positionals: [kindArgument.spec],
        run: { try run($0) })

    static func run(_ invocation: Invocation) throws {
        let kind = invocation[kindArgument] ?? .awareness
        if kind == .university, invocation[Options.wave] != nil { throw WorkforceError.usage("--wave goes with `responses awareness` or `responses employer`") }
        let employerWave = kind == .employer ? try Wave(employer: invocation[Options.baselineWave]).name : nil
        if kind == .awareness, let name = invocation[Options.wave] { _ = try Wave(name) }
        let formatName = invocation[format]
        let microdata = formatName.flatMap(MicrodataFormat.init(rawValue:))
        let wantsCodebook = invocation.flag(codebook)
        try checkOptions(invocation, kind: kind, microdata: microdata, codebook: wantsCodebook)
        let store = try invocation.openStore()
        if kind == .employer, invocation.flag(weights), try invocation.frameChoice() == .stored, try store.storedWeighting(.frame) == nil {
            throw WorkforceError.usage(noFrame)
        }
        let reader = try ResponseReader(
            store: store, kind: kind, wave: kind == .awareness ? invocation[Options.baselineWave] : employerWave, instrument: invocation[Options.instrument])
        if invocation.flag(imputed), kind != .employer {
            throw WorkforceError.usage("--imputed is for employer responses: only the employer estimates impute")
        }
        let imputedValues = invocation.flag(imputed) ? try ImputedValues.employer(reader) : nil
        guard microdata != nil || wantsCodebook else {
            var export = ResponseExport(labels: invocation[labels], splitMultiple: invocation.flag(splitMultiple))
            export.imputed = imputedValues
            let table = formatName.flatMap(OutputFormat.init(rawValue:)) ?? (invocation.io.outIsTerminal ? .table : .csv)
            // A reader that went away (`| head -1`) ends the export at once, quietly.
            try export.write(reader, as: table, bytes: invocation.io.outBytes, stop: { invocation.io.outFailure() != nil })
            return
        }
        let design = invocation.flag(weights) ? try self.design(invocation, store: store, kind: kind, wave: reader.wave) : nil
        let language = invocation[labels] ?? "en"
        let designNotes = design?.notes.texts(ReaderLanguage(rawValue: language) ?? .en) ?? []
        for note in designNotes { invocation.io.err("note: \(terminalSafe(note))\n") }
        let set = try MicrodataSet.responses(reader, language: language, design: design, imputed: imputedValues, identifiers: invocation.flag(licensed))
        for note in set.notes where !designNotes.contains(note) { invocation.io.err("note: \(terminalSafe(note))\n") }
        let path = invocation[out]
        if wantsCodebook {
            let html = formatName == "html" || path?.lowercased().hasSuffix(".html") == true
            let book = try FrequencyCodebook(set: set, reader: reader, language: language)
            let text = html ? book.html() : book.markdown()
            if let path {
                try MicrodataExport.save(Array(text.utf8), URL(fileURLWithPath: path))
            } else {
                invocation.io.out(text)
            }
            return
        }
        guard let microdata else { return }
        var export = MicrodataExport(format: microdata, compressed: !invocation.flag(uncompressed))
        if microdata == .r, kind == .employer, design != nil {
            // The R script computes the national shortfall again and prints it beside the tool's.
            var request = GapRequest()
            request.weight(try invocation.frameChoice())
            request.wave = reader.wave
            request.frameVersion = invocation[WeightingCommands.frameVersion] ?? .pinned
            if let flows = try GapContext.load(store, request).estimates.flows {
                export.headline = FlowHeadline(shortfall: flows.shortfall.value, completions: flows.completions)
            }
        }
        if let path {
            try export.write(set, to: URL(fileURLWithPath: path))
        } else {
            invocation.io.outBytes(try export.bytes(set))
        }
    }

    /// Options that only go with others, checked before the database is opened.
    static func checkOptions(_ invocation: Invocation, kind: InstrumentKind, microdata: MicrodataFormat?, codebook: Bool) throws(WorkforceError) {
        let formatName = invocation[format]
        if codebook, let name = formatName, name != "md", name != "html" {
            throw .usage("--codebook is written as md or html, not \(name)")
        }
        if !codebook, formatName == "html" { throw .usage("--format html goes with --codebook") }
        if !codebook, microdata == .sav || microdata == .dta, invocation[out] == nil, invocation.io.outIsTerminal {
            throw .usage("--format \(formatName ?? "") writes a binary file: give --out FILE, or redirect the output to a file")
        }
        if !codebook, microdata == .r, invocation[out] == nil {
            throw .usage("--format r writes two files: give --out FILE.R (its CSV is written beside it as FILE.csv)")
        }
        let labelled = microdata != nil || codebook
        if !labelled {
            for (given, name) in [(invocation.flag(weights), "--weights"), (invocation.flag(uncompressed), "--uncompressed"), (invocation[out] != nil, "--out")]
            where given {
                throw .usage("\(name) goes with --format sav, dta or r, or with --codebook")
            }
        }
        if labelled, invocation.flag(splitMultiple) {
            throw .usage("--split-multiple is for the CSV: sav, dta and r always have one 0/1 variable per choice")
        }
        let designOptions = [
            (invocation[AwarenessCommands.margins] != nil, "--margins"), (invocation[GapsCommand.frame] != nil, "--frame"),
            (invocation[strata] != nil, "--strata"), (invocation[cluster] != nil, "--cluster"), (invocation.flag(WeightingCommands.unweighted), "--unweighted"),
            (invocation.flag(AwarenessCommands.srs), "--srs"), (invocation.flag(licensed), "--licensed"),
        ]
        for (given, name) in designOptions where given && !invocation.flag(weights) {
            throw .usage("\(name) goes with --weights")
        }
        guard invocation.flag(weights) else { return }
        switch kind {
        case .awareness:
            if invocation[GapsCommand.frame] != nil { throw .usage("--frame is for employers; awareness weights are raked to --margins FILE") }
            if invocation.flag(licensed) { throw .usage("--licensed is for employers: it keeps the frame's small strata in the file") }
        case .employer:
            for (given, name) in designOptions.filter({ !["--frame", "--unweighted", "--licensed"].contains($0.1) }) where given {
                throw .usage("\(name) is for awareness; employer weights come from the sampling frame (--frame FILE)")
            }
        case .university:
            throw .usage("--weights: university responses are a census of programmes and have no survey weights")
        }
    }

    static let noFrame =
        "--weights for employers needs a sampling frame: store one with `workforce frame import FILE` (sector,size_band,organisations), or give --frame FILE"

    static func design(_ invocation: Invocation, store: WorkforceStore, kind: InstrumentKind, wave: String?) throws -> SurveyDesign? {
        switch kind {
        case .awareness:
            let choice = try invocation.marginsChoice()
            let margins = try store.populationMargins(choice)
            let wave = wave ?? invocation[Options.baselineWave]
            let given = (strata: invocation[strata] ?? [], cluster: invocation[cluster])
            if invocation.flag(AwarenessCommands.srs), !given.strata.isEmpty || given.cluster != nil {
                throw WorkforceError.usage("--srs and --strata/--cluster do not go together: --srs writes no stratum or cluster")
            }
            let chosen = try store.awarenessDesign(
                wave: wave,
                invocation.flag(AwarenessCommands.srs) ? .srs : given.strata.isEmpty && given.cluster == nil ? .stored : .given(strata: given.strata, cluster: given.cluster))
            var design = try SurveyDesign.awareness(store: store, wave: wave, margins: margins, strata: chosen.strata, cluster: chosen.cluster)
            design.notes.insert(
                margins.map { .phrase("awareness.note.raked", ["source": .phrase($0.source.phrase)]) } ?? WeightingSource.nonePhrase(.margins, choice: choice), at: 0)
            design.notes.insert(.phrase("publication.microdata.design", ["design": .phrase(chosen.summaryPhrase), "source": .phrase(chosen.sourcePhrase)]), at: 1)
            return design
        case .employer:
            let choice = try invocation.frameChoice()
            let language = invocation[labels].flatMap(ReaderLanguage.init(rawValue:)) ?? .en
            guard
                let design = try SurveyDesign.employer(
                    store: store, frame: choice, wave: wave, version: invocation[WeightingCommands.frameVersion] ?? .pinned, licensed: invocation.flag(licensed),
                    language: language)
            else {
                throw WorkforceError.usage(noFrame)
            }
            return design
        case .university:
            return nil
        }
    }
}
