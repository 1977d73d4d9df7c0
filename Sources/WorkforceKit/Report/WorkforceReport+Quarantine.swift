/// Quarantined rows in the report: a note at the top of the section whose figures leave them
/// out, and on the first page when they are more than 5% of a wave's rows.
extension WorkforceReport {
    /// The quarantined rows of the waves the report describes: the employer wave of its
    /// figures and the awareness baseline and follow-up, by the section that shows them.
    static func quarantine(_ store: WorkforceStore, _ options: ReportOptions) throws -> [(section: String, count: QuarantineCount)] {
        var found: [(String, QuarantineCount)] = []
        if let count = try store.quarantineCount(kind: .employer, wave: options.wave) { found.append(("gaps", count)) }
        for wave in ["baseline", "followup-1"] {
            if let count = try store.quarantineCount(kind: .awareness, wave: wave) { found.append(("awareness", count)) }
        }
        return found
    }

    /// `sections` with each count's sentence, in the report's language, at the top of its section.
    static func noting(_ quarantine: [(section: String, count: QuarantineCount)], in sections: [Section], _ language: ReaderLanguage) -> [Section] {
        sections.map { section in
            let sentences = quarantine.filter { $0.section == section.id }.map { $0.count.phrase.text(language) }
            guard !sentences.isEmpty else { return section }
            var noted = section
            noted.blocks = sentences.map { .paragraph([.text($0)], style: .note) } + section.blocks
            return noted
        }
    }
}
