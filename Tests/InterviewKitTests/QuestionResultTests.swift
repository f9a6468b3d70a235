import Foundation
import Testing
@testable import InterviewKit

@Suite("Question result")
struct QuestionResultTests {
    static let evaluator = Evaluator(question: Sample.question(id: "q1"))
    static let asked = Date(timeIntervalSince1970: 1_800_000_000)

    static func turn(_ sequence: Int, question: String = "q1", answer: String? = nil, outcome: TurnRecord.Outcome = .answered) -> TurnRecord {
        var turn = TurnRecord(id: Int64(sequence + 1), sessionID: 1, sequence: sequence, questionID: question, nodeID: sequence == 0 ? "open" : "probe",
                              prompt: "Tell me more.", askedAt: asked, answer: answer, outcome: outcome)
        if let answer, outcome == .answered {
            turn.evaluations = [StoredEvaluation(id: turn.id, createdAt: asked, evaluation: evaluator.evaluate(answer))]
        }
        return turn
    }

    static let opening = "I would check the inputs for data drift and then retrain the model on recent data."
    static let followUp = "I would monitor the model and alert the team when the error rate goes up."

    @Test("a question answered once scores its opening answer")
    func openingOnly() {
        let result = QuestionResult(questionID: "q1", turns: [Self.turn(0, answer: Self.opening)])
        let score = Self.evaluator.evaluate(Self.opening).score
        #expect(result.score == score)
        #expect(result.openingScore == score)
        #expect(result.recovered.isEmpty)
        #expect(result.answered == 1)
        #expect(!result.skipped)
    }

    @Test("a concept supplied only after a follow-up earns half its points")
    func recoveryHalfCredit() throws {
        let result = QuestionResult(questionID: "q1", turns: [Self.turn(0, answer: Self.opening), Self.turn(1, answer: Self.followUp)])
        let opening = Self.evaluator.evaluate(Self.opening)
        let monitoring = try #require(Self.evaluator.evaluate(Self.followUp).concepts.found.first { $0.id == "monitoring" })
        #expect(result.recovered.map(\.id) == ["monitoring"])
        #expect(result.openingScore == opening.score)
        #expect(result.score == ((opening.score + monitoring.points / 2) * 10).rounded() / 10)
        #expect(result.score > opening.score)
        #expect(result.answered == 2)
    }

    @Test("a concept already covered in the opening earns nothing more when repeated")
    func noDoubleCredit() {
        let result = QuestionResult(questionID: "q1", turns: [Self.turn(0, answer: Self.opening), Self.turn(1, answer: "Again: data drift, and I would retrain.")])
        #expect(result.recovered.isEmpty)
        #expect(result.score == result.openingScore)
    }

    @Test("a concept recovered twice is credited once")
    func recoveredOnce() {
        let result = QuestionResult(questionID: "q1", turns: [Self.turn(0, answer: Self.opening), Self.turn(1, answer: Self.followUp), Self.turn(2, answer: Self.followUp)])
        #expect(result.recovered.map(\.id) == ["monitoring"])
    }

    @Test("turns count in sequence order, however they are given")
    func sequenceOrder() {
        let ordered = QuestionResult(questionID: "q1", turns: [Self.turn(0, answer: Self.opening), Self.turn(1, answer: Self.followUp)])
        let shuffled = QuestionResult(questionID: "q1", turns: [Self.turn(1, answer: Self.followUp), Self.turn(0, answer: Self.opening)])
        #expect(shuffled == ordered)
    }

    @Test("a question skipped at its opening scores 0")
    func skipped() {
        let result = QuestionResult(questionID: "q1", turns: [Self.turn(0, outcome: .skipped)])
        #expect(result.score == 0)
        #expect(result.openingScore == nil)
        #expect(result.skipped)
        #expect(result.answered == 0)
    }

    @Test("a question left pending, or never reached, scores 0 and is not reached")
    func pending() {
        let pending = QuestionResult(questionID: "q1", turns: [Self.turn(0, outcome: .pending)])
        let untouched = QuestionResult(questionID: "q1", turns: [])
        for result in [pending, untouched] {
            #expect(result.score == 0)
            #expect(result.answered == 0)
            #expect(!result.skipped)
        }
        #expect(QuestionResult.overall([pending, untouched]) == nil)
    }

    @Test("the score never passes 100")
    func capAt100() throws {
        var perfect = Self.evaluator.evaluate(Self.opening)
        perfect.score = 99
        var extra = Self.evaluator.evaluate(Self.followUp)
        extra.concepts.found = extra.concepts.found.map { var c = $0; c.points = 40; return c }
        var first = Self.turn(0, answer: Self.opening), second = Self.turn(1, answer: Self.followUp)
        first.evaluations = [StoredEvaluation(id: 1, createdAt: Self.asked, evaluation: perfect)]
        second.evaluations = [StoredEvaluation(id: 2, createdAt: Self.asked, evaluation: extra)]
        #expect(QuestionResult(questionID: "q1", turns: [first, second]).score == 100)
    }

    @Test("the latest evaluation of a turn is the one that counts")
    func latestEvaluation() {
        var turn = Self.turn(0, answer: Self.opening)
        var rescored = Self.evaluator.evaluate(Self.opening)
        rescored.score = 12.5
        turn.evaluations.append(StoredEvaluation(id: 9, createdAt: Self.asked.addingTimeInterval(60), evaluation: rescored))
        #expect(QuestionResult(questionID: "q1", turns: [turn]).score == 12.5)
    }

    // MARK: Overall

    static func result(_ id: String, score: Double, skipped: Bool = false) -> QuestionResult {
        var result = QuestionResult(questionID: id, turns: [Self.turn(0, question: id, answer: "I would retrain.")])
        result.score = score
        result.skipped = skipped
        if skipped { result.answered = 0 }
        return result
    }

    @Test("the overall score is the mean over questions reached, skipped ones counting 0")
    func overall() {
        let results = [Self.result("q1", score: 80), Self.result("q2", score: 65.5), Self.result("q3", score: 0, skipped: true)]
        #expect(QuestionResult.overall(results) == 48.5)
        let unreached = QuestionResult(questionID: "q4", turns: [])
        #expect(QuestionResult.overall(results + [unreached]) == 48.5, "a question never reached does not count")
        #expect(QuestionResult.overall([Self.result("q1", score: 70), Self.result("q2", score: 75), Self.result("q3", score: 75)]) == 73.3)
        #expect(QuestionResult.overall([]) == nil)
    }

    @Test("a score reads as a level", arguments: [
        (100.0, "excellent"), (85, "excellent"), (84.9, "strong"), (70, "strong"),
        (69.9, "developing"), (50, "developing"), (49.9, "needs work"), (0, "needs work"),
    ])
    func level(score: Double, level: String) {
        #expect(QuestionResult.level(for: score).hasPrefix(level + ":"))
    }

    @Test("a transcript gives results in the session's question order, and their mean")
    func transcript() {
        let session = SessionRecord(id: 1, startedAt: Self.asked, status: .completed, questionIDs: ["q2", "q1"])
        let transcript = SessionTranscript(session: session, turns: [
            Self.turn(0, question: "q2", outcome: .skipped),
            Self.turn(1, question: "q1", answer: Self.opening),
        ])
        #expect(transcript.questionResults.map(\.questionID) == ["q2", "q1"])
        #expect(transcript.questionResults.map(\.score) == [0, Self.evaluator.evaluate(Self.opening).score])
        #expect(transcript.overallScore == ((Self.evaluator.evaluate(Self.opening).score / 2) * 10).rounded() / 10)
    }
}
