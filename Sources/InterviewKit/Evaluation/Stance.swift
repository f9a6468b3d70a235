/// How the candidate stands on the words a cue reaches, from weakest to strongest.
public enum StanceKind: UInt8, Sendable, Hashable, Comparable, Codable {
    /// Negated as a fact about something else: "the model never sees fraud", "there was no
    /// monitoring", "without retraining". Not the candidate's proposal, not a rejection either.
    case described
    /// Kept away on purpose: "avoid X", "skip X", "No SMOTE." A practice so named is rejected; a risk
    /// so named is acknowledged ("avoid leakage").
    case excluded
    /// Rejected by the candidate: "I wouldn't use X", "don't X", "no need for X", "instead of X",
    /// "X is overrated", "X isn't worth it", "X makes it worse".
    case rejected

    public static func < (a: StanceKind, b: StanceKind) -> Bool { a.rawValue < b.rawValue }
}

/// A stance a cue gives a token: which token the cue is (before the token for a negation or an
/// avoidance, after it for a dismissive predicate) and what it says.
public struct StanceMark: Sendable, Hashable {
    /// What kind of cue gave the stance.
    public enum Source: UInt8, Sendable, Hashable {
        /// *not*, *no*, *never*, *instead of*…
        case negation
        /// *avoid*, *skip*, *steer clear of*…
        case avoidance
        /// A predicate after the words it judges: "is overrated", "isn't needed", "so I wouldn't bother".
        case dismissal
        /// A predicted outcome after the words it judges: "doesn't help", "won't work", "makes it worse".
        /// (In a science answer "it will not work" is a fact, so reference grading leaves these out.)
        case outcome
    }

    public var cue: Int
    public var kind: StanceKind
    public var source: Source = .negation
}

/// Marks the tokens of an answer with the candidate's stance, so that a concept is credited only
/// where the candidate endorses it.
///
/// Three kinds of cue:
/// - **Negation** (*not*, *no*, *never*, *without*, *instead of*, *rather than*…) reaches the words
///   after it up to the end of its clause or ``maximumReach`` words, and on through the items of a
///   list ("I would not use SMOTE, class weights or undersampling" rejects all three). It is a
///   rejection when the candidate speaks ("I wouldn't…", "we don't need…", "Don't…", "no need
///   for…", "instead of…"); otherwise it describes ("the model never sees fraud"). "Not only", "not
///   just" and "no matter" do not negate. A negation that defers rather than refuses ("I wouldn't
///   start with X", "not before the split", "not blindly", "not until…") is no stance at all.
/// - **Avoidance** (*avoid*, *skip*, *forgo*, *steer clear of*, *forget about*…) excludes what follows.
/// - **Dismissal** after the words it judges: "X is overrated / useless / overkill / a waste of time",
///   "X isn't needed / worth it / a problem", "X doesn't help", "X makes it worse". It reaches back to
///   the start of the clause (or a word such as *because* or *which* that starts another), and back
///   through a list ("SMOTE, class weights and undersampling are all overrated").
///
/// Every token in a negation's reach also gets `negatedBy`, whoever speaks: wrong-claim detection
/// uses it, since "never oversample before the split" must not read as the claim it denies.
public enum Stance {
    public static let maximumReach = 10
    /// How far a dismissal reaches back.
    public static let maximumBackwardReach = 12
    /// A comma-separated fragment of at most this many words continues a list.
    static let maximumListItem = 5

    static let cues: Set<String> = ["not", "no", "never", "without", "nor", "neither", "none", "nothing", "nobody", "nowhere"]
    static let twoWordCues: Set<[String]> = [["instead", "of"], ["rather", "than"], ["far", "from"]]
    static let notNegating: Set<String> = ["only", "just", "simply", "merely", "matter", "doubt", "sure"]
    /// Words that deny without a stance: "a bigger GPU rarely fixes latency".
    static let weakNegations: Set<String> = ["rarely", "seldom", "hardly", "barely", "scarcely"]

    /// The speaker of a negation: with one of these before the cue in its clause, the candidate is
    /// stating their own position.
    static let speakers: Set<String> = ["i", "we", "you", "let", "us"]
    /// Pronouns that start a clause of their own inside a sentence.
    static let subjects: Set<String> = ["i", "we", "you", "they", "he", "she"]
    /// Verbs of leaving out after a negation: "I wouldn't forget X" asks for X.
    static let neglects: Set<String> = ["forget", "ignore", "neglect", "overlook", "skip", "underestimate", "dismiss", "discount", "leave", "drop"]
    /// The places a restriction keeps a technique away from.
    static let evaluationPlaces: Set<String> = ["test", "validation", "holdout", "evaluation", "eval", "production"]

    /// "…to the test data", "…on the validation set" in a negation's clause: it restricts where.
    static func isRestriction(from start: Int, in tokens: [Token]) -> Bool {
        guard start < tokens.count else { return false }
        let clause = tokens[start].clause
        var position = start
        while position + 1 < tokens.count, tokens[position].clause == clause, position < start + 12 {
            if ["to", "on", "in", "into", "inside", "for"].contains(tokens[position].word) {
                var next = position + 1
                if next < tokens.count, ["the", "a", "your", "our", "any"].contains(tokens[next].word) { next += 1 }
                if next < tokens.count, evaluationPlaces.contains(tokens[next].word) { return true }
            }
            position += 1
        }
        return false
    }

