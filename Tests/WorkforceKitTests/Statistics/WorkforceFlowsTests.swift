import Foundation
import Testing
@testable import WorkforceKit
@testable import Domain

/// The national flow model (issue 27) on a case small enough to work by hand; `.ci/r/flows.R`
/// checks the same formulas against R's survey package (`svytotal` + `svycontrast`).
@Suite struct WorkforceFlowsTests {
    static let responder = RoleProfile(id: "R1", name: "Responder", ksas: ["a", "b"])
    static let manager = RoleProfile(id: "R2", name: "Manager", ksas: ["c", "d"])

    static func flows(
        _ vac: Double, _ htf: Double, _ new: Double?, _ leavers: Double, _ left: (Double, Double, Double), _ hires: Double,
        _ from: (Double, Double, Double, Double)
    ) -> FlowAnswers {
        FlowAnswers(
            vacantJobs: vac, hardToFillJobs: htf, newJobs: new, leavers: leavers, leftToEmployer: left.0, leftAbroad: left.1, leftCyberWork: left.2,
            hires: hires, fromEducation: from.0, fromEmployer: from.1, fromAbroad: from.2, fromOtherWork: from.3)
    }

    /// Six employers: energy x micro (N = 10, three respond, one not asked the flow questions),
    /// energy x small (N = 5, a single respondent), water x small (N = 4, two). Weights 10/3, 5, 2.
    static func employers() -> [EmployerResponse] {
        func e(_ sector: String, _ band: String, _ flows: FlowAnswers, _ roles: [String: RoleReport], people: Double) -> EmployerResponse {
            EmployerResponse(sector: sector, sizeBand: band, roles: roles, cyberPeople: people, flows: flows)
        }
        return [
            e("energy", "micro", flows(2, 1, 1, 2, (1, 0, 1), 2, (1, 1, 0, 0)), ["R1": RoleReport(staff: 2, vacancies: 1, leavers: 1, expected: [.medium: 1])], people: 2),
            e("energy", "micro", flows(0, 0, nil, 1, (0, 0, 0), 1, (0, 0, 0, 1)), ["R1": RoleReport(staff: 1, vacancies: 0, leavers: 1, expected: [.medium: 0])], people: 1),
            e("energy", "micro", FlowAnswers(), [:], people: 0),
            e("energy", "small", flows(1, 1, 2, 0, (0, 0, 0), 1, (1, 0, 0, 0)), ["R2": RoleReport(staff: 3, vacancies: 2, leavers: 0, expected: [.medium: 2])], people: 2),
            e("water", "small", flows(3, 0, 0, 3, (1, 1, 0), 3, (0, 1, 1, 0)),
              ["R1": RoleReport(staff: 1, vacancies: 1, leavers: 2, expected: [.medium: 0]), "R2": RoleReport(staff: 1, vacancies: 2, leavers: 1, expected: [.medium: 0])], people: 1),
            e("water", "small", flows(0, 0, 1, 1, (0, 0, 1), 0, (0, 0, 0, 0)), ["R2": RoleReport(staff: 1, vacancies: 0, leavers: 1, expected: [.medium: 1])], people: 1),
        ]
    }

    static func estimates(completions: Int = 20, entryRate: Double? = nil) throws -> EmployerEstimates {
        let frame = SamplingFrame(organisations: [
            .init(sector: "energy", sizeBand: "micro"): 10, .init(sector: "energy", sizeBand: "small"): 5, .init(sector: "water", sizeBand: "small"): 4,
        ])
        let weighting = try EmployerWeighting(employers: employers(), frame: frame)
        // One unit teaching all of R1: its completions all prepare for R1.
        let unit = SupplyUnit(institution: "UB", code: "C1", title: "Course", completions: completions, ksas: ["a", "b"], offerings: [1], isProgramme: false)
        var inputs = GapInputs(employers: employers(), weighting: weighting, roles: [responder, manager], units: [unit], entryRate: entryRate ?? 1)
        inputs.entryRateGiven = entryRate != nil
        return EmployerEstimates(inputs)
    }

