import Foundation
import Testing
@testable import WorkforceKit

/// The stored frame and margins: what is read back is what the file gives, line by line; a
/// stored stratum is checked against the form's lists at its file line; the choice of weighting.
@Suite struct StoredWeightingTests {
    static let frame = """
        sector,size_band,organisations,issued,out_of_scope
        tourism,small,12,6,1
        tourism,micro,40,,
        retail_commerce,large,3,3,0

        """

    func write(_ text: String, _ name: String, in folder: TemporaryFolder) throws -> URL {
        let url = URL(fileURLWithPath: folder.path(name))
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func aStoredFrameReadsBackAsTheFileWithItsLinesAndVersion() throws {
        let folder = try TemporaryFolder()
        let store = try WorkforceStore(path: folder.path("s.sqlite"), create: true)
        let bank = try bundledBank()
        let url = try write(Self.frame, "frame.csv", in: folder)
        #expect(try store.samplingFrame(.stored, sectors: [], sizeBands: []) == nil)
        let stored = try store.importFrame(url, bank: bank)
        #expect(stored.source.version == 1 && stored.source.sha256 == SHA256.hex(Array(Self.frame.utf8)))
        let file = try SamplingFrame(url: url, sectors: bank.choiceNames("sectors"), sizeBands: bank.choiceNames("size_bands"))
        let read = try #require(try store.samplingFrame(.stored, sectors: bank.choiceNames("sectors"), sizeBands: bank.choiceNames("size_bands")))
        #expect(read.strata == file.strata && read.order == file.order && read.hasIssued == file.hasIssued)
        #expect(read.lines == file.lines && read.lines[.init(sector: "retail_commerce", sizeBand: "large")] == 4)
        #expect(read.source.words.hasPrefix("stored sampling frame v1 (frame.csv, imported "))
        #expect(read.file == "frame v1 (frame.csv)")
        _ = try store.importFrame(url, bank: bank)
        #expect(try store.storedWeighting(.frame)?.version == 2)
        #expect(try store.samplingFrame(.none, sectors: [], sizeBands: []) == nil)

        // The form's lists are checked again on use, at the stored line.
        let error = try #require(throws: WorkforceError.self) {
            _ = try store.samplingFrame(.stored, sectors: ["tourism"], sizeBands: bank.choiceNames("size_bands"))
        }
        #expect(error.description.contains("frame v2 (frame.csv):4") && error.description.contains("unknown sector \"retail_commerce\""), "\(error)")
    }

    @Test func storedMarginsReadBackAsTheFile() throws {
        let folder = try TemporaryFolder()
        let store = try WorkforceStore(path: folder.path("s.sqlite"), create: true)
        let text = "variable,category,population\ndistrict,cayo,60\ndistrict,belize,40\nurban_rural,urban,55\nurban_rural,rural,45\n"
        let url = try write(text, "m.csv", in: folder)
        _ = try store.importMargins(url)
        let file = try PopulationMargins(url: url)
        let read = try #require(try store.populationMargins(.stored))
        #expect(read.variables.map(\.breakdown) == file.variables.map(\.breakdown))
        #expect(read.variables.map { $0.margins.map(\.category) } == file.variables.map { $0.margins.map(\.category) })
        #expect(read.variables.map { $0.margins.map(\.population) } == file.variables.map { $0.margins.map(\.population) })
        #expect(read.variables.map { $0.margins.map(\.location.line) } == file.variables.map { $0.margins.map(\.location.line) })
        #expect(read.total == 100 && read.source.version == 1)
        // A bad file stores nothing.
        let bad = try write("variable,category,population\ndistrict,cayo,60\nsex,female,10\n", "bad.csv", in: folder)
        #expect(throws: WorkforceError.self) { _ = try store.importMargins(bad) }
        #expect(try store.storedWeighting(.margins)?.version == 1)
        #expect(try store.weightingFiles().rows.count == 1)
    }

    @Test func theChoiceOfWeighting() {
        let url = URL(fileURLWithPath: "/tmp/f.csv")
        #expect(WeightingChoice(file: nil, unweighted: false) == .stored)
        #expect(WeightingChoice(file: nil, unweighted: true) == .none)
        #expect(WeightingChoice(file: url, unweighted: false) == .file(url))
        #expect(WeightingSource.noneNote(.frame, choice: .stored).contains("no sampling frame is stored (`workforce frame import FILE`"))
        #expect(WeightingSource.noneNote(.margins, choice: .none).contains("--unweighted was given"))
        #expect(WeightingSource(kind: .frame, file: "f.csv").words == "sampling frame file f.csv (given on the command line)")
    }
}
