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
    /// Wrong claims found in the answer, each with the points it cost.
    public var flags: [RedFlag]
    /// The concepts a follow-up asked for, which this answer was scored against; empty when it was
    /// scored against the whole rubric.
    public var focus: [String]
    /// Adjustments a reader should know about ("coverage discounted: reads as a keyword list").
    public var notes: [String]
    public var engine: String
    public var rubricHash: String

    public init(
        question: String, score: Double, components: [ComponentScore], concepts: ConceptResults, stages: [StageResult],
        words: Int, sentences: Int, delivery: DeliveryReport, flags: [RedFlag] = [], focus: [String] = [],
        notes: [String], engine: String, rubricHash: String
    ) {
        self.question = question
        self.score = score
        self.components = components
        self.concepts = concepts
        self.stages = stages
        self.words = words
        self.sentences = sentences
        self.delivery = delivery
        self.flags = flags
        self.focus = focus
        self.notes = notes
        self.engine = engine
        self.rubricHash = rubricHash
    }

    enum CodingKeys: String, CodingKey {
        case question, score, components, concepts, stages, words, sentences, delivery, flags, focus, notes, engine, rubricHash
    }

    /// Evaluations stored by engine 1 have no `flags` or `focus`: they read as none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decode(String.self, forKey: .question)
        score = try container.decode(Double.self, forKey: .score)
        components = try container.decode([ComponentScore].self, forKey: .components)
        concepts = try container.decode(ConceptResults.self, forKey: .concepts)
        stages = try container.decode([StageResult].self, forKey: .stages)
        words = try container.decode(Int.self, forKey: .words)
        sentences = try container.decode(Int.self, forKey: .sentences)
        delivery = try container.decode(DeliveryReport.self, forKey: .delivery)
        flags = try container.decodeIfPresent([RedFlag].self, forKey: .flags) ?? []
        focus = try container.decodeIfPresent([String].self, forKey: .focus) ?? []
        notes = try container.decode([String].self, forKey: .notes)
        engine = try container.decode(String.self, forKey: .engine)
        rubricHash = try container.decode(String.self, forKey: .rubricHash)
    }

    public func component(_ name: ComponentScore.Name) -> ComponentScore? {
        components.first { $0.name == name }
    }

    /// Points taken off for wrong claims.
    public var penalty: Double { flags.reduce(0) { $0 + $1.penalty } }
}

/// A wrong claim found in an answer: the quote, what is wrong with it, and what to say instead.
public struct RedFlag: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    /// Points taken off the score.
    public var penalty: Double
    public var evidence: [Evidence]
    /// What to say instead, from the rubric.
    public var correction: String

    public init(id: String, label: String, penalty: Double, evidence: [Evidence], correction: String) {
        self.id = id
        self.label = label
        self.penalty = penalty
        self.evidence = evidence
        self.correction = correction
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
    /// How close the quote is to the phrase when it matched through related words rather than the
    /// phrase's own (WordNet synonyms): "watch the inputs" for "monitor inputs", 0.85. `nil` for a
    /// match on the phrase's own words.
    public var similarity: Double?

    public init(start: Int, end: Int, text: String, phrase: String, similarity: Double? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.phrase = phrase
        self.similarity = similarity
    }
}

public struct ConceptResults: Sendable, Hashable, Codable {
    public var found: [FoundConcept]
    public var missed: [MissedConcept]
    /// Concepts the candidate named only to reject them ("I wouldn't use SMOTE", "monitoring is
    /// overkill"): no credit, reported with the quotes so the candidate sees why. (The key keeps its
    /// first name, `negated`.)
    public var negated: [NegatedConcept]

    public var foundIDs: Set<String> { Set(found.map(\.id)) }
}

public struct FoundConcept: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var weight: Double
    /// How much of the concept's points the answer earned, 0–1: a mention that names the idea and
    /// says nothing about it earns a quarter; one that explains it, all (see `Substance`).
    public var credit: Double
    /// Points earned in this answer (they add up to the coverage component).
    public var points: Double
    /// In a follow-up scored against what it asked for, the points the concept is worth on the
    /// question's whole rubric; `nil` when `points` already are.
    public var questionPoints: Double?
    public var evidence: [Evidence]

    public init(id: String, label: String, weight: Double, credit: Double = 1, points: Double, questionPoints: Double? = nil, evidence: [Evidence]) {
        self.id = id
        self.label = label
        self.weight = weight
        self.credit = credit
        self.points = points
        self.questionPoints = questionPoints
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case id, label, weight, credit, points, questionPoints, evidence
    }

    /// Concepts stored by engine 1 have no `credit`: they were credited in full.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        weight = try container.decode(Double.self, forKey: .weight)
        credit = try container.decodeIfPresent(Double.self, forKey: .credit) ?? 1
        points = try container.decode(Double.self, forKey: .points)
        questionPoints = try container.decodeIfPresent(Double.self, forKey: .questionPoints)
        evidence = try container.decode([Evidence].self, forKey: .evidence)
    }
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