    /// Verbs of trust after a negation: "I wouldn't trust the softmax" doubts, it does not refuse.
    static let doubts: Set<String> = ["trust", "rely", "believe", "accept", "take", "assume"]
    /// Words after a negation that make it a statement of fact rather than a choice.
    static let counterfactual: Set<String> = ["have", "had", "been", "know", "knew", "known", "see", "saw", "seen", "realize", "realise", "notice", "noticed"]
    /// Words that may stand before an imperative cue at the start of a clause ("So just don't…").
    static let leadIns: Set<String> = ["so", "then", "just", "also", "honestly", "really", "definitely", "please", "simply", "but", "frankly", "personally", "certainly", "absolutely", "seriously", "again", "obviously", "clearly", "now"]
    /// Words after "no" that make it a rejection of what follows: "no need for", "no point in".
    static let noRejections: Set<String> = ["need", "point", "reason", "use", "sense", "benefit", "value"]
    /// A negation with one of these in its reach defers or qualifies rather than refuses.
    static let deferrals: Set<String> = [
        "first", "start", "starting", "begin", "beginning", "straight", "straightaway", "immediately", "blindly",
        "just", "only", "alone", "solely", "purely", "yet", "until", "unless", "before", "initially",
        "automatically", "jump", "jumping", "rush", "rushing", "default", "itself", "own", "everything",
        "always", "necessarily", "exclusively", "entirely", "completely", "anymore", "manually",
    ]
    static let avoidanceVerbs: Set<String> = ["avoid", "avoids", "avoiding", "avoided", "skip", "skips", "skipping", "forgo", "forgoes", "forgoing", "ditch", "ditches", "ditching", "abandon", "abandons", "abandoning", "eschew", "eschews", "forget"]
    static let avoidancePhrases: [[String]] = [
        ["stay", "away", "from"], ["steer", "clear", "of"], ["forget", "about"], ["give", "up", "on"], ["bother", "with"],
        ["get", "rid", "of"], ["throw", "out"],
    ]

