/// The coverage component: the concepts an answer earned, missed and rejected, and their weighted share.
///
/// Each concept found earns its share of the coverage weight times its credit (the substance of its
/// best mention) times the prose factor (a bare keyword list keeps a fifth). A follow-up that asks for
/// some concepts is scored on those alone: their weights make up the whole component, and only they
/// can be missed; other concepts it supplies are listed with what they are worth to the question.
struct Coverage {
    var value: Double
    /// The weighted share of the concepts found, before credit and prose factor.
    var rawShare: Double
    /// The mean credit of the concepts found (0 when none is).
    var meanCredit: Double
    var found: [FoundConcept]
    var missed: [MissedConcept]
    var rejected: [NegatedConcept]
    var detail: String
    /// Sentences with a concept mention and nothing said about it.
    var emptyMentions: Int
    var mentionSentences: Int

    /// `weights` are the turn's (a follow-up's have no structure); `isFollowUp` adds to each concept
    /// found what it is worth on the question's own scale.
    init(_ credits: Evaluator.ConceptCredits, rubric: Rubric, weights turn: ComponentWeights, focus: Set<String>, isFollowUp: Bool, prose: ProseShape, text: AnalyzedText) {
        let weights = rubric.weights
        let scored = focus.isEmpty ? rubric.concepts : rubric.concepts.filter { focus.contains($0.id) }
        let scoredWeight = scored.reduce(0) { $0 + $1.weight }
        let allWeight = rubric.concepts.reduce(0) { $0 + $1.weight }
        // Points on the opening answer's scale (all four components), for what a concept adds to the question.
        let questionScale = weights.total > 0 ? 100 / weights.total : 0
        let turnScale = turn.total > 0 ? 100 / turn.total : 0
        var found: [FoundConcept] = []
        var missed: [MissedConcept] = []
        var rejected: [NegatedConcept] = []
        var value = 0.0
        var raw = 0.0
        var creditSum = 0.0
        var sentences = Set<Int>()
        for concept in rubric.concepts {
            let inScope = focus.isEmpty || focus.contains(concept.id)
            let share = inScope && scoredWeight > 0 ? concept.weight / scoredWeight : 0
            let worth = allWeight > 0 ? concept.weight / allWeight * weights.coverage * questionScale : 0
            if let (credit, matches) = credits.credited[concept.id] {
                let earned = credit * prose.factor
                value += share * earned
                raw += share
                creditSum += credit
                sentences.formUnion(matches.map(\.sentence))
                found.append(FoundConcept(
                    id: concept.id, label: concept.label, weight: concept.weight, credit: credit,
                    points: share * turn.coverage * turnScale * earned, questionPoints: isFollowUp ? worth * earned : nil,
                    evidence: matches.prefix(3).map { Self.evidence($0, in: text) }
                ))
            } else if inScope {
                missed.append(MissedConcept(id: concept.id, label: concept.label, weight: concept.weight, pointsLost: share * turn.coverage * turnScale, required: concept.required, tip: concept.tip))
            }
            if credits.credited[concept.id] == nil, let refused = credits.rejected[concept.id] {
                rejected.append(NegatedConcept(id: concept.id, label: concept.label, evidence: refused.prefix(3).map { Self.evidence($0, in: text) }, tip: concept.tip))
            }
        }
        self.value = value
        rawShare = raw
        meanCredit = found.isEmpty ? 0 : creditSum / Double(found.count)
        self.found = found
        self.missed = missed
        self.rejected = rejected
        let inScopeFound = found.filter { focus.isEmpty || focus.contains($0.id) }.count
        detail = "\(inScopeFound) of \(scored.count) concepts\(focus.isEmpty ? "" : " asked for") (\(Evaluator.percent(raw)) of the weight, \(Evaluator.percent(meanCredit)) credited)"
        emptyMentions = credits.substance.emptySentences(among: sentences)
        mentionSentences = sentences.count
    }

