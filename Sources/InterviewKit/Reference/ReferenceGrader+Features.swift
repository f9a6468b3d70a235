import Foundation

/// The measurements against the model answers (SPEC §5), as the prototype's `ref_features` and
/// `features` make them.
extension ReferenceGrader {
    /// An answer against one model answer.
    struct Comparison {
        var recall = 0.0
        var prec = 0.0
        var big = 0.0
        var negmis = 0.0
        var ant = 0.0
        var pol = 0.0
    }

    /// A stem's weight: its IDF, discounted when the question has it.
    func weight(_ stem: String) -> Double {
        corpus.idf(stem) * (questionText.stemSet.contains(stem) ? Self.questionDiscount : 1)
    }

    /// 1 for the stem itself, `synonymCredit` for a first-sense synonym, else 0.
    func matchCredit(_ stem: String, in stems: Set<String>) -> Double {
        if stems.contains(stem) { return 1 }
        if let lexicon, !lexicon.synonyms(of: stem).isDisjoint(with: stems) { return Self.synonymCredit }
        return 0
    }

    /// The first answer stem, in answer order, that is an antonym of `stem`.
    func firstAntonym(of stem: String, in answer: ReferenceText) -> String? {
        guard let lexicon else { return nil }
        let antonyms = lexicon.antonyms(of: stem)
        if antonyms.isEmpty { return nil }
        return answer.stems.first { antonyms.contains($0) }
    }

    func compare(_ answer: ReferenceText, with reference: ReferenceText) -> Comparison {
        let answerStems = answer.stemSet, referenceStems = reference.stemSet
        var result = Comparison()
        var referenceWeight = 0.0
        var recalled = 0.0
        var shared = 0.0, flipped = 0.0
        var pol = 0.0
        for stem in reference.distinctStems {
            let w = weight(stem)
            referenceWeight += w
            recalled += w * matchCredit(stem, in: answerStems)
            let referenceNegated = reference.lastNegation[stem] ?? false
            if answerStems.contains(stem) {
                let agrees = (answer.lastNegation[stem] ?? false) == referenceNegated
                shared += w
                if !agrees { flipped += w }
                pol += agrees ? w : -Self.flipPenalty * w
            } else if let antonym = firstAntonym(of: stem, in: answer) {
                // "not open" says "closed": an antonym agrees when exactly one side is negated.
                pol += (answer.lastNegation[antonym] ?? false) != referenceNegated ? w : -Self.flipPenalty * w
            } else {
                pol += w * matchCredit(stem, in: answerStems)
            }
        }
        if referenceWeight == 0 { referenceWeight = 1e-9 }
        result.recall = recalled / referenceWeight
        result.pol = pol / referenceWeight

        var answerWeight = 0.0, precise = 0.0
        for stem in answer.distinctStems {
            let w = weight(stem)
            answerWeight += w
            precise += w * matchCredit(stem, in: referenceStems)
        }
        result.prec = answerWeight != 0 ? precise / answerWeight : 0

        if reference.pairs.isEmpty {
            result.big = result.recall
        } else {
            let common = reference.pairs.reduce(0) { $0 + (answer.pairSet.contains($1) ? 1 : 0) }
            result.big = Double(common) / Double(reference.pairs.count)
        }
        result.negmis = shared != 0 ? flipped / shared : 0

        if let lexicon {
            outer: for stem in answer.distinctStems where !referenceStems.contains(stem) {
                for antonym in lexicon.antonyms(of: stem) where referenceStems.contains(antonym) && !answerStems.contains(antonym) {
                    result.ant = 1
                    break outer
                }
            }
        }
        return result
    }

    /// The features against the best model answer (by `0.7·pol + 0.3·prec`, the first on a tie),
    /// and which one that was. The example features are left at 0.
    func measure(_ answer: ReferenceText) -> (features: ReferenceFeatures, best: Int) {
        var best: (key: Double, comparison: Comparison, index: Int)?
        for (index, reference) in references.enumerated() {
            let comparison = compare(answer, with: reference.text)
            let key = 0.7 * comparison.pol + 0.3 * comparison.prec
            if best.map({ key > $0.key }) ?? true { best = (key, comparison, index) }
        }
        let chosen = best?.comparison ?? Comparison()
        let index = best?.index ?? 0
        let reference = references.isEmpty ? ReferenceText.empty : references[index].text

        var features = ReferenceFeatures()
        features.prec = chosen.prec
        features.pol = chosen.pol
        features.big = chosen.big
        features.negmis = chosen.negmis
        features.ant = chosen.ant
        let referencePolarity = Self.polarity(of: reference.first), answerPolarity = Self.polarity(of: answer.first)
        features.yn = referencePolarity == 0 || answerPolarity == 0 ? 0 : (referencePolarity == answerPolarity ? 1 : -1)
        var answerIDF = 0.0, questionIDF = 0.0
        for stem in answer.distinctStems {
            let idf = corpus.idf(stem)
            answerIDF += idf
            if questionText.stemSet.contains(stem) { questionIDF += idf }
        }
        features.qshare = answerIDF != 0 ? questionIDF / answerIDF : 1
        features.loglen = log(1 + Double(answer.stems.count))
        var recS = chosen.pol
        for part in parts {
            recS = max(recS, compare(answer, with: part).pol)
        }
        features.recS = recS
        features.reflen = log(1 + Double(reference.stems.count))
        return (features, index)
    }

    /// +1 for an opening yes, −1 for an opening no, else 0.
    static func polarity(of first: String) -> Int {
        switch first {
        case "yes", "yeah", "yep", "true": 1
        case "no", "nope", "false": -1
        default: 0
        }
    }
}
