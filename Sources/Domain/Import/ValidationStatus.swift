import Foundation

/// A KoboToolbox supervisor's verdict on a submission, from the export's `_validation_status`:
/// its id (`validation_status_not_approved`, XML-values exports) or its label (`Not approved`,
/// labels exports), in any letter case.
enum ValidationStatus: Sendable, Equatable {
    case none, approved, notApproved, onHold

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty, bytes.count < 64 else {
            self = .none
            return
        }
        var text = String(decoding: bytes, as: UTF8.self).lowercased().trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("validation_status_") { text = String(text.dropFirst("validation_status_".count)).replacingOccurrences(of: "_", with: " ") }
        switch text {
        case "approved": self = .approved
        case "not approved": self = .notApproved
        case "on hold": self = .onHold
        default: self = .none
        }
    }
}
