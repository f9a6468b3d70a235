import Foundation
import InterviewKit
import Testing
import GRDB
@testable import InterviewStore

@Suite("Progress over sessions")
struct ProgressTests {
    @discardableResult
    static func answer(
        _ store: SessionStore, session: Int64, question: String, score: Double, missed: [(id: String, label: String)], at offset: Double
    ) throws -> TurnRecord {
        let turn = try store.appendTurn(sessionID: session, questionID: question, nodeID: "open", prompt: "?", askedAt: Fixture.date(offset))
        return try store.recordAnswer(
            turnID: turn.id, answer: "answer", firstInputAt: nil, submittedAt: Fixture.date(offset + 30),
            evaluation: try Fixture.evaluation(question: question, score: score, missed: missed))
    }

    @Test("points are each session's question scores in start-time order; misses count answers per question")
    func aggregates() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let later = try store.beginSession(questionIDs: ["q1", "q2"], at: Fixture.date(86_400))
            let earlier = try store.beginSession(questionIDs: ["q1"], at: Fixture.date(0))
            let empty = try store.beginSession(questionIDs: ["q3"], at: Fixture.date(200_000))

            try Self.answer(store, session: earlier.id, question: "q1", score: 40, missed: [("monitoring", "Monitoring"), ("retrain", "Retraining")], at: 10)
            try Self.answer(store, session: earlier.id, question: "q1", score: 50, missed: [("monitoring", "Monitoring")], at: 100)
            try store.updateQuestionScore(sessionID: earlier.id, questionID: "q1", score: 45)
            try Self.answer(store, session: later.id, question: "q1", score: 80, missed: [], at: 86_410)
            try Self.answer(store, session: later.id, question: "q2", score: 30, missed: [("metrics", "Precision and recall")], at: 86_500)
            try store.updateQuestionScore(sessionID: later.id, questionID: "q2", score: 30)
            try store.updateQuestionScore(sessionID: later.id, questionID: "q1", score: 80)
            _ = empty

            let progress = try store.progress()
            #expect(progress.sessions == 2)
            #expect(progress.points == [
                .init(sessionID: earlier.id, startedAt: Fixture.date(0), questionID: "q1", score: 45),
                .init(sessionID: later.id, startedAt: Fixture.date(86_400), questionID: "q1", score: 80),
                .init(sessionID: later.id, startedAt: Fixture.date(86_400), questionID: "q2", score: 30),
            ])
            #expect(progress.misses == [
                .init(questionID: "q1", conceptID: "monitoring", label: "Monitoring", count: 2, answers: 3),
                .init(questionID: "q1", conceptID: "retrain", label: "Retraining", count: 1, answers: 3),
                .init(questionID: "q2", conceptID: "metrics", label: "Precision and recall", count: 1, answers: 1),
            ])
        }
    }

    @Test("a rescore replaces the turn's misses: progress counts only each answer's latest evaluation")
    func rescoreReplacesMisses() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try Self.answer(store, session: session.id, question: "q1", score: 40, missed: [("monitoring", "Monitoring")], at: 10)
            try store.appendEvaluation(turnID: turn.id, evaluation: try Fixture.evaluation(score: 60, missed: [("ab-test", "A/B testing")]))
            #expect(try store.progress().misses == [
                .init(questionID: "q1", conceptID: "ab-test", label: "A/B testing", count: 1, answers: 1),
            ])
        }
    }

    @Test("the running totals behind progress equal a recount after answers, rescores, skips and deletions")
    func runningTotals() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            try SyntheticDatabase.generate(path: path, sessions: 30, turnsPerSession: 6, seed: 11)
            let store = try SessionStore(path: path)
            let turns = try store.answeredTurns()
            try store.appendEvaluations(
                [turns[0].turnID: try Fixture.evaluation(score: 90, missed: [("new-concept", "A new concept")]),
                 turns[1].turnID: try Fixture.evaluation(score: 91, missed: [])],
                at: Fixture.date())
            try Fixture.execute(store, "PRAGMA foreign_keys = ON; DELETE FROM sessions WHERE id IN (3, 4)")
            try Fixture.execute(store, "UPDATE turns SET outcome = 'skipped' WHERE id = \(turns[5].turnID)")
            try Fixture.execute(store, "UPDATE turns SET question_id = 'q9' WHERE id = \(turns[6].turnID)")

            let recounted = try store.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT m.question_id, m.concept_id, COUNT(*),
                           (SELECT COUNT(*) FROM turns t WHERE t.question_id = m.question_id AND t.outcome = 'answered')
                    FROM concept_misses m GROUP BY m.question_id, m.concept_id
                    ORDER BY m.question_id, COUNT(*) DESC, m.concept_id
                    """).map { "\($0[0] as String)/\($0[1] as String): \($0[2] as Int) of \($0[3] as Int)" }
            }
            let progress = try store.progress()
            #expect(progress.misses.map { "\($0.questionID)/\($0.conceptID): \($0.count) of \($0.answers)" } == recounted)
            #expect(progress.misses.contains { $0.conceptID == "new-concept" && $0.label == "A new concept" })
            #expect(progress.sessions == 28)
            #expect(progress.points.count == (try Fixture.int(store, "SELECT COUNT(*) FROM session_questions")))
            #expect(zip(progress.points, progress.points.dropFirst()).allSatisfy { $0.startedAt <= $1.startedAt })
        }
    }

    @Test("an empty database has no progress")
    func empty() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            #expect(try store.progress() == ProgressData(sessions: 0, points: [], misses: []))
        }
    }
}

@Suite("Earlier results for a report's history")
struct EarlierResultsTests {
    @Test("the scores of the asked questions in the latest earlier sessions that share one, oldest first, without later sessions")
    func earlierResults() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let first = try store.beginSession(questionIDs: ["q1", "q2"], at: Fixture.date(0))
            let unrelated = try store.beginSession(questionIDs: ["q3"], at: Fixture.date(1_000))
            let second = try store.beginSession(questionIDs: ["q2", "q4"], at: Fixture.date(2_000))
            let reported = try store.beginSession(questionIDs: ["q1", "q2"], at: Fixture.date(3_000))
            let later = try store.beginSession(questionIDs: ["q1"], at: Fixture.date(4_000))
            for (session, question, score) in [(first, "q1", 40.0), (first, "q2", 55.0), (unrelated, "q3", 90.0), (second, "q2", 65.0),
                                               (second, "q4", 70.0), (reported, "q1", 80.0), (later, "q1", 99.0)] {
                try ProgressTests.answer(store, session: session.id, question: question, score: score, missed: [], at: session.startedAt.timeIntervalSince(Fixture.date(0)) + 10)
                try store.updateQuestionScore(sessionID: session.id, questionID: question, score: score)
            }

            let results = try store.earlierResults(before: reported.id, sharingQuestions: ["q1", "q2"], limit: 10)
            #expect(results == [
                .init(sessionID: first.id, startedAt: Fixture.date(0), questionID: "q1", score: 40),
                .init(sessionID: first.id, startedAt: Fixture.date(0), questionID: "q2", score: 55),
                .init(sessionID: second.id, startedAt: Fixture.date(2_000), questionID: "q2", score: 65),
            ])
            let latestOnly = try store.earlierResults(before: reported.id, sharingQuestions: ["q1", "q2"], limit: 1)
            #expect(latestOnly.map(\.sessionID) == [second.id])
            #expect(try store.earlierResults(before: first.id, sharingQuestions: ["q1", "q2"], limit: 10).isEmpty)
        }
    }
}
