import Foundation
import Testing
@testable import InterviewKit

/// The real question bank in Rubrics/, loaded once for every calibration test.
enum RealBank {
    static let outcome = QuestionBankLoader().load(paths: [Paths.rubrics.path])
    static let questions = outcome.questions.sorted { QuestionBank.order($0.id, $1.id) }
    static let ids = questions.map(\.id)

    static func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// One calibration example of one question, as its own test case.
    struct Case: Sendable, CustomTestStringConvertible {
        var questionID: String
        var index: Int
        var example: CalibrationExample
        var testDescription: String { "\(questionID) \(example.kind.rawValue) #\(index + 1) (line \(example.line))" }
    }

    static let cases: [Case] = questions.flatMap { question in
        question.examples.enumerated().map { Case(questionID: question.id, index: $0, example: $1) }
    }

    static let evaluators: [String: Evaluator] = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, Evaluator(question: $0)) })

    static func score(_ example: CalibrationExample, of id: String) -> Evaluation? {
        evaluators[id]?.evaluate(example.answer)
    }

    /// How the score was made up, for failure messages.
    static func breakdown(_ evaluation: Evaluation) -> String {
        let components = evaluation.components.map { "\($0.name.rawValue) \($0.value) → \($0.points)/\($0.maxPoints)" }.joined(separator: ", ")
        let stages = evaluation.stages.map { "\($0.id): \($0.status.rawValue)" }.joined(separator: ", ")
        return """
            components: \(components)
            found: \(evaluation.concepts.found.map(\.id).joined(separator: ", "))
            missed: \(evaluation.concepts.missed.map(\.id).joined(separator: ", "))
            negated: \(evaluation.concepts.negated.map(\.id).joined(separator: ", "))
            stages: \(stages)
            words: \(evaluation.words); notes: \(evaluation.notes.joined(separator: " | "))
            """
    }
}

@Suite("Calibration of the question bank")
struct CalibrationTests {
    @Test("the question bank in Rubrics/ loads without diagnostics")
    func bankLoadsClean() {
        let outcome = RealBank.outcome
        #expect(!outcome.files.isEmpty, "no question files in \(Paths.rubrics.path)")
        #expect(outcome.diagnostics.isEmpty, "\n\(outcome.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(outcome.questions.count == outcome.files.count, "every file yields its question")
    }

    @Test("the bank holds the five built-in questions q1…q5")
    func builtInQuestions() {
        #expect(Set(["q1", "q2", "q3", "q4", "q5"]).isSubset(of: Set(RealBank.ids)), "found \(RealBank.ids)")
    }

    @Test("every calibration example scores within its band", arguments: RealBank.cases)
    func exampleInBand(_ testCase: RealBank.Case) throws {
        let evaluation = try #require(RealBank.score(testCase.example, of: testCase.questionID))
        let band = testCase.example.band
        #expect(band.contains(evaluation.score), """
            \(testCase.questionID) \(testCase.example.kind.rawValue) #\(testCase.index + 1) (line \(testCase.example.line)) \
            scored \(evaluation.score), band \(Int(band.lowerBound))–\(Int(band.upperBound))
            \(RealBank.breakdown(evaluation))
            """)
    }

    @Test("a keyword list and an answer rejecting the concepts both score below every partial answer", arguments: RealBank.ids)
    func keywordsAndRejectingBelowPartial(_ id: String) throws {
        let question = try #require(RealBank.question(id))
        let partial = question.examples.filter { $0.kind == .partial }.compactMap { RealBank.score($0, of: id)?.score }
        let lowestPartial = try #require(partial.min(), "\(id) has no partial example")
        for kind in [CalibrationExample.Kind.keywords, .rejecting] {
            let examples = question.examples.filter { $0.kind == kind }
            #expect(!examples.isEmpty, "\(id) has no \(kind.rawValue) example")
            for example in examples {
                let evaluation = try #require(RealBank.score(example, of: id))
                #expect(evaluation.score < lowestPartial, """
                    \(id) \(kind.rawValue) (line \(example.line)) scored \(evaluation.score), not below the lowest partial \(lowestPartial)
                    \(RealBank.breakdown(evaluation))
                    """)
            }
        }
    }

    @Test("each question has at least one calibration example of each of the six kinds", arguments: RealBank.ids)
    func everyKind(_ id: String) throws {
        let question = try #require(RealBank.question(id))
        let kinds = Set(question.examples.map(\.kind))
        let missing = CalibrationExample.Kind.allCases.filter { !kinds.contains($0) }
        #expect(missing.isEmpty, "\(id) has no example of kind \(missing.map(\.rawValue).joined(separator: ", "))")
    }

    @Test("each question has at least 8 concepts and 4 follow-up nodes", arguments: RealBank.ids)
    func size(_ id: String) throws {
        let question = try #require(RealBank.question(id))
        #expect(question.rubric.concepts.count >= 8, "\(id) has \(question.rubric.concepts.count) concepts")
        #expect(question.dialogue.nodes.count - 1 >= 4, "\(id) has \(question.dialogue.nodes.count - 1) follow-up nodes")
    }

    @Test("q1's stages are root cause, fix, monitor, iterate, in that order")
    func q1Stages() throws {
        let q1 = try #require(RealBank.question("q1"))
        #expect(q1.rubric.stages.map(\.id) == ["root-cause", "fix", "monitor", "iterate"])
    }

    @Test("scoring the calibration examples is deterministic", arguments: RealBank.ids)
    func deterministic(_ id: String) throws {
        let question = try #require(RealBank.question(id))
        let other = Evaluator(question: question)
        for example in question.examples {
            #expect(RealBank.score(example, of: id) == other.evaluate(example.answer))
        }
    }
}
