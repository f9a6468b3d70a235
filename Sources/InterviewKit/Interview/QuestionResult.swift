/// How a candidate did on one question, across its opening answer and follow-ups.
///
/// The score is the opening answer's, plus half the points of concepts the candidate supplied only
/// after a follow-up prompted them (what each is worth on the whole rubric): credit for recovering,
/// but less than for volunteering. A wrong claim first made in a follow-up takes its penalty off the
/// question too; one already made in the opening answer costs once.
public struct QuestionResult: Sendable, Hashable, Codable {
    public var questionID: String
    public var score: Double
    public var openingScore: Double?
    public var recovered: [FoundConcept]
    /// Every wrong claim made on the question, once each, in the order made.
    public var flags: [RedFlag]
    /// Those first made in a follow-up (the opening answer's are in its score).
    public var laterFlags: [RedFlag]
    public var answered: Int
    public var skipped: Bool

    public init(questionID: String, turns: [TurnRecord]) {
        self.questionID = questionID
        let ordered = turns.sorted { $0.sequence < $1.sequence }
        let opening = ordered.first
        answered = ordered.filter { $0.outcome == .answered }.count
        skipped = ordered.contains { $0.outcome == .skipped }
        guard let opening, opening.outcome == .answered, let first = opening.evaluation else {
            score = 0
            openingScore = nil
            recovered = []
            flags = []
            laterFlags = []
            return
        }
        openingScore = first.score
        let initial = first.concepts.foundIDs
        var seen = initial
        var extra: [FoundConcept] = []
        var flagged = Set(first.flags.map(\.id))
        var flags: [RedFlag] = []
        for turn in ordered.dropFirst() {
            for concept in turn.evaluation?.concepts.found ?? [] where !seen.contains(concept.id) {
                seen.insert(concept.id)
                extra.append(concept)
            }
            for flag in turn.evaluation?.flags ?? [] where flagged.insert(flag.id).inserted {
                flags.append(flag)
            }
        }
        recovered = extra
        self.flags = first.flags + flags
        laterFlags = flags
        let bonus = extra.reduce(0) { $0 + ($1.questionPoints ?? $1.points) } / 2
        let penalty = flags.reduce(0) { $0 + $1.penalty }
        score = min(100, max(0, ((first.score + bonus - penalty) * 10).rounded() / 10))
    }

    /// Mean over questions that were reached; `nil` if none was answered.
    public static func overall(_ results: [QuestionResult]) -> Double? {
        let reached = results.filter { $0.answered > 0 || $0.skipped }
        guard !reached.isEmpty else { return nil }
        return ((reached.reduce(0) { $0 + $1.score } / Double(reached.count)) * 10).rounded() / 10
    }

    /// A plain-words level for a score.
    public static func level(for score: Double) -> String {
        switch score {
        case 85...: "excellent: ready for the real thing"
        case 70..<85: "strong: a few gaps to close"
        case 50..<70: "developing: the core is there, the depth is not yet"
        default: "needs work: practise the fundamentals of this topic"
        }
    }
}

extension SessionTranscript {
    /// Results per question, in the session's question order.
    public var questionResults: [QuestionResult] {
        session.questionIDs.map { QuestionResult(questionID: $0, turns: turns(of: $0)) }
    }

    public var overallScore: Double? { QuestionResult.overall(questionResults) }
}
