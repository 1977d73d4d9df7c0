extension AnswerCodec {
    /// Streams the elements of a stored answers array to `visitor` without building values:
    /// numbers as their stored text, text as its UTF-8 bytes (in place when it holds no escape),
    /// choices as positions (several in `scratch`, reused). Checks what ``decode(_:types:choiceCounts:into:)``
    /// checks, and throws where it throws.
    static func visit<V: AnswerVisitor & ~Copyable>(
        _ bytes: UnsafeBufferPointer<UInt8>, types: [QuestionType], choiceCounts: [Int] = [], scratch: inout [Int], _ visitor: inout V
    ) throws(DecodingError) {
        var scanner = Scanner(bytes: bytes)
        try scanner.expect(UInt8(ascii: "["))
        scanner.skipSpaces()
        var q = 0
        if scanner.peek == UInt8(ascii: "]") { scanner.index += 1 } else {
            while true {
                scanner.skipSpaces()
                guard let first = scanner.peek else { throw scanner.error("an answer is missing") }
                try checkCount(q, types.count, scanner)
                let type = types[q]
                switch first {
                case UInt8(ascii: "n"):
                    try scanner.null()
                    visitor.visitNull(q)
                case UInt8(ascii: "\""):
                    // Printable ASCII up to the closing quote is its own text.
                    let start = scanner.index + 1
                    var end = start
                    while end < bytes.count, bytes[end] >= 0x20, bytes[end] < 0x7F, bytes[end] != 0x22, bytes[end] != 0x5C { end += 1 }
                    if end < bytes.count, bytes[end] == 0x22 {
                        visitor.visitText(q, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        scanner.index = end + 1
                    } else {
                        var text = try scanner.string()
                        text.withUTF8 { visitor.visitText(q, $0) }
                    }
                case UInt8(ascii: "["):
                    scanner.index += 1
                    var n = 0
                    scanner.skipSpaces()
                    if scanner.peek == UInt8(ascii: "]") {
                        scanner.index += 1
                    } else {
                        while true {
                            scanner.skipSpaces()
                            let p = try scanner.unsignedInteger()
                            try checkPosition(p, question: q, choiceCounts, scanner)
                            if n < scratch.count { scratch[n] = p } else { scratch.append(p) }
                            n += 1
                            scanner.skipSpaces()
                            guard let next = scanner.peek else { throw scanner.error("a list of choices is not closed") }
                            scanner.index += 1
                            if next == UInt8(ascii: "]") { break }
                            guard next == UInt8(ascii: ",") else { throw scanner.error("expected , or ] in a list of choices") }
                        }
                    }
                    scratch.withUnsafeBufferPointer { visitor.visitChoices(q, UnsafeBufferPointer(rebasing: $0[0..<n])) }
                case UInt8(ascii: "0")...UInt8(ascii: "9") where type == .selectOne:
                    let p = try scanner.unsignedInteger()
                    try checkPosition(p, question: q, choiceCounts, scanner)
                    visitor.visitChoice(q, p)
                default:
                    let start = scanner.index
                    while scanner.index < bytes.count, Scanner.isNumberByte(bytes[scanner.index]) { scanner.index += 1 }
                    guard scanner.index > start else { throw scanner.error("unexpected character in stored answers") }
                    if type == .selectOne { throw scanner.error("a choice position is not a whole number from 0") }
                    visitor.visitNumber(q, UnsafeBufferPointer(rebasing: bytes[start..<scanner.index]))
                }
                q += 1
                scanner.skipSpaces()
                guard let next = scanner.peek else { throw scanner.error("the array is not closed") }
                scanner.index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw scanner.error("expected , or ] between answers") }
            }
        }
        guard q == types.count else { throw DecodingError(offset: 0, message: "\(q) answers stored for \(types.count) questions") }
    }
}

/// Receives the elements of a stored answers array, position by position (see
/// ``AnswerCodec/visit(_:types:choiceCounts:scratch:_:)``). A value type, passed `inout`, so
/// that the visit and its visitor compile into one loop.
protocol AnswerVisitor: ~Copyable {
    mutating func visitNull(_ q: Int)
    /// A number as stored (JSON number text).
    mutating func visitNumber(_ q: Int, _ raw: UnsafeBufferPointer<UInt8>)
    /// Text as UTF-8, valid for the call.
    mutating func visitText(_ q: Int, _ utf8: UnsafeBufferPointer<UInt8>)
    mutating func visitChoice(_ q: Int, _ position: Int)
    /// The chosen positions, valid for the call.
    mutating func visitChoices(_ q: Int, _ positions: UnsafeBufferPointer<Int>)
}
