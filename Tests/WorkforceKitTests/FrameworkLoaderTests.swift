import Foundation
import Testing
@testable import WorkforceKit

@Suite struct FrameworkLoaderTests {
    @Test func nice2017HasEveryRowOfItsFiles() throws {
        let data = try FrameworkCSVLoader.load(folder: frameworksFolder("nice-2017"))
        #expect(data.info.name == "nice-2017")
        #expect(data.info.edition == .nice2017)
        #expect(data.categories.count == 7)
        #expect(data.specialtyAreas.count == 33)
        #expect(data.workRoles.count == 52)
        let ksas = data.statements.filter { $0.kind != .task }
        #expect(ksas.count == 1180)
        #expect(ksas.filter(\.withdrawn).count == 51)
        #expect(data.statements.filter { $0.kind == .task }.count == 1006)
        #expect(data.statements.filter { $0.kind == .task && $0.withdrawn }.count == 3)
        let links = try dataRowCount("Frameworks/nice-2017/role_ksa.csv") + dataRowCount("Frameworks/nice-2017/role_tasks.csv")
        #expect(data.roleLinks.count == links)
        #expect(links == 3266 + 1316)
        #expect(data.warnings.isEmpty)
    }

    @Test func componentsV220HasRolesStatementsAndCompetencyLinks() throws {
        let data = try FrameworkCSVLoader.load(folder: frameworksFolder("components-v2.2.0"))
        #expect(data.info.name == "nice-components-v2.2.0")
        #expect(data.info.edition == .components)
        #expect(data.categories.count == 5)
        #expect(data.workRoles.count == 42)
        #expect(data.workRoles.allSatisfy { $0.specialtyAreaID == nil })
        #expect(data.statements.count == 2210)
        #expect(data.roleLinks.count == 5452)
        #expect(data.competencyAreas.count == 11)
        #expect(data.competencyLinks.count == 416)
        #expect(data.warnings.isEmpty)
    }

    @Test func componentsV100WithoutNamesLoadsWithWarnings() throws {
        let data = try FrameworkCSVLoader.load(folder: frameworksFolder("components-v1.0.0"))
        #expect(data.workRoles.count == 52)
        #expect(data.statements.count == 2280)
        #expect(data.roleLinks.count == 7386)
        #expect(Set(data.categories.map(\.id)).count == 7)
        #expect(data.workRoles.allSatisfy { $0.name == $0.id })
        #expect(data.warnings.contains { $0.contains("OG-WRL-001 has no name") })
    }

    @Test func cprtV200ReportsItsFourDanglingLinksById() throws {
        let data = try CPRTLoader.load(url: frameworksFolder("cprt/nf-components-v2.0.0.cprt.json"))
        #expect(data.info.name == "nice-components-v2.0.0")
        #expect(data.workRoles.count == 41)
        #expect(data.statements.count == 942 + 631 + 538)
        #expect(data.competencyAreas.count == 11)
        #expect(data.competencyLinks.count == 123)
        #expect(
            Set(data.warnings) == [
                "dangling link PD-WRL-001 -> T1385: no statement T1385",
                "dangling link PD-WRL-001 -> S0873: no statement S0873",
                "dangling link PD-WRL-005 -> K1139: no statement K1139",
                "dangling link IN-WRL-001 -> K1139: no statement K1139",
            ])
        #expect(data.roleLinks.count == 2856 + 1429 + 1051)
        #expect(data.workRoles.allSatisfy { !$0.categoryID.isEmpty })
        #expect(data.workRoles.filter { $0.opmCode != nil }.count == 39)
        #expect(data.workRoles.first { $0.id == "DD-WRL-004" }?.opmCode == "631 and 632")
    }

    @Test func cprtV210WrappedInResponseLoads() throws {
        let data = try CPRTLoader.load(url: frameworksFolder("cprt/nf-components-v2.1.0.cprt.json"))
        #expect(data.info.name == "nice-components-v2.1.0")
        #expect(data.workRoles.count == 41)
        #expect(data.statements.count == 2148)
        #expect(data.roleLinks.count == 5334)
        #expect(data.warnings.isEmpty)
    }

    @Test func malformedFrameworkCSVIsLocated() throws {
        let folder = try TemporaryFolder()
        let source = frameworksFolder("nice-2017")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file), to: folder.url.appendingPathComponent(file))
        }
        try folder.write("tasks.csv", "id,text,withdrawn\r\nT0001,fine,false\r\nT0002,\"broken,false\r\n")
        let error = try #require(throws: WorkforceError.self) { _ = try FrameworkCSVLoader.load(folder: folder.url) }
        #expect(error.exitCode == .dataError)
        #expect(error.description.hasPrefix(folder.path("tasks.csv") + ":3:7: quoted field is never closed"))

        try folder.write("tasks.csv", "id,text,withdrawn\r\nT0001,fine,maybe\r\n")
        let bad = try #require(throws: WorkforceError.self) { _ = try FrameworkCSVLoader.load(folder: folder.url) }
        #expect(bad.description == folder.path("tasks.csv") + ":2:12: withdrawn is \"maybe\"; write true or false")
    }

    @Test func malformedCPRTJSONIsLocated() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write("bad.json", "{\n  \"elements\": [\n    {\"element_type\": \"task\",}\n  ]\n}\n")
        let error = try #require(throws: WorkforceError.self) { _ = try CPRTLoader.load(url: url) }
        #expect(error.exitCode == .dataError)
        #expect(error.description.hasPrefix(url.path + ":3:29: malformed JSON"))

        let wrongShape = try folder.write("shape.json", #"{"items": []}"#)
        let shape = try #require(throws: WorkforceError.self) { _ = try CPRTLoader.load(url: wrongShape) }
        #expect(shape.description.contains("not a CPRT export"))
    }

    @Test func aFolderWithoutFrameworkFilesIsRejected() throws {
        let folder = try TemporaryFolder()
        try folder.write("readme.txt", "nothing")
        let error = try #require(throws: WorkforceError.self) { _ = try FrameworkCSVLoader.load(folder: folder.url) }
        #expect(error.exitCode == .dataError)
        #expect(throws: WorkforceError.self) { _ = try FrameworkCSVLoader.load(folder: folder.url.appendingPathComponent("none")) }
    }
}
