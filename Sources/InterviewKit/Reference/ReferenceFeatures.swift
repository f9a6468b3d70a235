/// The measurements reference grading makes of one answer, the inputs of the logistic models
/// (SPEC §5–6 of the SemEval prototype). Also used, with other values, for a model's weights.
public struct ReferenceFeatures: Sendable, Hashable, Codable {
    /// Weighted share of the answer's terms that are in the best reference (synonyms count half).
    public var prec: Double = 0
    /// Weighted, negation-aware recall of the best reference: a term matched with flipped negation
    /// counts against; "not open" matches "closed".
    public var pol: Double = 0
    /// The best `pol` against the best reference or any part of any reference.
    public var recS: Double = 0
    /// Share of the reference's consecutive stem pairs that the answer has.
    public var big: Double = 0
    /// Weighted share of the shared terms whose negation differs.
    public var negmis: Double = 0
    /// 1 when the answer has an antonym of a reference term the answer lacks.
    public var ant: Double = 0
    /// +1 when answer and reference open with the same yes/no, −1 when they differ, else 0.
    public var yn: Double = 0
    /// IDF share of the answer's terms that only repeat the question.
    public var qshare: Double = 0
    /// ln(1 + the answer's content words).
    public var loglen: Double = 0
    /// ln(1 + the best reference's content words).
    public var reflen: Double = 0
    /// Highest similarity to a correct example (0 without any).
    public var knnC: Double = 0
    /// Highest similarity to an incorrect example (0 without any).
    public var knnI: Double = 0
    /// Similarity-weighted share of correct examples among the five nearest (0.5 when none is similar).
    public var knnVote: Double = 0

    public init() {}

    /// The features by their prototype names, in the prototype's order.
    public var named: [(name: String, value: Double)] {
        [("prec", prec), ("pol", pol), ("recS", recS), ("big", big), ("negmis", negmis), ("ant", ant), ("yn", yn),
         ("qshare", qshare), ("loglen", loglen), ("reflen", reflen), ("knn_c", knnC), ("knn_i", knnI), ("knn_vote", knnVote)]
    }

    enum CodingKeys: String, CodingKey {
        case prec, pol, recS = "rec_s", big, negmis, ant, yn, qshare, loglen, reflen
        case knnC = "knn_c", knnI = "knn_i", knnVote = "knn_vote"
    }
}
