/// The one place that knows how `response.answers` is written and read.
///
/// A response's answers are stored as a compact JSON array with one element per question of
/// its instrument, in codebook order (`instrument_question.position`): `null` when not
/// answered or not asked, a select_one as the position of its choice in the list, a
/// select_multiple as an array of positions, numbers as numbers, dates and text as strings.
/// Everything else reads answers through ``ResponseReader``, which maps positions to names.
enum AnswerCodec {
    /// The largest size of a whole-number answer (10^9, as for the counts of frames and
    /// margins): the importer refuses larger ones, and a stored one is a damaged database.
    static let maxWhole: Int64 = 1_000_000_000

    /// One stored element, before it is given its question's meaning.
    enum Stored: Equatable, Sendable {
        case null
        case choice(Int)
        case choices([Int])
        case integer(Int64)
        case decimal(Double)
        case text(String)
    }

    /// Writes one response's answers into a reused byte buffer (``RawBytes``: appending a byte
    /// is a store and a count, inlined here, which matters at a million rows). Owned by one writer.
    final class Encoder {
        @exclusivity(unchecked) private var out = RawBytes(capacity: 4096)
        @exclusivity(unchecked) private var count = 0

        /// The answers written since ``begin()``, valid until the next ``begin()``.
        var written: UnsafeBufferPointer<UInt8> { out.bytes }
        var bytes: [UInt8] { Array(written) }

        func begin() {
            out.removeAll()
            out.append(UInt8(ascii: "["))
            count = 0
        }

        func end() { out.append(UInt8(ascii: "]")) }

        @inline(__always)
        private func separate() {
            if count > 0 { out.append(UInt8(ascii: ",")) }
            count += 1
        }

        func null() {
            separate()
            out.append(UInt8(ascii: "n"))
            out.append(UInt8(ascii: "u"))
            out.append(UInt8(ascii: "l"))
            out.append(UInt8(ascii: "l"))
        }

        func choice(_ position: Int) {
            separate()
            out.appendInteger(position)
        }

        func choices(_ positions: [Int]) {
            separate()
            out.append(UInt8(ascii: "["))
            for (n, c) in positions.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                out.appendInteger(c)
            }
            out.append(UInt8(ascii: "]"))
        }

        func integer(_ value: Int64) {
            separate()
            out.appendInteger(Int(value))
        }

        func decimal(_ value: Double) {
            separate()
            out.append(JSONWriter.number(value))
        }

