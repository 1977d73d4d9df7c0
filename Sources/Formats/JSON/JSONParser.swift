/// An error in JSON text, with the 1-based line and column of the offending character.
package struct JSONParseError: Error, CustomStringConvertible, Sendable {
    package let message: String
    package let location: SourceLocation
    package var description: String { "\(location): \(message)" }
}

/// A strict RFC 8259 JSON parser that reports where text goes wrong.
///
/// Foundation's parsers only say "around character N"; ours gives line and column so that a
/// person can open the file at the right place.
package struct JSONParser {
    private let bytes: [UInt8]
    private let name: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// Member names whose array elements' positions are recorded, and the positions.
    private var tracked: Set<String> = []
    private var pendingTrack: String?
    private var positions: [String: [Position]] = [:]

    /// Where a value starts: enough to give its line and column when an error needs them
    /// (columns are counted only then, so minified files stay linear).
    package struct Position: Sendable {
        var offset: Int
        var line: Int
        var lineStart: Int

        /// The 1-based line and column in `bytes` (the bytes that were parsed).
        package func location(in bytes: [UInt8], file: String) -> SourceLocation {
            let column = bytes[lineStart..<min(offset, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    /// Parses `bytes` (UTF-8, an optional byte-order mark skipped); `name` is used in errors.
    package static func parse(_ bytes: [UInt8], name: String) throws(JSONParseError) -> JSONValue {
        try parse(bytes, name: name, trackingArrays: []).value
    }

    /// Parses `bytes` and records where each element of every array held by a member named in
    /// `keys` starts (`"elements": [ {...}, {...} ]`), in order, for located errors about them.
    package static func parse(_ bytes: [UInt8], name: String, trackingArrays keys: Set<String>) throws(JSONParseError)
        -> (value: JSONValue, positions: [String: [Position]])
    {
        var parser = JSONParser(bytes: bytes, name: name)
        parser.tracked = keys
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.i = 3
            parser.lineStart = 3
        }
        parser.skipSpace()
        let value = try parser.parseValue()
        parser.skipSpace()
        if parser.i < bytes.count { throw parser.error("unexpected text after the end of the JSON value") }
        return (value, parser.positions)
    }

    private init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    private func error(_ message: String, at position: Int? = nil) -> JSONParseError {
        let p = position ?? i
        // Column in characters: count bytes that start a UTF-8 sequence.
        let column = bytes[lineStart..<min(p, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return JSONParseError(message: message, location: SourceLocation(file: name, line: line, column: column))
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of the file; a value is missing") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character; expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONParseError) {
        let w = Array(word.utf8)
        guard bytes.count - i >= w.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("unexpected character; expected a value")
        }
        i += w.count
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > 512 { throw error("nesting deeper than 512 levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error(i < bytes.count ? "expected a member name in double quotes" : "unexpected end of the file inside an object")
            }
            let key = try parseString()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            i += 1
            skipSpace()
            if !tracked.isEmpty, tracked.contains(key), i < bytes.count, bytes[i] == UInt8(ascii: "[") { pendingTrack = key }
            members.append((key, try parseValue()))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of the file inside an object; '}' is missing") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "}") {
                i += 1
                depth -= 1
                return .object(members)
            } else {
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        let track = pendingTrack
        pendingTrack = nil
        var elements: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipSpace()
            if let track { positions[track, default: []].append(Position(offset: i, line: line, lineStart: lineStart)) }
            elements.append(try parseValue())
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of the file inside an array; ']' is missing") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "]") {
                i += 1
                depth -= 1
                return .array(elements)
            } else {
                throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = i
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONString.Failure) in try JSONString.decode(buffer, quoteAt: start) }
        }
        switch result {
        case .success(let (value, end)):
            i = end
            return value
        case .failure(let failure):
            throw error(failure.message, at: failure.offset)
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw error("invalid number", at: start) }
        if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 { throw error("numbers may not start with 0", at: start) }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            isInteger = false
            guard digits() > 0 else { throw error("invalid number: digits expected after '.'", at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            isInteger = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("invalid number: digits expected in the exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let v = Int64(text) { return .integer(v) }
        guard let d = Double(text) else { throw error("invalid number", at: start) }
        return .number(d)
    }
}
