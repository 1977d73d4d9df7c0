import Foundation

extension Figure {
    /// A count with its 95% interval: "1,043 (95% CI 929 to 1,157)".
    package static func count(_ e: Estimate) -> String {
        guard let low = e.ciLow, let high = e.ciHigh else { return count(e.value) }
        return "\(count(e.value)) (95% CI \(count(low)) to \(count(high)))"
    }
}
