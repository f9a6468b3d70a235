/// Reads texts for reference grading: clauses, content words, negation, comparatives and stems, exactly
/// as the SemEval-tuned prototype did (its SPEC §1), so that the tuned weights keep their meaning.
///
/// It differs from `Tokenizer`, which the rubric engine uses, on purpose: clauses also end at *but*,
/// *because*, *so*, *while* and *although*; "one"…"ten" become digits; a negation cue reaches only the
/// next three content words of its clause; and stop words are a fixed list. It shares the project's
/// `Stemmer`, its negation cues and its contraction list.
///
/// ```swift
/// let text = ReferenceAnalyzer().analyze("The switch isn't closed.")
/// // text.stems == ["switch", "close"], text.negated == [false, true]
/// ```
public struct ReferenceAnalyzer: Sendable {
    public let stemmer: Stemmer
    /// Irregular comparatives and adjective lemmas; without it "louder" stays "louder".
    public let lexicon: WordNetLexicon?

    public init(stemmer: Stemmer = .english, lexicon: WordNetLexicon? = nil) {
        self.stemmer = stemmer
        self.lexicon = lexicon
    }

    /// How many content words after a negation cue it reaches, within the cue's clause.
    public static let negationReach = 3

    /// The rubric engine's negation cues plus the prototype's "cannot" (which the contraction list
    /// expands first) and "t" (from typos such as `aren"t`).
    static let negationCues: Set<String> = Stance.cues.union(["cannot", "t"])

    /// The prototype's stop words: NLTK's list without the words that carry meaning in an answer
    /// (same, more, most, other, few, off, over, under, above, below, up, down, out, before, after,
    /// against, both, only, all, not, no, nor), plus also, would and could.
    static let stopWords: Set<String> = [
        "a", "about", "again", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "being", "between", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "my",
        "myself", "now", "of", "on", "once", "or", "our", "ours", "ourselves", "own", "s", "she", "should",
        "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "until", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "yourselves",
    ]

    static let numberWords: [String: String] = [
        "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
        "eight": "8", "nine": "9", "ten": "10",
    ]

    /// Words that end a clause, besides punctuation.
    static let clauseWords: [[Unicode.Scalar]] = ["but", "because", "so", "while", "although"].map { Array($0.unicodeScalars) }

