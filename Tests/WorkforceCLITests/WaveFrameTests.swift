import Foundation
import Testing

/// Employer waves keep their frame and their fieldwork (issue 28, point 6): the frame version of a
/// wave's first estimate stays until `--frame-version latest` or `frame use`; `frame import FILE
/// --wave W` gives a wave its own issued and out_of_scope, and so its own response rate.
@Suite struct WaveFrameTests {
    static let demo = repositoryRoot.appendingPathComponent("Surveys/demo")

    func total(_ db: TestDatabase, _ arguments: [String]) throws -> (row: [String: Any], notes: [String]) {
        let result = try db.run(["gaps", "--by", "total", "--format", "json"] + arguments)
        guard result.code == 0 else { throw TestFailure("gaps: \(result.stderr)") }
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return ((object?["rows"] as? [[String: Any]])?.first ?? [:], object?["notes"] as? [String] ?? [])
    }

    @Test func aNewerFrameRevisesAWaveOnlyWhenAskedAndEachWaveHasItsOwnResponseRate() throws {
        let db = try OutputFailureTests.database()
        let wave2 = try db.run(["import", "employer", Self.demo.appendingPathComponent("employers-2027-kobotoolbox.csv").path, "--wave", "2027"])
        #expect(wave2.code == 0, "\(wave2.stderr)")
        let frame = Self.demo.appendingPathComponent("frame.csv").path
        #expect(try db.run(["frame", "import", frame]).code == 0)
        let first = try total(db, [])
        #expect(first.notes.contains { $0.hasPrefix("Response rate: ") })

        // A frame with twice the retail organisations, imported after the first estimate.
        let text = try String(contentsOfFile: frame, encoding: .utf8)
            .replacingOccurrences(of: "retail_commerce,micro,167,", with: "retail_commerce,micro,334,")
        let bigger = db.scratch.path("frame-v2.csv")
        try Data(text.utf8).write(to: URL(fileURLWithPath: bigger))
        #expect(try db.run(["frame", "import", bigger]).code == 0)
        let kept = try total(db, [])
        #expect(kept.row["role_holdings"] as? Double == first.row["role_holdings"] as? Double)
        #expect(!kept.notes.contains { $0.hasPrefix("Revised:") })
        let revised = try total(db, ["--frame-version", "latest"])
        #expect(revised.row["role_holdings"] as? Double != first.row["role_holdings"] as? Double)
        #expect(revised.notes.contains { $0.contains("Revised: employer wave baseline was first estimated with sampling frame v1; these figures use the newer frame v2") })
        // frame use pins the newer version: its figures, and no longer "revised".
        let use = try db.run(["frame", "use", "2"])
        #expect(use.code == 0 && use.stdout.contains("baseline is now weighted to sampling frame v2"), "\(use.stdout)\(use.stderr)")
        let pinned = try total(db, [])
        #expect(pinned.row["role_holdings"] as? Double == revised.row["role_holdings"] as? Double)
        #expect(!pinned.notes.contains { $0.hasPrefix("Revised:") })
        #expect(try db.run(["frame", "use", "9"]).code == 64)

        // The 2027 wave: pinned to v2 at its first estimate; no fieldwork of its own until given.
        let before = try total(db, ["--wave", "2027"])
        #expect(before.notes.contains { $0.contains("Employer wave 2027 has no fieldwork counts of its own") })
        #expect(!before.notes.contains { $0.hasPrefix("Response rate: ") })
        let fieldwork = text.split(separator: "\n").enumerated().map { i, line -> String in
            guard i > 0 else { return String(line) }
            // Every issued organisation in scope: issued = organisations, out_of_scope 0.
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(f[0]),\(f[1]),\(f[2]),\(f[2]),0"
        }.joined(separator: "\n") + "\n"
        let own = db.scratch.path("frame-2027.csv")
        try Data(fieldwork.utf8).write(to: URL(fileURLWithPath: own))
        let imported = try db.run(["frame", "import", own, "--wave", "2027"])
        #expect(imported.code == 0, "\(imported.stderr)")
        let after = try total(db, ["--wave", "2027"])
        #expect(after.notes.contains { $0.hasPrefix("Response rate: ") })
        #expect(!after.notes.contains { $0.contains("no fieldwork counts") })
        // The baseline keeps its own fieldwork and figures.
        let baseline = try total(db, [])
        #expect(baseline.row["role_holdings"] as? Double == pinned.row["role_holdings"] as? Double)
        #expect(baseline.notes.first { $0.hasPrefix("Response rate: ") } == first.notes.first { $0.hasPrefix("Response rate: ") })

        // Every wave's microdata, with its design.
        let script = db.scratch.path("e2027.R")
        let microdata = try db.run(["responses", "employer", "--wave", "2027", "--format", "r", "--weights", "--out", script])
        #expect(microdata.code == 0, "\(microdata.stderr)")
        #expect(try String(contentsOfFile: script, encoding: .utf8).contains("employer responses"))
    }
}
