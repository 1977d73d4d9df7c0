/// A header fault is a refusal, not a silent drop: a column of the codebook that is absent while
/// an unknown column is almost its name.
extension ColumnPlan {
    /// An absent column of the codebook and the unknown column that is almost it.
    package struct NearMiss: Sendable, Equatable {
        /// What the header should hold (`om_net_001_vacancies`, `target_groups/parent`).
        package var expected: String
        /// The unknown column's 0-based index and name.
        package var column: Int
        package var found: String

        /// "no column om_net_001_vacancies; did you mean role_om_net_001/om_net_001_vacancy (column 37)?"
        package var sentence: String { "no column \(expected); did you mean \(found) (column \(column + 1))?" }
    }

    /// The unknown columns that are near misses (``NameDistance``) of a question the header has
    /// no column for (by its name, group path or label in any language), or of a choice column
    /// missing beside its question's other choice columns.
    func nearMisses(codebook: ParsedCodebook) -> [NearMiss] {
        let unknown = roles.indices.filter { roles[$0] == .unknown }
        guard !unknown.isEmpty else { return [] }
        var result: [NearMiss] = []
        var taken: Set<Int> = []
        func lastPart(_ name: String) -> String {
            String(name.split(whereSeparator: { $0 == "/" || $0 == "." }).last ?? Substring(name))
        }
        for (q, item) in codebook.items.enumerated() where item.type != .note {
            if questionColumn[q] == nil && choiceColumns[q].isEmpty {
                let path = item.group.isEmpty ? item.name : item.group + "/" + item.name
                for column in unknown where !taken.contains(column) {
                    let name = header[column].trimmingCharacters(in: .whitespaces)
                    let close =
                        NameDistance.isNearMiss(lastPart(name), item.name) || NameDistance.isNearMiss(name, path)
                        || item.label.values.contains { label in
                            label.count >= 8 && NameDistance.isNearMiss(Self.normalizedLabel(name), Self.normalizedLabel(label))
                        }
                    if close {
                        result.append(NearMiss(expected: item.name, column: column, found: header[column]))
                        taken.insert(column)
                    }
                }
            } else if item.type == .selectMultiple, let first = choiceColumns[q].first, let list = item.listName,
                let choices = codebook.lists[list]
            {
                // Some choice columns are there: one that is missing may be a typo of its neighbour.
                let present = Set(choiceColumns[q].map(\.choice))
                let firstName = header[first.column]
                guard let cut = firstName.lastIndex(where: { $0 == "/" || $0 == "[" }) else { continue }
                let prefix = String(firstName[...cut])
                for (c, choice) in choices.enumerated() where !present.contains(c) {
                    for column in unknown where !taken.contains(column) && header[column].hasPrefix(prefix) {
                        var rest = String(header[column].dropFirst(prefix.count))
                        if prefix.hasSuffix("["), rest.hasSuffix("]") { rest.removeLast() }
                        if NameDistance.isNearMiss(rest, choice.name) {
                            result.append(NearMiss(expected: prefix + choice.name + (prefix.hasSuffix("[") ? "]" : ""), column: column, found: header[column]))
                            taken.insert(column)
                        }
                    }
                }
            }
        }
        return result.sorted { $0.column < $1.column }
    }

    /// Refuses a header with near misses: nothing is imported, and the message names each
    /// absent column, its near miss and where that is.
    ///
    /// - Throws: ``WorkforceError/badData(_:_:)`` at the first near miss's column.
    package func refuseNearMisses(codebook: ParsedCodebook, file: String) throws(WorkforceError) {
        let misses = nearMisses(codebook: codebook)
        guard let first = misses.first else { return }
        throw .badData(
            SourceLocation(file: file, line: 1, column: first.column + 1, field: first.column + 1, header: first.found),
            misses.map(\.sentence).joined(separator: "; ")
                + " Rename the column\(misses.count == 1 ? "" : "s") in the file (or correct the export) and import again; nothing was imported.")
    }
}
