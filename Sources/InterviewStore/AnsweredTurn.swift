import Foundation

/// An answered turn as `rescore` needs it: the answer, what it was scored with, and its timing.
public struct AnsweredTurn: Sendable, Hashable, Codable {
    public var turnID: Int64
    public var sessionID: Int64
    public var sequence: Int
    public var questionID: String
    /// The dialogue node the answer replied to: a follow-up is scored against what it asked for.
    public var nodeID: String
    public var answer: String
    /// Seconds from the first keystroke (or the prompt) to submission: the `duration` to evaluate with.
    public var answerDuration: Double?
    /// The latest evaluation's score, engine version and rubric hash.
    public var score: Double?
    public var engine: String?
    public var rubricHash: String?

    public init(
        turnID: Int64, sessionID: Int64, sequence: Int, questionID: String, nodeID: String, answer: String,
        answerDuration: Double? = nil, score: Double? = nil, engine: String? = nil, rubricHash: String? = nil
    ) {
        self.turnID = turnID
        self.sessionID = sessionID
        self.sequence = sequence
        self.questionID = questionID
        self.nodeID = nodeID
        self.answer = answer
        self.answerDuration = answerDuration
        self.score = score
        self.engine = engine
        self.rubricHash = rubricHash
    }
}
