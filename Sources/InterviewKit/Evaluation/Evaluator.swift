import Foundation

/// Scores answers to one question against its rubric. Deterministic: the same answer and rubric
/// always give the same `Evaluation`.
///
/// Build one per question and reuse it: the rubric's phrases are stemmed once, here.
///
/// An answer is scored in steps, each a function below: the concepts it endorses (``conceptCredits``:
/// stance and substance decide how much each mention earns), the wrong claims it makes
/// (``WrongClaims``), the structure stages in order, the length of what says something, and
/// delivery; then the components are weighted, a missed required concept caps the score, and each
/// wrong claim takes its penalty off.
public struct Evaluator: Sendable {
    /// Stored with every evaluation; bump it whenever a change to the engine can change a score.
    public static let engineVersion = "mock-interview-engine/2.0"
    /// Added to the engine's name when WordNet's synonyms were not used.
    public static let withoutSynonyms = " (without synonyms)"
    /// Only this many characters (Unicode scalars) of an answer are scored — some 15,000 words, far
    /// beyond any spoken answer — so that whatever is piped in, an evaluation takes bounded time and
    /// memory. Evidence ranges stay offsets into the whole answer.
    public static let maximumAnswerLength = 100_000
    /// A score with a required concept missing goes no higher.
    public static let requiredConceptCap = 60.0
    /// Coverage (after substance) that earns length and delivery in full; below, they shrink with it.
    public static let coverageForFullRelevance = 0.25
    /// Coverage (after substance) that earns the structure component in full; below, it shrinks with it.
    public static let coverageForFullStructure = 0.5
    /// Concepts' mean credit that earns length and delivery in full; below, they shrink with it.
    public static let creditForFullRelevance = 0.75
    /// An answer with this many dismissals (concepts rejected and clauses of dismissive tone) credits
    /// only what it proposes.
    static let dismissalsForDismissiveAnswer = 3
    /// A concept rejected somewhere in the answer keeps only mentions with at least this substance factor.
    static let mentionOutweighingRejection = 0.75
    /// A follow-up's answer is held to a shorter band: this share of the question's.
    static let followUpLength = (min: 0.3, max: 0.6)

    public let question: Question
    let tokenizer: Tokenizer
    let concepts: [(concept: Concept, phrases: [CompiledPhrase])]
    let stages: [(stage: Stage, cues: [CompiledPhrase])]
    let wrongClaims: WrongClaims
    let questionWords: QuestionWords
    /// Per follow-up node with a prompt of its own: the words of the question and of that prompt.
    let followUpWords: [String: QuestionWords]

    /// The concepts' phrases with WordNet's synonyms, compiled on the first evaluation.
    let synonymPhrases: SynonymPhrases?

    /// What the evaluations say they were scored by: the engine's version, and whether WordNet's
    /// synonyms were at hand (an evaluation without them is rescored once they are). Asking waits for
    /// the lexicon to load.
    public var engine: String {
        synonymPhrases?.similarWords.lexicon == nil ? Self.engineVersion + Self.withoutSynonyms : Self.engineVersion
    }

