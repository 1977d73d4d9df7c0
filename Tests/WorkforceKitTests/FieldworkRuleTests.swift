import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// The rules that make the forms fieldable (issue 11): consent and age gates, exclusive
/// answers, the employer's screener and "no role", skips on the day-of-answer items, role sets.
@Suite struct FieldworkRuleTests {
    let scratch: TemporaryFolder

    init() throws { scratch = try TemporaryFolder() }
    // MARK: Gates

    @Test(arguments: [InstrumentKind.employer, .university, .awareness])
    func everyFormAsksForConsentFirstAndANoMakesTheRestNotRelevant(_ kind: InstrumentKind) throws {
        let instrument = try buildInstrument(kind, roles: kind == .employer ? ["PR-CIR-001"] : nil)
        let first = try #require(instrument.questions.first { $0.type != .note })
        #expect(first.name == "consent" && first.isGate && first.required)
        let codebook = try ParsedCodebook(json: Codebook.json(instrument), source: "test")
        let index = codebook.indexByName
        let consent = try #require(index["consent"])
        // Every later question's full condition (its own and its groups') is false when consent is "no".
        for (q, item) in codebook.items.enumerated() where q > consent && item.name != "consent_declined" {
            let relevant = try #require(item.relevant, "\(item.name) is asked whatever the consent")
            let asked = relevant.evaluate { $0 == "consent" ? "no" : "" }.asBool
            #expect(!asked, "\(item.name) is asked after a no to consent")
        }
    }

    @Test func aNoToConsentIsStoredWithOnlyItsConsentAnswer() throws {
        let (_, store) = try storeWithInstruments([(.awareness, "baseline")])
        let awareness = try buildInstrument(.awareness, wave: "baseline")
        var file = ResponseFile(awareness, rows: 2)
        file.rows[1]["consent"] = "no"  // the rest of the row still holds answers: none is stored
        let summary = try importFile(store, try scratch.write("consent.csv", file.csv()), .awareness)
        #expect(summary.imported == 2, "\(summary.problems.map(\.message))")
        let questions = try store.db.rows("SELECT question, value FROM v_answer WHERE response_id = 2 ORDER BY question")
        #expect(questions.map { $0[0] } == [.text("consent")])
        #expect(questions.first?[1] == .text("no"))
        // Analyses count only those who consented and are 18 or older.
        let reader = try ResponseReader(store: store, kind: .awareness, respondentsOnly: true)
        var keys: [Int64] = []
        try reader.forEach { keys.append($0.responseID) }
        #expect(keys == [1])
        let (_, weighting, _) = try AwarenessAnalysis.run(store, AwarenessRequest())
        #expect(weighting.first?.respondents == 1)
        #expect(weighting.first?.description.hasSuffix("1 more stored row did not pass consent or the age check and is not counted.") == true)
    }

