import Foundation
import Testing
@testable import InterviewKit

@Suite("Follow-ups are scored against what they ask for")
struct FollowUpScoringTests {
    static let question = Sample.question(
        rubric: Rubric(
            concepts: [Sample.drift, Sample.retraining, Sample.monitoring, Sample.rollout],
            misconceptions: [Misconception(
                id: "no-monitoring", label: "Monitoring is unnecessary after launch", penalty: 10,
                patterns: [[["monitor"], ["unnecessary", "pointless"]]], correction: "Watch inputs and outcomes after launch."
            )],
            stages: Sample.stages, length: LengthBand(min: 20, max: 120)
        ),
        dialogue: [
            DialogueNode(id: "open", edges: [DialogueEdge(condition: DialogueCondition([.missed(["monitoring"])]), target: .node("probe-monitoring")), DialogueEdge(target: .end)]),
            DialogueNode(id: "probe-monitoring", prompt: "How would you notice the next drop?", asks: ["monitoring"], edges: [DialogueEdge(target: .end)]),
        ]
    )

    static let narrowAnswer = "I would monitor the error rate and the input distributions every day, and alert the on-call person when either moves past last month's range."

    @Test("a strong answer to a narrow follow-up scores high")
    func narrowAnswerScoresHigh() {
        let evaluation = Evaluator(question: Self.question).evaluate(Self.narrowAnswer, node: "probe-monitoring")
        #expect(evaluation.score >= 80, "\(evaluation.score): \(evaluation.components.map { "\($0.name) \($0.points)/\($0.maxPoints)" })")
        #expect(evaluation.focus == ["monitoring"])
        #expect(evaluation.concepts.missed.isEmpty, "only what was asked can be missed")
        #expect(evaluation.stages.isEmpty && evaluation.component(.structure) == nil, "a follow-up has no structure component")
    }

    @Test("the same answer to the opening question is judged against the whole rubric")
    func openingIsWholeRubric() {
        let evaluation = Evaluator(question: Self.question).evaluate(Self.narrowAnswer)
        #expect(evaluation.focus.isEmpty)
        #expect(evaluation.score < 50)
        #expect(Set(evaluation.concepts.missed.map(\.id)) == ["drift", "retraining", "rollout"])
    }

    @Test("an answer that misses what the follow-up asked scores low, and lists only that as missed")
    func offTarget() {
        let evaluation = Evaluator(question: Self.question).evaluate("I would retrain it on the most recent three months of data from every region.", node: "probe-monitoring")
        #expect(evaluation.score < 30)
        #expect(evaluation.concepts.missed.map(\.id) == ["monitoring"])
        let retraining = evaluation.concepts.found.first { $0.id == "retraining" }
        #expect(retraining?.points == 0, "outside what was asked, it earns nothing in this turn")
        #expect((retraining?.questionPoints ?? 0) > 0, "but it keeps its worth to the question")
    }

    static func turn(_ sequence: Int, node: String, evaluation: Evaluation) -> TurnRecord {
        let asked = Date(timeIntervalSince1970: 1_700_000_000 + Double(sequence) * 60)
        var turn = TurnRecord(id: Int64(sequence + 1), sessionID: 1, sequence: sequence, questionID: Self.question.id, nodeID: node, prompt: "", askedAt: asked)
        turn.answer = ""
        turn.submittedAt = asked.addingTimeInterval(30)
        turn.outcome = .answered
        turn.evaluations = [StoredEvaluation(id: Int64(sequence + 1), createdAt: asked, evaluation: evaluation)]
        return turn
    }

    @Test("a concept recovered in a follow-up adds half its worth on the whole rubric; a wrong claim there costs its penalty")
    func questionResult() throws {
        let evaluator = Evaluator(question: Self.question)
        let opening = evaluator.evaluate("First I would compare the production inputs with training to check for data drift in each feature. Then I would retrain on recent data from the last month.")
        let followUp = evaluator.evaluate(Self.narrowAnswer, node: "probe-monitoring")
        let recovered = try #require(followUp.concepts.found.first { $0.id == "monitoring" })
        let worth = try #require(recovered.questionPoints)
        let result = QuestionResult(questionID: Self.question.id, turns: [Self.turn(0, node: "open", evaluation: opening), Self.turn(1, node: "probe-monitoring", evaluation: followUp)])
        #expect(result.recovered.map(\.id) == ["monitoring"])
        #expect(abs(result.score - (opening.score + worth / 2)) < 0.11)

        let wrong = evaluator.evaluate("Monitoring is pointless once the model is live.", node: "probe-monitoring")
        #expect(wrong.flags.map(\.id) == ["no-monitoring"])
        let penalised = QuestionResult(questionID: Self.question.id, turns: [Self.turn(0, node: "open", evaluation: opening), Self.turn(1, node: "probe-monitoring", evaluation: wrong)])
        #expect(penalised.laterFlags.map(\.id) == ["no-monitoring"])
        #expect(penalised.score == max(0, opening.score - 10))
    }
}
