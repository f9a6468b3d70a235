/// Counts what makes an answer sound unsure or padded: fillers ("um", "basically", "you know") and
/// hedges ("I guess", "maybe"); gives words per minute when the answer's duration is known.
public enum DeliveryAnalyzer {
    public static let fillers: [[String]] = [
        ["um"], ["umm"], ["uh"], ["uhm"], ["erm"], ["er"], ["hmm"], ["basically"], ["literally"], ["actually"],
        ["you", "know"], ["i", "mean"], ["kind", "of"], ["sort", "of"], ["like", "i", "said"],
    ]
    public static let hedges: [[String]] = [
        ["maybe"], ["perhaps"], ["probably"], ["possibly"], ["i", "guess"], ["i", "think"], ["i", "suppose"],
        ["not", "sure"], ["i", "believe"], ["hopefully"],
    ]

    public static func analyze(_ text: AnalyzedText, duration: Double?, keywordShare: Double) -> DeliveryReport {
        let words = text.tokens.map(\.word)
        // Where a pattern could start, by its first word: found once for both lists.
        var starts: [String: [Int]] = [:]
        for (index, token) in text.tokens.enumerated() where token.traits.contains(.deliveryStart) {
            starts[token.word, default: []].append(index)
        }
        var wordsPerMinute: Double?
        if let duration, duration > 0, text.wordCount > 0 {
            wordsPerMinute = (Double(text.wordCount) / (duration / 60) * 10).rounded() / 10
        }
        return DeliveryReport(
            fillers: count(fillers, in: words, starts: starts), hedges: count(hedges, in: words, starts: starts),
            wordsPerMinute: wordsPerMinute, durationSeconds: duration,
            keywordShare: (keywordShare * 1000).rounded() / 1000
        )
    }

    /// Occurrences of each pattern in `words`, counted left to right without overlaps, in pattern
    /// order. Only `starts`, the positions of each pattern's first word (ascending), are tried: the
    /// same counts as trying every position.
    static func count(_ patterns: [[String]], in words: [String], starts: [String: [Int]]) -> [DeliveryReport.Count] {
        var counts: [DeliveryReport.Count] = []
        for pattern in patterns {
            guard let first = pattern.first else { continue }
            var n = 0
            var next = 0
            for index in starts[first] ?? [] where index >= next && index + pattern.count <= words.count {
                if words[index..<index + pattern.count].elementsEqual(pattern) {
                    n += 1
                    next = index + pattern.count
                }
            }
            if n > 0 { counts.append(.init(word: pattern.joined(separator: " "), count: n)) }
        }
        return counts
    }
}
