import Testing
@testable import InterviewKit

@Suite("Substance: padding and gaming earn less than a real partial answer")
struct SubstanceTests {
    func evaluate(_ answer: String) -> Evaluation {
        Evaluator(question: Sample.question()).evaluate(answer)
    }

    static let partial = """
        I would compare each input feature's distribution in production with the training data to look for \
        data drift, starting with the features that feed the biggest segments.
        """

    @Test("a sentence that only names a topic earns a quarter of the concept")
    func bareMention() throws {
        let evaluation = evaluate("Data drift is important.")
        let drift = try #require(evaluation.concepts.found.first { $0.id == "drift" })
        #expect(drift.credit == Substance.floor)
        #expect(evaluation.notes.contains { $0.contains("say nothing more about it") })
    }

    @Test("a sentence that explains the idea earns it in full")
    func explained() throws {
        let drift = try #require(evaluate(Self.partial).concepts.found.first { $0.id == "drift" })
        #expect(drift.credit == 1)
    }

    @Test("padding, templates, dressed-up lists and the question pasted back score below a real partial answer", arguments: [
        String(repeating: "Data drift is very important. Monitoring is also important in this situation. Retraining is key. ", count: 12),
        "I would think about data drift and also about monitoring in this case. It is important to consider retraining as well. A canary is also something to keep in mind.",
        "We need the data drift, the monitoring, the retraining and the canary.",
        "Your model got worse in production. What would you do? Your model got worse in production. What would you do?",
    ])
    func gamingScoresBelowPartial(answer: String) {
        let partial = evaluate(Self.partial).score
        let gamed = evaluate(answer)
        #expect(gamed.score < partial, "gamed \(gamed.score) ≥ partial \(partial)")
        #expect(gamed.score <= 30)
    }

    @Test("terse notes read as sentences, a bare list of terms does not")
    func notesAreNotKeywords() {
        let notes = evaluate("- compare production inputs with training data for data drift per feature\n- retrain on the last three months of recent data\n- monitor the error rate daily with an alert on the team channel")
        let keywords = evaluate("data drift, PSI, retrain, recent data, monitor, alert")
        #expect(notes.delivery.keywordShare < 0.2)
        #expect(keywords.delivery.keywordShare > 0.8)
        #expect(notes.score > keywords.score + 20)
    }

    @Test("the same sentence repeated adds nothing")
    func repetition() {
        let once = evaluate(Self.partial).score
        let thrice = evaluate([Self.partial, Self.partial, Self.partial].joined(separator: " ")).score
        #expect(thrice <= once)
    }

    @Test("sentences that say nothing do not count towards the length band")
    func paddingIsNotLength() throws {
        let padded = evaluate(Self.partial + " " + String(repeating: "This is really important to consider in general. ", count: 20))
        let length = try #require(padded.component(.length))
        let bare = try #require(evaluate(Self.partial).component(.length))
        #expect(length.value <= bare.value)
        #expect(padded.notes.contains { $0.contains("do not count towards the length") })
    }

    @Test("above the band, length falls to nothing at twice the maximum", arguments: [
        (120, 1.0), (180, 0.5), (240, 0.0), (400, 0.0), (10, 0.5), (20, 1.0),
    ])
    func lengthAboveBand(words: Int, expected: Double) {
        #expect(Evaluator.lengthValue(words: words, band: LengthBand(min: 20, max: 120)) == expected)
    }
}
