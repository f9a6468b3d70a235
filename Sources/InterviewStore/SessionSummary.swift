import Foundation
import InterviewKit

/// One line of `mock-interview list`: a session's outline, read without loading its turns.
public struct SessionSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    /// To the end of the session, or to its last recorded moment if it did not end.
    public var durationSeconds: Double
    public var questionIDs: [String]
    public var status: SessionStatus
    /// The overall score, as last stored by `updateSessionScore`; nil before any answer is scored.
    public var score: Double?
    public var candidate: String?
    public var feedback: FeedbackMode
    /// Turns with a submitted answer (skips not counted).
    public var answeredTurns: Int

    public init(
        id: Int64, startedAt: Date, endedAt: Date? = nil, durationSeconds: Double, questionIDs: [String],
        status: SessionStatus, score: Double? = nil, candidate: String? = nil, feedback: FeedbackMode = .end,
        answeredTurns: Int = 0
    ) {
        self.id = id
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.durationSeconds = durationSeconds
        self.questionIDs = questionIDs
        self.status = status
        self.score = score
        self.candidate = candidate
        self.feedback = feedback
        self.answeredTurns = answeredTurns
    }
}
