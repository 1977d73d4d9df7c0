import Foundation
import Testing

/// A crafted or damaged database (a file a user may be handed): every command that reads the
/// damaged part exits 65 naming the table and row, and none traps.
@Suite struct DamagedDatabaseTests {
    /// Runs SQL on the database with Python's sqlite3 (a second, independent client).
    static func sql(_ database: TestDatabase, _ statement: String, _ parameters: [String] = []) throws {
        // Parameters go through files: a 1 MB relevant does not fit an argument list.
        var files: [String] = []
        for (n, parameter) in parameters.enumerated() {
            let path = database.scratch.path("parameter-\(n).txt")
            try Data(parameter.utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2], [open(f, encoding='utf-8').read() for f in sys.argv[3:]]); c.commit()",
            database.path, statement,
        ] + files
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("sql failed: \(statement)") }
    }

    static func awarenessDatabase() throws -> TestDatabase {
        let database = try TestDatabase(surveys: ["awareness"])
        let codebook = database.scratch.url.appendingPathComponent("forms/awareness_baseline.codebook.json")
        let file = database.scratch.url.appendingPathComponent("kobo.csv")
        try Data(try ResponsesCommandTests.koboExport(codebook: codebook, rows: 12).text.utf8).write(to: file)
        let imported = try database.run(["import", "awareness", file.path])
        guard imported.code == 0 else { throw TestFailure(imported.stderr) }
        return database
    }

    /// Every command that reads stored answers.
    static let readers: [[String]] = [
        ["responses", "awareness", "--format", "csv"], ["responses", "awareness", "--format", "json"], ["awareness", "--format", "json"],
    ]

    func expectRefused(_ database: TestDatabase, _ expected: String, commands: [[String]] = readers) throws {
        for command in commands {
            let result = try database.run(command)
            #expect(result.code == 65, "\(command): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(command): \(result.stderr)")
        }
    }

    @Test(arguments: [
        // a lone high surrogate in a text answer
        ("replace(answers, ',', ',\"\\ud800x\",') ", "surrogate"),
        // a high surrogate followed by an escape that is not a low one (trapped on `low - 0xDC00`)
        ("replace(answers, ',', ',\"\\ud800\\u0041\",') ", "surrogate"),
        // one answer more than the codebook has questions
        ("substr(answers, 1, length(answers) - 1) || ',null]'", "more answers are stored than the codebook has questions"),
        // a choice position outside its list, and a negative one
        ("json_set(answers, '$[' || (SELECT position FROM instrument_question WHERE name = 'district' LIMIT 1) || ']', 999)", "outside its list"),
        ("json_set(answers, '$[' || (SELECT position FROM instrument_question WHERE name = 'district' LIMIT 1) || ']', -1)", "not a whole number from 0"),
    ])
    func damagedAnswersAreLocatedErrors(_ expression: String, _ message: String) throws {
        let database = try Self.awarenessDatabase()
        try Self.sql(database, "UPDATE response SET answers = \(expression) WHERE id = 5")
        try expectRefused(database, "table response, row id 5")
        try expectRefused(database, message)
    }

    @Test func aCodebookWithoutQuestionsIsAnError() throws {
        let database = try Self.awarenessDatabase()
        try Self.sql(database, "UPDATE instrument SET codebook = json_set(codebook, '$.questions', json('[]'))")
        for command in Self.readers {
            let result = try database.run(command)
            #expect(result.code == 65, "\(command): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.contains("table instrument, row id 1: its codebook has no questions"), "\(command): \(result.stderr)")
        }
    }

    @Test(arguments: [
        String(repeating: "${consent} = 'yes' and ", count: 60_000) + "1 = 1",
        String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000),
        String(repeating: "not(", count: 50_000) + "1" + String(repeating: ")", count: 50_000),
    ])
    func aHugeRelevantIsRefusedNotAStackOverflow(_ relevant: String) throws {
        let database = try Self.awarenessDatabase()
        try Self.sql(database, "UPDATE instrument SET codebook = json_set(codebook, '$.questions[3].relevant', ?)", [relevant])
        for command in Self.readers {
            let result = try database.run(command)
            #expect(result.code == 65, "\(command): exit \(result.code) \(result.stderr.prefix(300))")
            #expect(result.stderr.contains("deeper than 512"), "\(command): \(result.stderr.prefix(300))")
            #expect(result.stderr.count < 2_000)
        }
    }

    @Test(arguments: ["9223372036854775807", "1000001", "-5"])
    func hugeStoredCompletionsAreLocatedErrors(_ completions: String) throws {
        let database = try TestDatabase()
        #expect(try database.run(["import", "catalog", CatalogAndGapsCommandTests.fixture.path]).code == 0)
        // The CHECK (annual_completions >= 0) holds for the first two; the third needs it off.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA ignore_check_constraints = 1'); c.execute('UPDATE offering SET annual_completions = ' + sys.argv[2] + ' WHERE id = 3'); c.commit()", database.path, completions]
        try process.run()
        process.waitUntilExit()
        for command in [["catalog"], ["courses", "matrix"], ["courses", "covering", "K0001"]] {
            let result = try database.run(command)
            #expect(result.code == 65, "\(command): exit \(result.code) \(result.stderr)")
            #expect(result.stderr.contains("table offering, row id 3: annual_completions"), "\(command): \(result.stderr)")
        }
    }
}

/// Stored margins and frames that fail their checks are damaged-database errors, never figures
/// raked or weighted to nonsense (issue 34).
@Suite struct DamagedWeightingTests {
    @Test(arguments: ["0", "-5", "0.5"])
    func aStoredMarginOfNoPopulationIsADamagedDatabase(_ population: String) throws {
        let database = try DamagedDatabaseTests.awarenessDatabase()
        let margins = repositoryRoot.appendingPathComponent("Surveys/demo/margins.csv").path
        #expect(try database.run(["margins", "import", margins]).code == 0)
        // A crafted file: past the table's CHECK, as another SQLite client can write it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA ignore_check_constraints = 1'); c.execute('UPDATE population_margin SET population = ' + sys.argv[2]); c.commit()",
            database.path, population,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let result = try database.run(["awareness", "--format", "json"])
        #expect(result.code == 65, "\(result.stdout.prefix(300))")
        #expect(result.stderr.contains("table population_margin") && result.stderr.contains("damaged or edited by hand"), "\(result.stderr)")
    }
}
