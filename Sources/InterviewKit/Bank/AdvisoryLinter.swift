/// The checks `rubric lint` adds to loading: those that need the engine, and advice.
///
/// A misconception that fires on a strong or partial calibration example would flag a good candidate
/// (an error); an example that scores outside its band is a rubric that disagrees with its author, and
/// a follow-up without `asks` is scored against the whole rubric (warnings). Not run on every load: it
/// scores every example.
public struct AdvisoryLinter: Sendable {
    public init() {}

    public func lint(_ question: Question, file: String) -> [Diagnostic] {
        let evaluator = Evaluator(question: question)
        var diagnostics: [Diagnostic] = []
        for node in question.dialogue.nodes.dropFirst() where node.asks.isEmpty {
            diagnostics.append(Diagnostic(.followUpWithoutAsks, "follow-up '\(node.id)' has no 'asks': its answer is scored against the whole rubric; list the concepts it asks for", file: file, line: node.line, severity: .warning))
        }
        for example in question.examples {
            let evaluation = evaluator.evaluate(example.answer)
            if example.kind == .strong || example.kind == .partial {
                for flag in evaluation.flags {
                    let line = question.rubric.misconceptions.first { $0.id == flag.id }?.line ?? example.line
                    diagnostics.append(Diagnostic(
                        .misconceptionInStrongExample,
                        "misconception '\(flag.id)' fires on the \(example.kind.rawValue) example at line \(example.line) (\"\(BreakdownText.excerpt(flag.evidence.first?.text ?? "", limit: 60))\"); make its pattern more specific or add an 'unless'",
                        file: file, line: line
                    ))
                }
            }
            if !example.band.contains(evaluation.score) {
                diagnostics.append(Diagnostic(
                    .exampleOutOfBand,
                    "the \(example.kind.rawValue) example scores \(BreakdownText.format(evaluation.score)), outside its band \(BreakdownText.format(example.band.lowerBound))–\(BreakdownText.format(example.band.upperBound)); adjust the rubric's phrases or the band (`mock-interview evaluate --question \(question.id)` shows why)",
                    file: file, line: example.line, severity: .warning
                ))
            }
        }
        return diagnostics
    }
}