    /// Dismissals that judge a thing's worth rather than its truth: they reject a practice ("SMOTE is
    /// useless") but agree with a risk ("accuracy is useless here"), so they exclude.
    static let worthDismissals: Set<String> = [
        "useless", "pointless", "harmful", "counterproductive", "worthless", "unhelpful", "ineffective", "futile",
        "misleading", "meaningless", "dangerous", "wrong",
    ]
    /// Words that say the thing before them is not worth having.
    static let dismissals: Set<String> = [
        "useless", "pointless", "unnecessary", "overrated", "overkill", "harmful", "counterproductive", "irrelevant",
        "worthless", "needless", "waste", "gimmick", "gimmicky", "hype", "overhyped", "myth", "nonsense", "overblown",
        "unhelpful", "ineffective", "futile", "distraction", "snake", "superfluous", "silly", "dumb", "stupid",
        "faff", "hassle", "busywork", "academic", "nicety", "luxury", "toy", "hack", "tedious", "fiddly", "paranoid",
        "paranoia", "overengineering", "overengineered", "overcomplicated", "overcomplicating", "dated", "obsolete",
        "outdated", "nightmare", "theatre", "theater", "bureaucracy", "fad", "buzzword", "overstated", "exaggerated",
        "wasted", "unrelated", "marketing", "overthinking", "gimmicks", "irrelevance", "optional", "crutch",
        "cargo", "theatrics", "vanity", "noise", "bloat", "boondoggle", "rubbish", "garbage", "junk",
    ]
    /// Words that, negated after a subject, say the subject is not worth having ("X isn't needed").
    static let merits: Set<String> = [
        "needed", "necessary", "required", "useful", "helpful", "worth", "important", "relevant", "valuable",
        "effective", "worthwhile", "beneficial", "advisable", "recommended", "wise", "appropriate", "applicable",
        "meaningful", "essential", "crucial", "critical", "needful", "problem", "concern", "issue", "risk", "deal",
        "thing", "option", "idea", "answer", "way", "priority", "factor", "real", "interesting", "good", "sensible",
    ]
    /// Merits that judge usefulness rather than truth or importance: "not useful" agrees with a risk
    /// ("not worth optimising" still denies that it matters).
    static let worthMerits: Set<String> = [
        "useful", "helpful", "effective", "beneficial", "advisable", "recommended", "wise",
        "appropriate", "applicable", "good", "sensible", "valuable",
    ]
    /// Merit verbs that judge worth: "doesn't help", "never works" (but "doesn't matter" denies importance).
    static let worthVerbs: Set<String> = ["help", "helps", "helped", "work", "works", "worked", "improve", "improves", "pay", "pays"]
    /// Verbs that, negated and ending the clause, dismiss their subject ("SMOTE doesn't help").
    static let meritVerbs: Set<String> = ["help", "helps", "helped", "work", "works", "worked", "matter", "matters", "mattered", "improve", "improves", "add", "adds", "pay", "pays", "apply", "applies"]
    /// What may follow such a verb and still end the thought ("doesn't help here", "doesn't work at all").
    static let meritVerbEndings: Set<String> = ["here", "much", "anything", "either", "anyway", "though", "off", "that", "anymore", "reliably", "with"]
    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "seems", "seem", "sounds", "sound", "feels", "feel", "looks", "look", "s", "am", "becomes", "become"]
    static let auxiliaries: Set<String> = ["do", "does", "did", "will", "would", "can", "could", "should", "might", "may", "must", "shall", "really"]
    /// Words that start another clause inside a sentence: a dismissal does not reach back past them.
    static let barriers: Set<String> = ["because", "since", "so", "that", "which", "who", "when", "whenever", "if", "unless", "while", "whereas", "until", "where", "then", "but", "although", "though"]
    /// Degree words between a verb and a dismissal ("is totally overrated", "is kind of a waste").
    static let degree: Set<String> = ["also", "lot", "bit", "little", "old", "really", "totally", "completely", "just", "pretty", "mostly", "largely", "quite", "kind", "sort", "of", "a", "an", "the", "all", "usually", "often", "simply", "honestly", "basically", "frankly", "generally", "very", "so", "too", "utterly", "absolutely", "mainly", "then", "actually", "always", "big", "huge", "massive", "real", "complete", "total"]

    /// Words without which no avoidance or dismissal can start: a text that has none needs no
    /// marking beyond negation (reference grading checks this before analysing a text twice).
    static let triggers: Set<String> = avoidanceVerbs.union(droppings).union(dismissals).union(worthDismissals).union(merits).union(meritVerbs)
        .union(avoidancePhrases.compactMap(\.first)).union(["too", "over", "slow", "slows", "makes", "made", "make", "worse", "bother", "just", "only", "costs", "cost", "for", "move"])

    public static func mark(_ tokens: inout [Token]) {
        var index = 0
        while index < tokens.count {
            if weakNegations.contains(tokens[index].word), index + 1 < tokens.count {
                // "rarely helps", "hardly matters": no stance, but no wrong claim is made of what follows.
                for position in (index + 1)..<reach(from: index + 1, of: index, in: tokens) where tokens[position].negatedBy == nil {
                    tokens[position].negatedBy = index
                }
            }
            if let (start, kind) = negation(at: index, in: tokens) {
                let end = reach(from: start, of: index, in: tokens)
                // A deferral or condition may come after the reach: "don't split a model … unless it won't fit".
                var clauseEnd = end
                while clauseEnd < tokens.count, clauseEnd < start + 2 * maximumReach, tokens[clauseEnd].clause == tokens[max(start, end - 1)].clause { clauseEnd += 1 }
                let stance = kind.flatMap { deferred(tokens, start..<max(end, clauseEnd)) ? nil : $0 }
                for position in start..<end {
                    if tokens[position].negatedBy == nil { tokens[position].negatedBy = index }
                    if let stance { set(&tokens[position], StanceMark(cue: index, kind: stance, source: .negation)) }
                }
            } else if let start = avoidance(at: index, in: tokens) {
                for position in start..<reach(from: start, of: index, in: tokens) {
                    set(&tokens[position], StanceMark(cue: index, kind: .excluded, source: .avoidance))
                }
            }
            if let kind = dismissal(at: index, in: tokens) {
                let source: StanceMark.Source = isOutcome(at: index, in: tokens) ? .outcome : .dismissal
                // "It never helped", "that's overkill": the subject is a pronoun, so the dismissal
                // judges what came before it, as a refusal without an object does.
                let positions = hasOnlyPronounSubject(before: index, in: tokens)
                    ? referentReach(before: index, in: tokens) : backwardReach(before: index, in: tokens)
                for position in positions {
                    set(&tokens[position], StanceMark(cue: index, kind: kind, source: source))
                }
            } else if isObjectlessRejection(at: index, in: tokens) {
                for position in referentReach(before: index, in: tokens) {
                    set(&tokens[position], StanceMark(cue: index, kind: .rejected, source: .dismissal))
                }
            }
            index += 1
        }
        markDismissiveClauses(&tokens)
    }

    private static func set(_ token: inout Token, _ mark: StanceMark) {
        if let current = token.stance, current.kind >= mark.kind { return }
        token.stance = mark
    }

    // MARK: Negation

    /// Where a negation starting at `index` begins its reach, and the stance it gives (`nil`: it
    /// negates without saying where the candidate stands, as in a question).
    static func negation(at index: Int, in tokens: [Token]) -> (start: Int, kind: StanceKind?)? {
        let token = tokens[index]
        if token.traits.contains(.twoWordCueStart), index + 1 < tokens.count,
           twoWordCues.contains([token.word, tokens[index + 1].word]) {
            // "I'd use class weights instead of SMOTE" rejects SMOTE; "a random rather than a time-based
            // split hides the problem" only describes.
            let chosen = token.word != "far" && !isConditional(before: index, in: tokens)
                && (hasSpeakerInSentence(before: index, in: tokens) || isImperative(before: index, in: tokens))
            return (index + 2, chosen ? .rejected : .described)
        }
        guard token.traits.contains(.negationCue) else { return nil }
        if index + 1 < tokens.count, tokens[index + 1].traits.contains(.notNegating), tokens[index + 1].clause == token.clause {
            // "not just X", "not only X": X is not denied (no stance), but no wrong claim is made of it either.
            return ["only", "just", "simply", "merely"].contains(tokens[index + 1].word) ? (index + 2, nil) : nil
        }
        let start = index + 1
        switch token.word {
        case "without":
            // "Without a time-based split you can't trust the numbers": a condition that calls for X;
            // "never deploy without a canary": a double negative that asks for it.
            return (start, isClauseInitial(index, in: tokens) || isNegated(index, in: tokens) ? nil : .described)
        case "no":
            if index + 1 < tokens.count, noRejections.contains(tokens[index + 1].word) { return (start, .rejected) }
            // "No SMOTE, no class weights": a choice; "the team had no monitoring": a fact.
            return (start, isClauseInitial(index, in: tokens) ? .excluded : .described)
        case "not", "never":
            if isConditional(before: index, in: tokens) || isPurpose(before: index, in: tokens) { return (start, .described) }
            // "we wouldn't have known", "I didn't see": a fact or a counterfactual, not a position.
            if index + 1 < tokens.count, counterfactual.contains(tokens[index + 1].word) { return (start, .described) }
            // "you can't audit it": a limitation, not a refusal; "I wouldn't trust its confidence": doubt.
            if index > 0, ["can", "could"].contains(tokens[index - 1].word) { return (start, .described) }
            if index + 1 < tokens.count, doubts.contains(tokens[index + 1].word) { return (start, .described) }
            // "I wouldn't forget X", "never skip X": a double negative that asks for X.
            if index + 1 < tokens.count, neglects.contains(tokens[index + 1].word) { return (start, nil) }
            // "Never apply SMOTE to the test data": a restriction of where, not a refusal.
            if isRestriction(from: start, in: tokens) { return (start, nil) }
            if hasSpeaker(before: index, in: tokens) { return (start, .rejected) }
            // An imperative: "Don't use X", "Never retrain blindly" (a bare "…, not Y" contrasts).
            let imperative = isClauseInitial(index, in: tokens) && (token.word == "never" || (index > 0 && tokens[index - 1].word == "do"))
            return (start, imperative ? .rejected : .described)
        default:
            // "nobody", "nothing", "none", "neither", "nor": said of the world.
            return (start, .described)
        }
    }

    /// The end (exclusive) of a cue's reach: its clause, at most `maximumReach` words, continued
    /// through list items separated by commas.
    static func reach(from start: Int, of cue: Int, in tokens: [Token]) -> Int {
        guard start < tokens.count else { return start }
        var clause = tokens[cue].clause
        var limit = start + maximumReach
        var position = start
        while position < tokens.count, position < limit {
            // "never deploy without a canary": the second negation takes over.
            if position > start, tokens[position].word == "without", tokens[cue].word != "without" { break }
            // "…outcome we don't know yet I'd count as churners": a new subject ends the reach.
            if position > start, subjects.contains(tokens[position].word), position + 1 < tokens.count,
               auxiliaries.contains(tokens[position + 1].word) || tokens[position + 1].word == "am" { break }
            if tokens[position].clause != clause {
                // "a p99 target rather than a mean, alongside throughput, memory…": what follows the
                // comparison's object belongs to the main clause, not to the list it rejects.
                guard tokens[position].opening == .comma, !twoWordCues.contains(where: { $0[0] == tokens[cue].word }),
                      isListItem(from: position, in: tokens) else { break }
                clause = tokens[position].clause
                limit = max(limit, position + maximumListItem + 1)
            }
            position += 1
        }
        return position
    }

    /// Whether the comma clause starting at `position` reads as one more item of a list: a few words
    /// with no subject or verb of their own, that end the list (with *and*, *or*, *nor*) or lead to
    /// another item. "If the data is not stationary, differencing helps" is no list.
    static func isListItem(from position: Int, in tokens: [Token]) -> Bool {
        guard let end = listFragmentEnd(from: position, in: tokens) else { return false }
        // "…, and recalibrate the probabilities afterwards" starts a clause of its own.
        if ["and", "or", "nor"].contains(tokens[position].word), end - position > 3 { return false }
        if tokens[position..<end].contains(where: { ["and", "or", "nor"].contains($0.word) }) { return true }
        return end < tokens.count && tokens[end].opening == .comma && isListItem(from: end, in: tokens)
    }

    /// The end of the fragment starting at `position` if it is short and has no subject or verb.
    static func listFragmentEnd(from position: Int, in tokens: [Token]) -> Int? {
        let clause = tokens[position].clause
        var end = position
        while end < tokens.count, tokens[end].clause == clause {
            let word = tokens[end].word
            if end - position > maximumListItem || clauseStarters.contains(word) && end == position
                || beForms.contains(word) && word != "s" || auxiliaries.contains(word) && word != "really" {
                return nil
            }
            end += 1
        }
        return end
    }

    /// Words that open a clause of its own rather than a list item.
    static let clauseStarters: Set<String> = [
        "i", "we", "you", "it", "they", "this", "that", "which", "he", "she", "there", "so", "then", "because",
        "with", "for", "in", "on", "at", "from", "by", "when", "if", "after", "before", "during", "given", "once",
        "otherwise", "let", "us", "as", "since", "while", "unless", "until",
    ]

    static func deferred(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.contains { position in
            guard deferrals.contains(tokens[position].word) else { return false }
            // "for a first version": an adjective, not "first" as in "not first".
            return !(position > 0 && ["a", "the", "our", "my", "its", "their", "your"].contains(tokens[position - 1].word))
        }
    }

    /// A speaker pronoun before `index` in its clause: "I would not", "we don't".
    static func hasSpeaker(before index: Int, in tokens: [Token], within reach: Int = 6) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause, index - position <= reach {
            if speakers.contains(tokens[position].word) { return true }
            position -= 1
        }
        return false
    }

    /// A speaker pronoun earlier in the sentence, across the clause that "instead" or "rather" opens:
    /// "I'd use class weights instead of SMOTE".
    static func hasSpeakerInSentence(before index: Int, in tokens: [Token]) -> Bool {
        var position = index - 1
        while position >= 0, tokens[position].sentence == tokens[index].sentence, index - position <= 16 {
            if speakers.contains(tokens[position].word) { return true }
            position -= 1
        }
        return false
    }

    /// A negation cue earlier in the clause, within a few words: "never deploy without…".
    static func isNegated(_ index: Int, in tokens: [Token]) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause, index - position <= 6 {
            if tokens[position].traits.contains(.negationCue) && tokens[position].word != "without" { return true }
            position -= 1
        }
        return false
    }

    /// "If you don't monitor, …": a condition, not a position.
    static func isConditional(before index: Int, in tokens: [Token]) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause {
            if ["if", "unless", "when", "once", "whether", "otherwise", "why"].contains(tokens[position].word) { return true }
            position -= 1
        }
        return false
    }

    /// "…, so we're not finding out weeks later": a result to avoid, not a position.
    static func isPurpose(before index: Int, in tokens: [Token]) -> Bool {
        let start = clauseStart(of: index, in: tokens)
        guard start < index, tokens[start].word == "so" else { return false }
        // "so I wouldn't bother" still refuses; "so we're not…", "so that it doesn't…" describe a result.
        return index - start <= 4 && (index + 1 >= tokens.count || !refusals.contains(tokens[index + 1].word))
    }

    /// "There is no…", "there was no…": an existence denied, not a choice.
    static func isExistential(before index: Int, in tokens: [Token]) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause, index - position <= 4 {
            if tokens[position].word == "there" { return true }
            position -= 1
        }
        return false
    }

    /// The clause before `index` starts with a verb the candidate tells: "Use class weights rather than
    /// SMOTE". (Only the verbs of advice an answer uses; no part-of-speech tagging.)
    static func isImperative(before index: Int, in tokens: [Token]) -> Bool {
        var start = clauseStart(of: index, in: tokens)
        // "instead" and "rather" open a clause of their own: the verb is in the one before.
        if start == index, index > 0, tokens[index - 1].sentence == tokens[index].sentence { start = clauseStart(of: index - 1, in: tokens) }
        var position = start
        while position < index, leadIns.contains(tokens[position].word) { position += 1 }
        return position < index && adviceVerbs.contains(tokens[position].word)
    }

    static let adviceVerbs: Set<String> = [
        "use", "try", "prefer", "pick", "choose", "go", "start", "apply", "add", "train", "retrain", "report", "monitor",
        "track", "compare", "check", "split", "weight", "tune", "set", "keep", "run", "deploy", "ship", "serve", "focus",
        "optimize", "optimise", "measure", "look", "rely", "fix", "build", "collect", "label", "move", "do",
    ]

    /// The cue starts its clause, after at most lead-in words: an imperative ("Don't use X").
    static func isClauseInitial(_ index: Int, in tokens: [Token]) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause {
            let word = tokens[position].word
            // The expansion of "don't" leaves "do" before "not".
            guard leadIns.contains(word) || word == "do" || word == "please" else { return false }
            position -= 1
        }
        return true
    }

    // MARK: Avoidance

    /// Where an avoidance starting at `index` begins its reach.
    static func avoidance(at index: Int, in tokens: [Token]) -> Int? {
        let word = tokens[index].word
        // "I wouldn't skip X", "never forget about X": the negation turns it into a call for X.
        if index > 0, tokens[index - 1].traits.contains(.negationCue) || (index > 1 && tokens[index - 2].traits.contains(.negationCue) && tokens[index - 1].word == "really") { return nil }
        if avoidanceVerbs.contains(word) { return index + 1 }
        for phrase in avoidancePhrases where phrase[0] == word && index + phrase.count <= tokens.count {
            if zip(phrase, tokens[index..<index + phrase.count]).allSatisfy({ $0 == $1.word }) {
                // "bother with" rejects only when negated ("I wouldn't bother with").
                if phrase[0] == "bother" { return nil }
                return index + phrase.count
            }
        }
        return nil
    }

    // MARK: Dismissal

    /// The stance a dismissive predicate starting at `index` gives the words before it: `.excluded`
    /// for a judgement of worth ("is useless"), `.rejected` for any other, `nil` when none starts here.
    static func dismissal(at index: Int, in tokens: [Token]) -> StanceKind? {
        guard isDismissal(at: index, in: tokens), !isConditional(before: index, in: tokens) else { return nil }
        // "too slow", "too much work": a judgement of cost, like "useless".
        if tokens[index].word == "too" || tokens[index].word == "slow" || tokens[index].word == "slows" { return .excluded }
        var position = index
        while position < tokens.count, position <= index + 6, tokens[position].clause == tokens[index].clause {
            let word = tokens[position].word
            // "X is useless", "X doesn't help", "X isn't worth it": of a practice a refusal, of a risk an
            // agreement ("train it on a few hundred images and it just doesn't work").
            if worthDismissals.contains(word) || worthMerits.contains(word) || worthVerbs.contains(word) { return .excluded }
            if dismissals.contains(word) || merits.contains(word) { return .rejected }
            position += 1
        }
        return .rejected
    }

    /// Whether the dismissal at `index` predicts an outcome ("won't work", "makes it worse", "slows things
    /// down") rather than judging worth or truth.
    static func isOutcome(at index: Int, in tokens: [Token]) -> Bool {
        let word = tokens[index].word
        return auxiliaries.contains(word) || word == "never" || rarely.contains(word) || ["makes", "made", "make", "slow", "slows"].contains(word)
    }

    /// Whether a dismissive predicate starts at `index`: a verb or a negation that judges the words
    /// before it.
    static func isDismissal(at index: Int, in tokens: [Token]) -> Bool {
        let cue = tokens[index].word
        let clause = tokens[index].clause
        func word(at offset: Int) -> String? {
            let position = index + offset
            guard position < tokens.count, tokens[position].clause == clause else { return nil }
            return tokens[position].word
        }
        // "X is (really) overrated", "X is a waste of time", "X is overkill".
        if beForms.contains(cue) {
            var offset = 1
            while let next = word(at: offset), degree.contains(next), offset < 5 { offset += 1 }
            if let next = word(at: offset), dismissals.contains(next) || worthDismissals.contains(next) && next != "wrong" && next != "misleading" { return true }
            // "is a research toy", "is an academic curiosity": one word between an article and the noun.
            if offset >= 2, let article = word(at: offset - 1), ["a", "an"].contains(article), let next = word(at: offset + 1), dismissals.contains(next) { return true }
            // "X is not needed", "X isn't a problem", "X is not worth it".
            if let next = word(at: offset), next == "not" || next == "never" || next == "hardly" {
                var after = offset + 1
                while let more = word(at: after), degree.contains(more), after < offset + 4 { after += 1 }
                if let merit = word(at: after), merits.contains(merit) { return !isQualified(after: index + after, in: tokens) }
                // "X isn't something I'd spend time on", "X is not something we need".
                if word(at: after) == "something", let who = word(at: after + 1), speakers.contains(who) { return true }
            }
            return false
        }
        // "X is old school".
        if cue == "old", word(at: 1) == "school", index > 0, beForms.contains(tokens[index - 1].word) || degree.contains(tokens[index - 1].word) { return true }
        // "X is too much work", "X is far too complex".
        if cue == "too", let next = word(at: 1), tooMuch.contains(next) {
            // After "is", "seems"…, possibly with "far" or "just" between: "gets too heavy" describes.
            var before = index - 1
            while before >= 0, tokens[before].clause == tokens[index].clause, ["far", "way", "just", "simply", "much", "really", "a", "bit", "little"].contains(tokens[before].word) { before -= 1 }
            return before >= 0 && tokens[before].clause == tokens[index].clause && beForms.contains(tokens[before].word)
        }
        // "X is over-engineering", "X is overkill" written "over kill".
        if cue == "over", let next = word(at: 1), ["engineering", "engineered", "complicated", "complicating", "kill", "hyped"].contains(next) {
            return index > 0 && (beForms.contains(tokens[index - 1].word) || degree.contains(tokens[index - 1].word))
        }
        // "X just slows things down".
        if cue == "slow" || cue == "slows", word(at: 1) == "down" || word(at: 2) == "down" || word(at: 3) == "down" { return true }
        // "X just adds noise", "X only adds complexity".
        if cue == "just" || cue == "only", let verb = word(at: 1), ["adds", "add", "added", "creates", "introduces"].contains(verb),
           let object = word(at: 2), ["noise", "complexity", "overhead", "bloat", "confusion", "headaches"].contains(object) { return true }
        // "X costs more than it saves".
        if cue == "costs" || cue == "cost", word(at: 1) == "more", word(at: 2) == "than", let what = word(at: 4) ?? word(at: 3), ["saves", "save", "gains", "gain", "earns", "returns", "worth"].contains(what) { return true }
        // "that's for academics", "it's for big tech".
        // ("that's" loses its "'s" to the tokenizer: "that for big tech".)
        if cue == "for", index > 0, beForms.contains(tokens[index - 1].word) || ["that", "it", "this"].contains(tokens[index - 1].word), let who = word(at: 1),
           ["academics", "academia", "researchers", "papers", "kaggle", "google", "big", "textbooks", "theorists", "statisticians", "show"].contains(who) { return true }
        // "X doesn't move the needle".
        if auxiliaries.contains(cue), word(at: 1) == "not", word(at: 2) == "move", word(at: 4) == "needle" { return true }
        // "X doesn't help", "X won't work here", "X never helps", "X rarely pays off", "never once helped".
        if (auxiliaries.contains(cue) && word(at: 1) == "not") || cue == "never" || rarely.contains(cue) {
            var offset = cue == "never" || rarely.contains(cue) ? 1 : 2
            if word(at: offset) == "ever" || word(at: offset) == "once" || word(at: offset) == "actually" { offset += 1 }
            if word(at: offset) == "really" { offset += 1 }
            // "The LSTM never once beat last month's average."
            if let verb = word(at: offset), ["beat", "beats", "outperform", "outperformed", "outperforms"].contains(verb) { return true }
            if let verb = word(at: offset), meritVerbs.contains(verb) {
                guard let following = word(at: offset + 1) else { return true }
                return meritVerbEndings.contains(following) || (following == "at" && word(at: offset + 2) == "all")
            }
            if cue == "never", let verb = word(at: offset), dismissals.contains(verb) || worthDismissals.contains(verb) { return true }
            return false
        }
        // "X makes it worse", "X hurts".
        if cue == "makes" || cue == "made" || cue == "make" {
            var offset = 1
            if let object = word(at: offset), ["it", "things", "everything", "them", "results", "performance", "matters", "the"].contains(object) { offset += 1 }
            if word(at: offset) == "model" { offset += 1 }
            return word(at: offset) == "worse"
        }
        return false
    }

    static let rarely: Set<String> = ["rarely", "hardly", "seldom"]
    /// What "too" may dismiss: "too much work", "too complex".
    static let tooMuch: Set<String> = ["much", "complex", "complicated", "heavy", "expensive", "costly", "fiddly", "academic", "fancy", "risky", "slow", "hard", "difficult", "messy"]

    /// "not important enough"? No: a merit followed by a qualifier of degree is still a dismissal;
    /// only "not the only…", "not enough…" would be qualifications, and those words are not merits.
    static func isQualified(after position: Int, in tokens: [Token]) -> Bool {
        guard position + 1 < tokens.count, tokens[position + 1].clause == tokens[position].clause else { return false }
        // "not a problem for the model, but…" still dismisses; "not a problem if you…" conditions it.
        return ["if", "unless", "when", "as"].contains(tokens[position + 1].word)
    }

    /// The tokens a dismissal at `index` reaches back over: its clause back to a barrier word, and
    /// on through the items of a list before it.
    static func backwardReach(before index: Int, in tokens: [Token]) -> [Int] {
        var positions: [Int] = []
        var clause = tokens[index].clause
        var position = index - 1
        while position >= 0, index - position <= maximumBackwardReach {
            let token = tokens[position]
            if token.clause != clause {
                // Crossing a comma back into an earlier list item.
                guard tokens[position + 1].opening == .comma, listFragmentEnd(from: clauseStart(of: position, in: tokens), in: tokens) != nil else { break }
                clause = token.clause
            }
            if barriers.contains(token.word) { break }
            positions.append(position)
            position -= 1
        }
        return positions
    }

    static func clauseStart(of position: Int, in tokens: [Token]) -> Int {
        var start = position
        while start > 0, tokens[start - 1].clause == tokens[position].clause { start -= 1 }
        return start
    }
}

