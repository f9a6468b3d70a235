import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("Recording a session")
struct RecordingTests {
    @Test("a session with answered, skipped and pending turns reads back exactly, timestamps to the millisecond")
    func roundTrip() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/interviews.sqlite")
            let session = try store.beginSession(questionIDs: ["q1", "q2"], candidate: "Ada", feedback: .each, at: Fixture.date())
            let opening = try store.appendTurn(
                sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Accuracy dropped. Why?", askedAt: Fixture.date(1.5))
            let probe = try store.appendTurn(
                sessionID: session.id, questionID: "q1", nodeID: "probe-monitoring", prompt: "How would you monitor it?",
                why: "monitoring was missing", askedAt: Fixture.date(90.001))
            let skipped = try store.appendTurn(
                sessionID: session.id, questionID: "q2", nodeID: "open", prompt: "Imbalanced data?", askedAt: Fixture.date(200))
            let pending = try store.appendTurn(
                sessionID: session.id, questionID: "q2", nodeID: "probe-metrics", prompt: "Which metric?", askedAt: Fixture.date(260.999))
            #expect([opening, probe, skipped, pending].map(\.sequence) == [0, 1, 2, 3])

            let first = try Fixture.evaluation(score: 61.5, missed: [("monitoring", "Monitoring")])
            #expect(try store.recordHint(turnID: opening.id) == 1)
            try store.recordAnswer(
                turnID: opening.id, answer: "The data drifted.", firstInputAt: Fixture.date(4.25),
                submittedAt: Fixture.date(80.5), hintsUsed: 1, evaluation: first)
            let second = try Fixture.evaluation(score: 70, found: ["monitoring"])
            try store.recordAnswer(
                turnID: probe.id, answer: "PSI with alerts.", firstInputAt: nil, submittedAt: Fixture.date(150.75),
                evaluation: second)
            try store.recordSkip(turnID: skipped.id, at: Fixture.date(230.002), hintsUsed: 2)
            try store.finishSession(id: session.id, status: .endedEarly, at: Fixture.date(300.3))

            let transcript = try store.transcript(id: session.id)
            #expect(transcript.session == SessionRecord(
                id: session.id, startedAt: Fixture.date(), endedAt: Fixture.date(300.3), status: .endedEarly,
                candidate: "Ada", questionIDs: ["q1", "q2"], feedback: .each))
            #expect(transcript.turns.map(\.id) == [opening.id, probe.id, skipped.id, pending.id])

            let answered = transcript.turns[0]
            #expect(answered.askedAt == Fixture.date(1.5))
            #expect(answered.firstInputAt == Fixture.date(4.25))
            #expect(answered.submittedAt == Fixture.date(80.5))
            #expect(answered.answer == "The data drifted.")
            #expect(answered.outcome == .answered)
            #expect(answered.hintsUsed == 1)
            #expect(answered.evaluations.count == 1)
            #expect(answered.evaluation == first)
            #expect(answered.evaluations.first?.createdAt == Fixture.date(80.5))

            #expect(transcript.turns[1].why == "monitoring was missing")
            #expect(transcript.turns[1].askedAt == Fixture.date(90.001))
            #expect(transcript.turns[1].firstInputAt == nil)
            #expect(transcript.turns[1].evaluation == second)

            #expect(transcript.turns[2].outcome == .skipped)
            #expect(transcript.turns[2].submittedAt == Fixture.date(230.002))
            #expect(transcript.turns[2].hintsUsed == 2)
            #expect(transcript.turns[2].evaluations.isEmpty)

            #expect(transcript.turns[3].outcome == .pending)
            #expect(transcript.turns[3].askedAt == Fixture.date(260.999))
            #expect(transcript.turns[3].answer == nil)
        }
    }

    @Test("timestamps are stored as UTC ISO-8601 text with milliseconds")
    func timestampText() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            #expect(try Fixture.text(store, "SELECT started_at FROM sessions WHERE id = \(session.id)") == "2026-12-01T10:15:03.042Z")
        }
    }

    @Test("a date finer than a millisecond comes back rounded to the millisecond, and the returned record says so")
    func subMillisecondDates() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let precise = Date(timeIntervalSince1970: 1_796_120_103.042_4)
            let session = try store.beginSession(questionIDs: ["q1"], at: precise)
            #expect(session.startedAt == Fixture.date())
            #expect(try store.transcript(id: session.id).session.startedAt == session.startedAt)
        }
    }

    @Test("rescoring appends evaluations; the earlier ones stay byte for byte and the turn follows the latest")
    func appendOnlyEvaluations() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            try store.recordAnswer(
                turnID: turn.id, answer: "drift", firstInputAt: Fixture.date(2), submittedAt: Fixture.date(3),
                evaluation: try Fixture.evaluation(score: 40, missed: [("monitoring", "Monitoring"), ("retrain", "Retraining")]))
            let originalJSON = try Fixture.text(store, "SELECT evaluation FROM evaluations ORDER BY id LIMIT 1")

            let rescored = try store.appendEvaluation(
                turnID: turn.id, evaluation: try Fixture.evaluation(score: 55, missed: [("retrain", "Retraining")], rubricHash: "rubric-2"),
                at: Fixture.date(1000))
            try store.appendEvaluations(
                [turn.id: try Fixture.evaluation(score: 72.5, missed: [("ab-test", "A/B testing")], rubricHash: "rubric-3")],
                at: Fixture.date(2000))

            let stored = try store.transcript(id: session.id).turns[0]
            #expect(stored.evaluations.map(\.evaluation.score) == [40, 55, 72.5])
            #expect(stored.evaluations.map(\.createdAt) == [Fixture.date(3), Fixture.date(1000), Fixture.date(2000)])
            #expect(stored.evaluations[1] == rescored)
            #expect(try Fixture.text(store, "SELECT evaluation FROM evaluations ORDER BY id LIMIT 1") == originalJSON)
            #expect(try Fixture.double(store, "SELECT score FROM turns WHERE id = \(turn.id)") == 72.5)
            #expect(try Fixture.text(store, "SELECT group_concat(concept_id) FROM concept_misses WHERE turn_id = \(turn.id)") == "ab-test")
            #expect(try Fixture.text(store, "SELECT group_concat(rubric_hash) FROM (SELECT rubric_hash FROM evaluations ORDER BY id)") == "rubric-1,rubric-2,rubric-3")
        }
    }

    @Test("the database itself refuses to update an evaluation")
    func evaluationUpdateIsRefused() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            try store.recordAnswer(turnID: turn.id, answer: "a", firstInputAt: nil, submittedAt: Fixture.date(2), evaluation: try Fixture.evaluation(score: 10))
            #expect(throws: (any Error).self) { try Fixture.execute(store, "UPDATE evaluations SET score = 99") }
            #expect(try Fixture.double(store, "SELECT score FROM evaluations") == 10)
        }
    }

    @Test("an answer is recorded once: a second answer or a skip of the same turn is refused")
    func answersAreRecordedOnce() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            let evaluation = try Fixture.evaluation(score: 50)
            try store.recordAnswer(turnID: turn.id, answer: "a", firstInputAt: nil, submittedAt: Fixture.date(2), evaluation: evaluation)
            #expect(throws: StoreError.turnClosed(id: turn.id, outcome: .answered)) {
                try store.recordAnswer(turnID: turn.id, answer: "b", firstInputAt: nil, submittedAt: Fixture.date(3), evaluation: evaluation)
            }
            #expect(throws: StoreError.turnClosed(id: turn.id, outcome: .answered)) { try store.recordSkip(turnID: turn.id) }
            #expect(throws: StoreError.unknownTurn(id: 999)) { try store.recordHint(turnID: 999) }
            #expect(try store.transcript(id: session.id).turns[0].answer == "a")
        }
    }

    @Test("a skipped turn cannot be rescored, and a turn cannot be added to a session that does not exist")
    func invalidReferences() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            try store.recordSkip(turnID: turn.id, at: Fixture.date(2))
            #expect(throws: StoreError.turnNotAnswered(id: turn.id, outcome: .skipped)) {
                try store.appendEvaluation(turnID: turn.id, evaluation: try Fixture.evaluation(score: 1))
            }
            #expect(throws: StoreError.unknownSession(reference: "42")) {
                try store.appendTurn(sessionID: 42, questionID: "q1", nodeID: "open", prompt: "?")
            }
            #expect(throws: StoreError.unknownSession(reference: "42")) { try store.updateSessionScore(sessionID: 42, score: 1) }
            #expect(throws: StoreError.unknownSession(reference: "42")) { try store.updateQuestionScore(sessionID: 42, questionID: "q1", score: 1) }
        }
    }

    @Test("question scores are upserted and the session score, answered count and duration are kept on the session row")
    func denormalisedScores() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(10))
            try store.recordAnswer(turnID: turn.id, answer: "a", firstInputAt: nil, submittedAt: Fixture.date(70), evaluation: try Fixture.evaluation(score: 50))
            try store.updateQuestionScore(sessionID: session.id, questionID: "q1", score: 50)
            try store.updateQuestionScore(sessionID: session.id, questionID: "q1", score: 57.5)
            try store.updateSessionScore(sessionID: session.id, score: 57.5)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM session_questions") == 1)
            #expect(try Fixture.double(store, "SELECT score FROM session_questions") == 57.5)
            let summary = try #require(try store.list().first)
            #expect(summary.score == 57.5)
            #expect(summary.answeredTurns == 1)
            #expect(summary.durationSeconds == 70)
            #expect(summary.endedAt == nil)
        }
    }

    @Test("a write that does not fit on the disk fails with diskFull and records nothing")
    func diskFull() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let store = try SessionStore(path: path)
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            let pages = try Fixture.int(store, "PRAGMA page_count")
            try Fixture.execute(store, "PRAGMA max_page_count = \(pages)")
            let long = String(repeating: "monitoring drift retraining ", count: 20_000)
            #expect(throws: StoreError.diskFull(path: path)) {
                try store.recordAnswer(turnID: turn.id, answer: long, firstInputAt: nil, submittedAt: Fixture.date(2), evaluation: try Fixture.evaluation(score: 50))
            }
            #expect(StoreError.diskFull(path: path).description.contains("disk is full"))
            #expect(try store.transcript(id: session.id).turns[0].outcome == .pending)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM evaluations") == 0)
        }
    }
}
