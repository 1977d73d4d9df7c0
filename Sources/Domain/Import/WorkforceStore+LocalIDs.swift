/// The questions a stored form's codebook marks as form-local ids, for the code that finds a
/// response's key in a stored header (a quarantined row, a purge) as the importer found it.
extension WorkforceStore {
    /// The names of the questions whose topic is ``Question/localIDTopic`` in the codebook of
    /// instrument `id` (none without an instrument or codebook), remembered in `cache`.
    static func localIDs(instrument id: Int64?, _ db: Database, cache: inout [Int64: [String]]) throws -> [String] {
        guard let id else { return [] }
        if let known = cache[id] { return known }
        let text = try db.scalar("SELECT codebook FROM instrument WHERE id = ?", [id]).string ?? ""
        // A damaged codebook is the reader's error to report; here it marks no id.
        let json = try? JSONParser.parse(Array(text.utf8), name: "codebook of instrument \(id)")
        let names = (json?["questions"]?.array ?? []).compactMap { q -> String? in
            q["topic"]?.string == Question.localIDTopic ? q["name"]?.string : nil
        }
        cache[id] = names
        return names
    }
}