    /// `similarWords` lets a synonym stand for a word of a rubric phrase (`SimilarWords`); without it
    /// only the phrases' own words match.
    public init(question: Question, tokenizer: Tokenizer = Tokenizer(), similarWords: SimilarWords? = nil) {
        self.question = question
        self.tokenizer = tokenizer
        synonymPhrases = similarWords.map(SynonymPhrases.init)
        concepts = question.rubric.concepts.map { concept in
            (concept, concept.phrases.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) }
                + concept.abbreviations.map { CompiledPhrase($0, kind: .exact, tokenizer: tokenizer) })
        }
        stages = question.rubric.stages.map { stage in
            (stage, stage.cues.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) })
        }
        wrongClaims = WrongClaims(question.rubric.misconceptions, tokenizer: tokenizer)
        questionWords = QuestionWords([question.prompt], tokenizer: tokenizer)
        var followUps: [String: QuestionWords] = [:]
        for node in question.dialogue.nodes.dropFirst() {
            if let prompt = node.prompt { followUps[node.id] = QuestionWords([question.prompt, prompt], tokenizer: tokenizer) }
        }
        followUpWords = followUps
    }

    /// Does now what the first evaluation would otherwise wait for: reading WordNet's tables and
    /// compiling the phrases' synonyms.
    func prepare() {
        _ = synonymPhrases?.phrases(from: concepts)
    }

    /// The first ``maximumAnswerLength`` characters of `answer`, and its full length when it is longer.
    static func scoredPart(of answer: String) -> (text: String, fullLength: Int?) {
        // A scalar takes at least one UTF-8 byte: an answer of no more bytes is whole (and counting
        // its bytes costs nothing, unlike walking its scalars).
        if answer.utf8.count <= maximumAnswerLength { return (answer, nil) }
        let scalars = answer.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: maximumAnswerLength, limitedBy: scalars.endIndex),
              end != scalars.endIndex else { return (answer, nil) }
        return (String(scalars[..<end]), scalars.count)
    }

    /// Evaluates `answer` to the opening question; `duration` (seconds from first input to
    /// submission) adds words per minute.
    public func evaluate(_ answer: String, duration: Double? = nil) -> Evaluation {
        evaluate(answer, duration: duration, node: nil)
    }

    /// Evaluates `answer` to the dialogue node `nodeID`: a follow-up that `asks` for concepts is scored
    /// against those (and its answers are held to a shorter length band); the opening node, or a
    /// follow-up that names none, against the whole rubric.
    public func evaluate(_ answer: String, duration: Double? = nil, node nodeID: String?) -> Evaluation {
        let node = nodeID.flatMap { question.dialogue.node($0) }
        let isFollowUp = node != nil && nodeID != question.dialogue.start?.id
        let focus = isFollowUp ? Set(node?.asks ?? []) : []
        let words = isFollowUp ? followUpWords[nodeID ?? ""] ?? questionWords : questionWords
        return score(answer, duration: duration, focus: focus, isFollowUp: isFollowUp, questionWords: words)
    }

    private func score(_ answer: String, duration: Double?, focus: Set<String>, isFollowUp: Bool, questionWords: QuestionWords) -> Evaluation {
        let (scored, cut) = Self.scoredPart(of: answer)
        let text = tokenizer.analyze(scored)
        let matcher = PhraseMatcher(text)
        let rubric = question.rubric
        var notes: [String] = []
        if let cut {
            notes.append("Only the first \(Self.maximumAnswerLength) characters of \(cut) were scored; an answer is rarely a tenth as long.")
        }
        let claims = wrongClaims.find(in: text, matcher: matcher)
        let keywords = ProseShape.keywordTokens(text)
        let prose = ProseShape.measure(text, keywordTokens: keywords)
        let phrases = synonymPhrases?.phrases(from: concepts)
        let credits = conceptCredits(text, matcher: matcher, concepts: phrases ?? concepts, claims: claims, keywords: keywords, questionWords: questionWords)
        var weights = rubric.weights
        if isFollowUp { weights.structure = 0 }
        let coverage = Coverage(credits, rubric: rubric, weights: weights, focus: focus, isFollowUp: isFollowUp, prose: prose, text: text)
        notes += coverage.notes(prose: prose)

        // Structure, length and delivery count as far as the answer is on topic and says something about it.
        let onTopic = min(1, coverage.value / Self.coverageForFullRelevance)
        let relevance = onTopic * min(1, coverage.meanCredit / Self.creditForFullRelevance)
        // An answer's shape earns in full only with half the rubric's substance behind it.
        let structure = isFollowUp ? nil : StructureResult(
            stages: stages, rubric: rubric, matcher: matcher, text: text, credits: credits, prose: prose,
            onTopic: min(1, coverage.value / Self.coverageForFullStructure)
        )
        let band = isFollowUp ? followUpBand : rubric.length
        let length = Self.lengthValue(words: credits.substance.substantiveWordCount, band: band) * relevance
        let delivery = DeliveryAnalyzer.analyze(text, duration: duration, keywordShare: prose.keywordShare)
        let deliveryValue = Self.deliveryValue(delivery, words: text.wordCount) * relevance
        if relevance < 1 && text.wordCount > 0 {
            notes.append("Length and delivery counted at \(Self.percent(relevance)): they earn in full once the answer covers a quarter of \(focus.isEmpty ? "the rubric" : "what was asked") and says something about what it names.")
        }
        let padding = text.wordCount - credits.substance.substantiveWordCount
        if text.wordCount >= band.min, padding * 2 > text.wordCount {
            notes.append("\(padding) of \(text.wordCount) words stand in sentences that name topics without saying anything about them; they do not count towards the length.")
        }

        let components = Self.components(
            coverage: coverage, structure: structure, length: length, delivery: (deliveryValue, delivery),
            words: text.wordCount, band: band, weights: weights
        )
        var score = components.reduce(0) { $0 + $1.points }
        let missedRequired = coverage.missed.filter(\.required)
        if !missedRequired.isEmpty && score > Self.requiredConceptCap && focus.isEmpty {
            score = Self.requiredConceptCap
            notes.append("Score capped at \(Int(Self.requiredConceptCap)): a required concept is missing (\(missedRequired.map(\.label).joined(separator: "; "))).")
        }
        let flags = claims.map { redFlag(for: $0, in: text) }
        let penalty = flags.reduce(0) { $0 + $1.penalty }
        if penalty > 0 {
            notes.append("\(Self.round(min(penalty, score))) points off for \(flags.count == 1 ? "a wrong claim" : "\(flags.count) wrong claims") (see the red flags).")
            score = max(0, score - penalty)
        }
        return Evaluation(
            question: question.id, score: Self.round(score), components: components.map(Self.rounded),
            concepts: ConceptResults(found: coverage.found.map(Self.rounded), missed: coverage.missed.map(Self.rounded), negated: coverage.rejected),
            stages: structure?.results ?? [], words: text.wordCount, sentences: text.sentences.count, delivery: delivery,
            flags: flags, focus: focus.isEmpty ? [] : rubric.concepts.map(\.id).filter(focus.contains),
            notes: notes, engine: phrases == nil ? Self.engineVersion + Self.withoutSynonyms : Self.engineVersion,
            rubricHash: question.contentHash
        )
    }

    /// The length band of a follow-up's answer.
    var followUpBand: LengthBand {
        let band = question.rubric.length
        let low = max(10, Int(Double(band.min) * Self.followUpLength.min))
        return LengthBand(min: low, max: max(low + 1, Int(Double(band.max) * Self.followUpLength.max)))
    }

    /// Whether the answer names any of `phrases` where the candidate endorses it (for `mentions:` conditions).
    public func mentions(_ phrases: [String], in answer: String) -> Bool {
        let matcher = PhraseMatcher(tokenizer.analyze(answer))
        return phrases.contains { phrase in
            matcher.matches(of: CompiledPhrase(phrase, kind: .stemmed, tokenizer: tokenizer)).contains { $0.stance == nil }
        }
    }

    // MARK: Concepts

    /// What each concept's mentions earn: the endorsed ones (outside wrong claims and text pasted from
    /// the question) weighted by the substance of their sentence, and the rejected ones as quotes.
    struct ConceptCredits {
        var credited: [String: (credit: Double, matches: [PhraseMatch])] = [:]
        var rejected: [String: [PhraseMatch]] = [:]
        var substance: Substance
    }

    func conceptCredits(
        _ text: AnalyzedText, matcher: PhraseMatcher, concepts: [(concept: Concept, phrases: [CompiledPhrase])],
        claims: [WrongClaims.Finding], keywords: [Bool], questionWords: QuestionWords
    ) -> ConceptCredits {
        let claimed = claims.flatMap(\.occurrences).map(\.tokens)
        var endorsed: [String: [PhraseMatch]] = [:]
        var rejected: [String: [PhraseMatch]] = [:]
        var matched = Array(repeating: false, count: text.tokens.count)
        let copied = questionWords.copiedTokens(in: text.tokens)
        for (concept, phrases) in concepts {
            let all = Self.distinct(phrases.flatMap { matcher.matches(of: $0) })
            // A synonym's match adds nothing where the concept's own words match in the same sentence.
            let ownSentences = Set(all.filter { $0.similarity == nil }.map(\.sentence))
            let matches = all.filter { $0.similarity == nil || !ownSentences.contains($0.sentence) }
            let credited = matches.filter { match in
                concept.credits(match.stance) && !claimed.contains { $0.overlaps(match.tokens) } && !match.tokens.contains { copied[$0] }
            }
            if !credited.isEmpty {
                endorsed[concept.id] = credited
                // A synonym's match is weaker evidence: it takes no words from the sentence's substance.
                for match in credited where match.similarity == nil { for position in match.tokens { matched[position] = true } }
            }
            let refused = matches.filter { concept.isRejected(by: $0.stance) }
            if !refused.isEmpty { rejected[concept.id] = refused }
        }
        // Naming an idea takes a word or two; a concept's further matched words in the same sentence
        // (a long paraphrase, a second phrase of it) say something about it.
        var phraseBonus: [Int: Int] = [:]
        for matches in endorsed.values {
            var content: [Int: Set<Int>] = [:]
            for match in matches where match.similarity == nil {
                for position in match.tokens where !keywords[position] && !text.tokens[position].traits.contains(.function) && !GenericWords.contains(text.tokens[position]) {
                    content[match.sentence, default: []].insert(position)
                }
            }
            for (sentence, positions) in content { phraseBonus[sentence, default: 0] += max(0, positions.count - 2) }
        }
        // An answer that dismisses again and again is read as a whole: what it names without proposing
        // it is taken as dismissed too (the ways of dismissing outnumber any list of cues).
        if rejected.count + Stance.toneClauseCount(in: text.tokens) >= Self.dismissalsForDismissiveAnswer {
            for (id, matches) in endorsed {
                let proposed = matches.filter { Stance.isProposingClause(containing: $0.tokens.lowerBound, in: text.tokens) }
                if proposed.isEmpty {
                    endorsed[id] = nil
                    rejected[id, default: []] += matches
                } else {
                    endorsed[id] = proposed
                }
            }
        }
        let substance = Substance.measure(text, matched: matched, phraseBonus: phraseBonus, keywords: keywords, question: questionWords)
        var conceptsInSentence: [Int: Set<String>] = [:]
        for (id, matches) in endorsed { for match in matches where match.similarity == nil { conceptsInSentence[match.sentence, default: []].insert(id) } }
        var credits = ConceptCredits(substance: substance)
        for (id, matches) in endorsed {
            // The best-explained mention counts (a synonym's match earns its similarity); the evidence leads with it.
            var scored = matches.map { ($0, substance.factor(sentence: $0.sentence, concepts: conceptsInSentence[$0.sentence]?.count ?? 1) * ($0.similarity ?? 1)) }
            if let refused = rejected[id] {
                // Rejected elsewhere: only a mention that says something of its own outweighs the rejection
                // ("People love talking about drift … I wouldn't bother with drift tests").
                scored = scored.filter { entry in entry.1 >= Self.mentionOutweighingRejection * (entry.0.similarity ?? 1) && !refused.contains { $0.sentence == entry.0.sentence } }
                if scored.isEmpty { continue }
            }
            let best = scored.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.range.lowerBound > $1.0.range.lowerBound) }!
            let ordered = [best.0] + matches.filter { $0.range != best.0.range }
            credits.credited[id] = (best.1, ordered)
        }
        credits.rejected = rejected.filter { credits.credited[$0.key] == nil }
        return credits
    }

    func redFlag(for finding: WrongClaims.Finding, in text: AnalyzedText) -> RedFlag {
        let misconception = finding.misconception
        let start = finding.matches.map(\.range.lowerBound).min() ?? 0
        let end = finding.matches.map(\.range.upperBound).max() ?? 0
        let phrase = finding.matches.map(\.phrase).joined(separator: " + ")
        return RedFlag(
            id: misconception.id, label: misconception.label, penalty: misconception.penalty,
            evidence: [Evidence(start: start, end: end, text: text.quote(start..<end), phrase: phrase)],
            correction: misconception.correction
        )
    }

    // MARK: Components

    static func lengthValue(words: Int, band: LengthBand) -> Double {
        if words < band.min { return Double(words) / Double(band.min) }
        if words <= band.max { return 1 }
        // Above the band the value falls to nothing at twice the maximum.
        return max(0, 1 - Double(words - band.max) / Double(band.max))
    }

    static func deliveryValue(_ delivery: DeliveryReport, words: Int) -> Double {
        guard words > 0 else { return 0 }
        return max(0, 1 - 8 * (Double(delivery.fillerCount) + 0.5 * Double(delivery.hedgeCount)) / Double(words))
    }

    static func components(
        coverage: Coverage, structure: StructureResult?, length: Double, delivery: (value: Double, report: DeliveryReport),
        words: Int, band: LengthBand, weights: ComponentWeights
    ) -> [ComponentScore] {
        let scale = weights.total > 0 ? 100 / weights.total : 0
        func component(_ name: ComponentScore.Name, _ value: Double, _ weight: Double, _ detail: String) -> ComponentScore {
            ComponentScore(name: name, value: value, weight: weight, points: value * weight * scale, maxPoints: weight * scale, detail: detail)
        }
        var list = [component(.coverage, coverage.value, weights.coverage, coverage.detail)]
        if let structure {
            list.append(component(.structure, structure.value, weights.structure, structure.detail))
        }
        list.append(component(.length, length, weights.length, "\(words) words; band \(band.min)–\(band.max)"))
        list.append(component(.delivery, delivery.value, weights.delivery, "\(delivery.report.fillerCount) fillers, \(delivery.report.hedgeCount) hedges"))
        return list
    }

    // MARK: Helpers

    func evidenceFor(_ match: PhraseMatch, in text: AnalyzedText) -> Evidence {
        Evidence(start: match.range.lowerBound, end: match.range.upperBound, text: text.quote(match.range), phrase: match.phrase)
    }

    /// Matches with distinct ranges, in the order they occur; of two with one range, the one on the
    /// phrase's own words (no similarity), then the first phrase.
    static func distinct(_ matches: [PhraseMatch]) -> [PhraseMatch] {
        var seen = Set<Range<Int>>()
        return matches.enumerated().sorted { a, b in
            let keyA = (a.element.range.lowerBound, a.element.range.upperBound, a.element.similarity == nil ? 0 : 1, a.offset)
            let keyB = (b.element.range.lowerBound, b.element.range.upperBound, b.element.similarity == nil ? 0 : 1, b.offset)
            return keyA < keyB
        }.map(\.element).filter { seen.insert($0.range).inserted }
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    static func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func rounded(_ component: ComponentScore) -> ComponentScore {
        var copy = component
        copy.value = (component.value * 1000).rounded() / 1000
        copy.points = round(component.points)
        copy.maxPoints = round(component.maxPoints)
        return copy
    }

    static func rounded(_ concept: FoundConcept) -> FoundConcept {
        var copy = concept
        copy.points = round(concept.points)
        copy.credit = (concept.credit * 1000).rounded() / 1000
        copy.questionPoints = concept.questionPoints.map(round)
        return copy
    }

    static func rounded(_ concept: MissedConcept) -> MissedConcept {
        var copy = concept
        copy.pointsLost = round(concept.pointsLost)
        return copy
    }
}
