import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain
@testable import Formats
@testable import Storage

@Suite struct AnswerCodecTests {
    @Test(arguments: [
        [AnswerCodec.Stored.null],
        [.choice(0), .choice(12), .choices([3]), .choices([0, 2, 11]), .choices([])],
        [.integer(-42), .integer(0), .decimal(2.5), .decimal(-0.125)],
        [.text("Cayo, \"San Ignacio\"\nline two"), .text("ñ — \u{1F600} \\ / \t"), .text(""), .text("=1+2")],
    ])
    func storedAnswersRoundTrip(_ elements: [AnswerCodec.Stored]) throws {
        let types: [QuestionType] = elements.map {
            switch $0 {
            case .choice: .selectOne
            case .choices: .selectMultiple
            case .integer: .integer
            case .decimal: .decimal
            default: .text
            }
        }
        let bytes = AnswerCodec.encode(elements)
        var decoded: [AnswerCodec.Stored] = []
        try bytes.withUnsafeBufferPointer { try AnswerCodec.decode($0, types: types, into: &decoded) }
        #expect(decoded == elements)
    }

    @Test func controlCharactersAndSurrogatePairsDecode() throws {
        let stored = Array(#"["a\u0001b\ud83d\ude00", null]"#.utf8)
        var decoded: [AnswerCodec.Stored] = []
        try stored.withUnsafeBufferPointer { try AnswerCodec.decode($0, types: [.text, .integer], into: &decoded) }
        #expect(decoded == [.text("a\u{1}b\u{1F600}"), .null])
    }

    /// A whole-number answer is stored as one (at most 10^9 in size, as the importer allows);
    /// a fraction or a huge number there is a damaged database, not a figure.
    @Test(arguments: ["[1.5,null]", "[9223372036854775807,null]", "[1000000001,null]", "[-1000000001,null]", "[1e3,null]"])
    func wholeNumberAnswersOutOfTheirRangeAreErrors(_ text: String) {
        var decoded: [AnswerCodec.Stored] = []
        #expect(throws: AnswerCodec.DecodingError.self) {
            try Array(text.utf8).withUnsafeBufferPointer { try AnswerCodec.decode($0, types: [.integer, .integer], into: &decoded) }
        }
        #expect((try? Array("[1000000000,-7]".utf8).withUnsafeBufferPointer { try AnswerCodec.decode($0, types: [.integer, .integer], into: &decoded) }) != nil)
        #expect(decoded == [.integer(1_000_000_000), .integer(-7)])
    }

    @Test(arguments: ["[1,2", "[\"open", "{}", "[1]", "[1,,2]"])
    func damagedAnswersAreErrors(_ text: String) {
        var decoded: [AnswerCodec.Stored] = []
        #expect(throws: AnswerCodec.DecodingError.self) {
            try Array(text.utf8).withUnsafeBufferPointer { try AnswerCodec.decode($0, types: [.integer, .integer], into: &decoded) }
        }
    }
}

