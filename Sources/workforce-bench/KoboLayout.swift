import WorkforceKit

/// The benchmark's awareness rows as KoboToolbox exports them to CSV with XML values, group
/// names and `/` separators (formpack's layout, as in Tests/WorkforceKitTests/Fixtures/kobotoolbox):
/// `start` and `end`, each question under its groups, a select_multiple as its space-separated
/// cell followed by a 1/0 column per choice, then `_id`, `_uuid`, `_submission_time`,
/// `_validation_status`, `_notes`, `_status`, `_submitted_by`, `__version__`, `_tags` and `_index`.
struct KoboLayout {
    let instrument: Instrument

    private var questions: [Question] { instrument.questions.filter { $0.type != .note } }

    private func choices(_ q: Question) -> [String] {
        q.type == .selectMultiple ? instrument.choiceList(q.listName ?? "")?.choices.map(\.name) ?? [] : []
    }

    private func path(_ q: Question) -> String { (q.groupPath + [q.name]).joined(separator: "/") }

    func header() -> [String] {
        var cells = ["start", "end"]
        for q in questions {
            cells.append(path(q))
            cells += choices(q).map { "\(path(q))/\($0)" }
        }
        return cells + ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"]
    }

    /// A row of the benchmark's own layout (`_uuid`, `_submission_time`, the questions, `_id`,
    /// `_index`, `_status`, `__version__`) in KoboToolbox's.
    func row(_ fields: [String]) -> [String] {
        let (uuid, time) = (fields[0], fields[1])
        let stamp = time + ".000-06:00"
        var cells = [stamp, stamp]
        for (i, q) in questions.enumerated() {
            let value = fields[2 + i]
            cells.append(value)
            let picked = Set(value.split(separator: " ").map(String.init))
            cells += choices(q).map { value.isEmpty ? "" : picked.contains($0) ? "1" : "0" }
        }
        let rest = fields[(2 + questions.count)...].map { $0 }
        return cells + [rest[0], uuid, time, "", "", rest[2], "", rest[3], "", rest[1]]
    }
}
