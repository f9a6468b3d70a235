/// Reads an answer's misspellings of the question's and model answers' words as those words
/// ("termianl" → "terminal"), so a typo does not cost the credit of a term the student knew.
///
/// An answer word of at least four letters whose stem none of those texts has is replaced by the
/// nearest of their words of at least four letters, by optimal-string-alignment distance (adjacent
/// transpositions count one edit), when that distance is at most 1, or 2 for words of eight letters
/// or more; a tie goes to the alphabetically first word. Negation flags and evidence ranges stay.
struct SpellingRepair: Sendable {
    /// The vocabulary's words (at least four letters), sorted, and the stem of each.
    let candidates: [(word: [UInt8], stem: String)]
    let knownStems: Set<String>

    init(vocabulary texts: [ReferenceText]) {
        var stemByWord: [String: String] = [:]
        for text in texts {
            for (word, stem) in zip(text.words, text.stems) { stemByWord[word] = stem }
        }
        knownStems = Set(stemByWord.values)
        candidates = stemByWord.filter { $0.key.utf8.count >= 4 }
            .sorted { $0.key < $1.key }
            .map { (Array($0.key.utf8), $0.value) }
    }

    /// The text with its misspelt stems replaced, and the words that were read differently.
    func repair(_ text: ReferenceText) -> (text: ReferenceText, corrections: [(from: String, to: String)]) {
        var stems = text.stems
        var corrections: [(from: String, to: String)] = []
        for (index, (word, stem)) in zip(text.words, text.stems).enumerated() {
            let letters = Array(word.utf8)
            guard !knownStems.contains(stem), letters.count >= 4, !letters.allSatisfy({ (48...57).contains($0) }) else { continue }
            let cap = letters.count >= 8 ? 2 : 1
            var best: (distance: Int, index: Int)?
            for (candidateIndex, candidate) in candidates.enumerated() {
                let distance = Self.distance(letters, candidate.word, cap: cap)
                if best.map({ distance < $0.distance }) ?? true { best = (distance, candidateIndex) }
            }
            if let best, best.distance <= cap {
                stems[index] = candidates[best.index].stem
                corrections.append((word, String(decoding: candidates[best.index].word, as: UTF8.self)))
            }
        }
        return corrections.isEmpty ? (text, []) : (text.replacingStems(stems), corrections)
    }

    /// Optimal-string-alignment distance, giving up (cap + 1) as soon as it must exceed `cap` —
    /// the prototype's `osa`, early exits included.
    static func distance(_ a: [UInt8], _ b: [UInt8], cap: Int) -> Int {
        if abs(a.count - b.count) > cap { return cap + 1 }
        var beforePrevious: [Int] = []
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        if a.isEmpty { return previous[b.count] }
        for i in 1...a.count {
            current[0] = i
            if !b.isEmpty {
                for j in 1...b.count {
                    var cost = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    cost = min(cost, previous[j] + 1, current[j - 1] + 1)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        cost = min(cost, beforePrevious[j - 2] + 1)
                    }
                    current[j] = cost
                }
            }
            if let smallest = current.min(), smallest > cap { return cap + 1 }
            beforePrevious = previous
            previous = current
            current = Array(repeating: 0, count: b.count + 1)
        }
        return previous[b.count]
    }
}
