import Testing
@testable import InterviewKit

@Suite("Wrong claims: misconceptions flagged, corrected and penalised")
struct WrongClaimsTests {
    static let testSet = Misconception(
        id: "resample-test-set", label: "Resampling the test set", penalty: 15,
        patterns: [[["oversample", "SMOTE", "resample", "balance the classes"], ["test set", "whole dataset", "before the split"]]],
        unless: ["only the training"],
        correction: "Resample only the training data, after the split; the test set keeps the real class ratio."
    )
    static let accuracy = Misconception(
        id: "accuracy-fine", label: "Accuracy is a fine metric here", penalty: 12,
        patterns: [[["accuracy"], ["good metric", "fine metric", "best metric"]]],
        correction: "With 1% positives accuracy rewards predicting the majority; report precision and recall."
    )

    static let question = Sample.question(rubric: Rubric(
        concepts: [
            Concept(id: "oversampling", label: "Oversample the minority class", phrases: ["oversample", "oversampling"], abbreviations: ["SMOTE"], tip: "Oversample."),
            Concept(id: "metrics", label: "Precision and recall", phrases: ["precision", "recall"], tip: "Report precision and recall."),
        ],
        misconceptions: [testSet, accuracy], stages: [], length: LengthBand(min: 20, max: 200)
    ))

    func evaluate(_ answer: String) -> Evaluation {
        Evaluator(question: Self.question).evaluate(answer)
    }

    @Test("a wrong claim is flagged with the quote, the correction and the penalty")
    func flagged() throws {
        let evaluation = evaluate("I would apply SMOTE to the whole dataset so that the test set is balanced too, and then report precision and recall for each class.")
        let flag = try #require(evaluation.flags.first)
        #expect(flag.id == "resample-test-set")
        #expect(flag.penalty == 15)
        #expect(flag.evidence.first?.text == "SMOTE to the whole dataset")
        #expect(flag.correction == Self.testSet.correction)
        #expect(evaluation.notes.contains { $0.contains("for a wrong claim") })
    }

    @Test("the penalty comes off the score")
    func penalty() {
        let right = evaluate("I would oversample the minority class in the training data, then report precision and recall on an untouched test split.")
        let wrong = evaluate("I would oversample the minority class in the whole dataset first, then report precision and recall on the test split.")
        #expect(wrong.flags.map(\.id) == ["resample-test-set"])
        #expect(right.flags.isEmpty)
        #expect(wrong.score <= right.score - 15)
    }

    @Test("a denied or warned-against claim is not flagged", arguments: [
        "Never oversample the test set; it must keep the real ratio.",
        "A common mistake is to apply SMOTE to the whole dataset before splitting.",
        "Oversampling before the split leaks copies of the same rows into the test set.",
        "I would oversample only the training fold, never the test set.",
        "Accuracy is not a good metric here.",
        "A close cousin is feature leakage: people oversample the whole dataset, which sneaks copies into the test split.",
    ])
    func warningIsNotAClaim(answer: String) {
        #expect(evaluate(answer).flags.isEmpty, "\(evaluate(answer).flags.map(\.id))")
    }

    @Test("a pattern's groups must meet in one sentence")
    func oneSentence() {
        #expect(evaluate("I would oversample the fraud cases. The test set keeps the real ratio.").flags.isEmpty)
    }

    @Test("a concept named inside a wrong claim earns nothing from it")
    func noCreditInsideClaim() {
        let evaluation = evaluate("I'd use SMOTE on the whole dataset.")
        #expect(!evaluation.concepts.foundIDs.contains("oversampling"))
    }

    @Test("each wrong claim counts once, however often it is made")
    func once() {
        let evaluation = evaluate("Accuracy is a good metric. Really, accuracy is the best metric. Accuracy is a fine metric.")
        #expect(evaluation.flags.map(\.id) == ["accuracy-fine"])
        #expect(evaluation.score == 0)
    }
}
