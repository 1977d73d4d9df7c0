import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

@Suite struct InstrumentTests {
    static let variants: [(InstrumentKind, String?)] = [
        (.employer, nil), (.university, nil), (.awareness, "baseline"), (.awareness, "followup-1"),
    ]

    @Test(arguments: variants)
    func everyRelevantAndConstraintRefersToAQuestionOfTheForm(_ kind: InstrumentKind, _ wave: String?) throws {
        let instrument = try buildInstrument(kind, wave: wave, ksaGaps: kind == .employer)
        let names = Set(instrument.questions.map(\.name))
        var expressions: [String] = []
        for item in instrument.items {
            if case .beginGroup(let g) = item, let r = g.relevant { expressions.append(r) }
            if case .question(let q) = item { expressions += [q.relevant, q.constraint].compactMap { $0 } }
        }
        #expect(!expressions.isEmpty)
        for expression in expressions {
            for reference in try XLSFormExpression.parse(expression).references {
                #expect(names.contains(reference), "\(expression)")
            }
        }
    }

    @Test(arguments: variants)
    func everyChoiceListUsedExistsAndHasBothLanguages(_ kind: InstrumentKind, _ wave: String?) throws {
        let instrument = try buildInstrument(kind, wave: wave, ksaGaps: kind == .employer)
        for q in instrument.questions {
            #expect(q.label["en"]?.isEmpty == false, "\(q.name) has no English label")
            #expect(q.label["es"]?.isEmpty == false, "\(q.name) has no Spanish label")
            guard let listName = q.listName else { continue }
            let list = try #require(instrument.choiceList(listName), "\(q.name) uses missing list \(listName)")
            #expect(!list.choices.isEmpty)
            for choice in list.choices {
                #expect(choice.label["en"] != nil && choice.label["es"] != nil, "\(listName)/\(choice.name)")
            }
        }
        let used = Set(instrument.questions.compactMap(\.listName))
        #expect(Set(instrument.choiceLists.map(\.name)) == used, "only the lists the questions use are written")
    }

    @Test func roleQuestionNamesComeFromRoleIdsAndAddingARoleRenamesNothing() throws {
        let one = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let two = try buildInstrument(.employer, roles: ["OV-MGT-001", "PR-CIR-001"])
        let names = { (i: Instrument) in i.questions.map(\.name).filter { $0.hasPrefix("pr_cir_001_") } }
        #expect(names(one) == [
            "pr_cir_001_staff", "pr_cir_001_vacancies", "pr_cir_001_hard_to_fill", "pr_cir_001_leavers_12m", "pr_cir_001_expects",
            "pr_cir_001_new_6m", "pr_cir_001_new_1y", "pr_cir_001_new_2y", "pr_cir_001_required_level", "pr_cir_001_current_level",
        ])
        #expect(names(one) == names(two))
        let group = two.items.compactMap { if case .beginGroup(let g) = $0, g.name == "role_pr_cir_001" { g } else { nil } }.first
        #expect(group?.relevant == "(${consent} = 'yes') and (selected(${roles}, 'pr_cir_001'))")
        let roles = try #require(two.choiceList("work_roles"))
        #expect(roles.choices.map(\.name) == ["ov_mgt_001", "pr_cir_001", "none"])
        #expect(roles.choices[1].label["en"] == "Cyber Defense Incident Responder (PR-CIR-001)")
    }

    @Test func crossFieldRulesAreConstraints() throws {
        let instrument = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        let q = Dictionary(uniqueKeysWithValues: instrument.questions.map { ($0.name, $0) })
        #expect(q["pr_cir_001_hard_to_fill"]?.constraint == "(. >= 0) and (. <= ${pr_cir_001_vacancies})")
        #expect(q["pr_cir_001_new_1y"]?.constraint == "(. >= 0) and (. <= 100000) and (. >= ${pr_cir_001_new_6m})")
        // Who expects new positions expects at least one within 2 years.
        #expect(q["pr_cir_001_new_2y"]?.constraint == "(. >= 1) and (. <= 100000) and (. >= ${pr_cir_001_new_1y})")
    }

    @Test func ksaGapsAreAskedOnlyOnRequestAndNeverAboutWithdrawnStatements() throws {
        #expect(try buildInstrument(.employer, roles: ["SP-ARC-002"]).questions.allSatisfy { !$0.name.hasSuffix("_ksa_gaps") })
        let instrument = try buildInstrument(.employer, roles: ["SP-ARC-002"], ksaGaps: true, ksaLimit: nil)
        let list = try #require(instrument.choiceList("ksa_sp_arc_002"))
        let names = list.choices.map(\.name)
        #expect(!names.contains("k0374"), "K0374 is withdrawn")
        #expect(names.last == "none")
        let (_, store) = try storeWithNICE2017()
        let all = try store.statements(try store.framework(named: nil), tasks: false, role: "SP-ARC-002")
        let current = all.rows.filter { $0[3] == .bool(false) }.map { $0[0].plainText.lowercased() }
        #expect(Array(names.dropLast()) == current)
    }

    @Test func followUpWavesAddSloganRecognitionAndActions() throws {
        let baseline = try buildInstrument(.awareness, wave: "baseline")
        let followup = try buildInstrument(.awareness, wave: "followup-2")
        #expect(baseline.questions.contains { $0.name == "campaign_seen" })
        #expect(!baseline.questions.contains { $0.name == "slogans_recognised" || $0.name == "campaign_action" })
        #expect(followup.questions.contains { $0.name == "slogans_recognised" })
        #expect(followup.questions.contains { $0.name == "campaign_action" })
        #expect(followup.formID == "awareness_followup_2")
        #expect(Set(baseline.questions.map(\.name)).isSubset(of: Set(followup.questions.map(\.name))))
    }

    @Test(arguments: ["followup-0", "followup-x", "followup-", "final", "followup-01", "Baseline"])
    func unknownWavesAreUsageErrors(_ name: String) {
        #expect(throws: WorkforceError.self) { _ = try Wave(name) }
    }

    @Test func theVersionIsAContentHash() throws {
        let a = Codebook.version(try buildInstrument(.employer, roles: ["PR-CIR-001"]))
        let b = Codebook.version(try buildInstrument(.employer, roles: ["PR-CIR-001"]))
        let c = Codebook.version(try buildInstrument(.employer, roles: ["PR-CDA-001"]))
        let d = Codebook.version(try buildInstrument(.employer, roles: ["PR-CIR-001"], languages: [.english]))
        #expect(a == b)
        #expect(a.count == 64)
        #expect(a != c)
        #expect(a != d)
    }

    @Test func scoringIsParsedIntoIndicators() throws {
        let instrument = try buildInstrument(.awareness, wave: "baseline")
        let q = try #require(instrument.questions.first { $0.name == "k_phishing" })
        #expect(q.scoring == [Scoring(indicator: "knows_phishing", ones: ["c"], zeros: ["a", "b", "d", "dont_know"])])
        let incidents = try #require(instrument.questions.first { $0.name == "incidents_12m" })
        #expect(incidents.scoring.count == 7)
    }

    @Test func englishOnlyFormsNeedNoSpanish() throws {
        let instrument = try buildInstrument(.university, languages: [.english])
        let sheets = XLSForm.sheets(instrument, version: "v")
        #expect(sheets[0].rows[0].contains("label::English (en)"))
        #expect(!sheets[0].rows[0].contains("label::Español (es)"))
        #expect(sheets[2].rows[1][3] == "English (en)")
    }
}