    static let w: [Double] = [10.0 / 3, 10.0 / 3, 10.0 / 3, 5, 2, 2]

    @Test func theAccountingFollowsTheFormulas() throws {
        let e = try Self.estimates()
        #expect(e.design.weights.enumerated().allSatisfy { abs($1 - Self.w[$0]) < 1e-12 })
        let f = try #require(e.flows)
        // The "don't know" of employer 2 takes the micro band's mean of those asked (employer 1: 1).
        #expect(e.imputedNewJobs == 1 && f.imputedNewJobs == 1)
        #expect(abs(f.vacantJobs.value - (10.0 / 3 * 2 + 5 + 2 * 3)) < 1e-12)
        #expect(abs(f.hardToFillJobs.value - (10.0 / 3 + 5)) < 1e-12)
        #expect(abs(f.expansion.value - (10.0 / 3 * 2 + 5 * 2 + 2 * 1)) < 1e-12)
        // leavers 18, known 38/3, known exits 22/3, known moves within Belize 16/3.
        #expect(abs(f.leavers.value - 18) < 1e-12)
        #expect(abs(f.exits.value - 22.0 * 18 / 38) < 1e-12)
        #expect(abs(f.churn.value - 16.0 * 18 / 38) < 1e-12)
        #expect(abs(f.exits.value + f.churn.value - f.leavers.value) < 1e-12)
        #expect(abs(f.demandFlow.value - (56.0 / 3 + 22.0 * 18 / 38)) < 1e-12)
        // hires 21, of known source 19: education 25/3, abroad 2, other work 10/3, each x 21/19.
        #expect(abs(f.hires.value - 21) < 1e-12)
        #expect(abs(f.fromEducation.value - 25.0 / 3 * 21 / 19) < 1e-12)
        #expect(abs(f.fromAbroad.value - 2.0 * 21 / 19) < 1e-12)
        #expect(abs(f.fromOtherWork.value - 10.0 / 3 * 21 / 19) < 1e-12)
        #expect(abs(f.entrants.value - 41.0 / 3 * 21 / 19) < 1e-12)
        let rate = try #require(f.entryRateRealised)
        #expect(abs(rate.value - 25.0 / 3 * 21 / 19 / 20) < 1e-12 && f.entryRate == rate.value)
        // Without a plan the projection continues today's entry.
        #expect(abs(f.entrantsProjected.value - f.entrants.value) < 1e-12)
        #expect(abs(f.shortfall.value - (56.0 / 3 + 22.0 * 18 / 38 - 41.0 / 3 * 21 / 19)) < 1e-12)
        // People 2 x 10/3 + 1 x 10/3 + 5 x 2 + 2 x 2 and role-holdings 10 + 15 + 4 + 2.
        #expect(abs((f.people?.value ?? 0) - 24) < 1e-12)
        #expect(abs(f.roleHoldings.value - 31) < 1e-12)
        #expect(abs((f.holdingsPerPerson?.value ?? 0) - 31.0 / 24) < 1e-12)
    }

