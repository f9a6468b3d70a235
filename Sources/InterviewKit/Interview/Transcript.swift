import Foundation

/// The state of a recorded interview.
public enum SessionStatus: String, Sendable, Codable, CaseIterable {
    case inProgress = "in_progress"
    case completed
    case endedEarly = "ended_early"
    /// The process died (killed, crashed, lost its terminal) before the session ended.
    case interrupted
}

/// One recorded interview: who, when, which questions, how it ended.
public struct SessionRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var status: SessionStatus
    public var candidate: String?
    public var questionIDs: [String]
    public var feedback: FeedbackMode

    public init(id: Int64, startedAt: Date, endedAt: Date? = nil, status: SessionStatus, candidate: String? = nil, questionIDs: [String], feedback: FeedbackMode = .end) {
        self.id = id
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
        self.candidate = candidate
        self.questionIDs = questionIDs
        self.feedback = feedback
    }
}

/// When the interviewer gives its verdicts.
public enum FeedbackMode: String, Sendable, Codable, CaseIterable {
    case each, end, off
}

/// One exchange: what the interviewer asked and what, if anything, the candidate answered.
public struct TurnRecord: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Codable {
        /// Asked; no answer submitted yet (the session stopped here).
        case pending
        case answered
        case skipped
    }

    public var id: Int64
    public var sessionID: Int64
    /// 0-based position in the session.
    public var sequence: Int
    public var questionID: String
    public var nodeID: String
    public var prompt: String
    /// Why the interviewer asked this follow-up, if it said.
    public var why: String?
    public var askedAt: Date
    public var firstInputAt: Date?
    public var submittedAt: Date?
    public var answer: String?
    public var outcome: Outcome
    public var hintsUsed: Int
    /// Every evaluation of the answer, oldest first (rescoring appends).
    public var evaluations: [StoredEvaluation]

    public init(
        id: Int64, sessionID: Int64, sequence: Int, questionID: String, nodeID: String, prompt: String,
        why: String? = nil, askedAt: Date, firstInputAt: Date? = nil, submittedAt: Date? = nil,
        answer: String? = nil, outcome: Outcome = .pending, hintsUsed: Int = 0, evaluations: [StoredEvaluation] = []
    ) {
        self.id = id
        self.sessionID = sessionID
        self.sequence = sequence
        self.questionID = questionID
        self.nodeID = nodeID
        self.prompt = prompt
        self.why = why
        self.askedAt = askedAt
        self.firstInputAt = firstInputAt
        self.submittedAt = submittedAt
        self.answer = answer
        self.outcome = outcome
        self.hintsUsed = hintsUsed
        self.evaluations = evaluations
    }

    /// The most recent evaluation.
    public var evaluation: Evaluation? { evaluations.last?.evaluation }

    /// Seconds from the first keystroke (or the prompt, if unknown) to submission.
    public var answerDuration: Double? {
        guard let submittedAt else { return nil }
        return submittedAt.timeIntervalSince(firstInputAt ?? askedAt)
    }

    /// Seconds from the prompt to the first keystroke.
    public var timeToFirstInput: Double? {
        firstInputAt.map { $0.timeIntervalSince(askedAt) }
    }
}

/// An evaluation as stored: when it was made, by which engine against which rubric.
public struct StoredEvaluation: Sendable, Hashable, Codable {
    public var id: Int64
    public var createdAt: Date
    public var evaluation: Evaluation

    public init(id: Int64, createdAt: Date, evaluation: Evaluation) {
        self.id = id
        self.createdAt = createdAt
        self.evaluation = evaluation
    }
}

/// Everything recorded about one session: the input of reports, replay and export.
public struct SessionTranscript: Sendable, Hashable, Codable {
    public var session: SessionRecord
    public var turns: [TurnRecord]

    public init(session: SessionRecord, turns: [TurnRecord]) {
        self.session = session
        self.turns = turns.sorted { $0.sequence < $1.sequence }
    }

    /// The turns of one question, in order.
    public func turns(of questionID: String) -> [TurnRecord] {
        turns.filter { $0.questionID == questionID }
    }

    /// How long the session ran: to its end, or to its last recorded moment.
    public var durationSeconds: Double {
        let last = session.endedAt ?? turns.compactMap { $0.submittedAt ?? $0.askedAt }.max() ?? session.startedAt
        return max(0, last.timeIntervalSince(session.startedAt))
    }
}
