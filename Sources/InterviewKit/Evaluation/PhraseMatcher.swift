/// A rubric phrase made ready for matching: stemmed once, matched many times.
public struct CompiledPhrase: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Matched on stems, with small gaps allowed between its words.
        case stemmed
        /// Matched on whole, unstemmed words ("PSI", "KS test"), a plural "s" allowed.
        case exact
    }

    public var text: String
    public var kind: Kind
    var keys: [PhraseKey]

    public init(_ text: String, kind: Kind, tokenizer: Tokenizer) {
        self.text = text
        self.kind = kind
        keys = tokenizer.keys(of: text)
    }

    /// This phrase with its content words' synonyms (at most one per match may stand in): only a
    /// stemmed phrase of two content words or more takes them, so one of its own words always matches.
    func withSynonyms(from similarWords: SimilarWords, lexicon: WordNetLexicon) -> CompiledPhrase {
        guard kind == .stemmed else { return self }
        let content = keys.indices.filter { SimilarWords.isContent(keys[$0]) }
        guard content.count >= 2 else { return self }
        var copy = self
        let own = Set(keys.map(\.stem))
        for index in content {
            copy.keys[index].alternatives = similarWords.alternatives(of: keys[index], besides: own, in: lexicon)
        }
        return copy
    }

    /// Whether the phrase itself says "not", "no"…: then a cue among its own words is part of what it
    /// means ("accuracy is not a good metric"), not a denial of it.
    var holdsNegation: Bool { keys.contains { Stance.cues.contains($0.word) } }
}

/// One word of a phrase: the stem it is looked up by, the family it may join, and the word itself
/// (exact phrases compare words).
struct PhraseKey: Sendable, Hashable {
    var stem: String
    var family: WordFamily
    var word: String
    /// Stems that may stand for this word, each once per match (WordNet synonyms).
    var alternatives: [String] = []
}

/// Where a phrase occurred in an answer.
public struct PhraseMatch: Sendable, Hashable {
    public var phrase: String
    /// Token positions of the first and last matched word.
    public var tokens: ClosedRange<Int>
    /// Unicode-scalar range in the original answer, from the first matched word to the last.
    public var range: Range<Int>
    public var sentence: Int
    /// A negation reaches the match from outside it, or one stands among its words ("accuracy is not
    /// misleading"), whoever speaks: wrong-claim patterns must not match what is denied.
    public var negated: Bool
    /// Where the candidate stands on the match (`nil`: said plainly). A cue inside the match that is not
    /// one of the phrase's own words contradicts it: `.rejected`.
    public var stance: StanceKind?
    /// Below 1 when a synonym stood for one of the phrase's words (`SimilarWords.similarity`).
    public var similarity: Double?
    /// The token that gave `stance`, and what kind of cue it was.
    public var stanceCue: Int?
    public var stanceSource: StanceMark.Source?
}

/// Finds phrases in an analysed text: words in order, within one sentence, with at most
/// `maximumGap` other words between consecutive phrase words.
public struct PhraseMatcher: Sendable {
    public static let maximumGap = 2

    /// Positions of every stem, so a stemmed phrase is looked up instead of scanned for: the first
    /// position of each stem, and for each position the next one with the same stem (-1 at the end),
    /// which costs one hash per token and no array per stem. (Exact phrases, a rubric's few
    /// abbreviations, are scanned for: cheaper than indexing every word.)
    struct Index {
        var first: [String: Int] = [:]
        var next: [Int]

        init(_ text: AnalyzedText) {
            let tokens = text.tokens
            next = Array(repeating: -1, count: tokens.count)
            first.reserveCapacity(tokens.count)
            for position in tokens.indices.reversed() {
                next[position] = first.updateValue(position, forKey: tokens[position].stem) ?? -1
            }
        }

        /// The positions of `stem`, in order.
        func positions(of stem: String) -> some Sequence<Int> {
            sequence(first: first[stem] ?? -1) { next[$0] }.lazy.prefix { $0 >= 0 }
        }
    }

    let text: AnalyzedText
    let index: Index

    public init(_ text: AnalyzedText) {
        self.text = text
        index = Index(text)
    }