    @Test func standardErrorsAreTheDeltaMethodsOfTheTotals() throws {
        let e = try Self.estimates()
        let f = try #require(e.flows)
        let d = e.design
        func column(_ name: String) -> [Double] { e.employers.map { $0.flows?[name] ?? 0 } }
        let l = column("leavers_people_12m"), kx = zip(column("left_abroad"), column("left_cyber_work")).map(+)
        let k = zip(kx, column("left_to_employer_bz")).map(+)
        let (L, Kx, K) = (18.0, 22.0 / 3, 38.0 / 3)
        // exits = Kx L / K: z = (L/K) kx + (Kx/K) l - (Kx L / K²) k.
        let z = l.indices.map { (L / K) * kx[$0] + (Kx / K) * l[$0] - (Kx * L / (K * K)) * k[$0] }
        let se = try #require(f.exits.se)
        #expect(abs(se - (d.total(z).se ?? -1)) < 1e-12 && se > 0)
        // The realised rate is a ratio of totals over a constant: its SE is from_education's / completions.
        #expect(abs((f.entryRateRealised?.se ?? 0) - (f.fromEducation.se ?? -1) / 20) < 1e-12)
        // demand_flow's influence is expansion's plus exits'.
        let zDemand = zip(column("new_jobs_12m"), z).map(+)
        #expect(abs((f.demandFlow.se ?? 0) - (d.total(zDemand).se ?? -1)) < 1e-12)
        // The stocks are plain totals.
        #expect(f.vacantJobs.se == d.total(column("vacant_jobs")).se)
    }

    @Test func aRealisedRateAboveOneIsCappedAndAGivenRateReplacesIt() throws {
        // 5 completions: 175/19 hires from education are more than the catalog's completions.
        let capped = try #require(try Self.estimates(completions: 5).flows)
        #expect((capped.entryRateRealised?.value ?? 0) > 1 && capped.entryRate == 1)
        #expect(abs(capped.entrantsProjected.value - (5 + capped.fromAbroad.value + capped.fromOtherWork.value)) < 1e-12)
        let given = try #require(try Self.estimates(entryRate: 0.25).flows)
        #expect(given.entryRate == 0.25)
        #expect(abs(given.entrantsProjected.value - (20 * 0.25 + given.fromAbroad.value + given.fromOtherWork.value)) < 1e-12)
        // A given rate has no sampling error: the projection's comes from the arrivals only.
        let arriving = try #require(WorkforceFlows(try Self.estimates(entryRate: 0), FlowAssumptions(entryRate: 0)))
        #expect(abs((given.entrantsProjected.se ?? 0) - (arriving.entrantsProjected.se ?? -1)) < 1e-12)
    }

    @Test func theRoleAllocationAddsUpToTheNationalFlow() throws {
        let e = try Self.estimates()
        let f = try #require(e.flows)
        #expect(f.roles.map(\.role.id) == ["R1", "R2"])
        #expect(abs(f.roles.reduce(0) { $0 + $1.demandFlow.value } - f.demandFlow.value) < 1e-9)
        #expect(abs(f.roles.reduce(0) { $0 + $1.vacantJobs.value } - f.vacantJobs.value) < 1e-9)
        // R1 mentions: 10/3 (1 + 1 + 1) + 10/3 (0 + 0 + 1) + 2 (1 + 0 + 2) = 58/3; R2: 5 (2 + 2) + 2 (2 + 1) + 2 (0 + 1 + 1) = 30.
        let r1 = f.roles[0], r2 = f.roles[1]
        #expect(abs(r1.share.value - 58.0 / 148) < 1e-12 && abs(r2.share.value - 90.0 / 148) < 1e-12)
        // R1 gets all 20 completions at the realised rate; R2 none.
        let arriving = f.fromAbroad.value + f.fromOtherWork.value
        #expect(r1.supply == 20 && r2.supply == 0)
        #expect(abs(r1.entrants.value - (20 * f.entryRate + arriving * 58 / 148)) < 1e-12)
        #expect(abs(r2.entrants.value - arriving * 90 / 148) < 1e-12)
        #expect(abs(r2.shortfall.value - (r2.demandFlow.value - r2.entrants.value)) < 1e-12)
        // A plan's catalog moves the projection.
        let planned = try #require(WorkforceFlows(e, FlowAssumptions(completionsNext: 40, roleSupplyNext: ["R1": 40])))
        #expect(abs(planned.entrantsProjected.value - (40 * f.entryRate + arriving)) < 1e-12)
        #expect(abs(planned.roles[0].entrants.value - (40 * f.entryRate + arriving * 58 / 148)) < 1e-12)
    }

