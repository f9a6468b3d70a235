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
    var keys: [String]

    public init(_ text: String, kind: Kind, tokenizer: Tokenizer) {
        self.text = text
        self.kind = kind
        keys = kind == .stemmed ? tokenizer.stems(of: text) : tokenizer.words(of: text)
    }
}

/// Where a phrase occurred in an answer.
public struct PhraseMatch: Sendable, Hashable {
    public var phrase: String
    /// Token positions of the first and last matched word.
    public var tokens: ClosedRange<Int>
    /// Unicode-scalar range in the original answer, from the first matched word to the last.
    public var range: Range<Int>
    public var sentence: Int
    /// The match lies inside a negation that starts before it.
    public var negated: Bool
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
        guard let first = phrase.keys.first else { return [] }
        let tokens = text.tokens
        var found: [PhraseMatch] = []
        switch phrase.kind {
        case .stemmed:
            let keys = phrase.keys.dropFirst()
            for start in index.positions(of: first) {
                if let last = end(of: keys, after: start, sentence: tokens[start].sentence) {
                    found.append(match(phrase, from: start, to: last))
                }
            }
        case .exact:
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
                          tokens[position].word == key || tokens[position].word == key + "s" else {
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
    /// `maximumGap` words of the one before, trying every candidate (so "a b b x x c" matches "a b c").
    private func end(of keys: ArraySlice<String>, after position: Int, sentence: Int) -> Int? {
        guard let key = keys.first else { return position }
        let tokens = text.tokens
        var look = position + 1
        while look < tokens.count, look <= position + 1 + Self.maximumGap, tokens[look].sentence == sentence {
            if tokens[look].stem == key, let last = end(of: keys.dropFirst(), after: look, sentence: sentence) {
                return last
            }
            look += 1
        }
        return nil
    }

    private func match(_ phrase: CompiledPhrase, from start: Int, to end: Int) -> PhraseMatch {
        let tokens = text.tokens
        let negated = (start...end).contains { position in
            guard let cue = tokens[position].negatedBy else { return false }
            return cue < start
        }
        return PhraseMatch(
            phrase: phrase.text, tokens: start...end,
            range: tokens[start].range.lowerBound..<tokens[end].range.upperBound,
            sentence: tokens[start].sentence, negated: negated
        )
    }
}
