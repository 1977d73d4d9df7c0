import Foundation
import Testing

/// `workforce responses`: a KoboToolbox export imported comes back cell for cell.
@Suite struct ResponsesCommandTests {
    /// A deterministic KoboToolbox-layout awareness export of `rows` valid responses, from the codebook.
    static func koboExport(codebook url: URL, rows: Int) throws -> (text: String, rows: [[String: String]]) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        let questions = (object["questions"] as? [[String: Any]] ?? []).filter { ($0["type"] as? String) != "note" }
        let lists = object["choices"] as? [String: [[String: Any]]] ?? [:]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
        let exclusive: Set<String> = ["none", "prefer_not", "does_not_know", "dont_know"]
        var header = ["_uuid", "_submission_time"]
        header += questions.map { q in
            let group = q["group"] as? String ?? "", name = q["name"] as? String ?? ""
            return group.isEmpty ? name : "\(group)/\(name)"
        }
        header += ["_id", "_index"]
        var text = header.joined(separator: ",") + "\n"
        var expected: [[String: String]] = []
        for row in 0..<rows {
            var record: [String: String] = ["_uuid": String(format: "uuid-%06d", row)]
            var fields = [record["_uuid"] ?? "", "2026-03-01T10:00:00"]
            for q in questions {
                let name = q["name"] as? String ?? ""
                let choices = (lists[q["list"] as? String ?? ""] ?? []).compactMap { $0["name"] as? String }
                var value = ""
                if (q["type"] as? String) == "select_one" {
                    value = choices[next(choices.count)]
                    // Every respondent passes the gates (consent, age) and uses the internet, so
                    // that every question is asked.
                    if (q["topic"] as? String) == "gate" { value = "yes" }
                    if name == "internet_use", value == "never" { value = "daily" }
                    if name == "reported_incident", record["incidents_12m"] == "none" { value = "" }
                } else if (q["type"] as? String) == "select_multiple" {
                    let others = choices.filter { !exclusive.contains($0) }
                    if choices.contains("none"), next(4) == 0 {
                        value = "none"
                    } else {
                        let picks = Set((0..<(1 + next(3))).map { _ in others[next(others.count)] })
                        value = choices.filter { picks.contains($0) }.joined(separator: " ")
                    }
                }
                record[name] = value
                fields.append(value)
            }
            fields += [String(row + 1), String(row)]
            text += fields.joined(separator: ",") + "\n"
            expected.append(record)
        }
        return (text, expected)
    }

    @Test func aKoboExportOf2000ResponsesComesBackCellForCell() throws {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let export = try Self.koboExport(codebook: codebook, rows: 2000)
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(export.text.utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2000 imported"))

        let result = try database.run(["responses", "awareness", "--format", "csv"])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try csvRows(result.stdout)
        let header = rows[0]
        #expect(Array(header.prefix(4)) == ["response_id", "batch_id", "response_key", "submitted_at"])
        #expect(rows.count == 2001)
        var mismatches = 0
        for (n, row) in rows.dropFirst().enumerated() {
            let original = export.rows[n]
            #expect(row[2] == original["_uuid"])
            for (c, name) in header.enumerated().dropFirst(4) where row[c] != original[name] { mismatches += 1 }
        }
        #expect(mismatches == 0)

        // Not asked is empty in CSV, null in JSON and listed in _not_asked.
        let json = try jsonRows(try database.run(["responses", "awareness", "--format", "json"]).stdout)
        let none = try #require(export.rows.firstIndex { $0["incidents_12m"] == "none" })
        #expect(json[none]["reported_incident"] is NSNull)
        #expect(json[none]["_not_asked"] as? [String] == ["reported_incident"])
        #expect(json[none]["incidents_12m"] as? [String] == ["none"])

        // Spanish labels.
        let spanish = try csvRows(try database.run(["responses", "awareness", "--labels", "es", "--format", "csv"]).stdout)
        let district = try #require(header.firstIndex(of: "district"))
        let labels = Set(spanish.dropFirst().map { $0[district] })
        #expect(labels.isSubset(of: ["Belice", "Belize", "Cayo", "Corozal", "Orange Walk", "Stann Creek", "Toledo"]))
        let sex = try #require(header.firstIndex(of: "sex"))
        #expect(spanish.dropFirst().contains { $0[sex] == "Mujer" })

        // Split columns agree with the joined column.
        let split = try csvRows(try database.run(["responses", "awareness", "--split-multiple", "--format", "csv"]).stdout)
        let groups = try #require(split[0].firstIndex(of: "target_groups"))
        let choiceColumns = split[0].indices.filter { split[0][$0].hasPrefix("target_groups/") }
        #expect(!choiceColumns.isEmpty)
        for row in split.dropFirst() {
            let chosen = Set(row[groups].split(separator: " ").map(String.init))
            for c in choiceColumns {
                let choice = String(split[0][c].dropFirst("target_groups/".count))
                #expect(row[c] == (chosen.contains(choice) ? "1" : "0"))
            }
        }
    }

    @Test func responsesBeforeAnyImportSayWhatToImport() throws {
        let database = try TestDatabase()
        let result = try database.run(["responses", "employer"])
        #expect(result.code == 66)
        #expect(result.stderr.contains("workforce import employer"))
        let wrongType = try database.run(["responses", "awareness", "--labels", "fr"])
        #expect(wrongType.code == 64)
        #expect(wrongType.stderr.contains("--labels"))
    }
}

/// Every record of a CSV text, parsed strictly (quotes, doubled quotes, line breaks in fields).
func csvRows(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var field = ""
    var record: [String] = []
    var inQuotes = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" {
                    field.append("\"")
                    chars.removeFirst()
                } else {
                    inQuotes = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            record.append(field)
            field = ""
        } else if c == "\r\n" || c == "\n" {
            record.append(field)
            rows.append(record)
            record = []
            field = ""
        } else {
            field.append(c)
        }
    }
    if !record.isEmpty || !field.isEmpty { rows.append(record + [field]) }
    return rows
}
