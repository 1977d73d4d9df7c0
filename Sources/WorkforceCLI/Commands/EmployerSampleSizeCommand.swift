import Foundation
import WorkforceKit

/// `workforce sample-size employer`: employers to survey in the next wave for a target CV.
enum EmployerSampleSizeCommand {
    static let cv = TypedOption<Double>.number("cv", "x", "The coefficient of variation to reach.", in: 0.01...1).defaulting(to: 0.15)
    static let figure = TypedOption<EmployerSampleSize.TargetFigure>.choice("figure", "name", "demand, employed or vacancies.").defaulting(to: .demand, shown: "demand")

    static var options: [OptionSpec] { [cv.spec, GapsCommand.frame.spec, figure.spec, Options.roles.spec, GapsCommand.horizon.spec, Options.baselineWave.spec] }

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
        request.language = invocation.readerLanguage
        request.wave = try Wave(employer: invocation[Options.baselineWave]).name
        try invocation.print(
            try EmployerSampleSize.table(store, request, frame: frame, cv: target, figure: invocation[figure], roles: invocation[Options.roles] ?? []))
    }
}
