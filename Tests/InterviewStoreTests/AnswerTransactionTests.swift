import Foundation
import InterviewKit
import Testing
import GRDB
@testable import InterviewStore

@Suite("Recording an answer and its scores in one transaction")
struct AnswerTransactionTests {
    /// What a database holds, table by table, as text.
    static func contents(_ path: String) throws -> [String] {
        let store = try SessionStore(readingFrom: path)
        return try store.pool.read { db in
            try ["sessions", "turns", "evaluations", "session_questions", "concept_misses", "concept_miss_counts", "question_answer_counts"]
                .flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" } }
        }
    }

    /// Records one answered and one skipped turn, with their scores, in one call each or in three.
    static func record(into path: String, together: Bool) throws {
        let store = try SessionStore(path: path)
        let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
        let answered = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
        let evaluation = try Fixture.evaluation(score: 61.5, missed: [("monitoring", "Monitoring")])
        if together {
            try store.recordAnswer(
                turnID: answered.id, answer: "Drift.", firstInputAt: Fixture.date(2), submittedAt: Fixture.date(9), hintsUsed: 1,
                evaluation: evaluation, questionID: "q1", questionScore: 61.5, sessionScore: 61.5)
        } else {
            try store.recordAnswer(turnID: answered.id, answer: "Drift.", firstInputAt: Fixture.date(2), submittedAt: Fixture.date(9), hintsUsed: 1, evaluation: evaluation)
            try store.updateQuestionScore(sessionID: session.id, questionID: "q1", score: 61.5)
            try store.updateSessionScore(sessionID: session.id, score: 61.5)
        }
        let skipped = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "probe", prompt: "And?", askedAt: Fixture.date(10))
        if together {
            try store.recordSkip(turnID: skipped.id, at: Fixture.date(12), questionID: "q1", questionScore: 60, sessionScore: 60)
        } else {
            try store.recordSkip(turnID: skipped.id, at: Fixture.date(12))
            try store.updateQuestionScore(sessionID: session.id, questionID: "q1", score: 60)
            try store.updateSessionScore(sessionID: session.id, score: 60)
        }
        try store.finishSession(id: session.id, status: .completed, at: Fixture.date(20))
    }

    @Test("leaves the database exactly as the three separate writes do")
    func sameRows() throws {
        try withTemporaryDirectory { dir in
            try Self.record(into: dir + "/one.sqlite", together: true)
            try Self.record(into: dir + "/three.sqlite", together: false)
            let together = try Self.contents(dir + "/one.sqlite")
            #expect(!together.isEmpty)
            #expect(together == (try Self.contents(dir + "/three.sqlite")))
        }
    }

    @Test("a turn that is not pending fails the whole transaction: no score is written")
    func atomic() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/interviews.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
            try store.recordSkip(turnID: turn.id, at: Fixture.date(2))
            #expect(throws: StoreError.self) {
                try store.recordAnswer(
                    turnID: turn.id, answer: "late", firstInputAt: nil, submittedAt: Fixture.date(3),
                    evaluation: try Fixture.evaluation(score: 90), questionID: "q1", questionScore: 90, sessionScore: 90)
            }
            #expect(try store.list().first?.score == nil)
        }
    }
}
