/// Tells sentences from bare keyword lists: "data drift, PSI, retraining, alerts" names the right
/// terms but explains nothing, so its coverage is discounted.
///
/// The text is cut into fragments at clause boundaries (commas, semicolons, sentence ends). A
/// fragment of one to three words with none of the small words that join real sentences ("the", "we",
/// "would", "on", …) is a keyword fragment (a longer one is a terse note, read as a sentence), and so
/// is a long fragment with almost none. The share of words in such fragments sets the factor: up to 40% costs
/// nothing (prose has short fragments, and an expert's bullets name things in passing); a bare list
/// keeps a fifth of its credit, for knowing the terms.
public struct ProseShape: Sendable, Hashable {
    static let minimumFactor = 0.2
    /// A fragment of at most this many words, with no small words, is a bare term.
    static let maximumTermLength = 3
    /// The share of words in keyword fragments that costs nothing.
    static let freeShare = 0.4

    public var keywordShare: Double
    public var factor: Double

    public static func measure(_ text: AnalyzedText) -> ProseShape {
        measure(text, keywordTokens: keywordTokens(text))
    }

    static func measure(_ text: AnalyzedText, keywordTokens: [Bool]) -> ProseShape {
        guard !text.tokens.isEmpty else { return ProseShape(keywordShare: 0, factor: 1) }
        let share = Double(keywordTokens.lazy.filter { $0 }.count) / Double(text.tokens.count)
        return ProseShape(keywordShare: share, factor: max(minimumFactor, min(1, (1 - share) / (1 - freeShare))))
    }

    /// Per token: whether it stands in a keyword fragment.
    static func keywordTokens(_ text: AnalyzedText) -> [Bool] {
        let tokens = text.tokens
        var marks = Array(repeating: false, count: tokens.count)
        var start = 0
        while start < tokens.count {
            var end = start
            while end + 1 < tokens.count, tokens[end + 1].clause == tokens[start].clause { end += 1 }
            let fragment = tokens[start...end]
            let joining = fragment.reduce(0) { $0 + ($1.traits.contains(.function) ? 1 : 0) }
            // A short fragment with no small words is a term ("data drift", "PSI"); a longer one is a
            // terse note ("compare train vs prod feature distributions") and reads as a sentence.
            if (joining == 0 && fragment.count <= maximumTermLength) || (fragment.count >= 8 && Double(joining) / Double(fragment.count) < 0.1) {
                for position in start...end { marks[position] = true }
            }
            start = end + 1
        }
        return marks
    }
}

/// The small words that hold English sentences together; also the stop words of reference mode.
public enum FunctionWords {
    public static let all: Set<String> = [
        "a", "an", "the", "i", "we", "you", "it", "they", "he", "she", "me", "us", "them", "him", "her",
        "this", "that", "these", "those", "my", "our", "your", "its", "their", "his", "is", "are", "was",
        "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "having",
        "will", "would", "can", "could", "should", "may", "might", "must", "shall", "of", "in", "on", "at",
        "to", "for", "with", "by", "from", "about", "into", "onto", "over", "after", "before", "between",
        "through", "during", "under", "against", "via", "per", "if", "then", "than", "so", "because",
        "and", "or", "but", "as", "also", "which", "who", "whom", "whose", "what", "when", "where", "how",
        "why", "there", "here", "not", "no", "all", "any", "some", "each", "every", "both", "more", "most",
        "very", "too", "just", "up", "out", "off", "down", "again", "once", "only", "own", "same", "such",
        "while", "whether", "until", "since", "though", "although", "yet", "nor", "either", "neither",
        "let", "get", "got", "make", "one", "first", "next", "finally",
    ]

    public static func contains(_ word: String) -> Bool { all.contains(word) }
}
