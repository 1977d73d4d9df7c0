import WorkforceKit

/// `workforce purge --batch ID | --response KEY [--vacuum]`, or `workforce purge --vacuum`
enum PurgeCommand {
    static let batch = TypedOption<Int64>("batch", "id", "Delete this import batch and everything it stored.", expected: "a batch number") {
        Int64($0).flatMap { $0 > 0 ? $0 : nil }
    }
    static let response = TypedOption<String>.text("response", "key", "Delete one respondent's response (its response_key), e.g. after a withdrawal of consent.")
    static let form = TypedOption<String>.text("form", "kind-or-form", "With --response: only in this kind (awareness) or form (awareness_baseline).")
    static let wave = TypedOption<String>.text("wave", "wave", "With --response: only in this wave (baseline).")
    static let vacuum = OptionSpec.flag("vacuum", "Rewrite the database file so that deleted values do not linger in free pages.")

    static let spec = CommandSpec(
        name: "purge",
        abstract: "Delete an import batch, or one respondent's response, completely.",
        discussion: """
            --batch deletes the batch's responses, quarantined rows and catalog offerings, and the batch.
            A catalog batch's purge makes current again the offerings it had replaced (purge later
            catalog batches that replaced its own first). --response deletes the respondent's stored
            response and every quarantined row with that key, and keeps the batches' counts true.
            A tool-wide id (KoboToolbox _uuid, ODK instanceID) names one respondent; a questionnaire
            number (questionnaire_no, LimeSurvey id) names one within its form and wave, so a number
            that several forms or waves use is refused, listing them: add --form and --wave.
            Keys are compared trimmed and in Unicode NFC, as they are stored.
            Both run in one transaction. --vacuum then rewrites the file (VACUUM) so that nothing
            deleted remains in it, and reads the file, its WAL and its journal to check that no
            e-mail address or long number of the purged rows is left before it reports success;
            --vacuum alone rewrites the file after an earlier purge.
            """,
        options: [batch.spec, response.spec, form.spec, wave.spec, vacuum],
        run: { invocation in
            guard invocation[batch] != nil || invocation[response] != nil || invocation.flag(vacuum) else {
                throw WorkforceError.usage("give --batch ID, --response KEY or --vacuum")
            }
            if invocation[response] == nil, invocation[form] != nil || invocation[wave] != nil {
                throw WorkforceError.usage("--form and --wave go with --response KEY")
            }
            let store = try invocation.openStore()
            let s = try store.purge(
                batch: invocation[batch], responseKey: invocation[response], scope: ResponseScope(form: invocation[form], wave: invocation[wave]),
                vacuum: invocation.flag(vacuum))
            guard invocation[batch] != nil || invocation[response] != nil else {
                invocation.say("The file was rewritten (VACUUM): nothing deleted earlier remains in it.")
                return
            }
            var parts = ["\(plural(s.responses, "response"))"]
            if s.rejectedRows > 0 { parts.append(plural(s.rejectedRows, "quarantined row")) }
            if s.offerings > 0 { parts.append(plural(s.offerings, "catalog offering")) }
            invocation.say("Purged \(parts.joined(separator: ", "))\(invocation[batch].map { " and batch \($0)" } ?? "")\(s.vacuumed ? "; the file was rewritten (VACUUM)" : "; run with --vacuum to rewrite the file").")
            if s.restoredOfferings > 0 {
                invocation.say("  \(plural(s.restoredOfferings, "catalog offering")) that it had replaced \(s.restoredOfferings == 1 ? "is" : "are") current again.")
            }
        })
}
