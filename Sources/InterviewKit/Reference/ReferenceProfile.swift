/// The tuned weights of reference grading for one kind of question: a model without labelled
/// examples (M0) and one with them (M1), each with its decision threshold.
///
/// The numbers come from the SemEval-2013 prototype (`/work/scratch/semeval/weights.json`, SPEC §7):
/// L2-regularised logistic regression (λ = 1 on standardised features, Newton's method, mapped back to
/// raw features) fitted on the whole train file of each corpus; thresholds maximise the macro-F1 of
/// out-of-fold probabilities (M0: 5-fold CV by question, M1: 5-fold CV by answer). Re-tune them there,
/// not here.
///
/// - `sciEntsBank`: open questions with a single model answer — the closer match to interview questions.
/// - `beetle`: narrow questions with several short alternative model answers.
public struct ReferenceProfile: Sendable, Hashable {
    /// The SemEval corpus a profile was tuned on.
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        case sciEntsBank, beetle
    }

    /// One logistic model: `z = bias + Σ weight·feature`, correct when `σ(z) ≥ threshold`.
    public struct Model: Sendable, Hashable {
        /// Which of the two models: without labelled examples or with them.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// Against the references only.
            case m0 = "M0"
            /// Also against labelled examples.
            case m1 = "M1"
        }

        public var kind: Kind
        public var weights: ReferenceFeatures
        public var bias: Double
        public var threshold: Double

        public func logit(_ features: ReferenceFeatures) -> Double {
            zip(weights.named, features.named).reduce(bias) { $0 + $1.0.value * $1.1.value }
        }
    }

    public var name: Name
    public var withoutExamples: Model
    public var withExamples: Model

    public static func named(_ name: Name) -> ReferenceProfile {
        switch name {
        case .sciEntsBank: sciEntsBank
        case .beetle: beetle
        }
    }

    /// The profile to use when none is asked for: `beetle` for two or more model answers averaging at
    /// most `shortReferenceWords` words (SemEval's Beetle questions), else `sciEntsBank`.
    public static func automatic(for references: [String]) -> ReferenceProfile {
        guard references.count >= 2 else { return sciEntsBank }
        let words = references.reduce(0) { $0 + $1.split(whereSeparator: { $0.isWhitespace }).count }
        return Double(words) / Double(references.count) <= Double(shortReferenceWords) ? beetle : sciEntsBank
    }

    public static let shortReferenceWords = 20

    public static let sciEntsBank = ReferenceProfile(
        name: .sciEntsBank,
        withoutExamples: Model(
            kind: .m0,
            weights: features(prec: 1.8807123360772067, pol: 2.0477621586602175, recS: 0.613649719590655, big: -0.7504988196272735,
                              negmis: 1.013417730677731, ant: 0.21572303923103556, yn: 0.6710844567384677, qshare: -0.296294522846575,
                              loglen: 0.8420207554914397, reflen: -1.073825851449963),
            bias: -0.6764717266557052, threshold: 0.4496497244245581
        ),
        withExamples: Model(
            kind: .m1,
            weights: features(prec: 0.9415009072200864, pol: 1.6087545611357954, recS: 0.12829240568415692, big: -0.9622497626578655,
                              negmis: 1.0359700040178357, ant: 0.07455769509132563, yn: 0.43005616052801765, qshare: -0.49439394910367257,
                              loglen: 1.0810097824576823, reflen: -0.5753311574019299,
                              knnC: 4.404000053628232, knnI: -2.2871119521991714, knnVote: 2.1827149188463384),
            bias: -3.8660862679570847, threshold: 0.47782473534611
        )
    )

    public static let beetle = ReferenceProfile(
        name: .beetle,
        withoutExamples: Model(
            kind: .m0,
            weights: features(prec: 1.9322972744468552, pol: 1.1723590953949867, recS: 0.5727755743552273, big: 1.2048380389058313,
                              negmis: 0.8765706075895481, ant: -0.5516557881656134, yn: 0.0, qshare: -0.22820906543704658,
                              loglen: 1.016254751917978, reflen: -0.8256512833172402),
            bias: -2.7118071531007213, threshold: 0.4415793184783621
        ),
        withExamples: Model(
            kind: .m1,
            weights: features(prec: 0.8496324206018497, pol: 1.2302732544482256, recS: -0.13937471437186139, big: 0.8004158057452925,
                              negmis: 1.112972764869848, ant: -0.7072006150743366, yn: 0.0, qshare: -0.4275062789799294,
                              loglen: 0.8671580948103855, reflen: -0.44216624080650896,
                              knnC: 3.169683313325495, knnI: -1.7203529005906093, knnVote: 1.9969986944617173),
            bias: -4.116388909782647, threshold: 0.4329129180142614
        )
    )

    static func features(prec: Double, pol: Double, recS: Double, big: Double, negmis: Double, ant: Double, yn: Double, qshare: Double,
                         loglen: Double, reflen: Double, knnC: Double = 0, knnI: Double = 0, knnVote: Double = 0) -> ReferenceFeatures {
        var weights = ReferenceFeatures()
        weights.prec = prec
        weights.pol = pol
        weights.recS = recS
        weights.big = big
        weights.negmis = negmis
        weights.ant = ant
        weights.yn = yn
        weights.qshare = qshare
        weights.loglen = loglen
        weights.reflen = reflen
        weights.knnC = knnC
        weights.knnI = knnI
        weights.knnVote = knnVote
        return weights
    }
}