        func text(_ value: String) {
            separate()
            // Printable ASCII without a quote or backslash is its own JSON text.
            var value = value
            let plain = value.withUTF8 { utf8 in
                guard CSVWriter.isPrintableASCII(utf8, without: 0x22, 0x5C) else { return false }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: utf8)
                out.append(UInt8(ascii: "\""))
                return true
            }
            if plain { return }
            var quoted = ""
            JSONWriter.quote(value, into: &quoted)
            out.append(quoted)
        }

        func append(_ element: Stored) {
            switch element {
            case .null: null()
            case .choice(let c): choice(c)
            case .choices(let cs): choices(cs)
            case .integer(let v): integer(v)
            case .decimal(let v): decimal(v)
            case .text(let s): text(s)
            }
        }
    }

    /// The encoding of `elements`, as stored.
    static func encode(_ elements: [Stored]) -> [UInt8] {
        let encoder = Encoder()
        encoder.begin()
        for element in elements { encoder.append(element) }
        encoder.end()
        return encoder.bytes
    }

    /// A stored answers array that does not read as one.
    struct DecodingError: Error, Sendable, CustomStringConvertible {
        var offset: Int
        var message: String
        var description: String { "stored answers, byte \(offset + 1): \(message)" }
    }

    /// Decodes a stored answers array into `out` (cleared first), giving each element the
    /// meaning of its question: `types[i]` is the type of question `i`. A number stored for an
    /// integer question is an integer, for a select_one a choice position, else a decimal.
    /// `choiceCounts[i]` is how many choices question `i`'s list has: a stored position must
    /// name one of them (an empty `choiceCounts` skips that check).
    ///
    /// - Throws: ``DecodingError`` for text that is not a stored answers array, more or fewer
    ///   answers than `types` has questions, or a choice position outside its list.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, types: [QuestionType], choiceCounts: [Int] = [], into out: inout [Stored]
    ) throws(DecodingError) {
        out.removeAll(keepingCapacity: true)
        var scanner = Scanner(bytes: bytes)
        try scanner.expect(UInt8(ascii: "["))
        scanner.skipSpaces()
        if scanner.peek == UInt8(ascii: "]") {
            scanner.index += 1
        } else {
            while true {
                try checkCount(out.count, types.count, scanner)
                let element = try scanner.element(types[out.count])
                switch element {
                case .choice(let p): try checkPosition(p, question: out.count, choiceCounts, scanner)
                case .choices(let ps): for p in ps { try checkPosition(p, question: out.count, choiceCounts, scanner) }
                default: break
                }
                out.append(element)
                scanner.skipSpaces()
                guard let next = scanner.peek else { throw scanner.error("the array is not closed") }
                scanner.index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw scanner.error("expected , or ] between answers") }
            }
        }
        guard out.count == types.count else {
            throw DecodingError(offset: 0, message: "\(out.count) answers stored for \(types.count) questions")
        }
    }

    /// Throws when answer number `q` (0-based) would be one more than the `count` questions.
    static func checkCount(_ q: Int, _ count: Int, _ scanner: Scanner) throws(DecodingError) {
        guard q < count else {
            throw scanner.error("more answers are stored than the codebook has questions (\(count))")
        }
    }

    /// Throws when `p` is not a position in question `q`'s choice list.
    static func checkPosition(_ p: Int, question q: Int, _ choiceCounts: [Int], _ scanner: Scanner) throws(DecodingError) {
        guard q < choiceCounts.count else { return }
        guard p >= 0, p < choiceCounts[q] else {
            throw scanner.error("choice position \(p) of question \(q + 1) is outside its list of \(choiceCounts[q]) choices")
        }
    }

    /// A cursor over the stored bytes.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ message: String) -> DecodingError { DecodingError(offset: index, message: message) }

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8) throws(DecodingError) {
            skipSpaces()
            guard peek == byte else { throw error("expected \(Character(UnicodeScalar(byte)))") }
            index += 1
        }

        mutating func element(_ type: QuestionType) throws(DecodingError) -> Stored {
            skipSpaces()
            guard let first = peek else { throw error("an answer is missing") }
            switch first {
            case UInt8(ascii: "n"):
                try null()
                return .null
            case UInt8(ascii: "\""):
                return .text(try string())
            case UInt8(ascii: "["):
                index += 1
                var positions: [Int] = []
                skipSpaces()
                if peek == UInt8(ascii: "]") {
                    index += 1
                    return .choices(positions)
                }
                while true {
                    skipSpaces()
                    positions.append(try unsignedInteger())
                    skipSpaces()
                    guard let next = peek else { throw error("a list of choices is not closed") }
                    index += 1
                    if next == UInt8(ascii: "]") { return .choices(positions) }
                    guard next == UInt8(ascii: ",") else { throw error("expected , or ] in a list of choices") }
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9") where type == .selectOne:
                return .choice(try unsignedInteger())
            default:
                let start = index
                while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
                guard index > start else { throw error("unexpected character in stored answers") }
                let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                switch type {
                case .selectOne:
                    throw error("choice position \(token) is not a whole number from 0")
                case .integer:
                    guard let v = Int64(token), abs(v) <= AnswerCodec.maxWhole else {
                        throw error("the whole-number answer \(token.prefix(40)) is not a whole number of at most 1000000000 in size")
                    }
                    return .integer(v)
                default:
                    guard let d = Double(token) else { throw error("\(token) is not a number") }
                    return .decimal(d)
                }
            }
        }

        /// `null`, at `index`.
        @inline(__always)
        mutating func null() throws(DecodingError) {
            guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                bytes[index + 3] == UInt8(ascii: "l")
            else { throw error("expected null") }
            index += 4
        }

        static func isNumberByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        }

        mutating func unsignedInteger() throws(DecodingError) -> Int {
            var value = 0
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 9 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index > start else { throw error("expected a choice position") }
            return value
        }

        /// A JSON string, decoded by the one decoder ``JSONParser`` uses too.
        mutating func string() throws(DecodingError) -> String {
            do {
                let (value, end) = try JSONString.decode(bytes, quoteAt: index)
                index = end
                return value
            } catch {
                throw DecodingError(offset: error.offset, message: error.message)
            }
        }
    }
}
