import Testing

@testable import WorkforceKit
@testable import Domain

@Suite struct ParallelMapTests {
    @Test func resultsComeBackInOrderWhicheverThreadComputedThem() {
        let squares = ParallelMap.map(1_000) { i in i * i }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(ParallelMap.map(0) { $0 }.isEmpty)
        #expect(ParallelMap.map(1) { "only \($0)" } == ["only 0"])
    }

    @Test func clusterCodesLoseSurroundingSpaceOnly() {
        #expect(AwarenessData.trimmed("EA-12") == "EA-12")
        #expect(AwarenessData.trimmed("  EA 12\t") == "EA 12")
        #expect(AwarenessData.trimmed("\u{00A0}EA-12\u{00A0}") == "EA-12")
        #expect(AwarenessData.trimmed("Área 3") == "Área 3")
        #expect(AwarenessData.trimmed("") == "")
    }
}