// MARK: Rejections without an object

extension Stance {
    /// Verbs a speaker refuses without naming what: "so I wouldn't bother", "I'd never use them".
    static let refusals: Set<String> = ["bother", "go", "touch", "use", "do", "recommend", "need", "want", "care", "spend", "waste", "trust", "include", "try", "worry", "bet", "rely", "consider"]
    /// Verbs a speaker drops things with: "I'd skip it", "I'd ignore them".
    static let droppings: Set<String> = ["skip", "avoid", "ignore", "drop", "ditch", "forget", "steer", "leave"]
    /// Words that may follow such a verb before the clause ends.
    static let objectless: Set<String> = ["it", "them", "that", "this", "those", "these", "entirely", "completely", "altogether", "either", "too", "both", "with", "there", "clear", "about", "anyway", "here", "at", "all", "off", "away", "for", "now", "on", "out", "time", "effort", "energy", "money", "much", "of", "honestly", "frankly", "really", "in", "practice", "my", "experience", "opinion"]
    /// Words that end what a refusal says and start its reason: "I'd avoid it since…".
    static let reasons: Set<String> = ["since", "because", "as", "given", "unless", "if", "when", "until"]
    /// What may open a clause before a bare "not needed": "also not worth it", "so, no need".
    static let bareOpeners: Set<String> = ["also", "just", "really", "so", "and", "but", "honestly", "it", "s", "that", "is", "are", "again", "then", "simply", "frankly", "definitely", "same", "probably", "in", "practice", "reality", "my", "opinion", "view", "experience", "they", "these", "those", "this", "usually", "often", "mostly"]

