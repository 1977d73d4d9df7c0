import Foundation
import Testing

/// `workforce frame import`, `margins import` and `frames`: stored, versioned, checked as the
/// files are, and used by every employer and awareness command unless told otherwise.
@Suite struct StoredFrameCommandTests {
    static let demo = repositoryRoot.appendingPathComponent("Surveys/demo")

    /// The figures of a JSON result without its notes (which name the frame's source).
    func rows(_ text: String) throws -> [[String: String]] {
        try jsonRows(text).map { row in row.mapValues { "\($0)" } }
    }

    func notes(_ text: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return object?["notes"] as? [String] ?? []
    }

    @Test func aStoredFrameIsVersionedAndGivesTheFiguresOfTheFile() throws {
        let db = try OutputFailureTests.database()
        let frame = Self.demo.appendingPathComponent("frame.csv").path
        let none = try db.run(["gaps", "--by", "total", "--format", "json"])
        #expect(none.code == 0, "\(none.stderr)")
        #expect(try notes(none.stdout).first?.contains("no sampling frame is stored") == true, "\(none.stdout.prefix(400))")

        let first = try db.run(["frame", "import", frame])
        #expect(first.code == 0 && first.stdout.contains("sampling frame v1 (frame.csv"), "\(first.stdout)\(first.stderr)")
        // The same bytes again store nothing new.
        let same = try db.run(["frame", "import", frame])
        #expect(same.code == 0 && same.stdout.contains("Nothing stored: frame.csv has the same SHA-256 as the current sampling frame v1"), "\(same.stdout)")
        // Other bytes (CRLF line ends), the same strata: a new version.
        let copy = db.scratch.path("frame-2027.csv")
        try Data(try String(contentsOfFile: frame, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: copy))
        let second = try db.run(["frame", "import", copy])
        #expect(second.code == 0 && second.stdout.contains("sampling frame v2 (frame-2027.csv"), "\(second.stdout)\(second.stderr)")

        let listed = try jsonRows(try db.run(["frames", "--format", "json"]).stdout)
        #expect(listed.map { "\($0["kind"] ?? "") \($0["version"] ?? "") \($0["current"] ?? "")" } == ["frame 1 0", "frame 2 1"])
        #expect((listed.first?["sha256"] as? String)?.count == 64)

        for by in ["total", "ksa"] {
            let stored = try db.run(["gaps", "--by", by, "--format", "json"])
            let given = try db.run(["gaps", "--by", by, "--frame", frame, "--format", "json"])
            #expect(stored.code == 0 && given.code == 0, "\(stored.stderr)\(given.stderr)")
            #expect(try rows(stored.stdout) == rows(given.stdout))
            #expect(try rows(stored.stdout) != rows(none.stdout) || by != "total")
            #expect(try notes(stored.stdout).contains { $0.contains("Weighted to the stored sampling frame v2 (frame-2027.csv, imported ") })
            #expect(try notes(given.stdout).contains { $0.contains("sampling frame file frame.csv (given on the command line)") })
        }
        let unweighted = try db.run(["gaps", "--by", "total", "--unweighted", "--format", "json"])
        #expect(try rows(unweighted.stdout) == rows(none.stdout))
        #expect(try notes(unweighted.stdout).first?.contains("--unweighted was given") == true)
        let both = try db.run(["gaps", "--frame", frame, "--unweighted"])
        #expect(both.code == 64 && both.stderr.contains("not both"), "\(both.stderr)")

        // courses uncovered ranks by the same demand as gaps --by ksa.
        let ksa = try jsonRows(try db.run(["gaps", "--by", "ksa", "--format", "json"]).stdout)
        let uncovered = try jsonRows(try db.run(["courses", "uncovered", "--format", "json"]).stdout)
        let demand = Dictionary(uniqueKeysWithValues: ksa.compactMap { r in (r["ksa_id"] as? String).map { ($0, r["demand"] as? Double ?? 0) } })
        #expect(!uncovered.isEmpty)
        for row in uncovered {
            let id = row["ksa_id"] as? String ?? ""
            #expect(abs((row["demand"] as? Double ?? -1) - (demand[id] ?? 0)) < 1e-9, "\(id)")
        }
    }

    @Test func aBadFrameIsRefusedAtItsPlaceAndNothingIsStored() throws {
        let db = try TestDatabase()
        let path = db.scratch.path("bad-frame.csv")
        try Data("sector,size_band,organisations\ntourism,small,12\ntourism,huge,3\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try db.run(["frame", "import", path])
        #expect(result.code == 65, "\(result.stderr)")
        #expect(result.stderr.contains("bad-frame.csv:3:9") && result.stderr.contains("unknown size band \"huge\""), "\(result.stderr)")
        let twice = db.scratch.path("twice.csv")
        try Data("sector,size_band,organisations\ntourism,small,12\ntourism,small,3\n".utf8).write(to: URL(fileURLWithPath: twice))
        #expect(try db.run(["frame", "import", twice]).code == 65)
        let listed = try db.run(["frames", "--format", "json"])
        #expect(try jsonRows(listed.stdout).isEmpty)
        #expect(try notes(listed.stdout).contains { $0.contains("No sampling frame stored") })
        #expect(try db.run(["frame", "import", db.scratch.path("missing.csv")]).code == 66)
    }

    @Test func storedMarginsRakeAwarenessAsTheFileDoes() throws {
        let db = try OutputFailureTests.database()
        let margins = Self.demo.appendingPathComponent("margins.csv").path
        let imported = try db.run(["margins", "import", margins])
        #expect(imported.code == 0 && imported.stdout.contains("population margins v1 (margins.csv"), "\(imported.stdout)\(imported.stderr)")
        let stored = try db.run(["awareness", "--format", "json"])
        let given = try db.run(["awareness", "--margins", margins, "--format", "json"])
        #expect(stored.code == 0 && given.code == 0, "\(stored.stderr)\(given.stderr)")
        #expect(try rows(stored.stdout) == rows(given.stdout))
        #expect(try notes(stored.stdout).first == "Raked to the stored population margins v1 (margins.csv, imported \(String(try jsonRows(try db.run(["frames", "--format", "json"]).stdout)[0]["imported_at"] as? String ?? "").prefix(10)))."
        )
        let unweighted = try db.run(["awareness", "--unweighted", "--format", "json"])
        #expect(try rows(unweighted.stdout) != rows(stored.stdout))
        #expect(try notes(unweighted.stdout).first?.contains("--unweighted was given") == true)
        let sizes = try db.run(["sample-size", "--margin", "0.05", "--by", "district", "--format", "json"])
        #expect(sizes.code == 0, "\(sizes.stderr)")
        #expect(try jsonRows(sizes.stdout).count == 6)

        let bad = db.scratch.path("bad-margins.csv")
        try Data("variable,category,population\ndistrict,cayo,100\nsex,female,60\nsex,male,30\n".utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try db.run(["margins", "import", bad])
        #expect(refused.code == 65 && refused.stderr.contains("bad-margins.csv:3:"), "\(refused.stderr)")
        #expect(try jsonRows(try db.run(["frames", "--format", "json"]).stdout).count == 1)
    }
}
