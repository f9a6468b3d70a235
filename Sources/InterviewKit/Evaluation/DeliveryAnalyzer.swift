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
        var wordsPerMinute: Double?
        if let duration, duration > 0, text.wordCount > 0 {
            wordsPerMinute = (Double(text.wordCount) / (duration / 60) * 10).rounded() / 10
        }
        return DeliveryReport(
            fillers: count(fillers, in: words), hedges: count(hedges, in: words),
            wordsPerMinute: wordsPerMinute, durationSeconds: duration,
            keywordShare: (keywordShare * 1000).rounded() / 1000
        )
    }

    static func count(_ patterns: [[String]], in words: [String]) -> [DeliveryReport.Count] {
        var counts: [DeliveryReport.Count] = []
        for pattern in patterns {
            guard let first = pattern.first else { continue }
            var n = 0
            var index = 0
            while index + pattern.count <= words.count {
                if words[index] == first && Array(words[index..<index + pattern.count]) == pattern {
                    n += 1
                    index += pattern.count
                } else {
                    index += 1
                }
            }
            if n > 0 { counts.append(.init(word: pattern.joined(separator: " "), count: n)) }
        }
        return counts
    }
}
