import Foundation

/// Looks at the start of a response file to choose its encoding and separator.
struct InputSniffer {
    var encoding: TextEncoding
    /// Bytes of byte-order mark to skip.
    var skip: Int
    var delimiter: UInt8
    /// Whether the encoding was guessed (no byte-order mark and none given), so that a later
    /// invalid UTF-8 byte may mean the file is Windows-1252 after all.
    var guessed: Bool

    static let sampleSize = 1 << 16

    /// A reader of the file at `url` in the sniffed encoding (or `encoding`, for the restart as
    /// Windows-1252), its mark skipped, separated by the sniffed separator and bounded by
    /// ``ImportLimits``: how the response and the catalog importers open their files.
    func reader(_ url: URL, name: String, encoding: TextEncoding? = nil) throws(WorkforceError) -> CSVReader {
        let encoding = encoding ?? self.encoding
        let file = try FileByteSource(url: url, name: name, skip: encoding == .utf8 ? 0 : skip)
        let reader = CSVReader(source: TranscodingByteSource(file, encoding: encoding, name: name), name: name, delimiter: delimiter)
        reader.maxRecordBytes = ImportLimits.rowBytes
        reader.maxFields = ImportLimits.fields
        return reader
    }

    /// - Parameters:
    ///   - encoding: the encoding the user named, if any.
    ///   - delimiter: the separator the user named, if any.
    init(url: URL, name: String, encoding: TextEncoding?, delimiter: UInt8?) throws(WorkforceError) {
        let source = try FileByteSource(url: url, name: name)
        var sample = [UInt8](repeating: 0, count: Self.sampleSize)
        let n = try sample.withUnsafeMutableBufferPointer { buffer throws(WorkforceError) in try source.read(into: buffer) }
        sample.removeSubrange(n...)
        guard n > 0 else { throw .badData(SourceLocation(file: name, line: 1, column: 1), "the file is empty; a header row is needed") }

        if let (bomEncoding, length) = TextEncoding.fromByteOrderMark(sample) {
            self.encoding = encoding ?? bomEncoding
            self.skip = length
            self.guessed = false
        } else if let encoding {
            self.encoding = encoding
            self.skip = 0
            self.guessed = false
        } else if let utf16 = Self.utf16WithoutMark(sample) {
            self.encoding = utf16
            self.skip = 0
            self.guessed = false
        } else {
            self.encoding = TextEncoding.guess(sample: sample)
            self.skip = 0
            self.guessed = true
        }
        if let delimiter {
            self.delimiter = delimiter
        } else {
            var text: [UInt8] = []
            let body = Array(sample[min(skip, sample.count)...])
            switch self.encoding {
            case .utf8: text = body
            case .windows1252: TranscodingByteSource<MemoryByteSource>.fromWindows1252(body[...], into: &text)
            case .utf16LE, .utf16BE:
                var t = TranscodingByteSource(MemoryByteSource(body.count % 2 == 0 ? body : Array(body.dropLast())), encoding: self.encoding, name: name)
                var out = [UInt8](repeating: 0, count: body.count * 2 + 16)
                let m = (try? out.withUnsafeMutableBufferPointer { buffer throws(WorkforceError) in try t.read(into: buffer) }) ?? 0
                text = Array(out[0..<m])
            }
            self.delimiter = Self.detectDelimiter(text)
        }
    }

    /// UTF-16 text without a byte-order mark shows as ASCII with every other byte zero.
    static func utf16WithoutMark(_ sample: [UInt8]) -> TextEncoding? {
        guard sample.count >= 4 else { return nil }
        let pairs = sample.count / 2
        var evenZeros = 0
        var oddZeros = 0
        for i in 0..<pairs {
            if sample[2 * i] == 0 { evenZeros += 1 }
            if sample[2 * i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 10 >= pairs * 9 && evenZeros == 0 { return .utf16LE }
        if evenZeros * 10 >= pairs * 9 && oddZeros == 0 { return .utf16BE }
        return nil
    }

    /// The separator of the header line: whichever of `,` `;` and tab appears most outside quotes.
    static func detectDelimiter(_ text: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for b in text {
            if b == 0x22 {
                quoted.toggle()
            } else if !quoted && (b == 0x0A || b == 0x0D) {
                break
            } else if !quoted, counts[b] != nil {
                counts[b]! += 1
            }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key != 0x2C) }
        guard let best, best.value > 0 else { return 0x2C }
        return best.key
    }
}