    /// Whether a clause-ending refusal that names nothing starts at `index`: "so I wouldn't bother",
    /// "I'd skip it", "not needed", "no need", "not worth it". It rejects what the sentence was about.
    /// Whether only pronouns and small words stand between the start of `index`'s clause and it.
    static func hasOnlyPronounSubject(before index: Int, in tokens: [Token]) -> Bool {
        let start = clauseStart(of: index, in: tokens)
        guard start < index else { return false }
        return (start..<index).allSatisfy { !isContent(tokens[$0]) } && (start..<index).contains { ["it", "that", "this", "they", "those", "these", "s"].contains(tokens[$0].word) }
    }

    static func isObjectlessRejection(at index: Int, in tokens: [Token]) -> Bool {
        let token = tokens[index]
        let clause = token.clause
        func word(at offset: Int) -> String? {
            let position = index + offset
            guard position < tokens.count, tokens[position].clause == clause else { return nil }
            return tokens[position].word
        }
        /// The clause ends at `offset`, after at most a few words that name nothing.
        func endsBy(_ offset: Int) -> Bool {
            var offset = offset
            while let next = word(at: offset) {
                if reasons.contains(next) { return true }
                guard objectless.contains(next) || degree.contains(next) else { return false }
                offset += 1
            }
            return true
        }
        // "I wouldn't bother", "we'd never use them", "I don't trust it".
        if (token.word == "not" || token.word == "never"), hasSpeaker(before: index, in: tokens), let verb = word(at: 1) {
            if refusals.contains(verb) { return endsBy(2) }
            if verb == "really", let next = word(at: 2), refusals.contains(next) { return endsBy(3) }
            return false
        }
        // "I'd skip it", "we would avoid them", "I'd steer clear".
        if droppings.contains(token.word), hasSpeaker(before: index, in: tokens) {
            return endsBy(1)
        }
        // "Pointless.", "Total overkill.", "A waste of time.": a dismissal standing alone.
        if dismissals.contains(token.word) || worthDismissals.contains(token.word) && token.word != "wrong" && token.word != "misleading" {
            let start = clauseStart(of: index, in: tokens)
            return (start..<index).allSatisfy { degree.contains(tokens[$0].word) || bareOpeners.contains(tokens[$0].word) } && endsBy(1)
        }
        // "Not needed.", "also not worth it", "no need", "no point".
        if token.word == "not" || token.word == "no" {
            guard isBare(before: index, in: tokens) else { return false }
            var offset = 1
            while let next = word(at: offset), degree.contains(next), offset < 3 { offset += 1 }
            guard let merit = word(at: offset) else { return false }
            if token.word == "no" { return noRejections.contains(merit) }
            // "Not for us." dismisses; "X is for debugging, not for justifying decisions" contrasts two uses.
            return merits.contains(merit) || merit == "for" && !isContrastOfUses(at: index, in: tokens)
        }
        return false
    }