    @Test func underEighteensEndTheAwarenessFormPolitely() throws {
        let awareness = try buildInstrument(.awareness, wave: "baseline")
        let age = try #require(awareness.questions.first { $0.name == "age_check" })
        #expect(age.isGate && age.relevant == "${consent} = 'yes'")
        let ending = try #require(awareness.questions.first { $0.name == "too_young" })
        #expect(ending.type == .note && ending.relevant == "(${consent} = 'yes') and (${age_check} = 'no')")
        let district = try #require(awareness.items.compactMap { item -> QuestionGroup? in
            if case .beginGroup(let g) = item, g.name == "profile" { g } else { nil }
        }.first)
        #expect(district.relevant == "(${consent} = 'yes') and (${age_check} = 'yes')")
    }

    @Test func aGateInsideAGroupIsABankError() throws {
        let folder = try TemporaryFolder()
        let bank = try bankCopy(in: folder) { name, text in
            guard name == "university.csv" else { return text }
            // plans_new (inside the curriculum group) made a gate.
            return text.replacingOccurrences(of: ",,plans_new:yes/no", with: ",gate,")
        }
        #expect(throws: WorkforceError.self) {
            _ = try InstrumentBuilder.build(bank: bank, request: SurveyRequest(kind: .university), framework: "nice-2017", roles: [])
        }
    }

    // MARK: Exclusive answers

    @Test func everyExclusiveChoiceGetsTheRuleAndItsMessage() throws {
        for instrument in [try buildInstrument(.employer, roles: ["PR-CIR-001"], ksaGaps: true), try buildInstrument(.awareness, wave: "followup-1"),
                           try buildInstrument(.university)] {
            for q in instrument.questions where q.type == .selectMultiple {
                let names = instrument.choiceList(q.listName ?? "")?.choices.map(\.name) ?? []
                let expected = names.filter(InstrumentBuilder.exclusiveChoiceNames.contains)
                #expect(q.exclusive == expected, "\(q.name)")
                for name in expected {
                    #expect(q.constraint?.contains("not(selected(., '\(name)') and count-selected(.) > 1)") == true, "\(q.name)")
                }
                if !expected.isEmpty {
                    #expect(q.constraintMessage["en"]?.contains("cannot be ticked with another answer") == true, "\(q.name)")
                    #expect(q.constraintMessage["es"]?.contains("junto con otra respuesta") == true, "\(q.name)")
                }
            }
        }
        let incidents = try #require(try buildInstrument(.awareness, wave: "baseline").questions.first { $0.name == "incidents_12m" })
        #expect(incidents.exclusive == ["none", "prefer_not"])
    }

    @Test func thePrintedFormStatesTheExclusiveRule() throws {
        let awareness = try buildInstrument(.awareness, wave: "baseline")
        let page = PrintableHTML.page(awareness, language: "en", version: "v")
        #expect(page.contains("“None of these” or “Prefer not to say” cannot be ticked with another answer."))
        let spanish = QuestionnaireMarkdown.document(awareness, language: "es", version: "v")
        #expect(spanish.contains("No se puede marcar «Ninguno de estos» o «Prefiero no responder» junto con otra respuesta."))
    }

    // MARK: Employer form

    @Test func anEmployerWithNoCyberRoleImports() throws {
        let (_, store) = try storeWithInstruments([(.employer, nil)])
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        var file = ResponseFile(employer, rows: 1)
        file.rows[0]["cyber_work"] = "no"
        file.rows[0]["roles"] = "none"
        for name in file.names where name.hasPrefix("pr_cir_001_") || name.hasPrefix("ov_mgt_001_") || name == "hard_to_fill_reasons" {
            file.rows[0][name] = ""
        }
        let summary = try importFile(store, try scratch.write("none.csv", file.csv()), .employer)
        #expect(summary.imported == 1, "\(summary.problems.map(\.message))")
        let employers = try EmployerResponse.all(in: store)
        #expect(employers.count == 1 && employers[0].roles.isEmpty)
    }

    @Test func dayOfAnswerItemsSkipAndExpectationsAcceptDontKnow() throws {
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        let q = Dictionary(uniqueKeysWithValues: employer.questions.map { ($0.name, $0) })
        #expect(q["pr_cir_001_hard_to_fill"]?.relevant == "${pr_cir_001_vacancies} > 0")
        #expect(q["pr_cir_001_leavers_12m"]?.topic == "role:PR-CIR-001:leavers_12m")
        #expect(q["pr_cir_001_vacancies"]?.label["en"]?.contains("on the day you answer") == true)
        #expect(q["pr_cir_001_new_6m"]?.relevant == "${pr_cir_001_expects} = 'yes'")
        #expect(employer.choiceList(q["pr_cir_001_expects"]?.listName ?? "")?.choices.map(\.name) == ["yes", "no", "dont_know"])
        #expect(q["hard_to_fill_reasons"]?.relevant == "((${pr_cir_001_hard_to_fill} > 0) or (${ov_mgt_001_hard_to_fill} > 0))")
        #expect(q["cyber_outsourced"].map { employer.choiceList($0.listName ?? "")?.choices.map(\.name) } == ["none", "some", "all"])
        #expect(q["total_employees"]?.type == .integer)
        // The required level cannot be 0: its list has no 0.
        #expect(employer.choiceList(q["pr_cir_001_required_level"]?.listName ?? "")?.choices.map(\.name) == ["1", "2", "3", "4"])
        // Each level says what a person at that level can do.
        let levels = try #require(employer.choiceList("proficiency")?.choices)
        #expect(levels.count == 5 && levels.allSatisfy { $0.hint["en"] != nil && $0.hint["es"] != nil })
        let reasons = try #require(employer.choiceList("hard_reasons")?.choices)
        #expect(reasons.contains { $0.label["en"] == "Candidates' salary expectations above what we can pay" })
    }

    @Test func expectingNoNewPositionsCountsZeroAndDontKnowCountsNothing() throws {
        let (_, store) = try storeWithInstruments([(.employer, nil)])
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        var file = ResponseFile(employer, rows: 2)
        for i in 0..<2 { file.rows[i]["roles"] = "pr_cir_001 ov_mgt_001" }
        file.rows[0]["pr_cir_001_expects"] = "no"
        file.rows[1]["pr_cir_001_expects"] = "dont_know"
        let summary = try importFile(store, try scratch.write("expects.csv", file.csv()), .employer)
        #expect(summary.imported == 2, "\(summary.problems.map(\.message))")
        let employers = try EmployerResponse.all(in: store)
        #expect(employers[0].roles["PR-CIR-001"]?.expected == [.short: 0, .medium: 0, .long: 0])
        #expect(employers[1].roles["PR-CIR-001"]?.expected == [:])
        #expect(employers[0].roles["OV-MGT-001"]?.expected == [.short: 1, .medium: 1, .long: 1])
    }

    @Test func aHeadcountOutsideItsSizeBandIsQuarantined() throws {
        let (_, store) = try storeWithInstruments([(.employer, nil)])
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001", "OV-MGT-001"])
        var file = ResponseFile(employer, rows: 1)
        file.rows[0]["size_band"] = "large"
        file.rows[0]["total_employees"] = "12"
        let summary = try importFile(store, try scratch.write("band.csv", file.csv()), .employer)
        #expect(summary.quarantined == 1)
        #expect(summary.problems.first?.message.contains("Must match the size band chosen above.") == true)
    }

    // MARK: Role sets and lists

    @Test func theCoreRoleSetHasFifteenRolesWithTheirDescriptionsAsHints() throws {
        let bank = try bundledBank()
        let ids = try bank.roleSet("belize-core", framework: "nice-2017")
        #expect(ids.count == 15)
        #expect(ids.contains("PR-CIR-001") && ids.contains("OM-ADM-001") && ids.contains("SP-ARC-002") && ids.contains("OV-TEA-002"))
        let employer = try buildInstrument(.employer, roles: ids)
        let roles = try #require(employer.choiceList("work_roles")?.choices)
        #expect(roles.count == 16 && roles.last?.name == "none")
        #expect(roles.dropLast().allSatisfy { !($0.hint["en"] ?? "").isEmpty })
        #expect(throws: WorkforceError.self) { _ = try bank.roleSet("belize-all", framework: "nice-2017") }
        #expect(throws: WorkforceError.self) { _ = try bank.roleSet("belize-core", framework: "components-v2.2.0") }
    }

    @Test func belizeListsAndSpanishWording() throws {
        let bank = try bundledBank()
        let sectors = try #require(bank.choiceLists["sectors"]).choices.map(\.name)
        for name in ["offshore_finance", "credit_unions_insurance", "agro_processing", "local_government"] { #expect(sectors.contains(name)) }
        #expect(!sectors.contains("immigration"))
        let languages = try #require(bank.choiceLists["languages"]).choices.map(\.name)
        #expect(languages.contains("yucatec_maya") && languages.contains("mandarin"))
        #expect(try #require(bank.choiceLists["districts"]).choices.count == 6)
        let confidence = try #require(bank.choiceLists["confidence"]).choices.compactMap { $0.label["es"] }
        #expect(confidence == ["Con mucha confianza", "Con bastante confianza", "Con poca confianza", "Ninguna confianza", "No sé"])
        for list in bank.choiceLists.values {
            for choice in list.choices where choice.name == "dont_know" { #expect(choice.label["es"] == "No sé", "\(list.name)") }
            for choice in list.choices where choice.name == "prefer_not" { #expect(choice.label["es"] == "Prefiero no responder", "\(list.name)") }
        }
        let followUp = try buildInstrument(.awareness, wave: "followup-2")
        #expect(followUp.title["es"] == "Encuesta nacional de concientización sobre ciberseguridad de Belice (seguimiento 2)")
        #expect(followUp.title["en"]?.hasSuffix("(follow-up 2)") == true)
    }

    @Test func theAwarenessFormSkipsOnlineItemsForNonUsersAndOffersPreferNot() throws {
        let baseline = try buildInstrument(.awareness, wave: "baseline")
        let q = Dictionary(uniqueKeysWithValues: baseline.questions.map { ($0.name, $0) })
        for name in ["uses_2fa", "reuses_passwords", "installs_updates", "banks_on_public_wifi", "checked_privacy"] {
            #expect(q[name]?.relevant == "${internet_use} != 'never'", "\(name)")
        }
        for name in ["incidents_12m", "reported_incident", "home_language", "sex"] {
            #expect(baseline.choiceList(q[name]?.listName ?? "")?.choices.contains { $0.name == "prefer_not" } == true, "\(name)")
        }
        #expect(q["image_referral"]?.relevant == "selected(${incidents_12m}, 'image_sharing')")
        #expect(q["campaign_seen"] != nil && q["slogans_recognised"] == nil)
        let channels = baseline.choiceList("campaign_channels")?.choices.map(\.name) ?? []
        #expect(channels.contains("social_media") && channels.contains("community_meetings"))
        let followUp = try buildInstrument(.awareness, wave: "followup-1")
        let slogans = try #require(followUp.questions.first { $0.name == "slogans_recognised" })
        #expect(followUp.choiceList(slogans.listName ?? "")?.choices.contains { $0.name == "decoy" } == true)
        #expect(followUp.questions.contains { $0.name == "campaign_action" })
    }

    @Test func placeholdersLeftInTheBankAreListed() throws {
        let employer = try buildInstrument(.employer, roles: ["PR-CIR-001"])
        #expect(employer.placeholders.contains { $0.text == "[[contact: contact name, telephone and e-mail]]" && $0.name == "contact" })
    }
}

/// A copy of the bundled bank in `folder`, each file passed through `edit`.
func bankCopy(in folder: TemporaryFolder, _ edit: (String, String) -> String) throws -> ItemBank {
    let source = repositoryRoot.appendingPathComponent("Surveys/banks")
    let target = folder.url.appendingPathComponent("banks")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    // The bank's files; its folders (the word tables) are not the bank's.
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".csv") {
        let text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
        try Data(edit(name, text).utf8).write(to: target.appendingPathComponent(name))
    }
    return try ItemBank(folder: target)
}
