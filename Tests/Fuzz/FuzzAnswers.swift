// libFuzzer target: stored answers (`response.answers`), as a crafted or damaged database holds
// them. The first byte chooses the questions' types and list sizes; the rest is the stored text.
// Decoding either fails with a DecodingError or gives one element per question with every
// choice position inside its list; streaming (visit) agrees with decoding; a decoded array
// encodes and decodes back to itself. Built and run by .ci/fuzz.sh, not by SwiftPM.
@testable import WorkforceKit

struct CountingVisitor: AnswerVisitor {
    var count = 0
    var choices: [Int] = []
    mutating func visitNull(_ q: Int) { count += 1 }
    mutating func visitNumber(_ q: Int, _ raw: UnsafeBufferPointer<UInt8>) { count += 1 }
    mutating func visitText(_ q: Int, _ utf8: UnsafeBufferPointer<UInt8>) { count += 1 }
    mutating func visitChoice(_ q: Int, _ position: Int) { count += 1; choices.append(position) }
    mutating func visitChoices(_ q: Int, _ positions: UnsafeBufferPointer<Int>) { count += 1; choices += positions }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let all: [QuestionType] = [.selectOne, .selectMultiple, .integer, .decimal, .text, .date, .note]
    let shape = Int(data[0])
    let count = shape % 9
    let types = (0..<count).map { all[(shape / 9 + $0) % all.count] }
    let choiceCounts = types.map { $0 == .selectOne || $0 == .selectMultiple ? 1 + shape % 5 : 0 }
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var decoded: [AnswerCodec.Stored] = []
    let ok: Bool
    do {
        try AnswerCodec.decode(bytes, types: types, choiceCounts: choiceCounts, into: &decoded)
        ok = true
    } catch {
        ok = false
    }
    var visitor = CountingVisitor()
    var scratch: [Int] = []
    let streamed = (try? AnswerCodec.visit(bytes, types: types, choiceCounts: choiceCounts, scratch: &scratch, &visitor)) != nil
    if ok {
        precondition(decoded.count == types.count, "decoded \(decoded.count) answers for \(types.count) questions")
        precondition(streamed && visitor.count == types.count, "visit disagrees with decode")
        for (q, element) in decoded.enumerated() {
            switch element {
            case .choice(let p): precondition(p >= 0 && p < choiceCounts[q], "position \(p) outside its list")
            case .choices(let ps): precondition(ps.allSatisfy { $0 >= 0 && $0 < choiceCounts[q] }, "positions outside their list")
            default: break
            }
        }
        let encoded = AnswerCodec.encode(decoded)
        var again: [AnswerCodec.Stored] = []
        encoded.withUnsafeBufferPointer { try? AnswerCodec.decode($0, types: types, choiceCounts: choiceCounts, into: &again) }
        precondition(again.count == decoded.count, "encoded answers do not decode back")
    }
    return 0
}
