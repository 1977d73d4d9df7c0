import Foundation

/// Which sampling frame (employers) or population margins (awareness) a command weights to.
package enum WeightingChoice: Sendable, Equatable {
    /// The latest version stored with `workforce frame import` / `workforce margins import`;
    /// unweighted when none is stored.
    case stored
    /// A file given on the command line (`--frame FILE`, `--margins FILE`).
    case file(URL)
    /// No weighting (`--unweighted`).
    case none

    /// `--frame FILE` or `--margins FILE` when given, else none with `--unweighted`, else the stored one.
    package init(file: URL?, unweighted: Bool) {
        self = file.map(Self.file) ?? (unweighted ? .none : .stored)
    }
}

/// Where a sampling frame or margins came from, as every note names it.
package struct WeightingSource: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case frame, margins

        /// "sampling frame", "population margins".
        package var words: String { self == .frame ? "sampling frame" : "population margins" }
        /// The command that stores one.
        package var command: String { "workforce \(self == .frame ? "frame" : "margins") import FILE" }
    }

    package var kind: Kind
    /// The file's name (without its folder).
    package var file: String
    /// The stored version; `nil` for a file given on the command line.
    package var version: Int?
    /// The SHA-256 of the file's bytes, for a stored version.
    package var sha256: String?
    /// When it was imported (`YYYY-MM-DDTHH:MM:SSZ`), for a stored version.
    package var importedAt: String?

    package init(kind: Kind, file: String, version: Int? = nil, sha256: String? = nil, importedAt: String? = nil) {
        self.kind = kind
        self.file = file
        self.version = version
        self.sha256 = sha256
        self.importedAt = importedAt
    }

    /// How notes name it: "stored sampling frame v2 (frame.csv, imported 2026-12-01)" or
    /// "sampling frame file frame.csv (given on the command line)".
    package var words: String { phrase.text(.en) }

    /// How notes name it, in any language.
    package var phrase: Phrase {
        let kind = Phrase.Value.phrase(Phrase("estimation.source.\(self.kind.rawValue)"))
        guard let version else { return .phrase("estimation.source.given", ["kind": kind, "file": .text(file)]) }
        return .phrase(
            "estimation.source.stored",
            ["kind": kind, "version": .text(String(version)), "file": .text(file), "date": .text(importedAt.map { String($0.prefix(10)) } ?? "-")])
    }

    /// "sampling frame v2 (frame.csv, imported 2026-12-01)", without "stored".
    package var versionWords: String {
        guard let version else { return "\(kind.words) file \(file) (given on the command line)" }
        return "\(kind.words) v\(version) (\(file), imported \(importedAt.map { String($0.prefix(10)) } ?? "-"))"
    }

    /// The name errors are located in: "frame v2 (frame.csv)", or the file's path.
    var locationName: String {
        guard let version else { return file }
        return "\(kind.rawValue) v\(version) (\(file))"
    }

    /// The note when no weighting was used, saying why and what to do.
    package static func noneNote(_ kind: Kind, choice: WeightingChoice) -> String { nonePhrase(kind, choice: choice).text(.en) }

    /// The note of figures left unweighted, in any language.
    package static func nonePhrase(_ kind: Kind, choice: WeightingChoice) -> Phrase {
        Phrase("estimation.none.\(kind.rawValue).\(choice == .none ? "unweighted" : "missing")")
    }
}
