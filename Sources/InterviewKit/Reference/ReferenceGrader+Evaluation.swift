import Foundation

/// How a grade is told as an `Evaluation`: the four components and the model answer's terms.
///
/// The score is not a sum, so the components' points are an attribution: each feature group's
/// contribution to the log-odds, over an empty answer graded against the same model answer, gets the
/// same share of the points the answer scores above that empty answer. Those few baseline points
/// (what an empty answer would score) are counted under `length`. The points add up to the score
/// (before rounding) and can be negative: a group that lowers the score.
///
/// | component | features | value (0–1) |
/// |---|---|---|
/// | coverage | prec, pol, recS, negmis, ant, yn, qshare: what the answer says of the model answer | `pol`, clamped |
/// | structure | big: the model answer's word pairs, in its order | `big` |
/// | length | loglen, reflen: the answer's length against the model answer's | content-word ratio, capped at 1 |
/// | delivery | knn_c, knn_i, knn_vote: nearness to labelled examples (model M1 only; weight 0 under M0) | `knn_vote` |
extension ReferenceGrader {
    static let coverageFeatures: Set<String> = ["prec", "pol", "recS", "negmis", "ant", "yn", "qshare"]
    static let exampleFeatures: Set<String> = ["knn_c", "knn_i", "knn_vote"]

    /// The features of an empty answer against the same model answer.
    static func emptyAnswerFeatures(like features: ReferenceFeatures) -> ReferenceFeatures {
        var empty = ReferenceFeatures()
        empty.qshare = 1
        empty.reflen = features.reflen
        empty.knnVote = 0.5
        return empty
    }

    func components(features: ReferenceFeatures, model: ReferenceProfile.Model, z: Double, shift: Double, rawScore: Double,
                    answer: ReferenceText, reference: ReferenceText,
                    neighbours: (nearestCorrect: Double, nearestIncorrect: Double, vote: Double, correctVoters: Int)?) -> [ComponentScore] {
        let empty = Self.emptyAnswerFeatures(like: features)
        var deltas: [ComponentScore.Name: Double] = [.coverage: 0, .structure: 0, .length: 0, .delivery: 0]
        for ((name, weight), ((_, value), (_, base))) in zip(model.weights.named, zip(features.named, empty.named)) {
            let group: ComponentScore.Name = Self.coverageFeatures.contains(name) ? .coverage
                : name == "big" ? .structure : Self.exampleFeatures.contains(name) ? .delivery : .length
            deltas[group, default: 0] += weight * (value - base)
        }
        let emptyZ = model.logit(empty)
        let emptyScore = 100 * Self.sigmoid(emptyZ - shift)
        let slope: Double
        if abs(z - emptyZ) > 1e-9 {
            slope = (rawScore - emptyScore) / (z - emptyZ)
        } else {
            let p = Self.sigmoid(z - shift)
            slope = 100 * p * (1 - p)
        }
        func points(_ name: ComponentScore.Name) -> Double { (deltas[name] ?? 0) * slope }

        let usesExamples = neighbours != nil
        let flipped = reference.distinctStems.filter { stem in
            answer.stemSet.contains(stem) && (answer.lastNegation[stem] ?? false) != (reference.lastNegation[stem] ?? false)
        }.count
        var coverageDetail = "\(Self.percent(max(0, features.pol))) of the model answer's weighted terms, \(Self.percent(features.prec)) of the answer's terms in it"
        if flipped > 0 { coverageDetail += "; \(flipped) with the negation flipped" }
        if features.ant > 0 { coverageDetail += "; an opposite of one of its terms" }
        if features.yn != 0 { coverageDetail += features.yn > 0 ? "; the same yes/no" : "; the opposite yes/no" }

        let commonPairs = reference.pairs.filter { answer.pairSet.contains($0) }.count
        let structureDetail = reference.pairs.isEmpty
            ? "the model answer has no word pairs; its recall counts instead"
            : "\(commonPairs) of the model answer's \(reference.pairs.count) word pairs"

        let lengthDetail = "\(answer.stems.count) content words; the model answer has \(reference.stems.count) (includes the \(BreakdownText.format((emptyScore * 10).rounded() / 10)) points of an empty answer)"

        let deliveryDetail: String
        if let neighbours {
            deliveryDetail = "labelled examples: nearest correct \(Self.format(neighbours.nearestCorrect, digits: 2)), nearest incorrect \(Self.format(neighbours.nearestIncorrect, digits: 2)); \(neighbours.correctVoters) of the \(min(ExampleNeighbours.voters, self.neighbours?.count ?? 0)) nearest are correct"
        } else {
            deliveryDetail = "no labelled examples (model M0)"
        }

        return [
            ComponentScore(name: .coverage, value: min(1, max(0, features.pol)), weight: 1, points: points(.coverage), maxPoints: 100, detail: coverageDetail),
            ComponentScore(name: .structure, value: min(1, max(0, features.big)), weight: 1, points: points(.structure), maxPoints: 100, detail: structureDetail),
            ComponentScore(name: .length, value: min(1, Double(answer.stems.count) / Double(max(1, reference.stems.count))), weight: 1,
                           points: points(.length) + emptyScore, maxPoints: 100, detail: lengthDetail),
            ComponentScore(name: .delivery, value: usesExamples ? features.knnVote : 0, weight: usesExamples ? 1 : 0,
                           points: usesExamples ? points(.delivery) : 0, maxPoints: usesExamples ? 100 : 0, detail: deliveryDetail),
        ]
    }

