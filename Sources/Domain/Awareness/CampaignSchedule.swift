import Foundation

/// Which district ran which awareness campaign when: a CSV `district,campaign,start,end`
/// (`workforce campaigns import FILE`), the districts as the awareness form names them and the
/// dates as `YYYY-MM-DD`. The difference-in-differences compares the districts that ran a
/// campaign between two waves with the others.
package struct CampaignSchedule: Sendable {
    package struct Entry: Sendable, Equatable {
        package var district: String
        package var campaign: String
        /// `YYYY-MM-DD`, the end on or after the start.
        package var start: String
        package var end: String
        package var line: Int
    }

    package var file: String
    package var entries: [Entry]

    package init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// Reads and checks a campaigns file.
    ///
    /// - Parameter districts: the district names the awareness form allows.
    /// - Throws: ``WorkforceError/badData(_:_:)`` naming the file, line and column of an unknown
    ///   district, an empty campaign, a date that is not a calendar date `YYYY-MM-DD`, an end
    ///   before its start, or a row given twice; ``WorkforceError/noInput(path:reason:)`` for a
    ///   file that cannot be read.
    package init(url: URL, districts: [String]) throws(WorkforceError) {
        file = url.lastPathComponent
        let (table, records) = try CSVTable.readAll(url: url, required: ["district", "campaign", "start", "end"], maxBytes: FileInput.smallTableLimit)
        let d = table.index(of: "district") ?? 0, c = table.index(of: "campaign") ?? 1
        let s = table.index(of: "start") ?? 2, e = table.index(of: "end") ?? 3
        var entries: [Entry] = []
        for record in records {
            let here = { (column: Int) in record.location(ofField: column, in: url.path) }
            let field = { (column: Int) in record.fields[column].trimmingCharacters(in: .whitespaces) }
            let district = field(d).lowercased().replacingOccurrences(of: " ", with: "_")
            guard districts.contains(district) else {
                throw .badData(here(d), "unknown district \"\(record.fields[d])\"; use one of \(districts.joined(separator: ", "))")
            }
            let campaign = field(c)
            guard !campaign.isEmpty, campaign.count <= 200 else { throw .badData(here(c), "give the campaign's name (1 to 200 characters)") }
            let start = field(s), end = field(e)
            guard Self.isDate(start) else { throw .badData(here(s), "start \"\(record.fields[s])\" is not a date YYYY-MM-DD") }
            guard Self.isDate(end) else { throw .badData(here(e), "end \"\(record.fields[e])\" is not a date YYYY-MM-DD") }
            guard end >= start else { throw .badData(here(e), "the campaign ends (\(end)) before it starts (\(start))") }
            let entry = Entry(district: district, campaign: campaign, start: start, end: end, line: here(d).line ?? 0)
            if let twin = entries.first(where: { $0.district == district && $0.campaign == campaign && $0.start == start && $0.end == end }) {
                throw .badData(here(d), "this campaign is already given for \(district) on line \(twin.line)")
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw .badData(SourceLocation(file: url.path, line: 2), "the campaigns file has no rows") }
        self.entries = entries
    }

    /// Whether `text` is a calendar date `YYYY-MM-DD` (leap years counted).
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(m)
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(day)
    }

    /// The districts with a campaign that overlaps `from ... to` (dates `YYYY-MM-DD`; `nil`: no
    /// bound), sorted.
    package func districts(from: String?, to: String?) -> [String] {
        Set(entries.filter { e in (from.map { e.end >= $0 } ?? true) && (to.map { e.start <= $0 } ?? true) }.map(\.district)).sorted()
    }

    /// The district names of the bundled awareness form's `districts` list.
    package static func bundledDistricts() throws(WorkforceError) -> [String] {
        let url = try BundledData.home().appendingPathComponent("Surveys/banks/choices.csv")
        return try ItemBank.rows(url, required: ["list_name", "name"]).filter { $0["list_name"] == "districts" }.map { $0["name"] }
    }
}

extension WorkforceStore {
    /// Checks the campaigns file and stores it in place of any stored before, in one transaction.
    package func importCampaigns(_ url: URL) throws(WorkforceError) -> CampaignSchedule {
        let schedule = try CampaignSchedule(url: url, districts: try CampaignSchedule.bundledDistricts())
        let now = Clock.timestamp()
        try write { db in
            try db.execute("DELETE FROM campaign")
            for e in schedule.entries {
                try db.execute(
                    "INSERT INTO campaign (file, line, district, campaign, start_date, end_date, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [schedule.file, e.line, e.district, e.campaign, e.start, e.end, now])
            }
        }
        return schedule
    }

    /// The stored campaigns, or `nil` when none were imported.
    package func campaigns() throws(WorkforceError) -> CampaignSchedule? {
        try read { db in
            let rows = try db.rows("SELECT file, line, district, campaign, start_date, end_date FROM campaign ORDER BY id")
            guard let first = rows.first else { return nil }
            return CampaignSchedule(
                file: try first.string("file"),
                entries: try rows.map { r in
                    CampaignSchedule.Entry(
                        district: try r.string("district"), campaign: try r.string("campaign"), start: try r.string("start_date"),
                        end: try r.string("end_date"), line: try r.int("line"))
                })
        }
    }
}
