import Foundation

/// One word of an analysed text: its normal form, its stem, where it came from in the original, and
/// the sentence, clause and negation it belongs to.
public struct Token: Sendable, Hashable {
    /// Lower-case, NFKC, contractions expanded ("wouldn't" gives "would" and "not").
    public var word: String {
        didSet { traits = WordTraits(of: word) }
    }
    public var stem: String
    /// Which words the stem may join (``WordFamily``).
    public var family: WordFamily
    /// Unicode-scalar offsets of the original word this token came from.
    public var range: Range<Int>
    public var sentence: Int
    public var clause: Int
    /// What started this token's clause, when the token is the clause's first.
    public var opening: ClauseOpening
    /// The index of the negation cue whose scope this token lies in, if any: any negation, whoever
    /// says it ("the model never sees fraud", "I would not retrain").
    public var negatedBy: Int?
    /// Where the candidate stands on this word, when a cue of ``Stance`` reaches it.
    public var stance: StanceMark?
    /// What `word` is to the later passes, looked up once.
    var traits: WordTraits
}

/// What began a clause: a sentence, a comma (which may only separate the items of a list), or
/// anything else that ends a clause (a semicolon, a colon, a dash, *but*…).
public enum ClauseOpening: UInt8, Sendable, Hashable {
    /// Quotes and parentheses: a clause boundary for negation, not for phrases ("“accuracy” is misleading").
    case none, sentence, comma, other, mark
}

/// An answer (or phrase) broken into tokens and sentences, ready for matching.
public struct AnalyzedText: Sendable {
    public var tokens: [Token]
    /// Unicode-scalar ranges of the sentences.
    public var sentences: [Range<Int>]
    /// Words as a person counts them: "wouldn't" is one.
    public var wordCount: Int
    /// The original text as scalars, for quoting evidence.
    let scalars: [Unicode.Scalar]

    /// The original text of a scalar range.
    public func quote(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<scalars.count)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(clamped.count)
        for scalar in scalars[clamped] {
            if scalar.isASCII {
                utf8.append(UInt8(truncatingIfNeeded: scalar.value))
            } else if let encoded = UTF8.encode(scalar) {
                utf8.append(contentsOf: encoded)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

/// Breaks text into normalised, stemmed tokens and sentences, and marks negation scopes.
public struct Tokenizer: Sendable {
    let stemmer: Stemmer

    public init(stemmer: Stemmer = .english) {
        self.stemmer = stemmer
    }

    /// Whether `text` holds no word characters at all (an empty phrase).
    public static func hasNoWords(_ text: String) -> Bool {
        !text.unicodeScalars.contains { isWordScalar($0) }
    }

    /// The stemmed tokens of a short phrase, as rubric phrases are matched.
    public func stems(of phrase: String) -> [String] {
        analyze(phrase, markNegation: false).tokens.map(\.stem)
    }

    /// The stems of a phrase with the family each may join.
    func keys(of phrase: String) -> [PhraseKey] {
        analyze(phrase, markNegation: false).tokens.map { PhraseKey(stem: $0.stem, family: $0.family, word: $0.word) }
    }

    /// The normalised, unstemmed words of a phrase.
    public func words(of phrase: String) -> [String] {
        analyze(phrase, markNegation: false).tokens.map(\.word)
    }

    public func analyze(_ text: String, markNegation: Bool = true) -> AnalyzedText {
        // One pass over the text (`Array(text.unicodeScalars)` would walk it twice: once to count).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar) }
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5 + 1)
        var sentences: [Range<Int>] = []
        var wordCount = 0
        var sentence = 0
        var clause = 0
        var sentenceStart: Int?
        var lastTokenEnd = 0
        var pendingSentenceBreak = false
        var pendingClauseBreak = false
        var pendingComma = false
        var pendingMark = false

        func closeSentence() {
            if let start = sentenceStart {
                sentences.append(start..<lastTokenEnd)
                sentence += 1
                clause += 1
                sentenceStart = nil
            }
        }

        var index = 0
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                // A word: letters and digits, with apostrophes between letters and '.' or ','
                // between digits ("0.5", "10,000").
                let start = index
                var end = index + 1
                while end < count {
                    let next = scalars[end]
                    if Self.isWordScalar(next) || Self.isCombiningMark(next) {
                        end += 1
                    } else if Self.isApostrophe(next), end + 1 < count, scalars[end + 1].properties.isAlphabetic, scalars[end - 1].properties.isAlphabetic || Self.isCombiningMark(scalars[end - 1]) {
                        end += 1
                    } else if next == "." || next == ",", end + 1 < count, Self.isDigit(scalars[end + 1]), Self.isDigit(scalars[end - 1]) {
                        end += 1
                    } else {
                        break
                    }
                }
                if pendingSentenceBreak {
                    // "e.g. the model": a full stop followed by a lower-case word does not end a sentence.
                    if scalars[start].properties.isLowercase {
                        pendingClauseBreak = true
                    } else {
                        closeSentence()
                    }
                    pendingSentenceBreak = false
                }
                var opening = ClauseOpening.none
                if pendingClauseBreak {
                    clause += 1
                    pendingClauseBreak = false
                    opening = pendingComma ? .comma : pendingMark ? .mark : .other
                }
                pendingComma = false
                pendingMark = false
                if sentenceStart == nil {
                    sentenceStart = start
                    opening = .sentence
                }
                wordCount += 1
                var (next, after) = Self.normalizedPair(scalars[start..<end])
                while let word = next {
                    (next, after) = (after, nil)
                    let traits = WordTraits(of: word)
                    if traits.contains(.clauseBreak) {
                        clause += 1
                        opening = .other
                    }
                    let american = SpellingVariants.american(word)
                    let stem = stemmer.stem(american)
                    tokens.append(Token(
                        word: word, stem: stem, family: WordFamily.of(american, stem: stem), range: start..<end,
                        sentence: sentence, clause: clause, opening: opening, negatedBy: nil, stance: nil, traits: traits
                    ))
                    opening = .none
                }
                lastTokenEnd = end
                index = end
                continue
            }
            switch scalar {
            case ".":
                // "i.i.d.", "e.g.": a full stop between letters, with no space, joins an abbreviation.
                if !(index > 0 && index + 1 < count && scalars[index + 1].properties.isAlphabetic && scalars[index - 1].properties.isAlphabetic) {
                    pendingSentenceBreak = true
                }
            case "!", "?", "…":
                pendingSentenceBreak = true
            case "\n":
                // A blank line or a list item starts a new sentence; a wrapped line does not.
                var look = index + 1
                while look < count, scalars[look] == " " || scalars[look] == "\t" || scalars[look] == "\r" { look += 1 }
                if look < count, scalars[look] == "\n" || Self.isBullet(scalars, at: look) {
                    closeSentence()
                    pendingSentenceBreak = false
                }
            case ",":
                if !pendingClauseBreak { pendingComma = true }
                pendingClauseBreak = true
            case "(", ")", "\"", "“", "”":
                if !pendingClauseBreak { pendingMark = true }
                pendingClauseBreak = true
                pendingComma = false
            case ";", ":", "—", "–":
                pendingClauseBreak = true
                pendingComma = false
                pendingMark = false
            default:
                break
            }
            index += 1
        }
        closeSentence()
        if markNegation { Stance.mark(&tokens) }
        return AnalyzedText(tokens: tokens, sentences: sentences, wordCount: wordCount, scalars: scalars)
    }

