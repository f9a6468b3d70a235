import Testing
@testable import InterviewKit

@Suite("Word families: stems join only words of one family")
struct WordFamilyTests {
    let tokenizer = Tokenizer()

    func matches(_ phrase: String, in answer: String) -> Bool {
        !PhraseMatcher(tokenizer.analyze(answer)).matches(of: CompiledPhrase(phrase, kind: .stemmed, tokenizer: tokenizer)).isEmpty
    }

    @Test("words that share a stem but not a meaning do not meet", arguments: [
        ("specificity", "I specifically like this dataset."),
        ("sensitivity", "I would use cost-sensitive learning."),
        ("regularization", "I would retrain on a regular schedule."),
        ("regularization", "We retrain regularly."),
        ("generalization", "In general the model is fine."),
        ("probability", "It will probably drift."),
        ("optimization", "The optimal threshold is lower."),
        ("transformer", "I'd transform the features with a log."),
        ("compute cost", "Computer vision costs less now."),
    ])
    func unrelatedWordsDoNotMeet(phrase: String, answer: String) {
        #expect(!matches(phrase, in: answer))
    }

    @Test("words of one family still meet", arguments: [
        ("monitor", "We were monitoring the inputs."),
        ("distillation", "Distill the big model into a small one."),
        ("quantization", "I'd quantize the weights."),
        ("degradation", "The model degraded after launch."),
        ("regularization", "More regularized trees."),
        ("specificity", "Report sensitivity and specificity."),
        ("weekly", "We retrain weekly."),
    ])
    func familyMeets(phrase: String, answer: String) {
        #expect(matches(phrase, in: answer))
    }

    @Test("British and American spellings meet", arguments: [
        ("regularization", "Increase the regularisation."),
        ("quantization", "Quantisation to 8 bits."),
        ("normalize", "Normalise each feature."),
        ("user behavior", "User behaviour changed."),
        ("analyze errors", "Analyse the errors."),
    ])
    func spellings(phrase: String, answer: String) {
        #expect(matches(phrase, in: answer))
    }

    @Test("words in -ise that are not -ize verbs keep their spelling", arguments: ["advise", "exercise", "noise", "otherwise", "premise", "expertise", "raise"])
    func iseWords(word: String) {
        #expect(SpellingVariants.american(word) == word)
    }

    @Test("the family is what the stemmer removed", arguments: [
        ("specifically", "specif", WordFamily.adverb),
        ("early", "earli", .base),
        ("specificity", "specif", .quality),
        ("city", "citi", .base),
        ("regularization", "regular", .izing),
        ("transformers", "transform", .agent),
        ("quantization", "quantiz", .base),
        ("monitoring", "monitor", .base),
    ])
    func family(word: String, stem: String, expected: WordFamily) {
        #expect(WordFamily.of(word, stem: stem) == expected)
    }
}
