/// Which recorded instrument a response file answers, chosen from its header when neither
/// `--wave` nor `--instrument` says: the instrument most of whose questions the header has.
///
/// Each instrument of the kind is scored by how many of the header's columns are its questions
/// (or their choice columns), then by how few of its questions the header lacks. A follow-up
/// export has questions the baseline lacks, so it goes to the follow-up instrument; a baseline
/// export lacks the follow-up's questions, so it goes to the baseline. Instruments that score
/// the same and are one form and wave (a questionnaire generated again) go to the newest; equal
/// scores across waves or forms are not guessed: the user is asked to say which.
struct InstrumentChoice {
    var instrument: RecordedInstrument
    var codebook: ParsedCodebook
    /// What was chosen and why, for the import's summary; `nil` when there was one instrument.
    var explanation: String?

    private struct Score {
        var instrument: RecordedInstrument
        var codebook: ParsedCodebook
        var matched: Int
        var missing: Int
        /// Why the header cannot be read as this instrument's at all (its columns do not fit).
        var unfit: String? = nil
    }

    /// Chooses among `candidates` (newest first) for a file with `header`.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` when instruments of different waves or forms
    ///   match the header equally well, naming them and the options that choose.
    static func choose(_ candidates: [RecordedInstrument], header: [String], file: String) throws(WorkforceError) -> InstrumentChoice {
        var scores: [Score] = []
        for instrument in candidates {
            let codebook = try ParsedCodebook(json: instrument.codebook, source: "codebook of \(instrument.formID)")
            let plan: ColumnPlan
            do {
                plan = try ColumnPlan(header: header, codebook: codebook, file: file)
            } catch {
                scores.append(Score(instrument: instrument, codebook: codebook, matched: 0, missing: codebook.items.count, unfit: "\(error)"))
                continue
            }
            let matched = plan.roles.filter {
                switch $0 {
                case .question, .choice: true
                default: false
                }
            }.count
            let missing = codebook.items.indices.filter { q in
                codebook.items[q].type != .note && plan.questionColumn[q] == nil && plan.choiceColumns[q].isEmpty
            }.count
            scores.append(Score(instrument: instrument, codebook: codebook, matched: matched, missing: missing))
        }
        // Best first; among equals, the newest (candidates come newest first and the sort is stable).
        let ranked = scores.enumerated().sorted { a, b in
            if a.element.matched != b.element.matched { return a.element.matched > b.element.matched }
            if a.element.missing != b.element.missing { return a.element.missing < b.element.missing }
            return a.offset < b.offset
        }.map(\.element)
        guard let best = ranked.first else { preconditionFailure("choose needs at least one instrument") }
        guard ranked.count > 1 else { return InstrumentChoice(instrument: best.instrument, codebook: best.codebook, explanation: nil) }
        let ties = ranked.dropFirst().filter {
            $0.matched == best.matched && $0.missing == best.missing
                && ($0.instrument.wave != best.instrument.wave || $0.instrument.formID != best.instrument.formID)
        }
        if !ties.isEmpty {
            let named = ([best] + ties).map { describe($0.instrument) }.joined(separator: ", ")
            throw .usage(
                "the header of \(file) matches \(named) equally well (\(best.matched) columns are their questions); say which with --wave WAVE or --instrument ID (`workforce instruments` lists them)")
        }
        let next = ranked.first { $0.instrument.wave != best.instrument.wave || $0.instrument.formID != best.instrument.formID }
        var explanation = "chose \(describe(best.instrument)): \(best.matched) of the header's \(header.count) columns are its questions"
        if best.missing > 0 { explanation += " and \(best.missing) of its questions are not in the file" }
        if let next {
            if let unfit = next.unfit {
                explanation += "; the header does not fit \(describe(next.instrument)) (\(unfit))"
            } else {
                explanation += "; \(describe(next.instrument)) matches \(next.matched)" + (next.missing > 0 ? " and lacks \(next.missing)" : "")
            }
        }
        explanation += ". To import into another, give --wave or --instrument."
        return InstrumentChoice(instrument: best.instrument, codebook: best.codebook, explanation: explanation)
    }

    private static func describe(_ instrument: RecordedInstrument) -> String {
        "instrument \(instrument.id) (\(instrument.formID)" + (instrument.wave.map { ", wave \($0)" } ?? "") + ")"
    }
}
