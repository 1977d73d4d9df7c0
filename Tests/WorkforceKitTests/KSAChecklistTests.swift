import Foundation
import Testing
@testable import Domain
@testable import Formats
@testable import Statistics
@testable import Storage
@testable import WorkforceKit

/// The compact KSA-gap layout (issue 33): a role's checklist is its KSAs most in demand among
/// the surveyed roles, in English and Spanish, and the importer takes its answers as before.
@Suite struct KSAChecklistTests {
    static func role(_ id: String, _ ksas: [String]) -> SurveyRole {
        SurveyRole(id: id, name: id, ksas: ksas.map { FrameworkStatement(id: $0, kind: .knowledge, text: "Knowledge of \($0).", withdrawn: false) })
    }

    /// By hand: K3 is needed by all three roles, K2 by two, K1, K4, K5 and K6 by one.
    static let roles = [role("A", ["K1", "K2", "K3", "K4"]), role("B", ["K2", "K3", "K5"]), role("C", ["K3", "K6"])]

    @Test func demandCountsTheSurveyedRolesNeedingEachKSA() {
        #expect(KSAChecklist.demand(Self.roles) == ["K1": 1, "K2": 2, "K3": 3, "K4": 1, "K5": 1, "K6": 1])
    }

    @Test func aChecklistRanksByDemandThenFrameworkOrderAndStopsAtItsLength() {
        let a = Self.roles[0]
        #expect(KSAChecklist.ranked(a, among: Self.roles, limit: 2).map(\.id) == ["K3", "K2"])
        // K1 and K4 tie at one role each: the framework's order decides.
        #expect(KSAChecklist.ranked(a, among: Self.roles, limit: 3).map(\.id) == ["K3", "K2", "K1"])
        #expect(KSAChecklist.ranked(a, among: Self.roles, limit: 10).map(\.id) == ["K3", "K2", "K1", "K4"])
        // Every KSA (`--ksa-top all`) keeps the framework's order, as the form always had it.
        #expect(KSAChecklist.ranked(a, among: Self.roles, limit: nil).map(\.id) == ["K1", "K2", "K3", "K4"])
        // Alone, a role's KSAs all have demand 1: its first ones in the framework's order.
        #expect(KSAChecklist.ranked(a, among: [a], limit: 2).map(\.id) == ["K1", "K2"])
    }

    @Test func theBelizeCoreFormAsksTenKSAsARoleInEnglishAndSpanish() throws {
        let ids = try bundledBank().roleSet("belize-core", framework: "nice-2017")
        let instrument = try buildInstrument(.employer, roles: ids, ksaGaps: true)
        let lists = instrument.choiceLists.filter { $0.name.hasPrefix("ksa_") }
        #expect(lists.count == 15)
        for list in lists {
            #expect(list.choices.count == KSAChecklist.defaultLength + 1, "\(list.name)")
            #expect(list.choices.last?.name == "none")
            // The six KSAs every NICE 2017 role needs come first, in the framework's order.
            #expect(list.choices.prefix(6).map(\.name) == ["k0001", "k0002", "k0003", "k0004", "k0005", "k0006"], "\(list.name)")
            for choice in list.choices.dropLast() {
                let english = try #require(choice.label["en"]), spanish = try #require(choice.label["es"])
                #expect(english.hasPrefix(choice.name.uppercased() + ": Knowledge") || english.hasPrefix(choice.name.uppercased() + ": Ability"))
                #expect(spanish.hasPrefix(choice.name.uppercased() + ": Con") || spanish.hasPrefix(choice.name.uppercased() + ": Capacidad"), "\(spanish)")
            }
        }
        let incidents = try #require(instrument.choiceList("ksa_pr_cir_001"))
        #expect(incidents.choices.first?.label["es"] == "K0001: Conocimiento de los conceptos y protocolos de redes informáticas, y de las metodologías de seguridad de redes.")
    }

    @Test func everySpanishStatementIsACurrentStatementOfItsFramework() throws {
        let url = repositoryRoot.appendingPathComponent("Frameworks/translations/ksas.es.csv")
        let rows = try ItemBank.rows(url, required: ["framework", "statement_id", "text"])
        #expect(!rows.isEmpty)
        let (_, store) = try storeWithNICE2017()
        let table = try store.statements(try store.framework(named: "nice-2017"), tasks: false, role: nil)
        let current = Set(table.rows.filter { $0[3] == .bool(false) }.map { $0[0].plainText })
        for row in rows {
            #expect(row["framework"] == "nice-2017")
            #expect(current.contains(row["statement_id"]), "\(row.location): \(row["statement_id"]) is not a current NICE 2017 statement")
        }
    }

    @Test func aRepeatedOrEmptyStatementTextIsALocatedError() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("ksas.es.csv")
        try "framework,statement_id,text\nnice-2017,K0001,Uno\nnice-2017,K0001,Otra vez\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: WorkforceError.self) { try StatementTexts(url: url) }
        do {
            _ = try StatementTexts(url: url)
        } catch {
            #expect("\(error)".contains("ksas.es.csv:3") && "\(error)".contains("appears twice"), "\(error)")
        }
        try "framework,statement_id,text\nnice-2017,K0001,\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: WorkforceError.self) { try StatementTexts(url: url) }
    }
}