@Suite struct ResponseReaderTests {
    /// A codebook with the questions given as (name, type, list, relevant).
    static func codebook(_ form: String, _ questions: [(String, String, String?, String?)]) -> String {
        let qs = questions.map { q in
            #"{"name":"\#(q.0)","type":"\#(q.1)","list":\#(q.2.map { "\"\($0)\"" } ?? "null"),"group":"g","label":{"en":"\#(q.0)"},"required":false,"relevant":\#(q.3.map { "\"\($0)\"" } ?? "null")}"#
        }
        return #"""
            {"instrument":"awareness","wave":"baseline","version":"\#(form)","form_id":"\#(form)","questions":[\#(qs.joined(separator: ","))],
             "choices":{"yn":[{"name":"yes","label":{"en":"Yes","es":"Sí"}},{"name":"no","label":{"en":"No","es":"No"}}],
                        "groups":[{"name":"parent","label":{"en":"Parent"}},{"name":"teacher","label":{"en":"Teacher"}},{"name":"youth","label":{"en":"Youth"}}]}}
            """#
    }

    static func store() throws -> (TemporaryFolder, WorkforceStore) {
        let folder = try TemporaryFolder()
        let store = try WorkforceStore(path: folder.path("r.sqlite"), create: true)
        let v1 = codebook("v1", [
            ("online", "select_one", "yn", nil),
            ("groups", "select_multiple", "groups", "${online} = 'yes'"),
            ("intro", "note", nil, nil),
            ("comment", "text", nil, nil),
        ])
        // Version 2 reorders, drops `comment` and adds every other type.
        let v2 = codebook("v2", [
            ("groups", "select_multiple", "groups", "${online} = 'yes'"),
            ("online", "select_one", "yn", nil),
            ("staff", "integer", nil, nil),
            ("share", "decimal", nil, nil),
            ("since", "date", nil, nil),
            ("why", "text", nil, "selected(${groups}, 'teacher')"),
        ])
        try store.write { db in
            for (n, text) in [v1, v2].enumerated() {
                try db.execute(
                    "INSERT INTO instrument (kind, form_id, wave, version, framework, languages, questions, codebook, generated_at) VALUES ('awareness', ?, 'baseline', ?, 'nice-2017', 'en,es', 4, ?, 'x')",
                    ["v\(n + 1)", "v\(n + 1)", text])
                try db.execute(
                    "INSERT INTO import_batch (instrument_id, kind, wave, file, dialect, encoding, delimiter, header, unknown_columns, imported_at) VALUES (?, 'awareness', 'baseline', 'f', 'template', 'utf-8', ',', '', '[]', 'x')",
                    [n + 1])
            }
            let rows: [(Int, [AnswerCodec.Stored])] = [
                (1, [.choice(0), .choices([0, 2]), .null, .text("a, \"b\"\nc")]),
                (1, [.choice(1), .null, .null, .null]),  // groups not asked (online = no); comment blank
                (2, [.choices([1]), .choice(0), .integer(3), .decimal(0.5), .text("2025-01-31"), .text("because")]),
                (2, [.choices([0]), .choice(0), .null, .null, .null, .null]),  // why not asked (not a teacher)
            ]
            for (n, row) in rows.enumerated() {
                try db.execute(
                    "INSERT INTO response (batch_id, key_hash, response_key, line, answers) VALUES (?, ?, ?, ?, ?)",
                    [row.0, n, "k\(n)", n + 2, String(decoding: AnswerCodec.encode(row.1), as: UTF8.self)])
            }
        }
        return (folder, store)
    }

    @Test func columnsAreTheLatestVersionThenQuestionsOnlyOlderVersionsAsked() throws {
        let (_, store) = try Self.store()
        let reader = try ResponseReader(store: store, kind: .awareness)
        #expect(reader.columns.map(\.name) == ["groups", "online", "staff", "share", "since", "why", "comment"])
        #expect(try reader.count() == 4)
    }

    @Test func valuesAreMappedByNameWithTypesAndNotAskedToldFromBlank() throws {
        let (_, store) = try Self.store()
        let reader = try ResponseReader(store: store, kind: .awareness)
        var records: [ResponseRecord] = []
        try reader.forEach { records.append($0) }
        func value(_ r: Int, _ name: String) -> AnswerValue { records[r].values[reader.index(of: name) ?? -1] }
        #expect(value(0, "online") == .choice("yes"))
        #expect(value(0, "groups") == .choices(["parent", "youth"]))
        #expect(value(0, "comment") == .text("a, \"b\"\nc"))
        #expect(value(0, "staff") == .notAsked)  // version 1 never asked it
        #expect(value(1, "groups") == .notAsked)
        #expect(value(1, "comment") == .blank)
        #expect(value(2, "groups") == .choices(["teacher"]))
        #expect(value(2, "staff") == .integer(3))
        #expect(value(2, "share") == .decimal(0.5))
        #expect(value(2, "since") == .date("2025-01-31"))
        #expect(value(2, "why") == .text("because"))
        #expect(value(2, "comment") == .notAsked)
        #expect(value(3, "why") == .notAsked)
        #expect(value(3, "staff") == .blank)
    }

    @Test func exportWritesNamesLabelsSplitColumnsAndNotAskedLists() throws {
        let (_, store) = try Self.store()
        let reader = try ResponseReader(store: store, kind: .awareness)
        var csv = ""
        try ResponseExport(splitMultiple: true).write(reader, as: .csv) { csv += $0 }
        let table = try CSVTable(reader: CSVReader(string: csv, name: "export"))
        #expect(table.header.prefix(8) == ["response_id", "batch_id", "response_key", "submitted_at", "groups", "groups/parent", "groups/teacher", "groups/youth"])
        var rows: [[String]] = []
        while let record = try table.nextRow() { rows.append(record.fields) }
        #expect(rows[0][4] == "parent youth" && rows[0][5...7] == ["1", "0", "1"])
        #expect(rows[1][4] == "" && rows[1][5...7] == ["", "", ""])
        #expect(rows[0].last == "a, \"b\"\nc")
        var json = ""
        try ResponseExport(labels: "es").write(reader, as: .json) { json += $0 }
        let object = try JSONParser.parse(Array(json.utf8), name: "json")
        let first = object["rows"]?.array?[0]
        #expect(first?["online"]?.string == "Sí")
        #expect(first?["_not_asked"]?.array?.compactMap(\.string) == ["staff", "share", "since", "why"])
        let third = object["rows"]?.array?[2]
        #expect(third?["staff"] == .integer(3))
        #expect(third?["groups"]?.array?.compactMap(\.string) == ["teacher"])  // no Spanish label: the name stays
    }

    @Test func aLargeExportSplitBetweenTwoThreadsIsTheSameFile() throws {
        let (folder, store) = try Self.store()
        defer { withExtendedLifetime(folder) {} }  // the threads open the file by its path
        // More rows, so that blocks of 3 ids make several blocks per thread.
        try store.write { db in
            for n in 0..<60 {
                let answers = n % 2 == 0 ? "[[0,2],0,null,null,null,null]" : "[[1],1,7,2.5,\"2026-01-0\(1 + n % 9)\",null]"
                try db.execute(
                    "INSERT INTO response (batch_id, key_hash, response_key, line, answers) VALUES (2, ?, ?, ?, ?)",
                    [1000 + n, "extra-\(n)", n + 10, answers])
            }
        }
        let reader = try ResponseReader(store: store, kind: .awareness)
        var single = ""
        try ResponseExport(splitMultiple: true).write(reader, as: .csv) { single += $0 }
        var parallel = ResponseExport(splitMultiple: true)
        parallel.blockSize = 3
        var split = ""
        try parallel.write(reader, as: .csv) { split += $0 }
        #expect(split == single)
        #expect(single.components(separatedBy: "\r\n").count == 1 + 64 + 1)
    }

    @Test func readingBeforeAnyImportSaysWhatToImport() throws {
        let folder = try TemporaryFolder()
        let store = try WorkforceStore(path: folder.path("e.sqlite"), create: true)
        let error = try #require(throws: WorkforceError.self) { try ResponseReader(store: store, kind: .employer) }
        #expect(error.description.contains("workforce import employer"))
    }
}