@Suite struct ItemBankErrorTests {
    /// Holds the copies of the bank for as long as the test runs.
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }

    /// A copy of the bundled bank with `file` replaced by `text`; returns the path of that file too.
    private func bank(with file: String, _ text: String) throws -> (String, ItemBank) {
        let folder = scratch.url.appendingPathComponent(UUID().uuidString)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Surveys/banks"), to: folder)
        let url = folder.appendingPathComponent(file)
        try FileManager.default.removeItem(at: url)
        try Data(text.utf8).write(to: url)
        return (url.path, try ItemBank(folder: folder))
    }

    private func build(_ bank: ItemBank, _ kind: InstrumentKind = .university) throws {
        _ = try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: kind), framework: "nice-2017", roles: [])
    }

    private let header = "type,name,label::en,label::es,relevant,scoring\r\n"

    @Test func aReferenceToAMissingQuestionIsLocated() throws {
        let (path, bank) = try bank(with: "university.csv", header + "integer,a,A,A,,\r\ninteger,b,B,B,${nope} > 0,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank) }
        #expect(error.description == "\(path):3: b refers to ${nope}, which is not a question of this form")
    }

    @Test func aMissingSpanishLabelIsLocated() throws {
        let (path, bank) = try bank(with: "university.csv", header + "integer,a,A,,,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank) }
        #expect(error.description.hasPrefix("\(path):2: a has no label::es"))
    }

    @Test func anUnknownTypeOrListIsLocated() throws {
        let (_, bank) = try bank(with: "university.csv", header + "integr,a,A,A,,\r\n")
        #expect(throws: WorkforceError.self) { try build(bank) }
        let (_, bank2) = try self.bank(with: "university.csv", header + "select_one colours,a,A,A,,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank2) }
        #expect(error.description.contains("choice list colours is not in choices.csv"))
    }

    @Test func scoringThatNamesAnUnknownChoiceIsRejected() throws {
        let (_, bank) = try bank(with: "university.csv", header + "select_one yes_no,a,A,A,,x:yes/maybe\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank) }
        #expect(error.description.contains("names maybe, which is not in list yes_no"))
    }

    @Test func aMalformedExpressionIsLocated() throws {
        let (path, bank) = try bank(with: "university.csv", header + "integer,a,A,A,,\r\ninteger,b,B,B,${a} >,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank) }
        #expect(error.description.hasPrefix("\(path):3: b: cannot read the expression `${a} >`"))
    }

    @Test func anInvalidNameAndAnUnclosedGroupAreRejected() throws {
        let (_, bank) = try bank(with: "university.csv", header + "integer,2a,A,A,,\r\n")
        #expect(throws: WorkforceError.self) { try build(bank) }
        let (_, bank2) = try self.bank(with: "university.csv", header + "begin_group,g,G,G,,\r\ninteger,a,A,A,,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank2) }
        #expect(error.description.contains("group g has no end_group"))
    }

    @Test func duplicateQuestionNamesAreRejected() throws {
        let (_, bank) = try bank(with: "university.csv", header + "integer,a,A,A,,\r\ninteger,a,B,B,,\r\n")
        let error = try #require(throws: WorkforceError.self) { try build(bank) }
        #expect(error.description.contains("question name a is used twice"))
    }
}
