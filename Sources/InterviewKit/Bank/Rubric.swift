/// What the engine scores an answer against: concepts, structure stages, a length band and the
/// weights that combine the components.
public struct Rubric: Sendable, Hashable {
    public var concepts: [Concept]
    public var stages: [Stage]
    public var length: LengthBand
    public var weights: ComponentWeights

    public init(concepts: [Concept], stages: [Stage] = [], length: LengthBand, weights: ComponentWeights = .standard) {
        self.concepts = concepts
        self.stages = stages
        self.length = length
        self.weights = weights
    }

    public func concept(_ id: String) -> Concept? { concepts.first { $0.id == id } }
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
}

/// A key point a strong answer covers, with the phrasings that count as covering it.
public struct Concept: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var weight: Double
    public var stage: String?
    public var required: Bool
    public var phrases: [String]
    public var abbreviations: [String]
    public var tip: String

    public init(
        id: String, label: String, weight: Double = 1, stage: String? = nil, required: Bool = false,
        phrases: [String], abbreviations: [String] = [], tip: String
    ) {
        self.id = id
        self.label = label
        self.weight = weight
        self.stage = stage
        self.required = required
        self.phrases = phrases
        self.abbreviations = abbreviations
        self.tip = tip
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