    /// "…for A, not for B": the clause before, in the same sentence, already said what the thing is for.
    static func isContrastOfUses(at index: Int, in tokens: [Token]) -> Bool {
        let start = clauseStart(of: index, in: tokens)
        guard start > 0, tokens[start].opening == .comma else { return false }
        var position = start - 1
        let clause = tokens[position].clause
        while position >= 0, tokens[position].clause == clause, tokens[position].sentence == tokens[index].sentence {
            if tokens[position].word == "for" { return true }
            position -= 1
        }
        return false
    }

    /// Only opening words stand before `index` in its clause.
    static func isBare(before index: Int, in tokens: [Token]) -> Bool {
        let clause = tokens[index].clause
        var position = index - 1
        while position >= 0, tokens[position].clause == clause {
            guard bareOpeners.contains(tokens[position].word) else { return false }
            position -= 1
        }
        return true
    }

    /// What a rejection without an object reaches back over: its own clause when that names something
    /// before it ("SMOTE I'd skip"); otherwise back to the start of the sentence (or a semicolon), and
    /// into the sentence before when this one names nothing ("Anomaly detection? I'd skip it.").
    static func referentReach(before index: Int, in tokens: [Token]) -> [Int] {
        let start = clauseStart(of: index, in: tokens)
        if (start..<index).contains(where: { isContent(tokens[$0]) }) { return Array(start..<index) }
        var positions: [Int] = []
        var position = start - 1
        let sentence = tokens[index].sentence
        var reachedContent = false
        while position >= 0, tokens[position].sentence == sentence, index - position <= 20 {
            if tokens[position + 1].opening == .other, position + 1 < start, isSemicolonLike(tokens, position + 1) { break }
            // A quoted or coordinated clause that names something is the referent: in 'it can't tell you
            // why, and "the network said so" is not an answer' the quote is refused, not the clause before.
            if reachedContent, opensReferent(at: position + 1, in: tokens) { break }
            if isContent(tokens[position]) { reachedContent = true }
            positions.append(position)
            position -= 1
        }
        if !positions.contains(where: { isContent(tokens[$0]) }), position >= 0 {
            // The sentence before, when short: a topic and a question mark.
            let previous = tokens[position].sentence
            let first = (0...position).last { tokens[$0].sentence != previous }.map { $0 + 1 } ?? 0
            if position - first < 8 {
                var from = position
                while from > first, !(opensReferent(at: from, in: tokens) && (from...position).contains { isContent(tokens[$0]) }) { from -= 1 }
                positions += Array(from...position)
            }
        }
        return positions
    }

