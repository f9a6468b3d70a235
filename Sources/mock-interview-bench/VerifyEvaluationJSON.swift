import ArgumentParser
import Foundation
import InterviewKit

/// A check, not a measure: evaluates every answer of a JSON Lines file (`{"question", "answer"}`),
/// writes each evaluation's JSON with both `EvaluationJSONWriter` and `JSONEncoder` as the session
/// store does (the texts must be the same bytes), and reads it back with both `EvaluationJSONReader`
/// and `JSONDecoder` (the values must be equal).
struct VerifyEvaluationJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-evaluation-json", abstract: "Check EvaluationJSONReader against JSONDecoder on many answers.")

    @Option(help: "JSON Lines of {\"question\": id, \"answer\": text}.")
    var jsonl: String

    @Option(help: "The folder of question files.")
    var rubrics = "Rubrics"

    struct Line: Decodable {
        var question: String
        var answer: String
    }

    func run() throws {
        let bank = try QuestionBank.load(from: rubrics)
        let evaluators = Dictionary(uniqueKeysWithValues: bank.questions.map { ($0.id, Evaluator(question: $0)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoder = JSONDecoder()
        guard let data = FileManager.default.contents(atPath: jsonl) else { throw ValidationError("cannot read \(jsonl)") }
        var checked = 0, fastPath = 0
        var readerTime = 0.0, decoderTime = 0.0, writerTime = 0.0, encoderTime = 0.0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let item = try decoder.decode(Line.self, from: Data(line))
            guard let evaluator = evaluators[item.question] else { continue }
            let evaluation = evaluator.evaluate(item.answer, duration: item.answer.count.isMultiple(of: 3) ? 42.5 : nil)
            let text = String(decoding: try encoder.encode(evaluation), as: UTF8.self)
            var written: String?
            writerTime += Timing.milliseconds { written = EvaluationJSONWriter.json(evaluation) }
            encoderTime += try Timing.milliseconds { _ = try encoder.encode(evaluation) }
            guard written == text else { throw ValidationError("EvaluationJSONWriter differs from JSONEncoder on line \(checked + 1):\n\(written ?? "nil")\n\(text)") }
            var read: Evaluation?
            readerTime += Timing.milliseconds { read = EvaluationJSONReader.evaluation(from: text) }
            var decoded: Evaluation?
            decoderTime += try Timing.milliseconds { decoded = try decoder.decode(Evaluation.self, from: Data(text.utf8)) }
            guard decoded == evaluation else { throw ValidationError("JSONDecoder does not round-trip line \(checked + 1)") }
            if let read {
                fastPath += 1
                guard read == decoded else { throw ValidationError("EvaluationJSONReader differs from JSONDecoder on line \(checked + 1): \(text)") }
            }
            checked += 1
        }
        // Numbers of every kind in one field, against JSONEncoder.
        var random = SystemRandomNumberGenerator()
        guard var sample = evaluators.values.first?.evaluate("data drift") else { return }
        for round in 0..<200_000 {
            let decimals = Double([1, 10, 100, 1000, 10_000][round % 5])
            let magnitude = [1.0, 100, 10_000, 2_000_000][round / 5 % 4]
            var value = (Double.random(in: -magnitude...magnitude, using: &random) * decimals).rounded() / decimals
            if round % 7 == 0 { value = Double(bitPattern: random.next()) }
            if round % 11 == 0 { value = Double.random(in: -1...1, using: &random) * 3 }
            guard value.isFinite else { continue }
            sample.score = value
            let expected = String(decoding: try encoder.encode(sample), as: UTF8.self)
            guard EvaluationJSONWriter.json(sample) == expected else { throw ValidationError("EvaluationJSONWriter writes \(value) differently from JSONEncoder") }
        }

        Timing.report("checked", checked)
        Timing.report("read_by_reader", fastPath)
        Timing.report("reader_ms", readerTime)
        Timing.report("json_decoder_ms", decoderTime)
        Timing.report("writer_ms", writerTime)
        Timing.report("json_encoder_ms", encoderTime)
    }
}