    @Test func unknownDestinationsWithoutAnyKnownOneGiveNoExits() throws {
        var employers = Self.employers()
        for i in employers.indices where employers[i].flows?.leavers != nil {
            employers[i].flows?.leftAbroad = 0
            employers[i].flows?.leftCyberWork = 0
            employers[i].flows?.leftToEmployer = 0
        }
        let f = try #require(WorkforceFlows(EmployerEstimates(GapInputs(employers: employers, roles: [Self.responder, Self.manager], units: []))))
        #expect(f.exits.value == 0 && f.noKnownDestinations && f.entryRateRealised == nil)
        #expect(f.exits.se == nil)  // unweighted: no sampling error
    }

    @Test func anOlderFormWithoutTheQuestionsHasNoFlows() {
        var employers = Self.employers()
        for i in employers.indices { employers[i].flows = nil }
        #expect(EmployerEstimates(GapInputs(employers: employers, roles: [Self.responder], units: [])).flows == nil)
    }

    @Test func theScenarioTableIsARecomputationOfEachAssumption() throws {
        let e = try Self.estimates()
        let f = try #require(e.flows)
        let rows = ShortfallScenarios.rows(e)
        func row(_ a: String, _ side: String) throws -> ShortfallScenarios.Row { try #require(rows.first { $0.assumption == a && $0.side == side }) }
        let projected = f.entrantsProjected.value
        // Unknown destinations: none are exits (known exits 22/3) or all are (22/3 + 18 - 38/3).
        #expect(abs(try row("unknown_destinations", "low").shortfall - (f.expansion.value + 22.0 / 3 - projected)) < 1e-9)
        #expect(abs(try row("unknown_destinations", "high").shortfall - (f.expansion.value + 22.0 / 3 + 18 - 38.0 / 3 - projected)) < 1e-9)
        // Unknown sources: none (known routes 41/3) or all (41/3 + 21 - 19) are entrants; the projection
        // continues today's entry, so entrants projected = entrants.
        #expect(abs(try row("unknown_sources", "low").shortfall - (f.demandFlow.value - 41.0 / 3)) < 1e-9)
        #expect(abs(try row("unknown_sources", "high").shortfall - (f.demandFlow.value - (41.0 / 3 + 2))) < 1e-9)
        #expect(abs(try row("new_jobs_realised", "low").shortfall - (f.shortfall.value - f.expansion.value / 2)) < 1e-9)
        #expect(try row("new_jobs_realised", "high").change == 0)
        let rate = try #require(f.entryRateRealised)
        let low = try row("entry_rate", "low")
        #expect(abs(low.value - max(0, rate.ciLow ?? 0)) < 1e-12)
        #expect(abs(low.shortfall - (f.demandFlow.value - (20 * low.value + f.fromAbroad.value + f.fromOtherWork.value))) < 1e-9)
        // The assumption with the largest change first (its two sides together); each change is against the central figure.
        let reach = rows.map { abs($0.change) }
        #expect(rows[0].assumption == rows[1].assumption && max(reach[0], reach[1]) == reach.max())
        #expect(rows.allSatisfy { abs($0.change - ($0.shortfall - f.shortfall.value)) < 1e-12 })
    }

    @Test func theStockOfVacantJobsIsNeverInAFlow() throws {
        var employers = Self.employers()
        for i in employers.indices where employers[i].flows?.vacantJobs != nil { employers[i].flows?.vacantJobs = 50 }
        let base = try #require(try Self.estimates().flows)
        let more = try #require(EmployerEstimates(GapInputs(employers: employers, weighting: try Self.estimates().inputs.weighting, roles: [Self.responder, Self.manager], units: try Self.estimates().inputs.units)).flows)
        #expect(more.vacantJobs.value > base.vacantJobs.value)
        #expect(more.shortfall.value == base.shortfall.value && more.demandFlow.value == base.demandFlow.value)
    }
}
