import Foundation

/// A candidate's record over many sessions: the input of `mock-interview progress`.
public struct ProgressData: Sendable, Hashable, Codable {
    /// One question's score in one session.
    public struct Point: Sendable, Hashable, Codable {
        public var sessionID: Int64
        public var startedAt: Date
        public var questionID: String
        public var score: Double

        public init(sessionID: Int64, startedAt: Date, questionID: String, score: Double) {
            self.sessionID = sessionID
            self.startedAt = startedAt
            self.questionID = questionID
            self.score = score
        }
    }

    /// How often a concept was missed, across all answers to its question.
    public struct Miss: Sendable, Hashable, Codable {
        public var questionID: String
        public var conceptID: String
        public var label: String
        public var count: Int
        /// Answers to the question in all: `count` out of `answers`.
        public var answers: Int

        public init(questionID: String, conceptID: String, label: String, count: Int, answers: Int) {
            self.questionID = questionID
            self.conceptID = conceptID
            self.label = label
            self.count = count
            self.answers = answers
        }
    }

    public var sessions: Int
    public var points: [Point]
    public var misses: [Miss]

    public init(sessions: Int, points: [Point], misses: [Miss]) {
        self.sessions = sessions
        self.points = points
        self.misses = misses
    }
}

extension ProgressData.Point {
    /// A recorded session's points: one per question it answered or skipped, scored from its turns
    /// as `QuestionResult` scores them (the same scores the store keeps in `session_questions`).
    public static func points(of transcript: SessionTranscript) -> [ProgressData.Point] {
        var questionIDs = transcript.session.questionIDs
        for turn in transcript.turns where !questionIDs.contains(turn.questionID) { questionIDs.append(turn.questionID) }
        return questionIDs.compactMap { id in
            let result = QuestionResult(questionID: id, turns: transcript.turns(of: id))
            guard result.answered > 0 || result.skipped else { return nil }
            return ProgressData.Point(sessionID: transcript.session.id, startedAt: transcript.session.startedAt, questionID: id, score: result.score)
        }
    }
}
