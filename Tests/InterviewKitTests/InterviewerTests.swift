import Foundation
import Testing
@testable import InterviewKit

/// A two-question interview whose first question probes what the opening answer missed.
enum SampleInterview {
    static let probing = Sample.question(id: "q1", dialogue: [
        DialogueNode(id: "open", edges: [
            DialogueEdge(condition: DialogueCondition([.wordsBelow(4)]), target: .node("expand"), why: "That was brief."),
            DialogueEdge(condition: DialogueCondition([.scoreBelow(3)]), target: .node("expand"), why: "That didn't address the model."),
            DialogueEdge(condition: DialogueCondition([.missed(["drift"])]), target: .node("probe-drift"), why: "You haven't said what changed in the data."),
            DialogueEdge(condition: DialogueCondition([.missed(["monitoring"])]), target: .node("probe-monitoring"), why: "You haven't said how you would notice."),
            DialogueEdge(condition: DialogueCondition([.mentions(["retrain", "retraining"])]), target: .node("dig-retrain"), why: "You chose retraining."),
            DialogueEdge(target: .end),
        ]),
        DialogueNode(id: "expand", prompt: "Step by step: what would you check first?", edges: [
            DialogueEdge(condition: DialogueCondition([.missed(["drift"])]), target: .node("probe-drift")),
            DialogueEdge(target: .end),
        ]),
        DialogueNode(id: "probe-drift", prompt: "What would you compare between training and production?", hint: "Feature distributions.", edges: [
            DialogueEdge(condition: DialogueCondition([.missed(["drift"])]), target: .node("probe-drift-again"), why: "Still nothing about the data."),
            DialogueEdge(condition: DialogueCondition([.missed(["monitoring"])]), target: .node("probe-monitoring"), why: "You haven't said how you would notice."),
            DialogueEdge(target: .end),
        ]),
        DialogueNode(id: "probe-drift-again", prompt: "Think about the inputs. What could have moved?", edges: [DialogueEdge(target: .end)]),
        DialogueNode(id: "probe-monitoring", prompt: "How would you notice the next drop?", edges: [DialogueEdge(target: .end)]),
        DialogueNode(id: "dig-retrain", prompt: "How often would you retrain?", edges: [DialogueEdge(target: .end)]),
    ])

    /// A question that asks about drift again and again until it hears about it.
    static let looping = Sample.question(id: "q2", dialogue: [
        DialogueNode(id: "open", edges: [
            DialogueEdge(condition: DialogueCondition([.missed(["drift"])]), target: .node("again")),
            DialogueEdge(target: .end),
        ]),
        DialogueNode(id: "again", prompt: "And what about the data?", edges: [
            DialogueEdge(condition: DialogueCondition([.missed(["drift"])]), target: .node("again")),
            DialogueEdge(target: .end),
        ]),
    ])

    static func interviewer() -> Interviewer { Interviewer(questions: [probing, looping]) }
}

@Suite("Interviewer")
struct InterviewerTests {
    @Test("the sample questions' dialogues lint clean")
    func samplesLintClean() {
        for question in [SampleInterview.probing, SampleInterview.looping] {
            #expect(DialogueLinter().lint(question, file: question.id).isEmpty)
        }
    }

    @Test("the interview opens with the first question's prompt")
    func opening() throws {
        let prompt = try #require(SampleInterview.interviewer().current)
        #expect(prompt.questionID == "q1")
        #expect(prompt.nodeID == "open")
        #expect(prompt.text == SampleInterview.probing.prompt)
        #expect(prompt.isOpening)
        #expect(prompt.questionNumber == 1)
        #expect(prompt.questionCount == 2)
        #expect(prompt.why == nil)
    }

    @Test("the follow-up chosen depends on what the answer missed or chose", arguments: [
        ("I would retrain the model and monitor it with alerts.", "probe-drift", "You haven't said what changed in the data."),
        ("I would first check the data drift in the inputs and then retrain the model on recent data.", "probe-monitoring", "You haven't said how you would notice."),
        ("I would check for data drift, retrain the model and monitor it.", "dig-retrain", "You chose retraining."),
        ("No idea.", "expand", "That was brief."),
        ("I like hiking on weekends with my family.", "expand", "That didn't address the model."),
    ])
    func followUp(answer: String, node: String, why: String) throws {
        var interviewer = SampleInterview.interviewer()
        try #require(interviewer.answer(answer) != nil)
        let prompt = try #require(interviewer.current)
        #expect(prompt.questionID == "q1")
        #expect(prompt.nodeID == node)
        #expect(prompt.why == why)
        #expect(!prompt.isOpening)
        #expect(prompt.text == SampleInterview.probing.dialogue.node(node)?.prompt)
    }

