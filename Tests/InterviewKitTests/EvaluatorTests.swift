import Foundation
import Testing
@testable import InterviewKit

@Suite("Evaluator")
struct EvaluatorTests {
    let evaluator = Evaluator(question: Sample.question())

    /// An on-topic answer of exactly `count` words, scored only on length.
    // MARK: Determinism

    @Test("the same answer gives an identical evaluation, every time and from every evaluator")
    func determinism() throws {
        let first = evaluator.evaluate(Sample.strongAnswer, duration: 42)
        let second = evaluator.evaluate(Sample.strongAnswer, duration: 42)
        let other = Evaluator(question: Sample.question()).evaluate(Sample.strongAnswer, duration: 42)
        #expect(first == second)
        #expect(first == other)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(first) == encoder.encode(other))
    }

    @Test("an evaluation records the engine version, whether synonyms were at hand, and the rubric's hash")
    func provenance() {
        let evaluation = evaluator.evaluate(Sample.strongAnswer)
        #expect(evaluation.engine == Evaluator.engineVersion + Evaluator.withoutSynonyms)
        #expect(evaluation.engine == evaluator.engine)
        let withSynonyms = Evaluator(question: Sample.question(), similarWords: SimilarWordsTests.similarWords)
        #expect(withSynonyms.evaluate(Sample.strongAnswer).engine == Evaluator.engineVersion)
        #expect(evaluation.rubricHash == "test-drift")
        #expect(evaluation.question == "drift")
    }

    // MARK: Concepts

    @Test("a strong answer finds every concept, and each piece of evidence quotes the answer")
    func evidenceQuotesTheAnswer() {
        let answer = "😀 Résumé first: " + Sample.strongAnswer
        let evaluation = evaluator.evaluate(answer)
        #expect(evaluation.concepts.foundIDs == ["drift", "retraining", "monitoring", "rollout"])
        for concept in evaluation.concepts.found {
            #expect(!concept.evidence.isEmpty)
            for evidence in concept.evidence {
                #expect(answer.scalars(evidence.start..<evidence.end) == evidence.text, "\(concept.id)")
            }
        }
        for stage in evaluation.stages {
            if let evidence = stage.evidence {
                #expect(answer.scalars(evidence.start..<evidence.end) == evidence.text, "\(stage.id)")
            }
        }
        let drift = evaluation.concepts.found.first { $0.id == "drift" }
        #expect(drift?.evidence.map(\.text) == ["data drift", "PSI"])
        #expect(drift?.evidence.map(\.phrase) == ["data drift", "PSI"])
    }

    @Test("a missed concept carries its tip and the points it would have earned")
    func missedConceptTip() throws {
        let evaluation = evaluator.evaluate("First I would check for data drift, then retrain the model and monitor it.")
        let rollout = try #require(evaluation.concepts.missed.first { $0.id == "rollout" })
        #expect(rollout.tip == Sample.rollout.tip)
        #expect(rollout.label == Sample.rollout.label)
        #expect(rollout.pointsLost == 8.1, "1 of 8 weight of 65 coverage points")
        #expect(evaluation.concepts.missed.map(\.id) == ["rollout"])
    }

    @Test("a concept named only to reject it is reported as negated, with its evidence")
    func negatedConceptReported() throws {
        let answer = "I would not retrain it. I would check for data drift."
        let evaluation = evaluator.evaluate(answer)
        let negated = try #require(evaluation.concepts.negated.first)
        #expect(negated.id == "retraining")
        #expect(negated.evidence.map(\.text) == ["retrain"])
        #expect(evaluation.concepts.missed.contains { $0.id == "retraining" })
    }

    @Test("coverage is the weight of the concepts found, each times its credit, over the weight of all")
    func coverageShare() throws {
        let evaluation = evaluator.evaluate("We would compare the input distributions against training to check for data drift. Then we retrain the model on the three most recent months of transactions.")
        #expect(evaluation.concepts.foundIDs == ["drift", "retraining"])
        let drift = try #require(evaluation.concepts.found.first { $0.id == "drift" })
        let retraining = try #require(evaluation.concepts.found.first { $0.id == "retraining" })
        #expect(drift.credit == 1 && retraining.credit == 1)
        #expect(evaluation.component(.coverage)?.value == 0.625)
    }

    // MARK: Structure

