import Foundation

/// The answers of a select_multiple question: one cell of names (or labels), or one column
/// per choice.
extension RowValidator {
    /// The choices of a select_multiple cell: names separated by spaces (KoboToolbox, ODK); else
    /// names or labels separated by spaces (a labels export), when they split one way only;
    /// else labels joined by `, ` or `;` (Google Forms); else one choice in any form. `nil`
    /// when the labels split more than one way and `choiceColumns` can say which.
    func parseMultiple(_ q: Int, _ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, choiceColumns: Bool) -> Answer? {
        guard let matcher = matchers[q] else { return .missing }
        // The positions are gathered in a local array (taken out of `selected` and put back), so
        // that each append checks one array's uniqueness, not the outer one's as well.
        var chosen: [Int] = []
        swap(&chosen, &selected[q])
        chosen.removeAll(keepingCapacity: true)
        var allExact = true
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count, bytes[end] != 0x20 { end += 1 }
            if end > start {
                let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // The name as written, else (and only then) the choice's other forms.
                if let c = matcher.exact(token) ?? otherForm(token, matcher) {
                    if !chosen.contains(c) { chosen.append(c) }
                } else {
                    allExact = false
                    break
                }
            }
            start = end + 1
        }
        if allExact {
            Self.sortFew(&chosen)
            swap(&chosen, &selected[q])
            return .choices
        }
        swap(&chosen, &selected[q])
        // Not every token is a name: labels, or labels joined otherwise.
        guard bytes.count <= 10_000 else {
            invalid(q, column, "\"\(Self.shown(bytes))\" is not a list of choices of \(codebook.items[q].name)")
            return .missing
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let readings = matcher.spacedReadings(text)
        if readings.count > 1 {
            if choiceColumns { return nil }
            invalid(
                q, column,
                "\"\(valuePrefix(text))\" of \(codebook.items[q].name) reads two ways: \(matcher.describe(readings[0])) or \(matcher.describe(readings[1])); "
                    + "export with XML values, or with the choices in separate columns too")
            return .missing
        }
        if let labels = readings.first ?? matcher.labelSequence(text) ?? matcher.lenient(text).map({ [$0] }) {
            selected[q] = []
            for c in labels where !selected[q].contains(c) { selected[q].append(c) }
        } else {
            invalid(q, column, "\"\(valuePrefix(text))\" is not a list of choices of \(codebook.items[q].name) (\(matcher.names.prefix(12).joined(separator: ", "))\(matcher.names.count > 12 ? ", ..." : ""))")
            return .missing
        }
        Self.sortFew(&selected[q])
        return .choices
    }

    /// The choice `token` names in another form than its name (a label, or in the typing
    /// template its printed code).
    private func otherForm(_ token: UnsafeBufferPointer<UInt8>, _ matcher: ChoiceMatcher) -> Int? {
        let text = String(decoding: token, as: UTF8.self)
        return matcher.lenient(text) ?? (plan.dialect == .template ? matcher.positional(text) : nil)
    }

    /// Sorts a few chosen positions (insertion sort: a cell names one to a handful of choices,
    /// where the library's sort costs more in setting up than in sorting).
    static func sortFew(_ positions: inout [Int]) {
        guard positions.count > 1 else { return }
        positions.withUnsafeMutableBufferPointer { p in
            for i in 1..<p.count {
                let v = p[i]
                var j = i
                while j > 0, p[j - 1] > v {
                    p[j] = p[j - 1]
                    j -= 1
                }
                p[j] = v
            }
        }
    }

    /// A select_multiple given as one column per choice: 1/0 (Kobo) or Y/blank (LimeSurvey).
    func fromChoiceColumns(_ q: Int, _ reader: CSVReader) -> Answer {
        selected[q].removeAll(keepingCapacity: true)
        var anyFilled = false
        for (column, choice) in plan.choiceColumns[q] {
            let text = reader.field(column).trimmingCharacters(in: .whitespaces).lowercased()
            switch text {
            case "1", "y", "yes", "true", "sí", "si":
                selected[q].append(choice)
                anyFilled = true
            case "0", "n", "no", "false":
                anyFilled = true
            case "":
                break
            default:
                invalid(q, column, "value \"\(valuePrefix(text))\" in a choice column of \(codebook.items[q].name) is not 1 or 0 (or Y or blank)")
            }
        }
        guard anyFilled else { return .missing }
        guard !selected[q].isEmpty else {
            return .missing  // every choice column 0: nothing selected, as an unanswered question
        }
        Self.sortFew(&selected[q])
        return .choices
    }
}