    /// A clause of its own starts at `position`: one opened by a quotation mark or a parenthesis, or by
    /// "and", "but", "or" ("…, and distillation? Not worth it"); a bare comma continues the thought.
    static func opensReferent(at position: Int, in tokens: [Token]) -> Bool {
        guard position > 0, tokens[position].clause != tokens[position - 1].clause else { return false }
        return tokens[position].opening == .mark || ["and", "but", "or"].contains(tokens[position].word)
    }

    static func isContent(_ token: Token) -> Bool {
        !token.traits.contains(.function) && !GenericWords.contains(token) && !speakers.contains(token.word)
            && !token.traits.contains(.negationCue) && !objectless.contains(token.word) && !refusals.contains(token.word)
    }

    /// Whether the clause that opens at `position` was opened by a semicolon or colon rather than a comma
    /// or a word such as "so": such a clause starts a new thought. (The tokenizer keeps only that the
    /// opening was not a comma; a clause opened by a word starts with that word.)
    static func isSemicolonLike(_ tokens: [Token], _ position: Int) -> Bool {
        !Tokenizer.clauseBreakWords.contains(tokens[position].word) && !["so", "and", "then"].contains(tokens[position].word)
    }
}

// MARK: Dismissive tone

extension Stance {
    /// Words that give a clause a dismissive tone wherever they stand in it: "the leakage boogeyman is
    /// massively overblown", "stationarity? Textbook trivia", "walk-forward validation is charming in
    /// theory", "transformers strike me as a matter for big tech".
    static let tone: Set<String> = realityTone.union(worthTone)
    /// Tone that denies a thing's truth or importance: it rejects a risk as well as a practice ("the
    /// leakage boogeyman is overblown").
    static let realityTone: Set<String> = [
        "overblown", "overrated", "overstated", "overhyped", "trivia", "boogeyman", "bogeyman", "curiosity",
        "charming", "fad", "hype", "buzzword", "buzzwords", "nonsense", "nicety", "niceties", "luxury", "theatre",
        "theater", "ritual", "rituals", "dogma", "cargo", "fetish", "obsession", "obsessed", "zealots", "purists",
        "placebo", "pedantic", "pedantry", "lecture", "lectures", "preach", "preaches", "sermon", "handwringing",
        "paranoid", "paranoia", "academic", "academics", "academia", "enjoy", "preoccupation", "conferences",
        "kaggle", "vanity", "ceremony", "bureaucracy", "myth",
    ]
    /// Tone that judges a thing's worth: it rejects a practice ("SMOTE is a waste of time") but agrees
    /// with a risk ("deep nets are a nightmare to debug", "useless without labels").
    static let worthTone: Set<String> = [
        "overkill", "pointless", "useless", "worthless", "gimmick", "gimmicky", "waste", "wasting", "wasted", "nightmare",
        "crutch", "bloat", "boondoggle", "snake", "overengineering", "overcomplicating", "needless", "unnecessary",
        "superfluous", "silly", "dumb", "stupid", "rubbish", "garbage", "junk", "excessive", "fussy", "busywork",
        "overthinking",
    ]
    /// Verbs of opinion: after "I would" they judge rather than propose ("I would suggest that X is overrated").
    static let opinions: Set<String> = ["suggest", "say", "argue", "think", "regard", "consider", "call", "describe", "class", "put", "count", "file", "rate", "submit", "venture", "guess", "imagine"]
    /// In a clause with one of these the candidate is also proposing something: "use class weights
    /// instead; SMOTE is overkill" keeps its proposal.
    static let proposals: Set<String> = ["instead", "prefer", "recommend", "recommended"]

