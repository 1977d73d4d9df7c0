import Foundation

/// One `workforce ...` example from a fenced code block of the README, split into arguments as
/// a POSIX shell would (quotes, backslashes, a `# comment`, `> FILE`), with what its comment
/// says of it: `(exit N)` is the exit code it must end with (0 unless said), and `(not run:
/// REASON)` marks an example that needs a file the demo does not have.
struct ReadmeExample: CustomStringConvertible {
    /// The README line the example starts on (1-based).
    var line: Int
    /// The example as written (continuation lines joined).
    var text: String
    /// The arguments after `workforce`.
    var arguments: [String]
    /// The file standard output is redirected to (`> FILE`), if any.
    var stdoutFile: String?
    var expectedExit: Int32
    /// Why the example is not run, when its comment says `(not run: ...)`.
    var notRun: String?

    var description: String { "README.md:\(line): \(text)" }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// Every example in `markdown`: lines inside ``` fences starting `workforce ` or `$ workforce `.
    static func all(in markdown: String) throws -> [ReadmeExample] {
        var examples: [ReadmeExample] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inFence = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let start = index + 1
            index += 1
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            guard inFence else { continue }
            var text = line
            if text.hasPrefix("$ ") { text.removeFirst(2) }
            guard text.hasPrefix("workforce ") || text == "workforce" else { continue }
            // A line ending in a backslash continues on the next one.
            while text.hasSuffix("\\"), index < lines.count {
                text.removeLast()
                text += " " + lines[index].trimmingCharacters(in: .whitespaces)
                index += 1
            }
            examples.append(try parse(text, line: start))
        }
        return examples
    }

    /// Parses one example's text (`workforce` first).
    static func parse(_ text: String, line: Int) throws -> ReadmeExample {
        let (words, comment) = try split(text, line: line)
        guard words.first == "workforce" else { throw ParseError(description: "README.md:\(line): does not start with workforce") }
        var arguments: [String] = []
        var stdoutFile: String?
        var rest = words.dropFirst()[...]
        while let word = rest.popFirst() {
            switch word {
            case ">":
                guard let file = rest.popFirst(), stdoutFile == nil else {
                    throw ParseError(description: "README.md:\(line): `>` needs one file name")
                }
                stdoutFile = file
            case "|", "<", "2>", "&&", ";", "&":
                throw ParseError(description: "README.md:\(line): `\(word)` in an example: the README test runs one command; write it in prose")
            default:
                arguments.append(word)
            }
        }
        var expected: Int32 = 0
        if let range = comment.range(of: #"\(exit (\d+)\)"#, options: .regularExpression) {
            expected = Int32(comment[range].filter(\.isNumber)) ?? 0
        }
        var notRun: String?
        if let range = comment.range(of: #"\(not run: [^)]+\)"#, options: .regularExpression) {
            notRun = String(comment[range].dropFirst("(not run: ".count).dropLast())
        }
        return ReadmeExample(
            line: line, text: text.trimmingCharacters(in: .whitespaces), arguments: arguments, stdoutFile: stdoutFile,
            expectedExit: expected, notRun: notRun)
    }

    /// Shell words and the comment after an unquoted `#` at the start of a word.
    static func split(_ text: String, line: Int) throws -> (words: [String], comment: String) {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = text[...]
        while let c = characters.popFirst() {
            if let q = quote {
                if c == q {
                    quote = nil
                } else if q == "\"", c == "\\", let next = characters.first, "\"\\$`".contains(next) {
                    word.append(characters.removeFirst())
                } else {
                    word.append(c)
                }
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "#" where !inWord:
                return (words, String(characters))
            case "'", "\"":
                quote = c
                inWord = true
            case "\\":
                if let next = characters.popFirst() { word.append(next) }
                inWord = true
            default:
                word.append(c)
                inWord = true
            }
        }
        if quote != nil { throw ParseError(description: "README.md:\(line): unterminated quote") }
        if inWord { words.append(word) }
        return (words, "")
    }
}
