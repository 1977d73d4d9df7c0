import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// Framework files that are wrong in ways NIST's never are: each a clear error, nothing stored.
@Suite struct HostileFrameworkTests {
    static func cprt(documents: String = #"[{"version": "2.1.0", "name": "NICE"}]"#, elements: String) -> String {
        #"{"documents": \#(documents), "relationship_types": [], "elements": [\#(elements)], "relationships": []}"#
    }

    static let good = #"{"element_type": "knowledge", "element_identifier": "K0001", "title": "", "text": "Knowledge of networks"}"#

    @Test(arguments: [
        (cprt(elements: #"{"element_type": "knowledge", "element_identifier": "K0001", "text": ["a", "b"]}"#), "text is not a text"),
        (cprt(elements: #"{"element_type": "knowledge", "element_identifier": "K0001", "text": "cut\u0000here"}"#), "holds a NUL character"),
        (cprt(documents: "[]", elements: good), "has no \"documents\" entry"),
        (cprt(documents: #"[{"version": 2}]"#, elements: good), "has no version like"),
        (cprt(documents: #"[{"version": ""}]"#, elements: good), "has no version like"),
        (cprt(elements: #"{"element_type": "knowledge", "element_identifier": "", "text": "x"}"#), "empty element_identifier"),
        (cprt(elements: good + "," + good), "is given twice"),
    ])
    func hostileCPRTFilesAreClearErrors(_ text: String, _ message: String) throws {
        let json = try JSONParser.parse(Array(text.utf8), name: "hostile.json")
        let error = try #require(throws: WorkforceError.self) { try CPRTLoader.load(json: json, source: "hostile.json") }
        #expect(error.exitCode == .dataError)
        #expect(error.description.contains("hostile.json"))
        #expect(error.description.contains(message), "\(error.description)")
    }

    @Test func cprtElementErrorsGiveTheElementsLineAndColumn() throws {
        let folder = try TemporaryFolder()
        let bad = #"{"element_type": "knowledge", "element_identifier": "", "text": "x"}"#
        let text = """
            {"documents": [{"version": "2.1.0", "name": "NICE"}], "relationship_types": [],
             "elements": [
              \(Self.good),
                \(bad)
             ],
             "relationships": []}
            """
        let url = try folder.write("located.json", text)
        let error = try #require(throws: WorkforceError.self) { try CPRTLoader.load(url: url) }
        #expect(error.description.contains("located.json:4:5: element 2 of \"elements\" (no id) has an empty element_identifier"), "\(error)")
        let relationship = """
            {"documents": [{"version": "2.1.0", "name": "NICE"}], "relationship_types": [],
             "elements": [\(Self.good)],
             "relationships": [
               {"source_element_identifier": "K0001", "dest_element_identifier": "K0001"}, {"source_element_identifier": "K0001"}
             ]}
            """
        let second = try #require(throws: WorkforceError.self) { try CPRTLoader.load(url: try folder.write("rel.json", relationship)) }
        #expect(second.description.contains("rel.json:4:80: relationship 2 has no"), "\(second)")
    }

    @Test(arguments: [
        ("id,kind,text\nK0001,K,a\nK0001,K,b\n", "tks.csv:3:1: id K0001 is given twice (first on line 2)"),
        ("id,kind,text\nK0001,K,a\n,K,b\n", "tks.csv:3:1: the id is empty"),
    ])
    func hostileCSVFoldersAreLocatedErrors(_ tks: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("tks.csv", tks)
        _ = try folder.write("work_roles.csv", "id,name,category_id\nOG-WRL-001,Role,OG\n")
        _ = try folder.write("role_tks.csv", "role_id,tks_id\nOG-WRL-001,K0001\n")
        let error = try #require(throws: WorkforceError.self) { try FrameworkCSVLoader.load(folder: folder.url) }
        #expect(error.description.contains(message), "\(error.description)")
    }

    @Test func anEmptyFrameworkNameIsAnError() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("tks.csv", "id,kind,text\nK0001,K,a\n")
        _ = try folder.write("work_roles.csv", "id,name,category_id\nOG-WRL-001,Role,OG\n")
        _ = try folder.write("role_tks.csv", "role_id,tks_id\nOG-WRL-001,K0001\n")
        _ = try folder.write("framework.json", #"{"name": ""}"#)
        let error = try #require(throws: WorkforceError.self) { try FrameworkCSVLoader.load(folder: folder.url) }
        #expect(error.description.contains("framework.json"))
        #expect(error.description.contains("non-empty"))
    }
}