    func notes(prose: ProseShape) -> [String] {
        var notes: [String] = []
        if prose.factor < 1 && !found.isEmpty {
            notes.append("Coverage counted at \(Evaluator.percent(prose.factor)): \(Evaluator.percent(prose.keywordShare)) of the words stand in bare keyword fragments, not sentences. Explain how the ideas connect.")
        }
        if !found.isEmpty && meanCredit < 0.75 {
            notes.append("Concepts credited at \(Evaluator.percent(meanCredit)) on average: \(emptyMentions) of \(mentionSentences) sentences that name a concept say nothing more about it. Say what you would do, how, and why.")
        }
        if !rejected.isEmpty {
            notes.append("No credit for what the answer rejects: \(rejected.map(\.label).joined(separator: "; ")).")
        }
        return notes
    }

    static func evidence(_ match: PhraseMatch, in text: AnalyzedText) -> Evidence {
        Evidence(start: match.range.lowerBound, end: match.range.upperBound, text: text.quote(match.range), phrase: match.phrase, similarity: match.similarity)
    }
}

/// The structure component: which stages of a good answer are present, and in which order.
///
/// A stage is present where one of its cues, or a concept tied to it, is endorsed; its position is the
/// first sentence where it is. The value is the share of stages present × (½ + ½ × the share of them
/// in order, by longest in-order run), times the prose factor, the concepts' mean credit and how far
/// the answer is on topic (coverage of half the rubric is enough): an answer's shape counts only as
/// far as it says something.
struct StructureResult {
    var results: [StageResult]
    var value: Double
    var detail: String

    init(stages: [(stage: Stage, cues: [CompiledPhrase])], rubric: Rubric, matcher: PhraseMatcher, text: AnalyzedText, credits: Evaluator.ConceptCredits, prose: ProseShape, onTopic: Double) {
        var positions: [(index: Int, sentence: Int, evidence: Evidence)] = []
        for (stageIndex, (stage, cues)) in stages.enumerated() {
            var best: (sentence: Int, evidence: Evidence)?
            func consider(_ match: PhraseMatch) {
                if best.map({ match.sentence < $0.sentence }) ?? true { best = (match.sentence, Coverage.evidence(match, in: text)) }
            }
            for cue in cues {
                for match in matcher.matches(of: cue) where match.stance == nil { consider(match) }
            }
            for concept in rubric.concepts where concept.stage == stage.id {
                if let first = credits.credited[concept.id]?.matches.min(by: { $0.sentence < $1.sentence }) { consider(first) }
            }
            if let best { positions.append((stageIndex, best.sentence, best.evidence)) }
        }
        let inOrder = Self.longestOrderedRun(positions.map(\.sentence))
        results = stages.enumerated().map { stageIndex, entry in
            guard let position = positions.firstIndex(where: { $0.index == stageIndex }) else {
                return StageResult(id: entry.stage.id, label: entry.stage.label, status: .missing, sentence: nil, evidence: nil)
            }
            return StageResult(id: entry.stage.id, label: entry.stage.label, status: inOrder.contains(position) ? .present : .outOfOrder, sentence: positions[position].sentence, evidence: positions[position].evidence)
        }
        let present = stages.isEmpty ? 0 : Double(positions.count) / Double(stages.count)
        let order = positions.isEmpty ? 0 : Double(inOrder.count) / Double(positions.count)
        // In the rubric's order: a dictionary's order changes from run to run, and so would the sum's last bit.
        let credited = rubric.concepts.compactMap { credits.credited[$0.id]?.credit }
        let meanCredit = credited.isEmpty ? 0 : credited.reduce(0, +) / Double(credited.count)
        value = present * (0.5 + 0.5 * order) * prose.factor * meanCredit * onTopic
        detail = stages.isEmpty ? "no stages defined" : "\(results.filter { $0.status != .missing }.count) of \(stages.count) stages, \(results.filter { $0.status == .outOfOrder }.count) out of order"
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
}