    @Test("a follow-up prompt carries its node's hint")
    func hint() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would retrain the model and monitor it with alerts.")
        #expect(interviewer.current?.hint == "Feature distributions.")
    }

    @Test("when the answer leaves nothing to probe, the fallback ends the question")
    func fallbackEndsQuestion() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would check for data drift and monitor the model with alerts.")
        #expect(interviewer.questionIndex == 1)
        #expect(interviewer.current?.questionID == "q2")
        #expect(interviewer.current?.isOpening == true)
        #expect(interviewer.current?.why == nil)
    }

    @Test("a rejected option is not a mention: \"I would not retrain\" does not lead to the retraining follow-up")
    func negatedMention() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would check for data drift and monitor it, and I would not retrain.")
        #expect(interviewer.current?.questionID == "q2")
    }

    @Test("a concept supplied in a follow-up stops the probing about it, and so does one from the opening")
    func coveredSoFar() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would retrain the model and monitor it with alerts.")
        #expect(interviewer.current?.nodeID == "probe-drift")
        interviewer.answer("I would compare the inputs for data drift.")
        #expect(interviewer.current?.questionID == "q2", "drift is now covered and monitoring was covered in the opening answer")
    }

    @Test("a concept still missing after its follow-up is probed again")
    func stillMissing() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would retrain the model and monitor it with alerts.")
        interviewer.answer("I am not sure.")
        #expect(interviewer.current?.nodeID == "probe-drift-again")
        #expect(interviewer.current?.why == "Still nothing about the data.")
    }

    @Test("a question ends after six turns even if its tree would go on")
    func maximumTurns() {
        var interviewer = Interviewer(questions: [SampleInterview.looping, SampleInterview.probing])
        var turns = 0
        while interviewer.current?.questionID == "q2", turns < 20 {
            interviewer.answer("I do not know.")
            turns += 1
        }
        #expect(turns == Interviewer.maximumTurnsPerQuestion)
        #expect(Interviewer.maximumTurnsPerQuestion == 6)
        #expect(interviewer.current?.questionID == "q1")
    }

    @Test("skipping moves to the next question's opening; skipping the last ends the interview")
    func skip() {
        var interviewer = SampleInterview.interviewer()
        interviewer.answer("I would retrain the model and monitor it with alerts.")
        interviewer.skipQuestion()
        #expect(interviewer.current?.questionID == "q2")
        #expect(interviewer.current?.nodeID == "open")
        #expect(interviewer.current?.why == nil)
        interviewer.skipQuestion()
        #expect(interviewer.isFinished)
        #expect(interviewer.current == nil)
    }

    @Test("a skipped question forgets what was covered in it")
    func skipForgetsCoverage() {
        var interviewer = Interviewer(questions: [SampleInterview.probing, SampleInterview.probing])
        interviewer.answer("I would check for data drift and then retrain the model on recent data.")
        interviewer.skipQuestion()
        interviewer.answer("I would retrain the model and monitor it with alerts.")
        #expect(interviewer.current?.nodeID == "probe-drift", "drift covered in the first question does not count in the second")
    }

    @Test("finishing ends the interview where it stands")
    func finish() {
        var interviewer = SampleInterview.interviewer()
        interviewer.finish()
        #expect(interviewer.isFinished)
        #expect(interviewer.current == nil)
        #expect(interviewer.currentQuestion == nil)
        #expect(interviewer.answer("anything") == nil)
    }

    @Test("answering after the last question is a no-op")
    func afterTheEnd() {
        var interviewer = Interviewer(questions: [SampleInterview.looping])
        interviewer.answer("I would check for data drift.")
        #expect(interviewer.isFinished)
        #expect(interviewer.answer("more") == nil)
    }

    @Test("an interview without questions is finished from the start")
    func noQuestions() {
        let interviewer = Interviewer(questions: [])
        #expect(interviewer.isFinished)
        #expect(interviewer.current == nil)
    }

    // MARK: Replay

    enum Step {
        case answer(String)
        case skip
    }

    /// Runs `steps` live and records the turns the way the shell stores them; a last pending turn
    /// records the prompt that was showing when the session stopped.
    static func record(_ steps: [Step], pendingLast: Bool, storeEvaluations: Bool = true) -> (turns: [TurnRecord], prompt: InterviewPrompt?) {
        var interviewer = SampleInterview.interviewer()
        var turns: [TurnRecord] = []
        let asked = Date(timeIntervalSince1970: 1_800_000_000)
        for step in steps {
            guard let prompt = interviewer.current else { break }
            var turn = TurnRecord(id: Int64(turns.count + 1), sessionID: 1, sequence: turns.count, questionID: prompt.questionID,
                                  nodeID: prompt.nodeID, prompt: prompt.text, why: prompt.why, askedAt: asked)
            switch step {
            case let .answer(text):
                let evaluation = interviewer.answer(text)
                turn.answer = text
                turn.outcome = .answered
                if storeEvaluations, let evaluation {
                    turn.evaluations = [StoredEvaluation(id: turn.id, createdAt: asked, evaluation: evaluation)]
                }
            case .skip:
                interviewer.skipQuestion()
                turn.outcome = .skipped
            }
            turns.append(turn)
        }
        if pendingLast, let prompt = interviewer.current {
            turns.append(TurnRecord(id: Int64(turns.count + 1), sessionID: 1, sequence: turns.count, questionID: prompt.questionID,
                                    nodeID: prompt.nodeID, prompt: prompt.text, why: prompt.why, askedAt: asked))
        }
        return (turns, interviewer.current)
    }

    static let sessions: [[Step]] = [
        [.answer("I would retrain the model and monitor it with alerts.")],
        [.answer("I would retrain the model and monitor it with alerts."), .answer("I am not sure.")],
        [.answer("No idea."), .answer("I would check for data drift.")],
        [.answer("I would retrain the model and monitor it with alerts."), .skip, .answer("I do not know.")],
        [.skip, .answer("I do not know."), .answer("Still no idea.")],
    ]

    @Test("replaying stored turns lands on the prompt the session stopped at", arguments: 0..<sessions.count)
    func replay(session: Int) {
        let recorded = Self.record(Self.sessions[session], pendingLast: false)
        var resumed = SampleInterview.interviewer()
        resumed.replay(recorded.turns)
        #expect(resumed.current == recorded.prompt)
        #expect(resumed.isFinished == (recorded.prompt == nil))
    }

    @Test("a pending last turn is asked again on replay", arguments: 0..<sessions.count)
    func replayPending(session: Int) throws {
        let recorded = Self.record(Self.sessions[session], pendingLast: true)
        let pending = try #require(recorded.turns.last)
        #expect(pending.outcome == .pending)
        var resumed = SampleInterview.interviewer()
        resumed.replay(recorded.turns)
        #expect(resumed.current == recorded.prompt)
        #expect(resumed.current?.nodeID == pending.nodeID)
        #expect(resumed.current?.text == pending.prompt)
    }

    @Test("turns stored without evaluations are scored again on replay and land on the same prompt", arguments: 0..<sessions.count)
    func replayWithoutEvaluations(session: Int) {
        let recorded = Self.record(Self.sessions[session], pendingLast: true, storeEvaluations: false)
        var resumed = SampleInterview.interviewer()
        resumed.replay(recorded.turns)
        #expect(resumed.current == recorded.prompt)
    }

    @Test("turns are replayed in sequence order, however they are stored")
    func replayOrder() {
        let recorded = Self.record(Self.sessions[1], pendingLast: true)
        var resumed = SampleInterview.interviewer()
        resumed.replay(recorded.turns.reversed())
        #expect(resumed.current == recorded.prompt)
    }

    @Test("replaying no turns leaves the interview at its opening")
    func replayNothing() {
        var resumed = SampleInterview.interviewer()
        resumed.replay([])
        #expect(resumed.current == SampleInterview.interviewer().current)
    }
}