    @Test("stages taken in the expected order are all present")
    func stagesInOrder() {
        let evaluation = evaluator.evaluate(Sample.strongAnswer)
        #expect(evaluation.stages.map(\.status) == [.present, .present, .present])
        #expect(evaluation.stages.map(\.sentence) == [0, 1, 2])
        // Every stage present and in order: the whole component, times the concepts' mean credit and
        // how far the answer is on topic.
        let credits = evaluation.concepts.found.map(\.credit)
        let mean = credits.reduce(0, +) / Double(credits.count)
        let onTopic = min(1, (evaluation.component(.coverage)?.value ?? 0) / Evaluator.coverageForFullStructure)
        #expect(abs((evaluation.component(.structure)?.value ?? 0) - mean * onTopic) < 0.002)
    }

    @Test("a stage taken before the ones it should follow is out of order, and structure earns less")
    func stagesSwapped() {
        let evaluation = evaluator.evaluate("I would monitor the model on a dashboard. First I would look for data drift. Then I would fix it.")
        let status = Dictionary(uniqueKeysWithValues: evaluation.stages.map { ($0.id, $0.status) })
        #expect(status == ["diagnose": .present, "fix": .present, "monitor": .outOfOrder])
        // Three of three present, two of them in order: (½ + ½ × ⅔), times the concepts' mean credit and
        // how far the answer is on topic.
        let credits = evaluation.concepts.found.map(\.credit)
        let mean = credits.reduce(0, +) / Double(credits.count)
        let onTopic = min(1, (evaluation.component(.coverage)?.value ?? 0) / Evaluator.coverageForFullStructure)
        #expect(abs((evaluation.component(.structure)?.value ?? 0) - 0.8333 * mean * onTopic) < 0.002)
    }

    @Test("a stage the answer never reaches is missing")
    func stageMissing() {
        let evaluation = evaluator.evaluate("First I would look for data drift. Then I would retrain the model.")
        #expect(evaluation.stages.map(\.status) == [.present, .present, .missing])
        #expect(evaluation.stages.last?.evidence == nil)
    }

    // MARK: Length

    @Test("length earns in full inside the band, falls linearly below it, and above it falls to nothing at twice the maximum", arguments: [
        (10, 0.5), (15, 0.75), (20, 1.0), (60, 1.0), (100, 1.0), (150, 0.5), (200, 0.0), (400, 0.0),
    ])
    func lengthBand(words: Int, expected: Double) {
        #expect(Evaluator.lengthValue(words: words, band: LengthBand(min: 20, max: 100)) == expected)
    }

    @Test("the length component counts the words of sentences that say something")
    func lengthCountsSubstantiveWords() throws {
        let rubric = Sample.rubric(concepts: [Sample.drift], stages: [], length: LengthBand(min: 20, max: 100),
                                   weights: ComponentWeights(coverage: 1, structure: 0, length: 1, delivery: 0))
        let evaluator = Evaluator(question: Sample.question(rubric: rubric))
        let real = evaluator.evaluate("We saw data drift in the payment amounts from the new region, so the features feeding those segments moved away from what the model learned last spring.")
        let padded = evaluator.evaluate("We saw data drift in the payment amounts from the new region. " + String(repeating: "This is very important. ", count: 12))
        #expect(try #require(real.component(.length)).value == 1)
        #expect(try #require(padded.component(.length)).value < 1)
    }

    // MARK: Delivery

    @Test("fillers and hedges are counted, and cost delivery points")
    func fillersAndHedges() {
        let evaluation = evaluator.evaluate("Um, basically I would retrain the model, you know, and I guess monitor it. Maybe.")
        let fillers = Dictionary(uniqueKeysWithValues: evaluation.delivery.fillers.map { ($0.word, $0.count) })
        let hedges = Dictionary(uniqueKeysWithValues: evaluation.delivery.hedges.map { ($0.word, $0.count) })
        #expect(fillers == ["um": 1, "basically": 1, "you know": 1])
        #expect(hedges == ["i guess": 1, "maybe": 1])
        #expect(evaluation.delivery.fillerCount == 3)
        #expect(evaluation.delivery.hedgeCount == 2)
        let fluent = evaluator.evaluate("I would retrain the model, and I would monitor it.")
        #expect((evaluation.component(.delivery)?.value ?? 1) < (fluent.component(.delivery)?.value ?? 0))
    }

    @Test("with a duration, words per minute are reported; without one, they are not")
    func wordsPerMinute() {
        let answer = Array(repeating: "we retrain the model and monitor it", count: 5).joined(separator: ". ")
        #expect(evaluator.evaluate(answer, duration: 30).delivery.wordsPerMinute == 70)
        #expect(evaluator.evaluate(answer, duration: 30).delivery.durationSeconds == 30)
        #expect(evaluator.evaluate(answer).delivery.wordsPerMinute == nil)
        #expect(evaluator.evaluate(answer, duration: 0).delivery.wordsPerMinute == nil)
    }

