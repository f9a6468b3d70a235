import Testing
@testable import InterviewKit

/// The answers that showed the engine rewarding vocabulary over understanding, scored by the real
/// question bank: each must now be judged as an interviewer would.
@Suite("The cases that showed the old engine rewarding vocabulary")
struct IssueExamplesTests {
    func evaluate(_ answer: String, _ question: String) throws -> Evaluation {
        try #require(RealBank.evaluators[question]).evaluate(answer)
    }

    @Test("rejecting a list of techniques and denying the trap earns nothing and quotes nothing as knowledge")
    func rejectedList() throws {
        let evaluation = try evaluate("I would not use SMOTE, class weights, undersampling, precision or recall; accuracy is not misleading.", "q4")
        #expect(evaluation.concepts.found.isEmpty, "\(evaluation.concepts.foundIDs)")
        #expect(evaluation.score <= 5)
        #expect(Set(evaluation.concepts.negated.map(\.id)).isSuperset(of: ["smote", "cost-sensitive", "undersampling", "right-metrics", "accuracy-paradox"]))
    }

    @Test("'specifically' is not 'specificity'")
    func specifically() throws {
        #expect(try evaluate("I specifically like this dataset.", "q4").concepts.found.isEmpty)
    }

    @Test("confidently wrong advice in the right vocabulary is flagged and scores low", arguments: [
        ("I would oversample the test set with SMOTE so both sets are balanced and the scores are easier to read.", "q4"),
        ("ROC-AUC is always better than precision-recall, so I would report ROC-AUC and nothing else.", "q4"),
        ("Data leakage is actually helpful, I'd keep leaky features because they make the holdout score look great.", "q1"),
    ])
    func wrongAdvice(answer: String, question: String) throws {
        let evaluation = try evaluate(answer, question)
        #expect(!evaluation.flags.isEmpty, "\(question): no red flag for \(answer)")
        #expect(evaluation.score <= 10)
    }

    @Test("one filler sentence per concept, and rejecting every concept, each score at most 30", arguments: ["q1", "q2", "q3", "q4", "q5"])
    func gamingStrategies(question: String) throws {
        let rubric = try #require(RealBank.question(question)).rubric
        let names = rubric.concepts.map { $0.phrases[0] }
        let filler = names.map { "I would think about \($0) and also about it in this case." }.joined(separator: " ")
        let rejecting = names.map { "Honestly, \($0) is a waste of time here, so I would skip it." }.joined(separator: " ")
        #expect(try evaluate(filler, question).score <= 30)
        #expect(try evaluate(rejecting, question).score <= 5)
    }
}
