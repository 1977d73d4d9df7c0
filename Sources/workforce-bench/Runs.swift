import Foundation

/// The runs of one measured command: medians and ranges of wall time, CPU time and peak memory,
/// printed as `name: median unit [lowest to highest]` lines.
struct Runs {
    private(set) var results: [Spawn.Result] = []

    mutating func add(_ result: Spawn.Result) { results.append(result) }

    var wall: [Double] { results.map(\.seconds) }
    var cpu: [Double] { results.map(\.cpuSeconds) }
    var peakMiB: Double { Double(results.map(\.maxRSSKiB).max() ?? 0) / 1024 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `median [lowest to highest]` with `digits` decimals.
    static func summary(_ values: [Double], digits: Int = 2) -> String {
        let f = "%.\(digits)f"
        let median = String(format: f, median(values))
        guard values.count > 1, let low = values.min(), let high = values.max() else { return median }
        return "\(median) [\(String(format: f, low)) to \(String(format: f, high))]"
    }

    /// Prints `<name>_seconds`, `<name>_cpu_seconds` and `<name>_peak_memory`.
    func print(_ name: String) {
        Swift.print("\(name)_seconds: \(Self.summary(wall)) s")
        Swift.print("\(name)_cpu_seconds: \(Self.summary(cpu)) s")
        Swift.print("\(name)_peak_memory: \(String(format: "%.1f", peakMiB)) MiB")
    }

    /// The medians of the run-by-run ratios of `self` to `other` (runs alternate, so each pair
    /// saw about the same load), of wall and of CPU time.
    func printRatios(_ name: String, against other: Runs) {
        let pairs = zip(results, other.results)
        let wallRatios = pairs.map { $0.seconds / $1.seconds }
        let cpuRatios = pairs.map { $0.cpuSeconds / $1.cpuSeconds }
        Swift.print("\(name): \(Self.summary(wallRatios)) (wall)")
        Swift.print("\(name)_cpu: \(Self.summary(cpuRatios)) (cpu)")
    }
}
