import Foundation

/// Looks at the start of a response file to choose its encoding and separator, or finds the
/// CSV text inside it: the first worksheet of an `.xlsx`, or the main CSV of a `.zip` (ODK
/// Central's "Download all").
struct InputSniffer {
    /// Where the CSV text is.
    enum Container {
        case text
        case workbook(XLSXWorkbook)
        case zipEntry(ZipArchive, ZipArchive.Entry)
    }

    var container = Container.text
    /// The file's name in messages.
    private(set) var file = ""
    /// What was read inside a workbook or archive and why, for the summary.
    var note: String?
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
    ///
    /// - Parameter dateColumns: for a worksheet, given its header, the columns of date questions,
    ///   whose numbers are Excel serial dates.
    func reader(
        _ url: URL, name: String, encoding: TextEncoding? = nil, dateColumns: (([String]) -> Set<Int>)? = nil
    ) throws(WorkforceError) -> CSVReader {
        let encoding = encoding ?? self.encoding
        let reader: CSVReader
        switch container {
        case .text:
            let file = try FileByteSource(url: url, name: name, skip: encoding == .utf8 ? 0 : skip)
            reader = CSVReader(source: TranscodingByteSource(file, encoding: encoding, name: name), name: name, delimiter: delimiter)
        case .workbook(let workbook):
            let sheet = try XLSXSheetSource(workbook, file: name, dateColumns: dateColumns)
            reader = sheet.reader(name: name)
        case .zipEntry(let archive, let entry):
            let inner = "\(name)/\(entry.name)"
            let source = SkippingByteSource(try archive.open(entry, limit: XLSXLimits.sheetBytes), skip: encoding == .utf8 ? 0 : skip)
            reader = CSVReader(source: TranscodingByteSource(source, encoding: encoding, name: inner), name: inner, delimiter: delimiter)
        }
        reader.maxRecordBytes = ImportLimits.rowBytes
        reader.maxFields = ImportLimits.fields
        return reader
    }

    /// - Parameters:
    ///   - encoding: the encoding the user named, if any.
    ///   - delimiter: the separator the user named, if any.
    ///   - entry: in a `.zip` of CSV files, the one to read (`--entry`).
    ///   - formID: the form the file answers, whose name the main CSV of an ODK Central zip has.
    init(url: URL, name: String, encoding: TextEncoding?, delimiter: UInt8?, entry: String? = nil, formID: String? = nil)
        throws(WorkforceError)
    {
        file = name
        var sample = try Self.sample(FileByteSource(url: url, name: name))
        guard !sample.isEmpty else { throw .badData(SourceLocation(file: name, line: 1, column: 1), "the file is empty; a header row is needed") }
        if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .badData(
                SourceLocation(file: name),
                "the file is an Excel 97-2003 workbook (.xls) or a password-protected workbook, neither of which is read; save it as .xlsx without a password, or as CSV")
        }
        if ZipArchive.isZip(sample) {
            let archive = try ZipArchive(url: url, name: name)
            if XLSXWorkbook.isWorkbook(archive) {
                guard entry == nil else { throw .usage("--entry goes with a .zip of CSV files; \(name) is an Excel workbook, whose first sheet is read") }
                let workbook = try XLSXWorkbook(archive: archive)
                container = .workbook(workbook)
                note = "sheet \(workbook.sheetName), the workbook's first"
                self.encoding = .utf8
                self.skip = 0
                self.delimiter = UInt8(ascii: ",")
                self.guessed = false
                return
            }
            let (chosen, why) = try ZipEntryChoice.choose(archive, requested: entry, formID: formID)
            container = .zipEntry(archive, chosen)
            note = "\(chosen.name) from the archive: \(why)"
            sample = try Self.sample(archive.open(chosen, limit: XLSXLimits.sheetBytes))
            guard !sample.isEmpty else {
                throw .badData(SourceLocation(file: "\(name)/\(chosen.name)", line: 1, column: 1), "the file is empty; a header row is needed")
            }
        } else if entry != nil {
            throw .usage("--entry goes with a .zip of CSV files; \(name) is not one")
        }

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

    /// `location` in the first sheet when the file is a workbook and the location names the
    /// file with a row alone or a row and cell index (a header problem, "no rows").
    func locate(_ location: SourceLocation) -> SourceLocation {
        guard case .workbook(let workbook) = container, location.sheet == nil, location.file == file else { return location }
        var located = location
        located.sheet = workbook.sheetName
        return located
    }

    func locate(_ problem: ImportProblem) -> ImportProblem { ImportProblem(location: locate(problem.location), message: problem.message) }

    func locate(_ error: WorkforceError) -> WorkforceError {
        guard case .badData(let location?, let message) = error else { return error }
        return .badData(locate(location), message)
    }

    /// The first ``sampleSize`` bytes of `source`.
    private static func sample(_ source: some ByteSource) throws(WorkforceError) -> [UInt8] {
        var source = source
        var sample = [UInt8](repeating: 0, count: sampleSize)
        var n = 0
        while n < sampleSize {
            let m = try sample.withUnsafeMutableBufferPointer { buffer throws(WorkforceError) in
                try source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[n...]))
            }
            if m == 0 { break }
            n += m
        }
        sample.removeSubrange(n...)
        return sample
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

/// Another source with its first bytes (a byte-order mark) skipped.
struct SkippingByteSource: ByteSource {
    private var base: any ByteSource
    private var skip: Int

    init(_ base: any ByteSource, skip: Int) {
        self.base = base
        self.skip = skip
    }

    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WorkforceError) -> Int {
        while skip > 0 {
            var scratch = [UInt8](repeating: 0, count: skip)
            let n = try scratch.withUnsafeMutableBufferPointer { b throws(WorkforceError) in try base.read(into: b) }
            if n == 0 { return 0 }
            skip -= n
        }
        return try base.read(into: buffer)
    }
}
