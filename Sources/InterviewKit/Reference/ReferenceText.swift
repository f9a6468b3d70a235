/// A text as reference grading reads it: its content words, stemmed, each flagged when a negation
/// reaches it, with the pairs of consecutive stems and the first word.
///
/// Built by `ReferenceAnalyzer`. The arrays `stems`, `negated`, `words` and `ranges` are aligned, in text
/// order, repeats kept.
public struct ReferenceText: Sendable, Hashable {
    /// A pair of consecutive content stems ("switch", "close").
    public struct Pair: Sendable, Hashable {
        public var first: String
        public var second: String
    }

    public private(set) var stems: [String]
    public private(set) var negated: [Bool]
    /// The normalised words the stems came from (lower case, comparatives reduced to their adjective).
    public private(set) var words: [String]
    /// Unicode-scalar ranges of the original text the words came from.
    public private(set) var ranges: [Range<Int>]
    /// The first word of the text, stop words included ("yes", "no", …).
    public private(set) var first: String
    /// How many negation cues the text has.
    public private(set) var negationCues: Int

    /// The distinct stems in order of first occurrence.
    public private(set) var distinctStems: [String] = []
    public private(set) var stemSet: Set<String> = []
    /// The distinct pairs of consecutive stems, in order of first occurrence.
    public private(set) var pairs: [Pair] = []
    public private(set) var pairSet: Set<Pair> = []
    /// The negation flag of the last occurrence of each stem.
    public private(set) var lastNegation: [String: Bool] = [:]

    public static let empty = ReferenceText(stems: [], negated: [], words: [], ranges: [], first: "", negationCues: 0)

    init(stems: [String], negated: [Bool], words: [String], ranges: [Range<Int>], first: String, negationCues: Int) {
        self.stems = stems
        self.negated = negated
        self.words = words
        self.ranges = ranges
        self.first = first
        self.negationCues = negationCues
        finish()
    }

    /// The same text with some stems replaced (spelling repair keeps words, ranges and negation).
    func replacingStems(_ newStems: [String]) -> ReferenceText {
        var copy = self
        copy.stems = newStems
        copy.finish()
        return copy
    }

    public var isEmpty: Bool { stems.isEmpty }

    private mutating func finish() {
        distinctStems = []
        stemSet = []
        for stem in stems where stemSet.insert(stem).inserted {
            distinctStems.append(stem)
        }
        pairs = []
        pairSet = []
        if stems.count > 1 {
            for index in 1..<stems.count {
                let pair = Pair(first: stems[index - 1], second: stems[index])
                if pairSet.insert(pair).inserted { pairs.append(pair) }
            }
        }
        lastNegation = [:]
        for (stem, flag) in zip(stems, negated) {
            lastNegation[stem] = flag
        }
    }
}
