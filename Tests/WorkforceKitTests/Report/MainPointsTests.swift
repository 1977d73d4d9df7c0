import Foundation
import Testing

@testable import WorkforceKit

/// The report's main points on small hand-made figures: each sentence states the figure, its
/// interval and its reliability as given, and missing data gives fewer sentences, never a wrong one.
@Suite struct MainPointsTests {
    /// 138 employers, a shortage of 190 (SE 40: CI 112 to 268, CV 21%: grade B).
    static func employers(shortages: [MainPoints.Role]? = nil, catalog: Bool = true, se: Double? = 40) -> MainPoints.Employers {
        MainPoints.Employers(
            respondents: 138, horizon: .medium, shortage: Estimate(190, se: se), openings: Estimate(250, se: se.map { $0 * 1.2 }), completers: 60,
            people: Estimate(480, se: se.map { _ in 30 }),
            shortages: shortages ?? [
                MainPoints.Role(name: "Network Operations Specialist", gap: Estimate(100, se: se.map { _ in 20 }, isCount: false)),
                MainPoints.Role(name: "System Administrator", gap: Estimate(60, se: se.map { _ in 25 }, isCount: false)),
                MainPoints.Role(name: "Cyber Defense Analyst", gap: Estimate(30, se: se.map { _ in 10 }, isCount: false)),
            ], catalog: catalog, neededKSAs: 300, untaughtKSAs: 45)
    }

    static let awareness = MainPoints.Awareness(
        baseline: "baseline", knowledge: MainPoints.Share(0.498, interval: 0.484...0.511), followup: "followup-1",
        changes: [
            MainPoints.Change(indicator: "knowledge_score", from: 0.498, to: 0.564, interval: 0.048...0.084, q: 0.0001),
            MainPoints.Change(indicator: "uses_2fa", from: 0.40, to: 0.45, interval: 0.01...0.09, q: 0.03),
            MainPoints.Change(indicator: "victim_any", from: 0.30, to: 0.25, interval: (-0.09)...(-0.01), q: 0.04),
            MainPoints.Change(indicator: "trusts_egov", from: 0.50, to: 0.52, interval: (-0.02)...0.06, q: 0.30),
        ], netRecognition: MainPoints.Share(0.242, interval: 0.209...0.275))

    @Test func theShortageIsQuotedWithItsIntervalAndGrade() {
        let sentences = MainPoints(employers: Self.employers()).sentences
        // 190 ± 1.96 x 40 = 111.6 to 268.4; CV 40/190 = 21%: grade D (acceptable: no caution).
        #expect(sentences.first == "Employers expect about 190 more cybersecurity openings in the next year than courses will fill (95% CI 112 to 268).")
        // 100 ± 39.2 = 61 to 139; 60 ± 49 = 11 to 109; 30 ± 19.6 = 10 to 50; 61 > 50: the intervals of the first and third overlap.
        #expect(sentences[1] == "The shortage is in three roles: Network Operations Specialist (100; 95% CI 61 to 139), System Administrator (60; 95% CI 11 to 109) and Cyber Defense Analyst (30; 95% CI 10 to 50).")
        #expect(sentences.contains("Employers expect about 250 openings in all (95% CI 156 to 344), from vacancies, new positions and replacing leavers; the national catalog's courses will produce 60 completers in that time."))
        #expect(sentences.contains("45 of the 300 knowledge, skill and ability items (KSAs) the roles with openings need are taught by no course in the national catalog."))
        #expect(sentences.contains("About 480 different people do cybersecurity work in the organisations the survey represents (95% CI 421 to 539)."))
        #expect(sentences.count == 5)
    }

