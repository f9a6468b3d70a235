import Testing
@testable import InterviewKit

@Suite("Negation scope")
struct NegationScopeTests {
    let tokenizer = Tokenizer()

    /// The words of `text` that lie inside a negation.
    func negatedWords(_ text: String) -> [String] {
        tokenizer.analyze(text).tokens.filter { $0.negatedBy != nil }.map(\.word)
    }

    func evaluate(_ answer: String) -> Evaluation {
        Evaluator(question: Sample.question()).evaluate(answer)
    }

    @Test("the words after a negation cue are negated", arguments: [
        ("I would not retrain", ["retrain"]),
        ("I wouldn't retrain", ["retrain"]),
        ("I won’t retrain it", ["retrain", "it"]),
        ("we never saw drift", ["saw", "drift"]),
        ("there was no drift", ["drift"]),
        ("we can do it without retraining", ["retraining"]),
        ("monitor instead of retraining", ["retraining"]),
        ("monitor rather than retrain", ["retrain"]),
    ])
    func negated(text: String, expected: [String]) {
        #expect(negatedWords(text) == expected)
    }

    @Test("a negation ends at the end of its clause", arguments: [
        "I would not retrain, I would monitor",
        "I would not retrain; I would monitor",
        "I would not retrain but monitor",
        "I would not retrain. Monitor",
        "I would not retrain\n\nMonitor",
    ])
    func scopeEndsAtClause(text: String) {
        let negated = negatedWords(text)
        #expect(negated == ["retrain"])
    }

    @Test("a negation reaches at most eight words")
    func maximumReach() {
        let text = tokenizer.analyze("not one two three four five six seven eight nine")
        #expect(text.tokens.filter { $0.negatedBy != nil }.count == NegationScope.maximumReach)
        #expect(text.tokens.last?.negatedBy == nil)
    }

    @Test("every negated word points at its cue")
    func cueIndex() {
        let text = tokenizer.analyze("we would not retrain")
        #expect(text.tokens.map(\.negatedBy) == [nil, nil, nil, 2])
    }

    @Test("'not only', 'not just' and 'no matter' do not negate", arguments: [
        "not only monitoring but also retraining",
        "not just retraining",
        "no matter how we retrain",
    ])
    func notNegating(text: String) {
        #expect(negatedWords(text).isEmpty)
    }

    @Test("text analysed without negation marks nothing")
    func withoutNegation() {
        #expect(tokenizer.analyze("I would not retrain", markNegation: false).tokens.allSatisfy { $0.negatedBy == nil })
    }

    // MARK: In scoring

    @Test("a concept named only inside a negation earns no credit and is reported as negated")
    func negatedConceptEarnsNothing() throws {
        let evaluation = evaluate("I would not retrain the model.")
        #expect(!evaluation.concepts.foundIDs.contains("retraining"))
        let negated = try #require(evaluation.concepts.negated.first { $0.id == "retraining" })
        #expect(negated.evidence.map(\.text) == ["retrain"])
        #expect(negated.tip == Sample.retraining.tip)
    }

    @Test("\"not only X but also Y\" credits both X and Y")
    func notOnlyButAlso() {
        let evaluation = evaluate("I would not only retrain the model but also monitor it.")
        #expect(evaluation.concepts.foundIDs.isSuperset(of: ["retraining", "monitoring"]))
        #expect(evaluation.concepts.negated.isEmpty)
    }

    @Test("\"instead of retraining\" negates retraining and credits what comes first")
    func insteadOf() {
        let evaluation = evaluate("I would monitor the model instead of retraining it.")
        #expect(evaluation.concepts.foundIDs == ["monitoring"])
        #expect(evaluation.concepts.negated.map(\.id) == ["retraining"])
    }

    @Test("a phrase that holds its own negation word still matches")
    func phraseWithNegationWord() {
        let concept = Concept(id: "no-labels", label: "Labels arrive late", phrases: ["no labels", "without ground truth"], tip: "Say what you watch before labels arrive.")
        let evaluator = Evaluator(question: Sample.question(rubric: Sample.rubric(concepts: [concept], stages: [])))
        #expect(evaluator.evaluate("At first there are no labels at all.").concepts.foundIDs == ["no-labels"])
        #expect(evaluator.evaluate("We are without ground truth for weeks.").concepts.foundIDs == ["no-labels"])
    }

    @Test("a concept named both negated and plainly counts as found, not as negated")
    func negatedAndPlain() {
        let evaluation = evaluate("I would not retrain blindly. I would retrain on last month's data.")
        #expect(evaluation.concepts.foundIDs.contains("retraining"))
        #expect(!evaluation.concepts.negated.contains { $0.id == "retraining" })
    }

    @Test("a negation in one sentence does not reach the next")
    func negationStopsAtSentence() {
        let evaluation = evaluate("We did not expect that. Then we saw data drift.")
        #expect(evaluation.concepts.foundIDs == ["drift"])
    }
}
