/// The edit rules a national statistics office runs on each employer record at import, after the
/// form's own checks (types, ranges, constraints):
///
/// - **Hard** (the row is quarantined with a located reason): a role's staff above the
///   organisation's `total_employees`; the parts of a flow block above its total (hard-to-fill
///   above `vacant_jobs`; leavers by destination above `leavers_people_12m`; hires by source
///   above `hires_12m`: ``FlowAnswers/sumRule(_:)``), the form's own constraint checked again for
///   a codebook or a data entry that lost it.
/// - **Soft** (the row is stored and a query recorded; `imports --queries BATCH` lists them):
///   a role's openings (vacancies + new positions within 1 year) above half the organisation's
///   employees (above all of them, or above its size band's upper bound, is said so); the
///   organisation's openings (`vacant_jobs + new_jobs_12m`, when the form asks them) above half
///   its employees; in-house staff reported while `cyber_work` says no cybersecurity work is done
///   or `cyber_outsourced` says all of it is outsourced.
///
/// Each rule applies when the codebook has its questions, so a form without (for example) the
/// flow questions is checked on the rest.
struct EditRules: Sendable {
    enum Severity: Sendable { case hard, soft }

    struct Finding: Sendable, Equatable {
        var hard: Bool
        /// The rule's name as `imports --queries` lists it.
        var rule: String
        /// The question the finding is located at.
        var question: Int
        var message: String
    }

    /// Each band's largest headcount (the form's size bands; large has none).
    static let bandUpperBounds: [String: Double] = ["micro": 9, "small": 49, "medium": 249]

    private let employees: Int
    private let sizeBand: Int?
    private let cyberWork: Int?
    private let outsourced: Int?
    private let cyberPeople: Int?
    private let vacantJobs: Int?
    private let newJobs: Int?
    /// Each flow block: its total's question and its parts' questions, in form order.
    private let flowBlocks: [(total: String, question: Int, parts: [(name: String, question: Int)])]
    /// Per role: its id and the questions of its staff, vacancies and new positions within 1 year.
    private let roles: [(id: String, staff: Int, vacancies: Int?, newPositions: Int?)]

    /// The rules for an employer codebook; `nil` for one without `total_employees`.
    init?(_ codebook: ParsedCodebook) {
        let index = codebook.indexByName
        guard let employees = index["total_employees"] else { return nil }
        self.employees = employees
        sizeBand = index["size_band"]
        cyberWork = index["cyber_work"]
        outsourced = index["cyber_outsourced"]
        cyberPeople = index["cyber_people"]
        vacantJobs = index["vacant_jobs"]
        newJobs = index["new_jobs_12m"]
        var blocks: [(total: String, question: Int, parts: [(name: String, question: Int)])] = []
        for name in FlowAnswers.names {
            guard let rule = FlowAnswers.sumRule(name), let question = index[name], let total = index[rule.total] else { continue }
            if let b = blocks.firstIndex(where: { $0.total == rule.total }) {
                blocks[b].parts.append((name, question))
            } else {
                blocks.append((rule.total, total, [(name, question)]))
            }
        }
        flowBlocks = blocks
        roles = codebook.items.compactMap { item in
            guard item.name.hasSuffix("_staff"), let staff = index[item.name] else { return nil }
            let id = String(item.name.dropLast("_staff".count))
            return (id, staff, index[id + "_vacancies"], index[id + "_new_1y"])
        }
    }

    /// The findings on one record; `number` gives a question's numeric answer, `text` its
    /// choice (empty when unanswered or not asked).
    func check(number: (Int) -> Double?, text: (Int) -> String) -> [Finding] {
        guard let total = number(employees) else { return [] }
        var findings: [Finding] = []
        let band = sizeBand.map(text) ?? ""
        let people = "the organisation's \(Self.count(total)) employees (total_employees)"
        func openings(_ value: Double, _ question: Int, _ rule: String, _ what: String) {
            guard value > total / 2 else { return }
            var size = value > total ? "above \(people)" : "above half \(people)"
            if let upper = Self.bandUpperBounds[band], value > upper { size += " and above the \(band) size band's \(Self.count(upper))" }
            findings.append(Finding(hard: false, rule: rule, question: question, message: "\(what) \(Self.count(value)) is \(size); check the figure with the organisation"))
        }
        var staffed = false
        for role in roles {
            let staff = number(role.staff) ?? 0
            if staff > 0 { staffed = true }
            if staff > total {
                findings.append(
                    Finding(hard: true, rule: "staff_above_employees", question: role.staff,
                        message: "\(role.id)_staff is \(Self.count(staff)), above \(people); fix the figure and import the row again"))
            }
            let value = (role.vacancies.flatMap(number) ?? 0) + (role.newPositions.flatMap(number) ?? 0)
            openings(value, role.vacancies ?? role.staff, "role_openings_above_employees", "\(role.id) openings (vacancies + new positions within 1 year)")
        }
        if vacantJobs != nil || newJobs != nil {
            let value = (vacantJobs.flatMap(number) ?? 0) + (newJobs.flatMap(number) ?? 0)
            openings(value, vacantJobs ?? newJobs ?? employees, "openings_above_employees", "openings (vacant_jobs + new_jobs_12m)")
        }
        for block in flowBlocks {
            guard let total = number(block.question) else { continue }
            let answered = block.parts.compactMap { part in number(part.question).map { (part, $0) } }
            let sum = answered.reduce(0.0) { $0 + $1.1 }
            guard sum > total, let last = answered.last?.0 else { continue }
            findings.append(
                Finding(hard: true, rule: "flow_parts_above_total", question: last.question,
                    message: "\(answered.map(\.0.name).joined(separator: " + ")) is \(Self.count(sum)), above \(block.total) (\(Self.count(total))); fix the figures and import the row again"))
        }
        if let people = cyberPeople.flatMap(number), people > 0 { staffed = true }
        let none = cyberWork.map(text) == "no", all = outsourced.map(text) == "all"
        if staffed, none || all {
            let question = none ? cyberWork ?? employees : outsourced ?? employees
            findings.append(
                Finding(hard: false, rule: "staff_while_outsourced", question: question,
                    message: none
                        ? "in-house cybersecurity staff are reported, but cyber_work says no cybersecurity work is done; check which is right"
                        : "in-house cybersecurity staff are reported, but cyber_outsourced says all of it is outsourced; check which is right"))
        }
        return findings
    }

    static func count(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