    /// The contraction list of `Tokenizer`, as plain substring replacements in the prototype's order:
    /// the irregular negations first (but not "ain't", which the prototype leaves to "n't" → "ai not"),
    /// then "cannot", then the suffixes ("n't" → " not", …, "'s" → ""). The suffixes do not overlap, so
    /// their order among themselves does not change the result as long as "'s" comes last.
    static let contractions: [(pattern: [Unicode.Scalar], replacement: [Unicode.Scalar])] = {
        var list: [(String, String)] = Tokenizer.irregularNegations
            .filter { $0.key != "ain't" }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value.joined(separator: " ")) }
        list.append(("cannot", "can not"))
        let suffixes = Tokenizer.contractionSuffixes.filter { $0.0 != "'s" } + Tokenizer.contractionSuffixes.filter { $0.0 == "'s" }
        list += suffixes.map { ($0.0, $0.1.isEmpty ? "" : " " + $0.1) }
        return list.map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }
    }()

    /// One scalar of the lower-cased text and the range of the original it came from.
    struct Unit {
        var scalar: Unicode.Scalar
        var origin: Range<Int>
    }

    public func analyze(_ text: String) -> ReferenceText {
        var stems: [String] = []
        var negated: [Bool] = []
        var words: [String] = []
        var ranges: [Range<Int>] = []
        var first: String?
        var cues = 0
        var mayReject = false
        for clause in Self.clauses(of: Self.lowercased(text)) {
            var left = 0
            for (token, range) in Self.tokens(of: clause) {
                if first == nil { first = token }
                if Stance.triggers.contains(token) { mayReject = true }
                if Self.negationCues.contains(token) {
                    left = Self.negationReach
                    cues += 1
                    continue
                }
                if Self.stopWords.contains(token) { continue }
                let word = lexicon?.baseAdjective(of: token) ?? token
                stems.append(stemmer.stem(word))
                negated.append(left > 0)
                words.append(word)
                ranges.append(range)
                left = max(0, left - 1)
            }
        }
        if mayReject {
            // The rubric engine's avoidances and dismissals ("X is useless", "I'd avoid X") reject
            // what they reach here too; its negations are this analyser's own, as tuned, and predicted
            // outcomes ("it will not work") are facts in a science answer.
            let rejected = Self.rejectedRanges(in: text)
            for index in ranges.indices where !negated[index] && rejected.contains(where: { $0.overlaps(ranges[index]) }) {
                negated[index] = true
            }
        }
        return ReferenceText(stems: stems, negated: negated, words: words, ranges: ranges, first: first ?? "", negationCues: cues)
    }

    /// The scalar ranges of the words an avoidance or a dismissal rejects, as the rubric engine's
    /// ``Stance`` marks them.
    static func rejectedRanges(in text: String) -> [Range<Int>] {
        Tokenizer().analyze(text).tokens.compactMap { token in
            guard let mark = token.stance, mark.source == .avoidance || mark.source == .dismissal, mark.kind != .described else { return nil }
            return token.range
        }
    }

    // MARK: Steps

    /// Lower case, scalar by scalar, remembering where each scalar came from.
    static func lowercased(_ text: String) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(text.unicodeScalars.count)
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.isASCII {
                let value = UInt8(truncatingIfNeeded: scalar.value)
                let lower = (65...90).contains(value) ? Unicode.Scalar(value + 32) : scalar
                units.append(Unit(scalar: lower, origin: index..<index + 1))
            } else {
                for lower in String(scalar).lowercased().unicodeScalars {
                    units.append(Unit(scalar: lower, origin: index..<index + 1))
                }
            }
        }
        return units
    }

    /// Splits at `[.,;:!?()]` and at the words *but*, *because*, *so*, *while*, *although*.
    static func clauses(of units: [Unit]) -> [ArraySlice<Unit>] {
        split(units, at: clauseMarks, words: clauseWords)
    }

    static let clauseMarks: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "(", ")"]
    static let partMarks: Set<Unicode.Scalar> = [".", ";", "!", "?"]
    static let partWords: [[Unicode.Scalar]] = ["so", "because", "and"].map { Array($0.unicodeScalars) }

    /// The parts of a model answer that can stand alone as an acceptable fact: pieces between
    /// `[.;!?]`, *so*, *because* and *and*, analysed; only those with at least two distinct stems.
    public func parts(of reference: String) -> [ReferenceText] {
        Self.split(Self.lowercased(reference), at: Self.partMarks, words: Self.partWords).compactMap { part in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: part.map(\.scalar))
            let text = analyze(String(view))
            return text.distinctStems.count >= 2 ? text : nil
        }
    }

    /// Python's `re.split` over a character class and whole words (`\b` boundaries, where letters,
    /// digits and `_` are word characters).
    static func split(_ units: [Unit], at marks: Set<Unicode.Scalar>, words: [[Unicode.Scalar]]) -> [ArraySlice<Unit>] {
        var pieces: [ArraySlice<Unit>] = []
        var start = 0
        var index = 0
        while index < units.count {
            let scalar = units[index].scalar
            if marks.contains(scalar) {
                pieces.append(units[start..<index])
                index += 1
                start = index
                continue
            }
            if index == 0 || !isWordCharacter(units[index - 1].scalar),
               let word = words.first(where: { $0.first == scalar && matches($0, in: units, at: index) }),
               index + word.count == units.count || !isWordCharacter(units[index + word.count].scalar) {
                pieces.append(units[start..<index])
                index += word.count
                start = index
                continue
            }
            index += 1
        }
        pieces.append(units[start..<units.count])
        return pieces
    }

    /// The tokens of one clause: contractions expanded, then runs of `[a-z0-9]`, number words as digits.
    static func tokens(of clause: ArraySlice<Unit>) -> [(String, Range<Int>)] {
        var units = clause.map { unit in
            unit.scalar == "\u{2019}" ? Unit(scalar: "'", origin: unit.origin) : unit
        }
        if units.contains(where: { $0.scalar == "'" || $0.scalar == "c" }) {
            for (pattern, replacement) in contractions {
                units = replacing(pattern, with: replacement, in: units)
            }
        }
        var tokens: [(String, Range<Int>)] = []
        var index = 0
        while index < units.count {
            guard isTokenScalar(units[index].scalar) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < units.count, isTokenScalar(units[end].scalar) { end += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: units[index..<end].map(\.scalar))
            let word = String(view)
            let lower = units[index].origin.lowerBound
            let upper = max(lower, units[end - 1].origin.upperBound)
            tokens.append((numberWords[word] ?? word, lower..<upper))
            index = end
        }
        return tokens
    }

    /// Python's `str.replace`: every non-overlapping occurrence, left to right. The replacement's
    /// scalars come from the whole span they replace.
    static func replacing(_ pattern: [Unicode.Scalar], with replacement: [Unicode.Scalar], in units: [Unit]) -> [Unit] {
        guard let head = pattern.first, units.count >= pattern.count else { return units }
        var output: [Unit] = []
        var index = 0
        var changed = false
        while index < units.count {
            if units[index].scalar == head, index + pattern.count <= units.count, matches(pattern, in: units, at: index) {
                let origin = units[index].origin.lowerBound..<units[index + pattern.count - 1].origin.upperBound
                if !changed {
                    output.reserveCapacity(units.count + 8)
                    output.append(contentsOf: units[0..<index])
                    changed = true
                }
                output.append(contentsOf: replacement.map { Unit(scalar: $0, origin: origin) })
                index += pattern.count
            } else {
                if changed { output.append(units[index]) }
                index += 1
            }
        }
        return changed ? output : units
    }

    static func matches(_ pattern: [Unicode.Scalar], in units: [Unit], at index: Int) -> Bool {
        guard index + pattern.count <= units.count else { return false }
        for (offset, scalar) in pattern.enumerated() where units[index + offset].scalar != scalar {
            return false
        }
        return true
    }

    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Python's `\w` on text: letters, numbers and the underscore.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }
}