    /// The best model answer's content terms: found (with evidence), missed (with a tip) and negated.
    func concepts(answer: ReferenceText, answerScalars: [Unicode.Scalar], reference: (text: ReferenceText, scalars: [Unicode.Scalar]),
                  features: ReferenceFeatures, model: ReferenceProfile.Model, z: Double, rawScore: Double, coveragePoints: Double) -> ConceptResults {
        let text = reference.text
        var referenceWeight = text.distinctStems.reduce(0) { $0 + weight($1) }
        if referenceWeight == 0 { referenceWeight = 1e-9 }

        func quote(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
            return String(view)
        }
        func evidence(where keep: (Int) -> Bool, phrase: String) -> [Evidence] {
            answer.stems.indices.filter(keep).prefix(3).map { index in
                let range = answer.ranges[index]
                return Evidence(start: range.lowerBound, end: range.upperBound, text: quote(answerScalars, range), phrase: phrase)
            }
        }
        /// Points the score would gain were this term matched (through `pol`, and `recS` when the
        /// best model answer sets it).
        func gain(_ share: Double) -> Double {
            let perPol = model.weights.pol + (features.recS == features.pol ? model.weights.recS : 0)
            return max(0, 100 * Self.sigmoid(z + perPol * share) - rawScore)
        }

        var found: [(concept: FoundConcept, credit: Double)] = []
        var missed: [MissedConcept] = []
        var negated: [NegatedConcept] = []
        for stem in text.distinctStems {
            guard let first = text.stems.firstIndex(of: stem) else { continue }
            let label = quote(reference.scalars, text.ranges[first])
            let w = weight(stem)
            let share = w / referenceWeight
            let referenceNegated = text.lastNegation[stem] ?? false
            func miss(tip: String, flipped: Bool) {
                missed.append(MissedConcept(id: stem, label: label, weight: Self.rounded(w, digits: 3),
                                            pointsLost: Evaluator.round(gain(flipped ? 2 * share : share)), required: false, tip: tip))
            }
            if answer.stemSet.contains(stem) {
                if (answer.lastNegation[stem] ?? false) == referenceNegated {
                    let quoted = evidence(where: { answer.stems[$0] == stem && answer.negated[$0] == referenceNegated }, phrase: label)
                    found.append((FoundConcept(id: stem, label: label, weight: Self.rounded(w, digits: 3), points: 0, evidence: quoted), w))
                } else {
                    let tip = referenceNegated
                        ? "The model answer negates “\(label)”; your answer affirms it."
                        : "Your answer negates “\(label)”; the model answer affirms it."
                    let quoted = evidence(where: { answer.stems[$0] == stem && answer.negated[$0] != referenceNegated }, phrase: label)
                    negated.append(NegatedConcept(id: stem, label: label, evidence: quoted, tip: tip))
                    miss(tip: tip, flipped: true)
                }
            } else if let antonym = firstAntonym(of: stem, in: answer) {
                let antonymNegated = answer.lastNegation[antonym] ?? false
                if antonymNegated != referenceNegated {
                    let quoted = evidence(where: { answer.stems[$0] == antonym && answer.negated[$0] == antonymNegated }, phrase: "the opposite of \(label), negated")
                    found.append((FoundConcept(id: stem, label: label, weight: Self.rounded(w, digits: 3), points: 0, evidence: quoted), w))
                } else {
                    let quoted = evidence(where: { answer.stems[$0] == antonym }, phrase: "the opposite of \(label)")
                    let word = quoted.first?.text ?? antonym
                    let tip = "The model answer says “\(label)”; “\(word)” in your answer says the opposite."
                    negated.append(NegatedConcept(id: stem, label: label, evidence: quoted, tip: tip))
                    miss(tip: tip, flipped: true)
                }
            } else if matchCredit(stem, in: answer.stemSet) > 0, let lexicon {
                let synonyms = lexicon.synonyms(of: stem)
                let quoted = evidence(where: { synonyms.contains(answer.stems[$0]) }, phrase: "a synonym of \(label)")
                found.append((FoundConcept(id: stem, label: label, weight: Self.rounded(w, digits: 3), points: 0, evidence: quoted), w * Self.synonymCredit))
            } else {
                miss(tip: "The model answer mentions “\(label)”.", flipped: false)
            }
        }
        let credited = found.reduce(0) { $0 + $1.credit }
        let available = max(0, coveragePoints)
        let foundConcepts = found.map { entry -> FoundConcept in
            var concept = entry.concept
            concept.points = Evaluator.round(credited > 0 ? available * entry.credit / credited : 0)
            return concept
        }
        return ConceptResults(found: foundConcepts, missed: missed, negated: negated)
    }

    static func percent(_ value: Double) -> String { "\(Int((min(1, value) * 100).rounded()))%" }

    static func rounded(_ value: Double, digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
