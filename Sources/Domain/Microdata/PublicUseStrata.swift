/// The strata an employer microdata file may carry (issue 28, point 9).
///
/// A stratum with fewer than ``minimumOrganisations`` organisations in the frame names its
/// members: the only large telecom, bank or water utility is its own stratum with `fpc = 1`. The
/// public-use file (the default of `responses employer --format sav|dta|r --weights`) collapses
/// each such stratum of estimation with its neighbouring size band of the same sector, again until
/// every group has at least ``minimumOrganisations`` organisations; the weights stay those of the
/// tool, so estimates from the file equal the tool's, and the variance is the collapsed-strata
/// estimator (Wolter, *Introduction to Variance Estimation*, 2nd ed., 2007, §2.5: it overstates
/// the variance a little when the collapsed strata's means differ). A sector with fewer
/// organisations than the minimum cannot be collapsed within itself, and the public-use file is
/// refused. `--licensed` writes the strata of estimation as the tool uses them.
package struct PublicUseStrata: Sendable, Equatable {
    /// The fewest organisations of the frame a stratum of a public-use file may have.
    package static let minimumOrganisations = 3.0

    /// One stratum of the public-use file: strata of estimation of one sector.
    package struct Group: Sendable, Equatable {
        package var sector: String
        /// Indices into the strata of estimation, in size-band order.
        package var members: [Int]
        /// The frame's organisations of every member (with the empty bands merged into them).
        package var organisations: Double
        /// The eligible organisations `N*`, the group's `fpc`.
        package var eligible: Double
        /// The members' names (`water x micro + water x small`).
        package var name: String
    }

    package var groups: [Group]
    /// Each stratum of estimation's group (an index into ``groups``).
    package var group: [Int]

    /// Groups of more than one stratum of estimation: what the file's notes name.
    package var collapsed: [Group] { groups.filter { $0.members.count > 1 } }

    /// Collapses `strata` (``EmployerWeighting/strata``) by the organisations `frame` gives them.
    ///
    /// Within a sector, the group with the fewest organisations below the minimum (the smaller
    /// band on a tie) joins its neighbouring group in size-band order that has fewer
    /// organisations (the smaller band on a tie), until every group has the minimum.
    ///
    /// - Throws: ``Refusal`` naming the first sector whose organisations, all together, are
    ///   fewer than the minimum.
    package init(strata: [EmployerWeighting.Stratum], frame: SamplingFrame) throws(Refusal) {
        let organisations = Self.organisations(strata, frame: frame)
        var sectors: [String] = []
        for s in strata where !sectors.contains(s.sector) { sectors.append(s.sector) }
        var groups: [Group] = []
        var group = Array(repeating: 0, count: strata.count)
        for sector in sectors {
            // Runs of neighbouring strata of estimation, in size-band order.
            var runs: [[Int]] = strata.indices.filter { strata[$0].sector == sector }
                .sorted { EmployerWeighting.rank(strata[$0].sizeBand) < EmployerWeighting.rank(strata[$1].sizeBand) }.map { [$0] }
            let size = { (run: [Int]) in run.reduce(0.0) { $0 + organisations[$1] } }
            while let small = runs.indices.filter({ size(runs[$0]) < Self.minimumOrganisations }).min(by: { size(runs[$0]) < size(runs[$1]) }) {
                guard runs.count > 1 else {
                    throw Refusal(sector: sector, organisations: size(runs[small]))
                }
                let neighbours = [small - 1, small + 1].filter { runs.indices.contains($0) }
                let partner = neighbours.min { size(runs[$0]) < size(runs[$1]) || (size(runs[$0]) == size(runs[$1]) && $0 < $1) } ?? small
                let (low, high) = (min(small, partner), max(small, partner))
                runs[low] += runs[high]
                runs.remove(at: high)
            }
            for run in runs {
                for member in run { group[member] = groups.count }
                groups.append(
                    Group(
                        sector: sector, members: run, organisations: size(run), eligible: run.reduce(0.0) { $0 + strata[$1].eligible },
                        name: run.map { strata[$0].name }.joined(separator: " + ")))
            }
        }
        self.groups = groups
        self.group = group
    }

    /// The frame's organisations of each stratum of estimation (its band and the empty bands merged into it).
    package static func organisations(_ strata: [EmployerWeighting.Stratum], frame: SamplingFrame) -> [Double] {
        strata.map { s in
            ([s.sizeBand] + s.merged).reduce(0.0) { $0 + (frame.strata[SamplingFrame.Stratum(sector: s.sector, sizeBand: $1)]?.organisations ?? 0) }
        }
    }

    /// How many strata of estimation have fewer than the minimum organisations (what a licensed file keeps).
    package static func small(_ strata: [EmployerWeighting.Stratum], frame: SamplingFrame) -> Int {
        organisations(strata, frame: frame).filter { $0 < minimumOrganisations }.count
    }

    /// A sector whose organisations cannot make one stratum of a public-use file.
    package struct Refusal: Error, Sendable, Equatable {
        package var sector: String
        package var organisations: Double
    }
}
