/// Finds the wrong claims of a rubric's misconceptions in an answer.
///
/// A pattern holds in a sentence where each of its groups has a match that no negation or rejection
/// reaches — "I'd oversample the test set" holds `[oversample | SMOTE, test set]`; "never oversample
/// the test set" does not. A sentence that also warns (a word such as "mistake", "wrong", "leak",
/// or one of the misconception's own `unless` phrases) describes the error instead of making it, and
/// is passed over: a false red flag on a candidate who knows the trap is worse than a missed one.
struct WrongClaims: Sendable {
    struct Compiled: Sendable {
        var misconception: Misconception
        var patterns: [[[CompiledPhrase]]]
        var unless: [CompiledPhrase]
    }

    /// Words that make a sentence a warning about an error rather than the error itself (a claim inside
    /// an "if" clause is a condition, not a claim, as well).
    static let warnings: [String] = [
        "mistake", "mistakes", "mistaken", "wrong", "wrongly", "pitfall", "pitfalls", "trap", "traps", "incorrect",
        "incorrectly", "fallacy", "myth", "misconception", "careful", "beware", "danger", "dangerous", "leak", "leaks",
        "leakage", "leaking", "leaked", "cheat", "cheating", "inflate", "inflated", "inflates", "optimistic",
        "invalid", "naive", "naively", "flaw", "flawed", "illusion", "fool", "fools", "fooled", "tempting",
        "temptation", "overestimate", "overestimates", "overstate", "overstates", "contaminate", "sneak", "sneaks",
        "sneaking", "smuggle", "smuggles", "bleed", "bleeds", "gotcha", "classic", "misread", "misreads",
        "misreading", "belief", "supposedly", "allegedly", "folklore", "misunderstanding", "misused", "misuse", "risky",
        "people", "tutorials", "beginners", "newcomers",
        "contaminates", "contaminated", "contamination", "peek", "peeking", "unrealistic",
    ]

    let compiled: [Compiled]
    let warningWords: Set<String>

    init(_ misconceptions: [Misconception], tokenizer: Tokenizer) {
        compiled = misconceptions.map { misconception in
            Compiled(
                misconception: misconception,
                patterns: misconception.patterns.map { groups in
                    groups.map { alternatives in alternatives.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) } }
                },
                unless: misconception.unless.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) }
            )
        }
        // Compared as words, not stems: "careful" warns, "care" does not.
        warningWords = Set(Self.warnings)
    }

    /// A wrong claim found: the matches that made it first (its evidence), and those of every
    /// sentence that makes it (none of them earns a concept).
    struct Finding {
        var misconception: Misconception
        var matches: [PhraseMatch]
        var occurrences: [PhraseMatch]
    }

    func find(in text: AnalyzedText, matcher: PhraseMatcher) -> [Finding] {
        let warnings = text.tokens.indices.filter { warningWords.contains(text.tokens[$0].word) }
        var findings: [Finding] = []
        for entry in compiled {
            let unlessSentences = Set(entry.unless.flatMap { matcher.matches(of: $0) }.map(\.sentence))
            var occurrences: [[PhraseMatch]] = []
            for groups in entry.patterns {
                // Per group: its affirmed matches by sentence.
                var bySentence: [[Int: [PhraseMatch]]] = []
                for alternatives in groups {
                    var matches: [Int: [PhraseMatch]] = [:]
                    for phrase in alternatives {
                        for match in matcher.matches(of: phrase) where !match.negated && match.stanceSource != .avoidance {
                            matches[match.sentence, default: []].append(match)
                        }
                    }
                    // A group with no match, or none in a sentence of the groups before, ends the pattern.
                    if let previous = bySentence.last { matches = matches.filter { previous[$0.key] != nil } }
                    if matches.isEmpty { break }
                    bySentence.append(matches)
                }
                guard bySentence.count == groups.count else { continue }
                guard let candidates = bySentence.first?.keys.sorted() else { continue }
                for sentence in candidates where !unlessSentences.contains(sentence) {
                    let choice = bySentence.compactMap { $0[sentence]?.min { $0.range.lowerBound < $1.range.lowerBound } }
                    if choice.count == groups.count, Self.isAsserted(choice, in: text), !isWarned(choice, warnings: warnings, in: text),
                       !choice.contains(where: { Stance.isConditional(before: $0.tokens.lowerBound, in: text.tokens) }) {
                        occurrences.append(bySentence.flatMap { $0[sentence] ?? [] })
                        if occurrences.count == 1 { occurrences[0] = choice + occurrences[0] }
                    }
                }
            }
            if let first = occurrences.first {
                let evidence = Array(first.prefix(entry.patterns.map(\.count).max() ?? 0))
                findings.append(Finding(misconception: entry.misconception, matches: evidence, occurrences: occurrences.flatMap { $0 }))
            }
        }
        return findings
    }

    /// Whether the pattern's matches are said, not dismissed: a dismissal may reach a match only from
    /// inside the pattern itself ("monitoring is pointless" is the claim; "SMOTE on the test set is
    /// pointless" is not).
    /// A dismissal in another clause ("…, so I'd drop them") is the candidate acting on the claim, not
    /// denying it.
    static func isAsserted(_ matches: [PhraseMatch], in text: AnalyzedText) -> Bool {
        let span = (matches.map(\.tokens.lowerBound).min() ?? 0)...(matches.map(\.tokens.upperBound).max() ?? 0)
        return matches.allSatisfy { match in
            guard match.stance != nil, let cue = match.stanceCue else { return true }
            return span.contains(cue) || text.tokens[cue].clause != text.tokens[match.tokens.lowerBound].clause
        }
    }

    /// A warning word anywhere in the claim's sentence ("a common mistake is…", "…, which leaks") makes
    /// it a warning: a missed red flag costs less than a false one.
    /// A warning word that is one of the claim's own words ("leakage is helpful") does not count.
    func isWarned(_ matches: [PhraseMatch], warnings: [Int], in text: AnalyzedText) -> Bool {
        guard let sentence = matches.first?.sentence else { return false }
        return warnings.contains { warning in
            text.tokens[warning].sentence == sentence && !matches.contains { $0.tokens.contains(warning) }
        }
    }
}