    public func matches(of phrase: CompiledPhrase) -> [PhraseMatch] {
        guard let firstKey = phrase.keys.first else { return [] }
        let tokens = text.tokens
        var found: [PhraseMatch] = []
        switch phrase.kind {
        case .stemmed:
            let keys = phrase.keys.dropFirst()
            for start in index.positions(of: firstKey.stem) where Self.joins(firstKey, tokens[start]) {
                if let (last, substituted) = end(of: keys, after: start, sentence: tokens[start].sentence, substituted: false) {
                    found.append(match(phrase, from: start, to: last, substituted: substituted))
                }
            }
            for alternative in firstKey.alternatives {
                for start in index.positions(of: alternative) {
                    if let (last, _) = end(of: keys, after: start, sentence: tokens[start].sentence, substituted: true) {
                        found.append(match(phrase, from: start, to: last, substituted: true))
                    }
                }
            }
        case .exact:
            let first = firstKey.word
            let plural = first + "s"
            let lengths = (first.utf8.count, plural.utf8.count)
            for start in tokens.indices {
                // The length first: most words differ in it, and it is cheaper to compare.
                let word = tokens[start].word
                let length = word.utf8.count
                guard (length == lengths.0 && word == first) || (length == lengths.1 && word == plural) else { continue }
                var complete = true
                for (offset, key) in phrase.keys.enumerated().dropFirst() {
                    let position = start + offset
                    guard position < tokens.count, tokens[position].sentence == tokens[start].sentence,
                          tokens[position].opening != .comma, tokens[position].opening != .other,
                          tokens[position].word == key.word || tokens[position].word == key.word + "s" else {
                        complete = false
                        break
                    }
                }
                if complete { found.append(match(phrase, from: start, to: start + phrase.keys.count - 1)) }
            }
        }
        return found
    }

    /// The position of the last word of `keys` matched in order after `position`, each within
    /// `maximumGap` words of the one before, trying every candidate (so "a b b x x c" matches "a b c"),
    /// and whether a synonym stood for a word (at most one may, `substituted` says one already has).
    private func end(of keys: ArraySlice<PhraseKey>, after position: Int, sentence: Int, substituted: Bool) -> (Int, Bool)? {
        guard let key = keys.first else { return (position, substituted) }
        let tokens = text.tokens
        var look = position + 1
        // A phrase stays within its sentence and its clause ("missed, ask the fraud team" is not "miss
        // fraud"), though it may run past quotes and parentheses.
        while look < tokens.count, look <= position + 1 + Self.maximumGap, tokens[look].sentence == sentence,
              tokens[look].opening != .comma, tokens[look].opening != .other {
            if tokens[look].stem == key.stem, Self.joins(key, tokens[look]),
               let result = end(of: keys.dropFirst(), after: look, sentence: sentence, substituted: substituted) {
                return result
            }
            if !substituted, key.alternatives.contains(tokens[look].stem),
               let result = end(of: keys.dropFirst(), after: look, sentence: sentence, substituted: true) {
                return result
            }
            look += 1
        }
        return nil
    }

    /// A phrase word meets an answer word of the same stem when they are of one family, or the same word.
    @inline(__always)
    static func joins(_ key: PhraseKey, _ token: Token) -> Bool {
        WordFamily.joins(key.family, token.family) || key.word == token.word
    }

    private func match(_ phrase: CompiledPhrase, from start: Int, to end: Int, substituted: Bool = false) -> PhraseMatch {
        let tokens = text.tokens
        var negated = false
        var stance: StanceKind?
        var stanceCue: Int?
        var stanceSource: StanceMark.Source?
        let ownCues = phrase.holdsNegation
        for position in start...end {
            let token = tokens[position]
            if let cue = token.negatedBy, cue < start { negated = true }
            if let mark = token.stance, mark.cue < start || mark.cue > end, stance.map({ mark.kind > $0 }) ?? true {
                stance = mark.kind
                stanceCue = mark.cue
                stanceSource = mark.source
            }
            // A negation among the matched words that the phrase does not hold itself contradicts it.
            if position > start, token.traits.contains(.negationCue), !(ownCues && phrase.keys.contains { $0.word == token.word }),
               !(position + 1 <= end && tokens[position + 1].traits.contains(.notNegating)) {
                negated = true
                stance = .rejected
                stanceCue = position
                stanceSource = .negation
            }
        }
        return PhraseMatch(
            phrase: phrase.text, tokens: start...end,
            range: tokens[start].range.lowerBound..<tokens[end].range.upperBound,
            sentence: tokens[start].sentence, negated: negated, stance: stance,
            similarity: substituted ? SimilarWords.similarity : nil, stanceCue: stanceCue, stanceSource: stanceSource
        )
    }
}
