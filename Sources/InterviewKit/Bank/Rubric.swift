/// What the engine scores an answer against: concepts, structure stages, a length band and the
/// weights that combine the components.
public struct Rubric: Sendable, Hashable {
    public var concepts: [Concept]
    public var misconceptions: [Misconception]
    public var stages: [Stage]
    public var length: LengthBand
    public var weights: ComponentWeights

    public init(concepts: [Concept], misconceptions: [Misconception] = [], stages: [Stage] = [], length: LengthBand, weights: ComponentWeights = .standard) {
        self.concepts = concepts
        self.misconceptions = misconceptions
        self.stages = stages
        self.length = length
        self.weights = weights
    }

    public func concept(_ id: String) -> Concept? { concepts.first { $0.id == id } }
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
}

/// A key point a strong answer covers, with the phrasings that count as covering it.
public struct Concept: Sendable, Hashable, Identifiable {
    /// What naming the concept means: proposing a practice, or recognising a risk.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Something to do or use: credited where the candidate proposes it; "avoid X", "without X"
        /// and "no X" do not propose it.
        case practice
        /// A problem or pitfall to recognise: credited where the candidate names it as a risk, so
        /// "avoid leakage" and "without overfitting" count; "leakage isn't a concern" does not.
        case risk
    }

    public var id: String
    public var label: String
    public var weight: Double
    public var kind: Kind
    public var stage: String?
    public var required: Bool
    public var phrases: [String]
    public var abbreviations: [String]
    public var tip: String

    public init(
        id: String, label: String, weight: Double = 1, kind: Kind = .practice, stage: String? = nil, required: Bool = false,
        phrases: [String], abbreviations: [String] = [], tip: String
    ) {
        self.id = id
        self.label = label
        self.weight = weight
        self.kind = kind
        self.stage = stage
        self.required = required
        self.phrases = phrases
        self.abbreviations = abbreviations
        self.tip = tip
    }

    /// Whether a mention with this stance earns the concept.
    func credits(_ stance: StanceKind?) -> Bool {
        switch (kind, stance) {
        case (_, nil): true
        case (.risk, .described), (.risk, .excluded): true
        default: false
        }
    }

    /// Whether a mention with this stance is a rejection to report.
    func isRejected(by stance: StanceKind?) -> Bool {
        switch (kind, stance) {
        case (_, .rejected): true
        case (.practice, .excluded): true
        default: false
        }
    }
}

/// A wrong claim interviewers hear, with how to recognise it and what to say instead.
///
/// A pattern is a list of groups; each group is a list of alternative phrases. The pattern holds in a
/// sentence where every group has a match that no negation reaches ("oversample" and "test set" in
/// "I'd oversample the test set"), unless the sentence also holds one of `unless` (or a general
/// warning word such as "mistake" or "leak"), which marks it as a warning rather than advice.
public struct Misconception: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    /// Points taken off the answer's score when the claim is made.
    public var penalty: Double
    public var patterns: [[[String]]]
    public var unless: [String]
    /// What to say instead, written for the candidate.
    public var correction: String
    /// The line of the misconception in its file, for messages.
    public var line: Int

    public init(id: String, label: String, penalty: Double, patterns: [[[String]]], unless: [String] = [], correction: String, line: Int = 0) {
        self.id = id
        self.label = label
        self.penalty = penalty
        self.patterns = patterns
        self.unless = unless
        self.correction = correction
        self.line = line
    }
}

/// A step of a well-structured answer (for Q1: root cause, fix, monitor, iterate).
public struct Stage: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var cues: [String]

    public init(id: String, label: String, cues: [String]) {
        self.id = id
        self.label = label
        self.cues = cues
    }
}

/// The band of words an answer should fall in.
public struct LengthBand: Sendable, Hashable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }
}

/// How much each component counts towards the 0–100 score.
public struct ComponentWeights: Sendable, Hashable {
    public var coverage: Double
    public var structure: Double
    public var length: Double
    public var delivery: Double

    public static let standard = ComponentWeights(coverage: 0.65, structure: 0.2, length: 0.1, delivery: 0.05)

    public init(coverage: Double, structure: Double, length: Double, delivery: Double) {
        self.coverage = coverage
        self.structure = structure
        self.length = length
        self.delivery = delivery
    }

    public var total: Double { coverage + structure + length + delivery }
}
