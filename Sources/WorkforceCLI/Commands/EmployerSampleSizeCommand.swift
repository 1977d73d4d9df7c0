import Foundation
import WorkforceKit

/// `workforce sample-size employer`: employers to survey in the next wave for a target CV.
enum EmployerSampleSizeCommand {
    static let cv = TypedOption<Double>.number("cv", "x", "The coefficient of variation to reach.", in: 0.01...1).defaulting(to: 0.15)
    enum Figure: String, CaseIterable, Sendable { case demand, employed, vacancies }
    static let figure = TypedOption<Figure>.choice("figure", "name", "demand, employed or vacancies.").defaulting(to: .demand, shown: "demand")

    static var options: [OptionSpec] { [cv.spec, GapsCommand.frame.spec, figure.spec, Options.roles.spec, GapsCommand.horizon.spec, Options.wave.spec] }

    static func run(_ invocation: Invocation) throws {
        let target = invocation[cv]
        let store = try invocation.openStore()
        let bank = try ItemBank.bundled()
        let choice = try invocation.frameChoice()
        guard let frame = try store.samplingFrame(choice, sectors: bank.choiceNames("sectors"), sizeBands: bank.choiceNames("size_bands")) else {
            throw WorkforceError.usage(
                "sample-size employer needs a sampling frame: store one with `workforce frame import FILE` (sector,size_band,organisations[,issued,out_of_scope]), or give --frame FILE")
        }
        var request = GapRequest()
        request.weight(choice)
        request.horizon = invocation[GapsCommand.horizon]
        request.wave = try invocation[Options.wave].map { name throws(WorkforceError) in try Wave(employer: name).name }
        let context: GapContext
        do {
            context = try GapContext.load(store, request)
        } catch let error as WorkforceError {
            guard case .noInput = error else { throw error }
            // No survey yet: proportional to the organisations, for an assumed unit CV.
            var table = ResultTable(columns: ["sector", "size_band", "organisations", "allocation"])
            for (s, n) in EmployerSampleSize.proportional(frame: frame, cv: target) {
                table.append([.text(s.sector), .text(s.sizeBand), .double(frame.strata[s]?.eligible ?? 0), .int(n)])
            }
            table.notes = [
                "Frame: the \(frame.source.words).",
                "No employer survey is imported yet: the sample is proportional to the eligible organisations, for an assumed coefficient of variation of 2 for an employer's figure (employer counts are skewed); after the first wave, the allocation uses its stratum standard deviations (Neyman)."
            ]
            invocation.print(table)
            return
        }
        let e = context.estimates
        let years = e.years
        func values(_ v: EmployerValues) -> [Double] {
            switch invocation[figure] {
            case .demand: v.demand(years: years)
            case .employed: v.staff
            case .vacancies: v.vacancies
            }
        }
        let surveyed = e.surveyedRoles
        let wanted = (invocation[Options.roles] ?? []).map { $0.uppercased() }
        for id in wanted where !surveyed.contains(where: { $0.role.id == id }) {
            throw WorkforceError.usage("--roles: \(id) is not a work role the employer form asked about")
        }
        let national = (name: "national", values: values(e.values(roles: Set(surveyed.map(\.role.id)))))
        let chosen = wanted.map { id in (name: id, values: values(e.values(roles: [id]))) }
        let others = surveyed.map(\.role.id).filter { !wanted.contains($0) }.map { id in (name: id, values: values(e.values(roles: [id]))) }
        let plan = EmployerSampleSize.plan(weighting: context.inputs.weighting, figures: [national] + chosen + others, targets: 1 + chosen.count, cv: target)
        var table = ResultTable(columns: ["stratum", "organisations", "respondents_now", "sd_now", "allocation"])
        for s in plan.strata {
            table.append([.text(s.name), .double(s.population), .int(s.respondents), .double(s.deviations.first ?? 0), .int(s.allocation)])
        }
        let name = invocation[figure].rawValue
        table.notes = [
            "Frame: the \(frame.source.words).",
            "Employers to survey (responding) in the next wave: \(plan.total), for a CV of \(WorkforceKit.Figure.percent(target)) on national \(name)\(wanted.isEmpty ? "" : " and on \(wanted.joined(separator: ", "))") (Neyman allocation with this wave's stratum standard deviations; at least 2 per stratum, at most its organisations). Divide by the expected response rate to get the organisations to issue.",
            "Expected CV with this allocation: " + plan.figures.map { "\($0.name) \($0.expectedCV.map { WorkforceKit.Figure.percent($0) } ?? "-")" }.joined(separator: "; ") + ".",
        ]
        invocation.print(table)
    }
}
