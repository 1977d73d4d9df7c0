import Foundation
import WorkforceKit

/// Writes a KoboToolbox-style awareness export of valid random responses: `_uuid` and
/// `_submission_time`, every question of the baseline form, and four more export metadata
/// columns (about 30 in all), with an enumeration area nested in district x urban/rural.
/// Deterministic: the same row count gives the same file.
///
/// With `kobo`, the same answers in the layout of KoboToolbox's own CSV export (XML values,
/// group names, `/` separators, select_multiple both as one cell and as a 1/0 column per
/// choice, and its metadata columns: ``KoboLayout``).
struct AwarenessFileGenerator {
    let instrument: Instrument
    let kobo: Bool
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(instrument: Instrument, kobo: Bool = false) {
        self.instrument = instrument
        self.kobo = kobo
    }

    var columnCount: Int { header().count }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// The header's cells.
    func header() -> [String] {
        if kobo { return KoboLayout(instrument: instrument).header() }
        return ["_uuid", "_submission_time"] + instrument.questions.filter { $0.type != .note }.map(\.name) + ["_id", "_index", "_status", "__version__"]
    }

    /// Writes `rows` rows to `url` and returns the file's size in bytes.
    mutating func write(rows: Int, to url: URL) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var out = header().joined(separator: ",") + "\n"
        var size = 0
        forEachRow(rows: rows) { fields in
            out += fields.joined(separator: ",") + "\n"
            if out.utf8.count > 1 << 20 {
                size += out.utf8.count
                handle.write(Data(out.utf8))
                out = ""
            }
        }
        size += out.utf8.count
        handle.write(Data(out.utf8))
        return size
    }

    /// Calls `body` with the fields of each of `rows` rows, in order.
    mutating func forEachRow(rows: Int, _ body: ([String]) throws -> Void) rethrows {
        let questions = instrument.questions.filter { $0.type != .note }
        for row in 0..<rows {
            let a = next()
            let b = next()
            var fields = [Self.uuid(a, b), "2026-03-\(String(1 + row % 28).leftPad2)T\(String(row % 24).leftPad2):00:00"]
            var incidentsNone = false
            var stratum = ""
            for q in questions {
                let choices = instrument.choiceList(q.listName ?? "")?.choices.map(\.name) ?? []
                switch q.type {
                case .selectOne:
                    if q.isGate {
                        fields.append("yes")  // every respondent consents and is 18 or older
                    } else if q.name == "reported_incident" && incidentsNone {
                        fields.append("")
                    } else {
                        let choice = choices[Int(next() % UInt64(choices.count))]
                        if q.name == "district" || q.name == "urban_rural" { stratum += choice.prefix(3) }
                        fields.append(choice)
                    }
                case .text where q.name == "enumeration_area":
                    // About 25 respondents an area: 3,334 areas in each district x urban/rural
                    // stratum at a million rows (codes repeat across strata; they are nested).
                    fields.append("\(stratum)-\(next() % UInt64(max(1, rows / 300)))")
                case .selectMultiple:
                    // "none" alone, or one or two other choices.
                    let others = choices.filter { !InstrumentBuilder.exclusiveChoiceNames.contains($0) }
                    if choices.contains("none") && next() % 3 == 0 {
                        fields.append("none")
                        if q.name == "incidents_12m" { incidentsNone = true }
                    } else {
                        let first = others[Int(next() % UInt64(others.count))]
                        let second = others[Int(next() % UInt64(others.count))]
                        fields.append(first == second ? first : "\(first) \(second)")
                    }
                default:
                    fields.append("")
                }
            }
            fields += [String(row + 1), String(row), "submitted_via_web", "vGx9mTz4pQ"]
            try body(kobo ? KoboLayout(instrument: instrument).row(fields) : fields)
        }
    }

    static func uuid(_ a: UInt64, _ b: UInt64) -> String {
        let hex = String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-"
            + String(c[20..<32])
    }
}

extension String {
    var leftPad2: String { count >= 2 ? self : "0" + self }
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
