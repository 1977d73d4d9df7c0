/// One district's figures (`gaps --district NAME`) and why supply has no district.
extension GapContext {
    /// The choice name of the district `text` names: a choice name or English label of the
    /// form's `district` list, compared without case, spaces or underscores.
    ///
    /// - Throws: ``WorkforceError/usage(_:)`` naming the districts when none matches (or when
    ///   the employer form has no `district` question).
    package func district(_ text: String) throws(WorkforceError) -> String {
        let phrase = Words.bundled.phrasebook(.en)
        func folded(_ s: String) -> String { s.lowercased().filter { $0.isLetter || $0.isNumber } }
        guard let districts = choiceNames["district"], !districts.isEmpty else {
            throw .usage(phrase("newcomer.gaps.no_district_question", ["option": "--district"]))
        }
        if let match = districts.first(where: { folded($0.name) == folded(text) || folded($0.label) == folded(text) }) { return match.name }
        let known = districts.map { "\($0.name) (\($0.label))" }.joined(separator: ", ")
        throw .usage(phrase("newcomer.gaps.unknown_district", ["option": "--district", "given": text, "districts": known]))
    }

    /// Under a table by sector, district or size band: supply (the catalog's completions) is a
    /// national figure, so these rows have demand but no supply or gap of their own.
    static func nationalSupplyNote(_ by: GapBreakdown) -> Phrase {
        let breakdown: Phrase =
            by == .sector ? .phrase("newcomer.gaps.breakdown.sector") : by == .size ? .phrase("newcomer.gaps.breakdown.size") : .phrase("newcomer.gaps.breakdown.district")
        return .phrase("newcomer.gaps.national_supply", ["breakdown": .phrase(breakdown)])
    }
}