    // MARK: Normalisation

    static let clauseBreakWords: Set<String> = ["but", "however", "although", "though", "whereas", "instead", "otherwise"]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // The same answer as the Unicode properties give, without looking them up.
            let value = scalar.value | 0x20
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// An accent or other mark that belongs to the letter before it ("e\u{301}" is "é" before NFKC).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        return switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" || scalar == "`"
    }

    static func isBullet(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        if scalar == "-" || scalar == "*" || scalar == "•" || scalar == "+" { return true }
        var look = index
        while look < scalars.count, isDigit(scalars[look]) { look += 1 }
        return look > index && look < scalars.count && (scalars[look] == "." || scalars[look] == ")")
    }

    /// The normal words of one raw word: NFKC, lower case, straight apostrophes, contractions expanded.
    static func normalizedWords(_ raw: String) -> [String] {
        var word = raw.precomposedStringWithCompatibilityMapping.lowercased()
        if word.unicodeScalars.contains(where: { isApostrophe($0) && $0 != "'" }) {
            word = String(String.UnicodeScalarView(word.unicodeScalars.map { isApostrophe($0) ? "'" : $0 }))
        }
        guard word.contains("'") else {
            if word == "cannot" { return ["can", "not"] }
            return [word]
        }
        if let irregular = irregularNegations[word] { return irregular }
        for (suffix, expansion) in contractionSuffixes where word.hasSuffix(suffix) && word.count > suffix.count {
            let base = String(word.dropLast(suffix.count)).replacingOccurrences(of: "'", with: "")
            return expansion.isEmpty ? [base] : [base, expansion]
        }
        return [word.replacingOccurrences(of: "'", with: "")]
    }

    /// ``normalizedWords(_:)`` of the word made of `raw` — one word, or two when a contraction is
    /// expanded ("wouldn't": "would", "not"). An ASCII word, the common case, is worked on as bytes:
    /// NFKC leaves ASCII as it is, and lower case, apostrophes and contractions are then byte
    /// operations with the same result as the Unicode-aware ones, without Foundation's costs.
    static func normalizedPair(_ raw: ArraySlice<Unicode.Scalar>) -> (first: String?, second: String?) {
        var apostrophes = 0
        for scalar in raw {
            guard scalar.isASCII else {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: raw)
                let words = normalizedWords(String(view))
                return (words.first, words.count > 1 ? words[1] : nil)
            }
            if scalar == "'" || scalar == "`" { apostrophes += 1 }
        }
        guard apostrophes > 0 else {
            let word = String(unsafeUninitializedCapacity: raw.count) { buffer in
                for (offset, scalar) in zip(buffer.indices, raw) {
                    let byte = UInt8(truncatingIfNeeded: scalar.value)
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                return raw.count
            }
            return word == "cannot" ? ("can", "not") : (word, nil)
        }
        let bytes = raw.map { scalar -> UInt8 in
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            return (0x41...0x5A).contains(byte) ? byte | 0x20 : byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte
        }
        if let irregular = irregularNegations[String(decoding: bytes, as: UTF8.self)] {
            return (irregular.first, irregular.count > 1 ? irregular[1] : nil)
        }
        func withoutApostrophes(_ part: ArraySlice<UInt8>) -> String {
            String(decoding: part.filter { $0 != UInt8(ascii: "'") }, as: UTF8.self)
        }
        for (suffix, expansion) in contractionSuffixes where bytes.count > suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
            return (withoutApostrophes(bytes.dropLast(suffix.utf8.count)), expansion.isEmpty ? nil : expansion)
        }
        return (withoutApostrophes(bytes[...]), nil)
    }

    static let irregularNegations: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"], "ain't": ["is", "not"],
    ]

    static let contractionSuffixes: [(String, String)] = [
        ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would"), ("'m", "am"), ("'s", ""),
    ]
}
