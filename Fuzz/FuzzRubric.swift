import Foundation
import InterviewKit

/// libFuzzer target: any bytes as a question file. The parser must return diagnostics or a question,
/// never trap, hang or exhaust memory; a question it accepts must lint and score an answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRubric(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The loader refuses what is not UTF-8 before parsing; the parser sees only valid text.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let result = QuestionParser().parse(text, path: "fuzz.yaml")
    for diagnostic in result.diagnostics where diagnostic.line < 1 || diagnostic.column < 1 {
        fatalError("diagnostic without a position: \(diagnostic)")
    }
    if result.diagnostics.count > QuestionParser.maximumDiagnostics + 1 {
        fatalError("\(result.diagnostics.count) diagnostics, more than the cap")
    }
    if let question = result.question {
        _ = DialogueLinter().lint(question, file: "fuzz.yaml")
        let evaluation = Evaluator(question: question).evaluate("I would check data drift, retrain on recent data and monitor precision and recall.")
        if !(0...100).contains(evaluation.score) { fatalError("score \(evaluation.score) out of range") }
    }
    return 0
}
