import Testing
@testable import InterviewKit

@Suite("Phrase matcher")
struct PhraseMatcherTests {
    let tokenizer = Tokenizer()

    func matches(_ phrase: String, _ kind: CompiledPhrase.Kind = .stemmed, in text: String) -> [PhraseMatch] {
        PhraseMatcher(tokenizer.analyze(text)).matches(of: CompiledPhrase(phrase, kind: kind, tokenizer: tokenizer))
    }

    /// The quoted text of every match.
    func quotes(_ phrase: String, _ kind: CompiledPhrase.Kind = .stemmed, in text: String) -> [String] {
        matches(phrase, kind, in: text).map { text.scalars($0.range) }
    }

    @Test("a phrase matches its words in order with up to two other words between them", arguments: [
        ("data drift", "we saw data drift", ["data drift"]),
        ("data drift", "the data had drifted", ["data had drifted"]),
        ("data drift", "the data has clearly drifted", ["data has clearly drifted"]),
        ("compare feature distributions", "compare each feature's distributions", ["compare each feature's distributions"]),
    ])
    func gaps(phrase: String, text: String, expected: [String]) {
        #expect(quotes(phrase, in: text) == expected)
    }

    @Test("a later occurrence of a middle word is tried when the first leads nowhere")
    func backtracking() {
        #expect(quotes("feature store outage", in: "the feature store store went far down in an outage") == [])
        #expect(quotes("feature store outage", in: "a feature store store big outage") == ["feature store store big outage"])
    }

    @Test("three words between the phrase's words are too many")
    func gapTooWide() {
        #expect(matches("data drift", in: "the data has very clearly drifted").isEmpty)
    }

    @Test("the words must come in the phrase's order")
    func order() {
        #expect(matches("data drift", in: "drift in the data").isEmpty)
    }

    @Test("a phrase does not match across sentences", arguments: [
        "We looked at the data. Drift was small.",
        "We looked at the data\n\ndrift was small",
        "We looked at the data\n- drift was small",
    ])
    func withinOneSentence(text: String) {
        #expect(matches("data drift", in: text).isEmpty)
    }

    @Test("a wrapped line is still one sentence")
    func acrossWrappedLine() {
        #expect(quotes("data drift", in: "we compared the data\ndrift per feature") == ["data\ndrift"])
    }

    @Test("phrases and answers meet on stems", arguments: [
        ("monitoring", "we monitored it"),
        ("monitored", "keep monitoring"),
        ("retrain", "retraining on recent data"),
        ("distribution shift", "the distributions shifted"),
    ])
    func stems(phrase: String, text: String) {
        #expect(matches(phrase, in: text).count == 1)
    }

    @Test("a stemmed phrase matches only whole words", arguments: [
        ("skew", "the numbers were askew"),
        ("leak", "the outlook was bleak"),
        ("drift", "the boat was adrift"),
        ("retrain", "an unrestrained model"),
    ])
    func noPartialWords(phrase: String, text: String) {
        #expect(matches(phrase, in: text).isEmpty)
    }

    @Test("every occurrence is a match, with its sentence")
    func everyOccurrence() {
        let found = matches("drift", in: "Drift here. And drift there, more drift.")
        #expect(found.map(\.sentence) == [0, 1, 1])
    }

    // MARK: Abbreviations

    @Test("an abbreviation matches whole words, whatever the case, with a plural s", arguments: [
        ("PSI", "we computed the psi", 1),
        ("PSI", "The Psi went up", 1),
        ("RNN", "two RNNs and a CNN", 1),
        ("KS test", "we ran KS tests", 1),
        ("PSI", "psychology and PSIA", 0),
        ("KS", "risks and kstest", 0),
        ("RNN", "an RNNLM", 0),
    ])
    func abbreviations(abbreviation: String, text: String, count: Int) {
        #expect(matches(abbreviation, .exact, in: text).count == count)
    }

    @Test("an abbreviation is not stemmed: 'AUC' does not match 'auction'")
    func abbreviationNotStemmed() {
        #expect(matches("AUC", .exact, in: "the auction model").isEmpty)
        #expect(matches("AUC", .exact, in: "the AUC dropped").count == 1)
    }

    @Test("a multi-word abbreviation allows no gap and does not cross sentences")
    func multiWordAbbreviation() {
        #expect(matches("KS test", .exact, in: "a KS two sample test").isEmpty)
        #expect(matches("KS test", .exact, in: "We ran a KS. Test results came back.").isEmpty)
    }

    // MARK: Negation

    @Test("a match inside a negation that starts before it is negated")
    func negatedMatch() {
        #expect(matches("retrain", in: "I would not retrain").map(\.negated) == [true])
        #expect(matches("retrain", in: "I would retrain").map(\.negated) == [false])
    }

    @Test("a phrase that starts with a negation word is not negated by its own word")
    func ownNegationWord() {
        #expect(matches("no labels", in: "there are no labels yet").map(\.negated) == [false])
    }
}
