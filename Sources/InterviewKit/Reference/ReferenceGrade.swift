/// The outcome of grading one answer against model answers: the evaluation (the same type as
/// rubric mode, so the same JSON shape), the correct/incorrect decision, and how it was reached.
public struct ReferenceGrade: Sendable, Hashable, Codable {
    /// How the decision was made: the profile and model, the probability against its threshold,
    /// and every feature, so that a grade can be checked by hand.
    public struct Grading: Sendable, Hashable, Codable {
        public var profile: ReferenceProfile.Name
        public var model: ReferenceProfile.Model.Kind
        /// σ(z); the answer is correct when it reaches `threshold`.
        public var probability: Double
        public var threshold: Double
        public var features: ReferenceFeatures
        /// 0-based index of the model answer the features were measured against.
        public var bestReference: Int
        public var references: Int
        /// Labelled examples used (0 under M0).
        public var examples: Int
        /// Whether WordNet's synonyms, antonyms and comparatives were available.
        public var wordNet: Bool
        /// Documents the IDF weights came from; 0 when the weights were uniform.
        public var idfDocuments: Int

        enum CodingKeys: String, CodingKey {
            case profile, model, probability, threshold, features, bestReference, references, examples
            case wordNet = "wordnet"
            case idfDocuments
        }
    }

    public var evaluation: Evaluation
    /// The decision: `probability ≥ threshold`. A score of exactly 50 can fall on either side.
    public var correct: Bool
    public var grading: Grading

    public var score: Double { evaluation.score }
}