    /// A clause with a word of dismissive tone and no proposal rejects the concepts it names; one that
    /// names nothing else ("Textbook trivia.", "A nightmare to debug.") rejects what the sentence, or the
    /// short sentence before it ("LSTMs?"), named.
    static func markDismissiveClauses(_ tokens: inout [Token]) {
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].clause == tokens[start].clause { end += 1 }
            defer { start = end }
            guard let cue = (start..<end).first(where: { tone.contains(tokens[$0].word) && !isDenied($0, in: tokens) }) ?? toneCue(in: start..<end, tokens: tokens),
                  !isProposing(start..<end, in: tokens) else { continue }
            let kind: StanceKind = realityTone.contains(tokens[cue].word) ? .rejected : .excluded
            let names = (start..<end).contains { $0 != cue && isContent(tokens[$0]) && !tone.contains(tokens[$0].word) && !degree.contains(tokens[$0].word) }
            let positions = names ? Array(start..<end) : referentReach(before: start < cue ? start : cue, in: tokens) + Array(start..<end)
            for position in positions where position != cue {
                set(&tokens[position], StanceMark(cue: cue, kind: kind, source: .dismissal))
            }
        }
    }

    /// A word of dismissive tone that is itself denied affirms: "interpretability is not a luxury",
    /// "data hunger is no myth", "this isn't academic".
    static func isDenied(_ position: Int, in tokens: [Token]) -> Bool {
        var look = position - 1
        while look >= 0, position - look <= 4, tokens[look].clause == tokens[position].clause {
            let word = tokens[look].word
            if ["not", "no", "never", "hardly", "nothing"].contains(word) { return true }
            guard degree.contains(word) || tone.contains(word) || ["some", "mere", "merely", "any"].contains(word) else { return false }
            look -= 1
        }
        return false
    }

    /// Phrases of dismissive tone made of common words: "nothing more", "costs (a good deal) more than it
    /// saves", "(never) seen the point".
    static func toneCue(in range: Range<Int>, tokens: [Token]) -> Int? {
        let words = range.map { tokens[$0].word }
        for (offset, word) in words.enumerated() {
            let next = offset + 1 < words.count ? words[offset + 1] : ""
            if word == "nothing" && next == "more" { return range.lowerBound + offset }
            if word == "point", offset >= 2, words[max(0, offset - 3)..<offset].contains(where: { ["see", "seen", "saw"].contains($0) }),
               words[0..<offset].contains(where: { $0 == "not" || $0 == "never" }) { return range.lowerBound + offset }
            if word == "cost" || word == "costs", let more = words[offset...].firstIndex(of: "more"), more - offset <= 5,
               words[more...].contains(where: { ["save", "saves", "saved", "gain", "gains", "worth"].contains($0) }) { return range.lowerBound + offset }
        }
        return nil
    }

    /// The clause proposes something: a speaker with a modal that is not negated ("I'd use…", but not
    /// "I would suggest that…", which judges), an advice verb at its start, or a word of preference.
    static func isProposing(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        if range.contains(where: { proposals.contains(tokens[$0].word) }) { return true }
        for position in range where speakers.contains(tokens[position].word) {
            var next = position + 1
            guard next < range.upperBound, ["would", "will", "can", "could", "should", "need", "want", "use", "recommend", "prefer", "start"].contains(tokens[next].word) else { continue }
            next += 1
            while next < range.upperBound, degree.contains(tokens[next].word) || tokens[next].word.hasSuffix("ly") { next += 1 }
            guard next < range.upperBound else { continue }
            let verb = tokens[next].word
            if verb != "not" && verb != "never" && !opinions.contains(verb) { return true }
        }
        var first = range.lowerBound
        while first < range.upperBound, leadIns.contains(tokens[first].word) { first += 1 }
        return first < range.upperBound && adviceVerbs.contains(tokens[first].word)
    }
}

extension Stance {
    /// The clauses that deny something's truth or importance and propose nothing: how dismissive an
    /// answer is. (Judgements of worth do not count: an answer about deep learning's limits calls
    /// things useless and a nightmare as a matter of course.)
    static func toneClauseCount(in tokens: [Token]) -> Int {
        var count = 0
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].clause == tokens[start].clause { end += 1 }
            if (start..<end).contains(where: { realityTone.contains(tokens[$0].word) && !isDenied($0, in: tokens) }), !isProposing(start..<end, in: tokens) { count += 1 }
            start = end
        }
        return count
    }

    /// Whether the clause that holds `position` proposes something ("I'd use…", "compare…").
    static func isProposingClause(containing position: Int, in tokens: [Token]) -> Bool {
        let start = clauseStart(of: position, in: tokens)
        var end = position
        while end < tokens.count, tokens[end].clause == tokens[position].clause { end += 1 }
        return isProposing(start..<end, in: tokens)
    }
}
