import Foundation
import InterviewKit
import InterviewStore

/// Records the interview in the session store: each call is one committed transaction (an answer with
/// its evaluation and the new scores together, so one fsync per answer).
struct StoreRecorder: InterviewRecorder {
    let store: SessionStore
    let sessionID: Int64

    mutating func ask(_ prompt: InterviewPrompt, at date: Date) throws -> Int64 {
        try store.appendTurn(sessionID: sessionID, questionID: prompt.questionID, nodeID: prompt.nodeID, prompt: prompt.text, why: prompt.why, askedAt: date).id
    }

    mutating func answer(turnID: Int64, text: String, firstInputAt: Date, submittedAt: Date, hintsUsed: Int, evaluation: Evaluation, questionID: String, questionScore: Double, sessionScore: Double?) throws {
        try store.recordAnswer(
            turnID: turnID, answer: text, firstInputAt: firstInputAt, submittedAt: submittedAt, hintsUsed: hintsUsed,
            evaluation: evaluation, questionID: questionID, questionScore: questionScore, sessionScore: sessionScore)
    }

    mutating func skip(turnID: Int64, at date: Date, hintsUsed: Int, questionID: String, questionScore: Double, sessionScore: Double?) throws {
        try store.recordSkip(turnID: turnID, at: date, hintsUsed: hintsUsed, questionID: questionID, questionScore: questionScore, sessionScore: sessionScore)
    }

    mutating func hint(turnID: Int64) throws {
        try store.recordHint(turnID: turnID)
    }

    mutating func finish(_ status: SessionStatus, at date: Date) throws {
        try store.finishSession(id: sessionID, status: status, at: date)
    }
}
