/// The engine's judgement of one answer: the score, how it was made up, and the evidence for every
/// point found and the tip for every point missed.
public struct Evaluation: Sendable, Hashable, Codable {
    public var question: String
    /// 0–100, rounded to one decimal.
    public var score: Double
    public var components: [ComponentScore]
    public var concepts: ConceptResults
    public var stages: [StageResult]
    public var words: Int
    public var sentences: Int
    public var delivery: DeliveryReport
    /// Adjustments a reader should know about ("coverage discounted: reads as a keyword list").
    public var notes: [String]
    public var engine: String
    public var rubricHash: String

    public func component(_ name: ComponentScore.Name) -> ComponentScore? {
        components.first { $0.name == name }
    }
}

/// One of the four parts of the score.
public struct ComponentScore: Sendable, Hashable, Codable {
    public enum Name: String, Sendable, Codable, CaseIterable {
        case coverage, structure, length, delivery
    }

    public var name: Name
    /// 0–1.
    public var value: Double
    public var weight: Double
    /// Points earned out of `maxPoints` (the points all add up to the score).
    public var points: Double
    public var maxPoints: Double
    public var detail: String
}

/// A quoted span of the answer.
public struct Evidence: Sendable, Hashable, Codable {
    /// Unicode-scalar offsets into the answer.
    public var start: Int
    public var end: Int
    public var text: String
    /// The rubric phrase or cue that matched.
    public var phrase: String
}

public struct ConceptResults: Sendable, Hashable, Codable {
    public var found: [FoundConcept]
    public var missed: [MissedConcept]
    /// Concepts named only inside a negation: no credit, reported so the candidate sees why.
    public var negated: [NegatedConcept]

    public var foundIDs: Set<String> { Set(found.map(\.id)) }
}

public struct FoundConcept: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var weight: Double
    public var points: Double
    public var evidence: [Evidence]
}

public struct MissedConcept: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var weight: Double
    /// Points the concept would have earned.
    public var pointsLost: Double
    public var required: Bool
    public var tip: String
}

public struct NegatedConcept: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var evidence: [Evidence]
    public var tip: String
}

public struct StageResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable {
        case present
        case missing
        case outOfOrder = "out_of_order"
    }

    public var id: String
    public var label: String
    public var status: Status
    /// The first sentence (0-based) where the stage occurs.
    public var sentence: Int?
    public var evidence: Evidence?
}

public struct DeliveryReport: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        public var word: String
        public var count: Int
    }

    public var fillers: [Count]
    public var hedges: [Count]
    public var wordsPerMinute: Double?
    public var durationSeconds: Double?
    /// Share of words standing in keyword fragments rather than sentences.
    public var keywordShare: Double

    public var fillerCount: Int { fillers.reduce(0) { $0 + $1.count } }
    public var hedgeCount: Int { hedges.reduce(0) { $0 + $1.count } }
}