    @Test func overlappingIntervalsSayTheOrderIsUncertainAndOnlyTheLargestThreeAreNamed() {
        let roles = [100.0, 90, 80, 5].map { MainPoints.Role(name: "Role \(Int($0))", gap: Estimate($0, se: 15, isCount: false)) }
        let sentence = MainPoints(employers: Self.employers(shortages: roles)).sentences[1]
        #expect(sentence == "The largest shortages are for Role 100 (100; 95% CI 71 to 129), Role 90 (90; 95% CI 61 to 119) and Role 80 (80; 95% CI 51 to 109), of the four roles with a shortage; their intervals overlap, so their order is not certain.")
    }

    @Test func aRoleWhoseGapRoundsToZeroStillCountsAsARoleWithAShortage() {
        let roles = [MainPoints.Role(name: "A", gap: Estimate(40, se: nil, isCount: false)), MainPoints.Role(name: "B", gap: Estimate(0.3, se: nil, isCount: false))]
        #expect(MainPoints(employers: Self.employers(shortages: roles, se: nil)).sentences[1] == "The largest shortage is for A (40), of the two roles with a shortage.")
        let one = [MainPoints.Role(name: "A", gap: Estimate(40, se: nil, isCount: false))]
        #expect(MainPoints(employers: Self.employers(shortages: one, se: nil)).sentences[1] == "The shortage is in one role: A (40).")
    }

    @Test func aGradeEShortageCarriesItsCautionAndAGradeFOneIsNotQuoted() {
        var e = Self.employers()
        e.shortage = Estimate(100, se: 30)  // CV 30%: grade E
        #expect(MainPoints(employers: e).sentences.first?.hasSuffix("(95% CI 41 to 159; use with caution).") == true)
        e.shortage = Estimate(100, se: 40)  // CV 40%: grade F
        let first = MainPoints(employers: e).sentences.first ?? ""
        #expect(first.hasPrefix("How many more cybersecurity openings employers expect in the next year than courses will fill is too unreliable to publish"))
        #expect(!first.contains("100") && !first.contains("95% CI"))
        // Under 10 employers the figure is F whatever its CV.
        e.shortage = Estimate(100, se: 1)
        e.shortageGrade = QualityGrade(e.shortage, units: 9)
        #expect(MainPoints(employers: e).sentences.first?.contains("too unreliable to publish") == true)
    }

    @Test func withheldRolesInTheShortageAreCountedNotNamed() {
        var e = Self.employers(shortages: [MainPoints.Role(name: "A", gap: Estimate(40, se: nil, isCount: false))], se: nil)
        e.withheldShortages = 2
        #expect(MainPoints(employers: e).sentences[1] == "Among the published roles, the shortage is in one role: A (40); two more roles have a shortage that counts in the total but are withheld.")
    }

    @Test func aGradeERoleCarriesItsCautionAndAGradeFRoleIsNeverNamed() {
        let roles = [
            MainPoints.Role(name: "Careful", gap: Estimate(100, se: 20, isCount: false), grade: .e),
            MainPoints.Role(name: "Hidden", gap: Estimate(90, se: 40, isCount: false), grade: .f),
            MainPoints.Role(name: "Good", gap: Estimate(10, se: 1, isCount: false), grade: .c),
        ]
        let sentence = MainPoints(employers: Self.employers(shortages: roles)).sentences[1]
        #expect(sentence.contains("Careful (100; 95% CI 61 to 139; use with caution)"))
        #expect(sentence.contains("Good (10; 95% CI 8 to 12)") && !sentence.contains("Good (10; 95% CI 8 to 12;"))
        #expect(!sentence.contains("Hidden") && !sentence.contains("90"))
    }

    @Test func noShortageIsNotReportedAsAShortageOfZero() {
        var e = Self.employers(shortages: [])
        e.shortage = Estimate(0, se: 0)
        let sentences = MainPoints(employers: e).sentences
        #expect(sentences.first == "Courses are expected to produce enough completers for the openings employers expect in the next year in every published cybersecurity role.")
        #expect(!sentences.contains { $0.contains("largest shortages") || $0.contains("The shortage is") })
    }

