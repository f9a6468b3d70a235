import Foundation
import InterviewKit

/// The shipped question bank, loaded once (`MOCK_INTERVIEW_RUBRICS`, else ./Rubrics).
let evaluators: [Evaluator] = {
    let directory = ProcessInfo.processInfo.environment["MOCK_INTERVIEW_RUBRICS"] ?? "Rubrics"
    guard let bank = try? QuestionBank.load(from: directory) else { fatalError("cannot load the question bank from \(directory)") }
    return bank.questions.map { Evaluator(question: $0) }
}()

/// libFuzzer target: any bytes as an answer, decoded as the shell and `evaluate` decode stdin. Every
/// evaluation must stay in range and every piece of evidence must quote the answer where it says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let answer = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = Array(answer.unicodeScalars)
    let evaluator = evaluators[size % evaluators.count]
    let evaluation = evaluator.evaluate(answer, duration: size % 3 == 0 ? nil : Double(size % 600) + 0.5)
    guard evaluation.score.isFinite, (0...100).contains(evaluation.score) else { fatalError("score \(evaluation.score)") }
    for component in evaluation.components where !component.points.isFinite || component.points < -1e-9 || component.points > component.maxPoints + 1e-9 {
        fatalError("component \(component.name): \(component.points) of \(component.maxPoints)")
    }
    let evidence = evaluation.concepts.found.flatMap(\.evidence) + evaluation.concepts.negated.flatMap(\.evidence)
    for item in evidence {
        guard 0 <= item.start, item.start <= item.end, item.end <= scalars.count else {
            fatalError("evidence \(item.start)..<\(item.end) outside an answer of \(scalars.count) scalars")
        }
        var quoted = String.UnicodeScalarView()
        quoted.append(contentsOf: scalars[item.start..<item.end])
        guard String(quoted) == item.text else { fatalError("evidence text \(item.text.debugDescription) is not the answer's \(String(quoted).debugDescription)") }
    }
    return 0
}
