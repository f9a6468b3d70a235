import Foundation

/// Scores answers to one question against its rubric. Deterministic: the same answer and rubric
/// always give the same `Evaluation`.
///
/// Build one per question and reuse it: the rubric's phrases are stemmed once, here.
public struct Evaluator: Sendable {
    /// Stored with every evaluation; bump it whenever a change to the engine can change a score.
    public static let engineVersion = "mock-interview-engine/1.0"
    /// Only this many characters (Unicode scalars) of an answer are scored — some 15,000 words, far
    /// beyond any spoken answer — so that whatever is piped in, an evaluation takes bounded time and
    /// memory. Evidence ranges stay offsets into the whole answer.
    public static let maximumAnswerLength = 100_000

    public let question: Question
    let tokenizer: Tokenizer
    let concepts: [(concept: Concept, phrases: [CompiledPhrase])]
    let stages: [(stage: Stage, cues: [CompiledPhrase])]

    public init(question: Question, tokenizer: Tokenizer = Tokenizer()) {
        self.question = question
        self.tokenizer = tokenizer
        concepts = question.rubric.concepts.map { concept in
            (concept, concept.phrases.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) }
                + concept.abbreviations.map { CompiledPhrase($0, kind: .exact, tokenizer: tokenizer) })
        }
        stages = question.rubric.stages.map { stage in
            (stage, stage.cues.map { CompiledPhrase($0, kind: .stemmed, tokenizer: tokenizer) })
        }
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

    /// Evaluates `answer`; `duration` (seconds from first input to submission) adds words per minute.
    public func evaluate(_ answer: String, duration: Double? = nil) -> Evaluation {
        let (scored, cut) = Self.scoredPart(of: answer)
        let text = tokenizer.analyze(scored)
        let matcher = PhraseMatcher(text)
        let rubric = question.rubric
        let weights = rubric.weights
        let scale = weights.total > 0 ? 100 / weights.total : 0
        var notes: [String] = []
        if let cut {
            notes.append("Only the first \(Self.maximumAnswerLength) characters of \(cut) were scored; an answer is rarely a tenth as long.")
        }

        // Concepts.
        let totalConceptWeight = rubric.concepts.reduce(0) { $0 + $1.weight }
        let prose = ProseShape.measure(text)
        var found: [FoundConcept] = []
        var missed: [MissedConcept] = []
        var negated: [NegatedConcept] = []
        var conceptSentences: [String: Int] = [:]
        var conceptEvidence: [String: Evidence] = [:]
        var rawCoverage = 0.0
        for (concept, phrases) in concepts {
            let matches = phrases.flatMap { matcher.matches(of: $0) }
            let credited = Self.distinct(matches.filter { !$0.negated })
            let share = totalConceptWeight > 0 ? concept.weight / totalConceptWeight : 0
            let fullPoints = share * weights.coverage * scale
            if !credited.isEmpty {
                rawCoverage += share
                let evidence = credited.prefix(3).map { evidenceFor($0, in: text) }
                found.append(FoundConcept(id: concept.id, label: concept.label, weight: concept.weight, points: fullPoints * prose.factor, evidence: evidence))
                conceptSentences[concept.id] = credited.map(\.sentence).min()
                conceptEvidence[concept.id] = evidence.first
            } else {
                missed.append(MissedConcept(id: concept.id, label: concept.label, weight: concept.weight, pointsLost: fullPoints, required: concept.required, tip: concept.tip))
                let rejected = Self.distinct(matches.filter(\.negated))
                if !rejected.isEmpty {
                    negated.append(NegatedConcept(id: concept.id, label: concept.label, evidence: rejected.prefix(3).map { evidenceFor($0, in: text) }, tip: concept.tip))
                }
            }
        }
        let coverage = rawCoverage * prose.factor
        if prose.factor < 1 && !found.isEmpty {
            notes.append("Coverage counted at \(Self.percent(prose.factor)): \(Self.percent(prose.keywordShare)) of the words stand in bare keyword fragments, not sentences. Explain how the ideas connect.")
        }

        // Structure.
        var stageResults: [StageResult] = []
        var structure = 0.0
        if !stages.isEmpty {
            var positions: [(index: Int, sentence: Int, evidence: Evidence)] = []
            for (stageIndex, (stage, cues)) in stages.enumerated() {
                var best: (sentence: Int, evidence: Evidence)?
                for cue in cues {
                    for match in matcher.matches(of: cue) where !match.negated {
                        if best == nil || match.sentence < best!.sentence {
                            best = (match.sentence, evidenceFor(match, in: text))
                        }
                    }
                }
                for concept in rubric.concepts where concept.stage == stage.id {
                    if let sentence = conceptSentences[concept.id], let evidence = conceptEvidence[concept.id],
                       best == nil || sentence < best!.sentence {
                        best = (sentence, evidence)
                    }
                }
                if let best { positions.append((stageIndex, best.sentence, best.evidence)) }
            }
            let inOrder = Self.longestOrderedRun(positions.map(\.sentence))
            for (stageIndex, (stage, _)) in stages.enumerated() {
                if let position = positions.firstIndex(where: { $0.index == stageIndex }) {
                    let status: StageResult.Status = inOrder.contains(position) ? .present : .outOfOrder
                    stageResults.append(StageResult(id: stage.id, label: stage.label, status: status, sentence: positions[position].sentence, evidence: positions[position].evidence))
                } else {
                    stageResults.append(StageResult(id: stage.id, label: stage.label, status: .missing, sentence: nil, evidence: nil))
                }
            }
            let presentShare = Double(positions.count) / Double(stages.count)
            let orderShare = positions.isEmpty ? 0 : Double(inOrder.count) / Double(positions.count)
            structure = presentShare * (0.5 + 0.5 * orderShare) * prose.factor
        }

        // Length and delivery count only as far as the answer is on topic.
        let relevance = min(1, coverage / 0.25)
        let words = text.wordCount
        let band = rubric.length
        var length: Double
        if words < band.min {
            length = Double(words) / Double(band.min)
        } else if words <= band.max {
            length = 1
        } else {
            length = max(0.5, 1 - 0.5 * Double(words - band.max) / Double(band.max))
        }
        let delivery = DeliveryAnalyzer.analyze(text, duration: duration, keywordShare: prose.keywordShare)
        var deliveryValue = max(0, 1 - 8 * (Double(delivery.fillerCount) + 0.5 * Double(delivery.hedgeCount)) / Double(max(words, 1)))
        if words == 0 { deliveryValue = 0 }
        if relevance < 1 && words > 0 {
            notes.append("Length and delivery counted at \(Self.percent(relevance)): they earn in full once the answer covers a quarter of the rubric.")
        }
        length *= relevance
        deliveryValue *= relevance

        let components = [
            ComponentScore(name: .coverage, value: coverage, weight: weights.coverage, points: coverage * weights.coverage * scale, maxPoints: weights.coverage * scale,
                           detail: "\(found.count) of \(rubric.concepts.count) concepts (\(Self.percent(rawCoverage)) of the weight)"),
            ComponentScore(name: .structure, value: structure, weight: weights.structure, points: structure * weights.structure * scale, maxPoints: weights.structure * scale,
                           detail: stages.isEmpty ? "no stages defined" : "\(stageResults.filter { $0.status != .missing }.count) of \(stages.count) stages, \(stageResults.filter { $0.status == .outOfOrder }.count) out of order"),
            ComponentScore(name: .length, value: length, weight: weights.length, points: length * weights.length * scale, maxPoints: weights.length * scale,
                           detail: "\(words) words; band \(band.min)–\(band.max)"),
            ComponentScore(name: .delivery, value: deliveryValue, weight: weights.delivery, points: deliveryValue * weights.delivery * scale, maxPoints: weights.delivery * scale,
                           detail: "\(delivery.fillerCount) fillers, \(delivery.hedgeCount) hedges"),
        ]
        var score = components.reduce(0) { $0 + $1.points }
        let missedRequired = missed.filter(\.required)
        if !missedRequired.isEmpty && score > 60 {
            score = 60
            notes.append("Score capped at 60: a required concept is missing (\(missedRequired.map(\.label).joined(separator: "; "))).")
        }
        return Evaluation(
            question: question.id, score: Self.round(score), components: components.map(Self.rounded),
            concepts: ConceptResults(found: found.map(Self.rounded), missed: missed.map(Self.rounded), negated: negated),
            stages: stageResults, words: words, sentences: text.sentences.count, delivery: delivery,
            notes: notes, engine: Self.engineVersion, rubricHash: question.contentHash
        )
    }

    /// Whether the answer names any of `phrases` outside a negation (for `mentions:` conditions).
    public func mentions(_ phrases: [String], in answer: String) -> Bool {
        let matcher = PhraseMatcher(tokenizer.analyze(answer))
        return phrases.contains { phrase in
            matcher.matches(of: CompiledPhrase(phrase, kind: .stemmed, tokenizer: tokenizer)).contains { !$0.negated }
        }
    }

    // MARK: Helpers

    func evidenceFor(_ match: PhraseMatch, in text: AnalyzedText) -> Evidence {
        Evidence(start: match.range.lowerBound, end: match.range.upperBound, text: text.quote(match.range), phrase: match.phrase)
    }

    /// Matches with distinct ranges, in the order they occur.
    static func distinct(_ matches: [PhraseMatch]) -> [PhraseMatch] {
        var seen = Set<Range<Int>>()
        return matches.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            .filter { seen.insert($0.range).inserted }
    }

    /// Indices of a longest non-decreasing subsequence of `values` (the stages in expected order).
    static func longestOrderedRun(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var length = Array(repeating: 1, count: values.count)
        var previous = Array(repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] <= values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var best = length.indices.max { length[$0] < length[$1] || (length[$0] == length[$1] && $0 > $1) }!
        var result = Set<Int>()
        while best >= 0 {
            result.insert(best)
            best = previous[best]
        }
        return result
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
        return copy
    }

    static func rounded(_ concept: MissedConcept) -> MissedConcept {
        var copy = concept
        copy.pointsLost = round(concept.pointsLost)
        return copy
    }
}
