import Testing
@testable import WorkforceKit

@Suite struct WorkforcePlanTests {
    static let r1 = RoleProfile(id: "R1", name: "Responder", specialtyArea: "AR", category: "C", ksas: ["a", "b", "c", "d"])
    static let r2 = RoleProfile(id: "R2", name: "Manager", specialtyArea: "AR", category: "C", ksas: ["c", "d", "x", "y"])

    static func inputs(offerings: [Offering]) -> GapInputs {
        // Five employers, each 4 vacancies and 2 new positions within a year for R1: demand 30.
        // Two are in energy (critical infrastructure), with 2 staff below the required level each.
        let employers = (0..<5).map { n in
            EmployerResponse(
                sector: n < 2 ? "energy" : "retail_commerce", sizeBand: "small",
                roles: ["R1": RoleReport(staff: 2, vacancies: 4, expected: [.medium: 2], requiredLevel: 3, currentLevel: n < 2 ? 1 : 3, lacking: ["d"])])
        }
        return GapInputs(employers: employers, roles: [r1, r2], units: SupplyUnit.units(offerings), offerings: offerings, theta: 0.5, horizon: .medium)
    }

    @Test func seatsAddUpToTheGapTheyClose() throws {
        // P1 prepares for R1 only (share 1, 10 completions); P2 for both at 0.5 (share ½, 8 completions).
        let offerings = [
            Offering(id: 1, institution: "U1", code: "P1", title: "One", level: "certificate", deliveryMode: "online", completions: 10, ksas: ["a", "b", "c"]),
            Offering(id: 2, institution: "U2", code: "P2", title: "Two", level: "certificate", deliveryMode: "online", completions: 8, ksas: ["c", "d"]),
        ]
        let plans = WorkforcePlan.build(EmployerEstimates(Self.inputs(offerings: offerings)))
        let plan = try #require(plans.first)
        // Demand 30; supply 10 + 8 × ½ = 14; gap 16.
        #expect(plan.gap == 16)
        let scale = plan.actions.filter { $0.kind == .scale }
        #expect(scale.map(\.offering) == ["P1", "P2"])
        // 16 a year, P1 supplies 10/14 of the role's completions: 16 × 10/14 / 1; P2: 16 × 4/14 / ½.
        #expect(abs(scale[0].target - 16.0 * 10 / 14) < 1e-9)
        #expect(abs(scale[1].target - 16.0 * 4 / 14 / 0.5) < 1e-9)
        #expect(abs(scale.reduce(0) { $0 + $1.closes } - plan.gap) < 1e-9)
        // Critical share: 2 of 5 employers, 12 of 30 demand.
        #expect(abs(plan.criticalShare - 0.4) < 1e-12)
        #expect(abs(plan.priority - 16 * 1.4) < 1e-9)
        // Upskill: the two energy employers' 2 staff each; d is lacking.
        let upskill = try #require(plan.actions.first { $0.kind == .upskill })
        #expect(upskill.target == 4)
        #expect(plan.lacking == ["d"])
    }

    @Test func withoutAnOfferingACourseIsCreatedAtTheClosestInstitution() throws {
        let offerings = [
            // Each offering covers a quarter of R1 (below θ), but U2's two together cover half.
            Offering(id: 1, institution: "U1", code: "P1", title: "One", level: "certificate", deliveryMode: "online", completions: 10, ksas: ["a"]),
            Offering(id: 2, institution: "U2", code: "P2", title: "Two", level: "certificate", deliveryMode: "online", completions: 8, ksas: ["a"]),
            Offering(id: 3, institution: "U2", code: "P3", title: "Three", level: "certificate", deliveryMode: "online", completions: 8, ksas: ["b"]),
        ]
        let plan = try #require(WorkforcePlan.build(EmployerEstimates(Self.inputs(offerings: offerings))).first)
        #expect(plan.gap == 30)
        let create = try #require(plan.actions.first { $0.kind == .create })
        #expect(create.institution == "U2")
        #expect(create.target == 30)
        #expect(create.closes == plan.gap)
        #expect(plan.untaught == ["c", "d"])
        let table = WorkforcePlan.table([plan], horizon: .medium)
        #expect(table.rows.allSatisfy { $0[table.columns.firstIndex(of: "lead") ?? 0] == .text("Ministry responsible for education") })
    }
}