    // MARK: Discounts and caps

    @Test("a bare list of the right terms has its coverage discounted and scores far below prose")
    func keywordList() {
        let keywords = evaluator.evaluate("data drift, PSI, retrain, monitor, alert, canary")
        let prose = evaluator.evaluate("I would check for data drift with a PSI, retrain the model, monitor it and alert on it, and release it as a canary.")
        #expect(keywords.concepts.foundIDs == prose.concepts.foundIDs)
        #expect((keywords.component(.coverage)?.value ?? 1) < (prose.component(.coverage)?.value ?? 0))
        #expect(keywords.notes.contains { $0.hasPrefix("Coverage counted at") })
        #expect(keywords.delivery.keywordShare == 1)
        #expect(keywords.score < prose.score / 2)
    }

    @Test("a fluent off-topic answer scores near zero")
    func offTopic() {
        let evaluation = evaluator.evaluate("I enjoy hiking on weekends with my friends, and in the evenings we cook a big dinner together for the whole family.")
        #expect(evaluation.score < 5)
        #expect(evaluation.concepts.found.isEmpty)
        #expect(evaluation.notes.contains { $0.hasPrefix("Length and delivery counted at 0%") })
    }

    @Test("a missed required concept caps the score at 60")
    func requiredConceptCap() {
        var drift = Sample.drift
        drift.weight = 1
        var retraining = Sample.retraining, monitoring = Sample.monitoring, rollout = Sample.rollout
        (retraining.weight, monitoring.weight, rollout.weight) = (3, 3, 3)
        let answer = """
            First I would find the root cause with the team. To fix it I would retrain the model on recent data. \
            Then I would monitor it on a dashboard and alert the team when errors rise. The new model goes out as a canary.
            """
        let optional = Evaluator(question: Sample.question(rubric: Sample.rubric(concepts: [drift, retraining, monitoring, rollout]))).evaluate(answer)
        drift.required = true
        let required = Evaluator(question: Sample.question(rubric: Sample.rubric(concepts: [drift, retraining, monitoring, rollout]))).evaluate(answer)
        #expect(optional.score > 60)
        #expect(required.score == 60)
        #expect(required.notes.contains { $0.hasPrefix("Score capped at 60") && $0.contains(drift.label) })
        #expect(required.concepts.missed.first { $0.id == "drift" }?.required == true)
    }

    @Test("the score is the sum of the component points, within 0 and 100")
    func scoreAddsUp() {
        for answer in [Sample.strongAnswer, "I would retrain.", "data drift, PSI", "Hello there."] {
            let evaluation = evaluator.evaluate(answer)
            let points = evaluation.components.reduce(0) { $0 + $1.points }
            #expect(abs(points - evaluation.score) <= 0.25, "\(answer)")
            #expect((0...100).contains(evaluation.score))
            #expect(evaluation.components.map(\.name) == ComponentScore.Name.allCases)
        }
        #expect(evaluator.evaluate(Sample.strongAnswer).score >= 85)
    }

    @Test("an empty answer scores 0 and misses every concept", arguments: ["", "   ", "\n\n", "…?!"])
    func emptyAnswer(answer: String) {
        let evaluation = evaluator.evaluate(answer, duration: 5)
        #expect(evaluation.score == 0)
        #expect(evaluation.words == 0)
        #expect(evaluation.sentences == 0)
        #expect(evaluation.concepts.found.isEmpty)
        #expect(evaluation.concepts.missed.count == 4)
        #expect(evaluation.stages.allSatisfy { $0.status == .missing })
        #expect(evaluation.delivery.wordsPerMinute == nil)
    }

    @Test("a rubric without stages scores structure as nothing, without crashing")
    func noStages() {
        let evaluation = Evaluator(question: Sample.question(rubric: Sample.rubric(stages: []))).evaluate(Sample.strongAnswer)
        #expect(evaluation.stages.isEmpty)
        #expect(evaluation.component(.structure)?.value == 0)
    }

    // MARK: Mentions

    @Test("an answer mentions a phrase it names outside a negation", arguments: [
        ("I'd retrain the model", true),
        ("We would be retraining weekly", true),
        ("I would not retrain", false),
        ("I'd monitor it", false),
    ])
    func mentions(answer: String, expected: Bool) {
        #expect(evaluator.mentions(["retrain"], in: answer) == expected)
    }
}