    @Test func unweightedFiguresHaveNoIntervalAndSayWhomTheyDescribe() {
        let sentences = MainPoints(employers: Self.employers(se: nil)).sentences
        #expect(sentences.first == "Employers expect 190 more cybersecurity openings in the next year than courses will fill among the 138 responding employers (unweighted: no interval).")
        #expect(sentences[1] == "The shortage is in three roles: Network Operations Specialist (100), System Administrator (60) and Cyber Defense Analyst (30).")
        #expect(!sentences.joined().contains("95% CI"))
    }

    @Test func withoutACatalogSupplyIsUnknownNotZero() {
        let sentences = MainPoints(employers: Self.employers(catalog: false)).sentences
        #expect(sentences == ["Employers expect about 250 cybersecurity openings in the next year (95% CI 156 to 344); no training catalog is imported, so how many of them courses will fill is not known."])
    }

    @Test func awarenessGivesTheLevelAndTheChangesCountedByQ() {
        let sentences = MainPoints(awareness: Self.awareness).sentences
        #expect(sentences == [
            "In the baseline survey, people answered 49.8% of the knowledge questions correctly on average (95% CI 48.4% to 51.1%).",
            "Between the baseline and followup-1 surveys, three of the four indicators compared changed by more than chance would explain (Benjamini-Hochberg q < 0.05): two rose and one fell.",
            "The share of knowledge questions answered correctly went from 49.8% to 56.4% (+6.6 points, 95% CI +4.8 to +8.4).",
            "In the followup-1 survey, 24.2% of people recognised a real campaign slogan beyond what false claims of a made-up slogan explain (95% CI 20.9% to 27.5%).",
        ])
    }

    @Test func aChangeAboveTheThresholdIsNotSignificant() {
        var a = Self.awareness
        a.changes = [MainPoints.Change(indicator: "knowledge_score", from: 0.50, to: 0.51, interval: (-0.01)...0.03, q: 0.2)]
        let sentences = MainPoints(awareness: a).sentences
        #expect(sentences[1] == "Between the baseline and followup-1 surveys, the one indicator compared did not change by more than chance would explain (Benjamini-Hochberg q < 0.05).")
        #expect(sentences[2] == "The share of knowledge questions answered correctly went from 50.0% to 51.0% (+1.0 points, 95% CI -1.0 to +3.0); this is not a significant change.")
    }

    @Test func oneWaveGivesNoChangeSentence() {
        let a = MainPoints.Awareness(baseline: "baseline", knowledge: MainPoints.Share(0.6, interval: nil))
        #expect(MainPoints(awareness: a).sentences == ["In the baseline survey, people answered 60.0% of the knowledge questions correctly on average."])
        #expect(MainPoints(awareness: MainPoints.Awareness(baseline: "baseline", knowledge: nil)).sentences.isEmpty)
        #expect(MainPoints().sentences.isEmpty)
    }

    @Test func atMostEightSentencesKeepingTheMostImportant() {
        let sentences = MainPoints(employers: Self.employers(), awareness: Self.awareness).sentences
        #expect(sentences.count == 8)
        #expect(sentences.first?.hasPrefix("Employers expect about 190 more") == true)
        // Nine written: net recognition, the least important, is left out.
        #expect(!sentences.contains { $0.contains("slogan") })
        #expect(sentences.contains { $0.hasPrefix("About 480") } && sentences.contains { $0.hasPrefix("45 of the 300") })
    }

    /// The plan's "What to do" ends the main points, still at most eight: the two least
    /// important of the nine written give way.
    @Test func whatToDoIsTheLastPointWithinTheLimit() {
        var points = MainPoints(employers: Self.employers(), awareness: Self.awareness)
        points.whatToDo = "What to do: create short courses (40 people a year)."
        let sentences = points.sentences
        #expect(sentences.count == 8)
        #expect(sentences.last == "What to do: create short courses (40 people a year).")
        #expect(sentences.first?.hasPrefix("Employers expect about 190 more") == true)
    }
}
