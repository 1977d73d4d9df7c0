/// The shared strings of a workbook (`xl/sharedStrings.xml`): every `<si>`'s `<t>` runs joined,
/// phonetic runs left out, OOXML escapes decoded, held one after the other in one block of
/// memory (a workbook may have two million; an array each would cost more than their text).
///
/// Each string is also marked when it is not valid UTF-8 or holds a NUL, so that a cell that
/// points to it is refused at that cell, as a cell holding the bytes itself is.
final class SharedStrings {
    private var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 12)
    private var byteCapacity = 1 << 12
    private var byteCount = 0
    /// Per string, where it ends, with its top bit set when it is not valid text.
    private var ends = UnsafeMutablePointer<Int>.allocate(capacity: 1 << 8)
    private var endCapacity = 1 << 8
    private(set) var count = 0

    private static let invalid = 1 << 62

    init() {}

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// The bytes of string `index` and whether they are valid text; `nil` past the last.
    @inline(__always)
    subscript(index: Int) -> (bytes: UnsafeBufferPointer<UInt8>, valid: Bool)? {
        guard index >= 0, index < count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1] & (Self.invalid - 1)
        let end = ends[index]
        return (UnsafeBufferPointer(start: bytes + start, count: (end & (Self.invalid - 1)) - start), end & Self.invalid == 0)
    }

    func append(_ string: [UInt8]) {
        if byteCount + string.count > byteCapacity {
            var grown = byteCapacity * 2
            while grown < byteCount + string.count { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = larger
            byteCapacity = grown
        }
        if count == endCapacity {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            larger.update(from: ends, count: count)
            ends.deallocate()
            ends = larger
            endCapacity *= 2
        }
        string.withUnsafeBufferPointer { if let b = $0.baseAddress { (bytes + byteCount).update(from: b, count: $0.count) } }
        byteCount += string.count
        let valid = !string.contains(0) && UTF8Validation.firstInvalidIndex(in: string) == nil
        ends[count] = byteCount | (valid ? 0 : Self.invalid)
        count += 1
    }

    /// Reads the shared strings part.
    static func read(_ archive: ZipArchive, _ entry: ZipArchive.Entry) throws(WorkforceError) -> SharedStrings {
        let scanner = XMLScanner(try archive.open(entry, limit: XLSXLimits.sharedStringsBytes), name: "\(archive.name)/\(entry.name)")
        scanner.maxText = ImportLimits.rowBytes + 1
        let strings = SharedStrings()
        var current: [UInt8] = []
        var inText = false
        while let token = try scanner.nextToken() {
            switch token {
            case .start where scanner.isTag("si"):
                current.removeAll(keepingCapacity: true)
                if scanner.selfClosing { strings.append([]) }
            case .start where scanner.isTag("rPh") && !scanner.selfClosing:
                try scanner.skipElement()
            case .start where scanner.isTag("t") && !scanner.selfClosing:
                inText = true
            case .end where scanner.isTag("t"):
                inText = false
            case .end where scanner.isTag("si"):
                guard strings.count < XLSXLimits.sharedStrings else {
                    throw scanner.error("more than \(XLSXLimits.sharedStrings) shared strings")
                }
                strings.append(OOXMLText.decode(current))
            case .text where inText:
                if current.count <= ImportLimits.rowBytes { current += scanner.text }
            default:
                break
            }
        }
        return strings
    }
}
