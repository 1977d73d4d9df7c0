import Testing

@testable import Domain

/// The change of an employer total between two waves that share organisations (issue 28,
/// point 7): the waves stacked, strata matched by name, a linked organisation one PSU.
@Suite struct LinkedDesignTests {
    /// Wave 1: stratum x has a, b, c of 9 organisations (w = 3, fraction 1/3), stratum y has one
    /// unit of 5 (w = 5, 1/5). Wave 2: x has a, b, d of 12 (w = 4, 1/4), y one of 6 (w = 6, 1/6),
    /// z one of 4 (w = 4, 1/4). a and b answer both waves with their codes.
    ///
    /// y: a 1 -> 2, b 2 -> 2, c 5, d 7; y's units 3 and 4; z's unit 6. PSU totals of w₂y₂ - w₁y₁:
    /// x | both: a = 8 - 3 = 5, b = 8 - 6 = 2 (mean 3.5, Σ(Z - Z̄)² = 4.5, fraction (1/3 + 1/4)/2
    /// = 7/24); x | wave 1: c = -15 alone; x | wave 2: d = 28; y | wave 1: -15; y | wave 2: 24;
    /// z | wave 2: 24. V = (17/24)(2)(4.5) + (2/3)15² + (3/4)28² + (4/5)15² + (5/6)24² + (3/4)24²
    /// = 1836.375; R's survey (`svydesign(ids = ~org, strata = ~part, weights = ~w, fpc = ~pi)`,
    /// `svytotal`) gives SE 42.853 on the same rows.
    @Test func aHandComputedChangeWithTwoLinkedOrganisations() {
        let one = StratifiedDesign(stratum: [0, 0, 0, 1], populations: [9, 5])
        let two = StratifiedDesign(stratum: [0, 0, 0, 1, 2], populations: [12, 6, 4])
        let design = LinkedDesign(
            designs: [one, two], strata: [["x", "y"], ["x", "y", "z"]], codes: [["A", "B", nil, "Q"], ["A", "B", "D", nil, nil]])
        #expect(design.linked == 2)
        #expect(design.unlinkable == 0)
        let change = design.change([1, 2, 5, 3], [2, 2, 7, 4, 6])
        #expect(change.value == 53)
        let variance = 17.0 / 24 * 2 * 4.5 + 2.0 / 3 * 225 + 0.75 * 784 + 0.8 * 225 + 5.0 / 6 * 576 + 0.75 * 576
        #expect(abs(variance - 1836.375) < 1e-9)
        #expect(abs((change.se ?? 0) - variance.squareRoot()) < 1e-9)
        #expect(abs((change.se ?? 0) - 42.853) < 5e-4)
        #expect(!change.isCount)
    }

    /// Without codes every row is its own PSU: the same change, and with contributions alike in
    /// both waves a larger standard error than when they are linked.
    @Test func linkingPositivelyCorrelatedOrganisationsLowersTheStandardError() {
        let one = StratifiedDesign(stratum: [0, 0, 0, 0], populations: [20])
        let two = StratifiedDesign(stratum: [0, 0, 0, 0], populations: [20])
        let first: [Double] = [1, 4, 9, 2], second: [Double] = [2, 5, 9, 3]
        let linked = LinkedDesign(designs: [one, two], strata: [["s"], ["s"]], codes: [["A", "B", "C", "D"], ["A", "B", "C", "D"]])
        let apart = LinkedDesign(designs: [one, two], strata: [["s"], ["s"]], codes: [[nil, nil, nil, nil], [nil, nil, nil, nil]])
        #expect(linked.linked == 4 && apart.linked == 0)
        let a = linked.change(first, second), b = apart.change(first, second)
        #expect(a.value == b.value && a.value == 15)
        // Linked: Z = 5 · (1, 1, 0, 1), mean 3.75, Σ(Z - Z̄)² = 18.75, (1 - 1/5) 4/3 · 18.75 = 20.
        #expect(abs((a.se ?? 0) - 20.0.squareRoot()) < 1e-12)
        #expect((a.se ?? 0) < (b.se ?? 0))
        // Not linked: exactly the independent samples' sqrt(V1 + V2) of the waves' own designs.
        let v1 = one.total(first).se ?? 0, v2 = two.total(second).se ?? 0
        #expect(abs((b.se ?? 0) - (v1 * v1 + v2 * v2).squareRoot()) < 1e-9)
    }

    /// A code whose stratum changed, or that two respondents of a wave gave, links nothing and is
    /// counted; a census stratum in both waves adds no variance.
    @Test func codesThatCannotLinkAreCountedAndACensusStratumAddsNothing() {
        let one = StratifiedDesign(stratum: [0, 0, 1], populations: [2, 10])
        let two = StratifiedDesign(stratum: [0, 0, 1, 1], populations: [2, 10])
        let design = LinkedDesign(
            designs: [one, two], strata: [["big", "small"], ["big", "small"]], codes: [["A", "B", "C"], ["A", "B", "C", "C"]])
        #expect(design.linked == 2)
        #expect(design.unlinkable == 1)
        // Only the census stratum changes: no sampling error.
        #expect(design.change([3, 4, 0], [5, 1, 0, 0]).se == 0)
        let moved = LinkedDesign(designs: [one, two], strata: [["big", "small"], ["big", "small"]], codes: [["A", "B", "C"], ["C", "B", nil, nil]])
        #expect(moved.linked == 1 && moved.unlinkable == 1)
    }

    /// Without a frame there is no sampling error to estimate.
    @Test func unweightedWavesHaveNoStandardError() {
        let design = LinkedDesign(designs: [.unweighted(2), .unweighted(2)], strata: [["all"], ["all"]], codes: [["A", nil], ["A", nil]])
        let change = design.change([1, 2], [3, 4])
        #expect(change.value == 4)
        #expect(change.se == nil)
    }
}