@Suite("Dialogue conditions")
struct DialogueConditionTests {
    static let evaluator = Evaluator(question: Sample.question())
    static let answer = "First I would check for data drift."
    static let evaluation = evaluator.evaluate(answer)

    let context = DialogueContext(
        evaluation: DialogueConditionTests.evaluation, covered: ["drift"], visited: ["open"],
        mentions: { DialogueConditionTests.evaluator.mentions($0, in: DialogueConditionTests.answer) }
    )

    @Test("each clause tests what it names", arguments: [
        (DialogueCondition.Clause.covered(["drift"]), true),
        (.covered(["drift", "monitoring"]), false),
        (.missed(["drift"]), false),
        (.missed(["drift", "monitoring"]), false),
        (.missed(["monitoring", "retraining"]), true),
        (.stagePresent("diagnose"), true),
        (.stagePresent("fix"), false),
        (.stageMissing("fix"), true),
        (.stageMissing("diagnose"), false),
        (.scoreBelow(100), true),
        (.scoreBelow(0), false),
        (.scoreAtLeast(0), true),
        (.scoreAtLeast(100), false),
        (.wordsBelow(8), true),
        (.wordsBelow(7), false),
        (.mentions(["drift", "retrain"]), true),
        (.mentions(["retrain"]), false),
        (.visited("open"), true),
        (.visited("probe"), false),
        (.notVisited("probe"), true),
        (.notVisited("open"), false),
    ])
    func clause(_ clause: DialogueCondition.Clause, holds: Bool) {
        #expect(Self.evaluation.words == 7)
        #expect(context.holds(clause) == holds)
    }

    @Test("a condition holds only when all of its clauses hold")
    func conjunction() {
        #expect(context.holds(DialogueCondition([.covered(["drift"]), .missed(["monitoring"])])))
        #expect(!context.holds(DialogueCondition([.covered(["drift"]), .missed(["drift"])])))
    }
}
