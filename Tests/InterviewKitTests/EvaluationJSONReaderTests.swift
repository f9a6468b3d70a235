import Foundation
import Testing
@testable import InterviewKit

@Suite("Evaluation JSON reader and writer")
struct EvaluationJSONReaderTests {
    /// JSON as the session store writes it.
    static func stored(_ evaluation: Evaluation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(evaluation), as: UTF8.self)
    }

    static func decoded(_ text: String) throws -> Evaluation {
        try JSONDecoder().decode(Evaluation.self, from: Data(text.utf8))
    }

    static let answers = [
        "I'd compare the production inputs with the training data for data drift, using PSI, then retrain on recent data and monitor it with alerts.",
        "Basically I would not retrain. Um, I guess I'd roll it out in shadow mode — “canary” first; then an AB test.",
        "Ça dépend: naïve “drift” checks… 🚀 data drift 中文 \"quoted\" back\\slash / tab\tnewline\nend",
        "controls \u{0}\u{1}\u{8}\u{B}\u{C}\r\u{1F}\u{7F} and separators \u{2028}\u{2029} in data drift",
        "",
    ]

    @Test("reads what the store writes exactly as JSONDecoder does", arguments: answers)
    func roundTrip(answer: String) throws {
        let evaluation = Evaluator(question: Sample.question()).evaluate(answer, duration: answer.isEmpty ? nil : 37.25)
        let text = try Self.stored(evaluation)
        let read = try #require(EvaluationJSONReader.evaluation(from: text))
        #expect(read == evaluation)
        #expect(read == (try Self.decoded(text)))
    }

    /// An evaluation with every optional field set and a member of every kind: red flags, a focus, a
    /// partial credit, points on the question's scale, a similarity.
    static func everyField() -> Evaluation {
        var evaluation = Evaluator(question: Sample.question()).evaluate(answers[0], duration: 12.5)
        evaluation.flags = [RedFlag(id: "flag", label: "A \"wrong\" claim", penalty: 12.5, evidence: [Evidence(start: 1, end: 5, text: "data", phrase: "data + drift")], correction: "Say it right.")]
        evaluation.focus = ["drift", "monitoring"]
        evaluation.concepts.found[0].credit = 0.625
        evaluation.concepts.found[0].questionPoints = 7.3
        evaluation.concepts.found[0].evidence[0].similarity = 0.85
        return evaluation
    }

    @Test("every optional field round-trips through the writer and the reader as through JSONEncoder and JSONDecoder")
    func everyFieldRoundTrips() throws {
        let evaluation = Self.everyField()
        let text = try Self.stored(evaluation)
        #expect(EvaluationJSONWriter.json(evaluation) == text)
        #expect(try #require(EvaluationJSONReader.evaluation(from: text)) == evaluation)
        #expect(try Self.decoded(text) == evaluation)
    }

    @Test("an evaluation stored by engine 1, without flags, focus or credit, reads as none and full credit")
    func engineOneEvaluation() throws {
        var evaluation = Evaluator(question: Sample.question()).evaluate(Self.answers[0])
        let text = try Self.stored(evaluation)
            .replacingOccurrences(of: #""flags":[],"focus":[],"#, with: "")
            .replacingOccurrences(of: #""credit":[0-9.]+,"#, with: "", options: .regularExpression)
        #expect(!text.contains("\"credit\"") && !text.contains("\"flags\""))
        evaluation.flags = []
        evaluation.focus = []
        for index in evaluation.concepts.found.indices { evaluation.concepts.found[index].credit = 1 }
        #expect(try #require(EvaluationJSONReader.evaluation(from: text)) == evaluation)
        #expect(try Self.decoded(text) == evaluation)
    }

    @Test("writes the bytes JSONEncoder writes", arguments: answers)
    func writesAsJSONEncoder(answer: String) throws {
        for duration in [nil, 37.25, 1e-7, 123456789.5] as [Double?] {
            let evaluation = Evaluator(question: Sample.question()).evaluate(answer, duration: duration)
            #expect(EvaluationJSONWriter.json(evaluation) == (try Self.stored(evaluation)))
        }
    }

    /// The commands' key spelling, as `Output.jsonEncoder` applies it.
    struct SnakeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ camel: String) { stringValue = SnakeCase.of(camel) }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    @Test("snake case keeps acronyms whole and starts a word after a lower-case letter or a digit", arguments: [
        ("rubricHash", "rubric_hash"), ("questionIDs", "question_ids"), ("maxPoints", "max_points"), ("wordsPerMinute", "words_per_minute"),
        ("score", "score"), ("URL", "url"), ("a1B", "a1_b"), ("already_snake", "already_snake"), ("", ""),
        ("größeWert", "größe_wert"), ("ÉtatFinal", "état_final"),
    ])
    func snakeCase(camel: String, snake: String) {
        #expect(SnakeCase.of(camel) == snake)
        if camel.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            SnakeCase.append(camel.utf8, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == snake)
        }
    }

    /// An evaluation with members of its own object around it, before, between and after its keys.
    struct Extended: Encodable {
        var evaluation: Evaluation
        func encode(to encoder: Encoder) throws {
            try evaluation.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .aardvark)
            try container.encode(true, forKey: .correct)
            try container.encode(["a": 0.5], forKey: .grading)
            try container.encode("x\"y", forKey: .id)
            try container.encodeNil(forKey: .zebra)
        }
        enum Key: String, CodingKey { case aardvark, correct, grading, id, zebra }
    }

    @Test("in snake case and with members added, writes the bytes JSONEncoder writes for the commands", arguments: answers)
    func writesSnakeCaseWithExtras(answer: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in SnakeKey(path.last?.stringValue ?? "") }
        let extras = [("zebra", "null"), ("id", #""x\"y""#), ("aardvark", "1"), ("grading", #"{"a":0.5}"#), ("correct", "true")]
        for duration in [nil, 37.25] as [Double?] {
            let evaluation = Evaluator(question: Sample.question()).evaluate(answer, duration: duration)
            let expected = String(decoding: try encoder.encode(Extended(evaluation: evaluation)), as: UTF8.self)
            #expect(EvaluationJSONWriter.json(evaluation, keys: .snakeCase, adding: extras) == expected)
            #expect(expected.contains("\"rubric_hash\":") && expected.contains("\"max_points\":"), "the keys are in snake case")
            let plain = String(decoding: try encoder.encode(evaluation), as: UTF8.self)
            #expect(EvaluationJSONWriter.json(evaluation, keys: .snakeCase) == plain)
        }
    }

    @Test("a number JSONEncoder refuses is left to it")
    func notFinite() {
        var evaluation = Evaluator(question: Sample.question()).evaluate("data drift")
        evaluation.score = .infinity
        #expect(EvaluationJSONWriter.json(evaluation) == nil)
    }

    @Test("escapes, surrogate pairs, unknown keys, whitespace and nulls are read as JSONDecoder reads them")
    func looseShape() throws {
        let evaluation = Evaluator(question: Sample.question()).evaluate("data drift and PSI, then retrain", duration: 12)
        var text = try Self.stored(evaluation)
        text = text.replacingOccurrences(of: "\"question\":", with: "\"extra\" : [1, -2.5e3, {\"a\": null}, true, false, \"\\u00e9\\ud83d\\ude80\"] ,\n \"question\" :")
        text = text.replacingOccurrences(of: "\"wordsPerMinute\":", with: "\"wordsPerMinute\": null, \"unused\":")
        let read = try #require(EvaluationJSONReader.evaluation(from: text))
        #expect(read == (try Self.decoded(text)))
        #expect(read.delivery.wordsPerMinute == nil)
    }

    @Test("what it is not sure of is left to JSONDecoder", arguments: [
        "{}",
        "not json",
        "{\"question\": \"q1\", \"question\": \"q2\"}",
    ])
    func unsure(text: String) {
        #expect(EvaluationJSONReader.evaluation(from: text) == nil)
    }

    @Test("a duplicate key, a fraction where an integer belongs and trailing text are left to JSONDecoder")
    func unsureAboutValidShapes() throws {
        let evaluation = Evaluator(question: Sample.question()).evaluate("data drift and PSI, then retrain")
        let text = try Self.stored(evaluation)
        #expect(EvaluationJSONReader.evaluation(from: text) != nil)
        #expect(EvaluationJSONReader.evaluation(from: text.replacingOccurrences(of: "\"words\":", with: "\"words\":1,\"words\":")) == nil)
        #expect(EvaluationJSONReader.evaluation(from: text.replacingOccurrences(of: "\"words\":\(evaluation.words)", with: "\"words\":\(evaluation.words).0")) == nil)
        #expect(EvaluationJSONReader.evaluation(from: text + " x") == nil)
    }
}
