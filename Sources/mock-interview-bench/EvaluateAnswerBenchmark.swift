import ArgumentParser
import CStemmer
import InterviewKit

/// Evaluating one 300-word answer against q1's rubric, beside libstemmer stemming the same words.
///
/// The evaluation is timed as an interview makes it: the question's evaluator is built (its rubric
/// stemmed) before the answer arrives, and the answer's words are new to the stem cache
/// (`evaluate_cold_ms`, the measure); `evaluate_warm_ms` repeats one answer with every stem cached.
/// The baseline calls `sb_stemmer_stem` directly on each token's UTF-8 bytes, prepared beforehand:
/// libstemmer alone, with no Swift strings made (`stem_ms`). `stem_swift_ms` is the same through
/// `Stemmer.stemWithoutCache`, strings in and out.
struct EvaluateAnswerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-answer", abstract: "Evaluate one answer vs libstemmer stemming its tokens.")

    @Option(help: "The folder of question files.")
    var rubrics = "Rubrics"

    @Option(help: "Repetitions of each measure; medians are reported.")
    var iterations = 1_000

    func run() throws {
        let bank = try QuestionBank.load(from: rubrics)
        guard let question = bank.question(SampleAnswer.questionID) else {
            throw ValidationError("\(rubrics) has no question \(SampleAnswer.questionID)")
        }
        let answer = SampleAnswer.text
        let reference = Evaluator(question: question).evaluate(answer)

        var cold: [Double] = []
        for _ in 0..<iterations {
            let evaluator = Evaluator(question: question, tokenizer: Tokenizer(stemmer: Stemmer()))
            var evaluation: Evaluation?
            cold.append(Timing.milliseconds { evaluation = evaluator.evaluate(answer) })
            guard evaluation == reference else { throw ValidationError("a fresh evaluator gave a different evaluation") }
        }

        let evaluator = Evaluator(question: question)
        var warm: [Double] = []
        for _ in 0..<iterations {
            var evaluation: Evaluation?
            warm.append(Timing.milliseconds { evaluation = evaluator.evaluate(answer) })
            guard evaluation == reference else { throw ValidationError("a repeated evaluation differed") }
        }

        let words = Tokenizer().analyze(answer).tokens.map { Array($0.word.utf8) }
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else { throw ValidationError("libstemmer has no English stemmer") }
        defer { sb_stemmer_delete(stemmer) }
        var stemming: [Double] = []
        var checksum = 0
        for _ in 0..<iterations {
            stemming.append(Timing.milliseconds {
                for word in words {
                    word.withUnsafeBufferPointer { bytes in
                        _ = sb_stemmer_stem(stemmer, bytes.baseAddress, Int32(bytes.count))
                        checksum &+= Int(sb_stemmer_length(stemmer))
                    }
                }
            })
        }

        let strings = Tokenizer().analyze(answer).tokens.map(\.word)
        let swiftStemmer = Stemmer()
        var wrapped: [Double] = []
        for _ in 0..<iterations {
            wrapped.append(Timing.milliseconds {
                for word in strings { checksum &+= swiftStemmer.stemWithoutCache(word).utf8.count }
            })
        }

        Timing.report("words", reference.words)
        Timing.report("tokens", words.count)
        Timing.report("score", reference.score)
        Timing.report("evaluate_cold_ms", Timing.median(cold))
        Timing.report("evaluate_warm_ms", Timing.median(warm))
        Timing.report("stem_ms", Timing.median(stemming))
        Timing.report("stem_swift_ms", Timing.median(wrapped))
        Timing.report("stem_checksum", checksum / max(1, 2 * iterations))
    }
}
