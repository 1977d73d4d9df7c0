import WorkforceKit

/// What `workforce survey` says about a form's length and its untranslated KSA statements.
extension SurveyCommand {
    /// Each printed form's estimated page count (``PrintedPages``), and a warning above
    /// ``PrintedPages/warningLimit`` saying what makes the form long, so that a form too long
    /// for paper is seen before printing.
    static func sayPages(_ invocation: Invocation, _ files: SurveyFiles, _ request: SurveyRequest) {
        let phrase = Words.bundled.phrasebook(.en)
        for file in files.files where file.name.hasSuffix(".html") {
            let pages = PrintedPages.estimate(html: String(decoding: file.bytes, as: UTF8.self))
            let values = ["file": file.name, "pages": String(pages), "limit": String(PrintedPages.warningLimit)]
            invocation.say("  " + phrase(pages == 1 ? "newcomer.survey.pages_one" : "newcomer.survey.pages", values))
            guard pages > PrintedPages.warningLimit else { continue }
            let advice: String
            if !request.ksaGaps {
                advice = phrase("newcomer.survey.advice_roles")
            } else if request.ksaLimit == nil {
                advice = phrase("newcomer.survey.advice_all_ksas", ["count": String(KSAChecklist.defaultLength)])
            } else {
                advice = phrase("newcomer.survey.advice_checklist")
            }
            invocation.warn(phrase("newcomer.survey.pages_long", values.merging(["advice": advice]) { _, new in new }))
        }
    }

    /// Warns once when KSA statements the Spanish forms ask about have no Spanish text
    /// (``StatementTexts``) and show NIST's English there.
    static func warnEnglishStatements(_ invocation: Invocation, _ request: SurveyRequest, roles: [SurveyRole]) {
        var missing: [String] = []
        for role in roles {
            for ksa in KSAChecklist.ranked(role, among: roles, limit: request.ksaLimit)
            where role.ksaTexts[ksa.id]?["es"] == nil && !missing.contains(ksa.id) {
                missing.append(ksa.id)
            }
        }
        guard !missing.isEmpty else { return }
        let phrase = Words.bundled.phrasebook(.en)
        let shown = missing.prefix(5).joined(separator: ", ")
            + (missing.count > 5 ? " " + phrase("common.and_more", ["count": String(missing.count - 5)]) : "")
        invocation.warn(phrase("newcomer.survey.english_statements", ["count": String(missing.count), "ids": shown]))
    }
}
