extension AnswerCodec {
    /// Streams the elements of a stored answers array to `visitor` without building values:
    /// numbers as their stored text, choices as positions (several in `scratch`, reused).
    static func visit<V: AnswerVisitor>(
        _ bytes: UnsafeBufferPointer<UInt8>, types: [QuestionType], choiceCounts: [Int] = [], scratch: inout [Int], _ visitor: V
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
                    _ = try scanner.element(type)
                    visitor.visitNull(q)
                case UInt8(ascii: "\""):
                    visitor.visitText(q, try scanner.string())
                case UInt8(ascii: "["):
                    scanner.index += 1
                    scratch.removeAll(keepingCapacity: true)
                    scanner.skipSpaces()
                    if scanner.peek == UInt8(ascii: "]") {
                        scanner.index += 1
                    } else {
                        while true {
                            scanner.skipSpaces()
                            let p = try scanner.unsignedInteger()
                            try checkPosition(p, question: q, choiceCounts, scanner)
                            scratch.append(p)
                            scanner.skipSpaces()
                            guard let next = scanner.peek else { throw scanner.error("a list of choices is not closed") }
                            scanner.index += 1
                            if next == UInt8(ascii: "]") { break }
                            guard next == UInt8(ascii: ",") else { throw scanner.error("expected , or ] in a list of choices") }
                        }
                    }
                    visitor.visitChoices(q, scratch)
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
/// ``AnswerCodec/visit(_:types:scratch:_:)``).
protocol AnswerVisitor: AnyObject {
    func visitNull(_ q: Int)
    /// A number as stored (JSON number text).
    func visitNumber(_ q: Int, _ raw: UnsafeBufferPointer<UInt8>)
    func visitText(_ q: Int, _ text: String)
    func visitChoice(_ q: Int, _ position: Int)
    func visitChoices(_ q: Int, _ positions: [Int])
}
