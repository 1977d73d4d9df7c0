/// The notes a labelled file carries for its reader (a public-use file's collapsed strata, the
/// weighting, raking that did not converge): SPSS document records, Stata's `_dta[note1]`...,
/// comments and a `notes` attribute in the R script.
extension MicrodataSet {
    /// The notes cut into lines of at most `width` bytes of UTF-8, broken at spaces (a word longer
    /// than a line is cut on a character boundary); each note starts a new line.
    package func noteLines(width: Int) -> [String] {
        var lines: [String] = []
        for note in notes {
            var line = ""
            for word in note.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                let joined = line.isEmpty ? word : line + " " + word
                if joined.utf8.count <= width {
                    line = joined
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while word.utf8.count > width {
                    let head = String(decoding: BinaryBuffer.prefix(word, bytes: width), as: UTF8.self)
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                }
                line = word
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }
}

extension SPSSWriter {
    /// The document record (type 6): the notes in lines of 80 bytes, padded with spaces.
    func documents(_ out: inout BinaryBuffer, _ set: MicrodataSet) {
        let lines = set.noteLines(width: 80)
        guard !lines.isEmpty else { return }
        out.int32(6)
        out.int32(lines.count)
        for line in lines { out.fixed(line, 80, pad: 0x20) }
    }
}

extension StataWriter {
    /// The dataset's notes as Stata keeps them: `_dta[note0]` the count, `_dta[note1]`... the texts.
    func notes(_ out: inout BinaryBuffer, _ set: MicrodataSet) {
        guard !set.notes.isEmpty else { return }
        for (n, note) in set.notes.enumerated() { characteristic(&out, "_dta", "note\(n + 1)", note) }
        characteristic(&out, "_dta", "note0", String(set.notes.count))
    }
}

extension RScriptWriter {
    /// Comment lines and the data frame's `notes` attribute.
    func noteLines(_ set: MicrodataSet) -> (comments: [String], attribute: [String]) {
        guard !set.notes.isEmpty else { return ([], []) }
        let comments = ["# Notes:"] + set.noteLines(width: 96).map { "#   " + $0 }
        let attribute = ["attr(responses, \"notes\") <- c(\(set.notes.map(Self.literal).joined(separator: ",\n  ")))"]
        return (comments, attribute)
    }
}
