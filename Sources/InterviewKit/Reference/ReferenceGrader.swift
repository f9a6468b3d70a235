import Foundation

/// Grades answers against model answers instead of a rubric: the algorithm tuned on SemEval-2013
/// (the prototype in `/work/scratch/semeval`, its SPEC ported faithfully), for questions that have a
/// model answer but no hand-written rubric.
///
/// It measures how much of the best-matching model answer the answer covers, weighting rare words
/// more (IDF over the batch), discounting words the question already gives away, reading "not open"
/// as "closed" (WordNet antonyms), crediting first-sense synonyms half and repairing misspellings of the
/// model answer's words. With labelled answers to the same question it also asks how near the answer
/// comes to the correct and the incorrect ones. A logistic model turns the features into a decision
/// and a score, `round(100·σ(z − logit(threshold)))`, so that 50 is the pass line.
///
/// ```swift
/// let grader = ReferenceGrader(question: ReferenceQuestion(references: ["The switch is closed."]))
/// let grade = grader.grade("The switch is not open.")
/// grade.correct          // true
/// grade.evaluation.score // 0…100
/// ```
///
/// Build one per question and reuse it across answers; the model answers and examples are analysed
/// once, here. Deterministic: the same inputs always give the same grade.
public struct ReferenceGrader: Sendable {
    /// Stored with every evaluation; bump it whenever a change can change a grade.
    public static let engineVersion = "mock-interview-reference/1.0"
    /// The weight factor of stems that occur in the question.
    public static let questionDiscount = 0.3
    /// The credit of a match through a WordNet synonym.
    public static let synonymCredit = 0.5
    /// What a polarity-flipped match costs in `pol`, as a share of the term's weight.
    public static let flipPenalty = 1.0

    public let question: ReferenceQuestion
    public let profile: ReferenceProfile
    public let corpus: ReferenceCorpus
    let analyzer: ReferenceAnalyzer
    let questionText: ReferenceText
    let references: [(text: ReferenceText, scalars: [Unicode.Scalar])]
    let parts: [ReferenceText]
    let spelling: SpellingRepair
    let neighbours: ExampleNeighbours?
    let tokenizer: Tokenizer

    /// - Parameters:
    ///   - profile: the tuned weights; `nil` picks one from the references (`ReferenceProfile.automatic`).
    ///   - corpus: IDF statistics of the batch; `.uniform` for a single answer.
    ///   - analyzer: carries the WordNet lexicon, if there is one.
    public init(question: ReferenceQuestion, profile: ReferenceProfile? = nil, corpus: ReferenceCorpus = .uniform,
                analyzer: ReferenceAnalyzer = ReferenceAnalyzer()) {
        self.question = question
        self.profile = profile ?? .automatic(for: question.references)
        self.corpus = corpus
        self.analyzer = analyzer
        questionText = question.question.map { analyzer.analyze($0) } ?? .empty
        references = question.references.map { (analyzer.analyze($0), Array($0.unicodeScalars)) }
        parts = question.references.flatMap { analyzer.parts(of: $0) }
        spelling = SpellingRepair(vocabulary: [questionText] + references.map(\.text))
        neighbours = question.hasUsableExamples ? ExampleNeighbours(question.examples, analyzer: analyzer, corpus: corpus) : nil
        tokenizer = Tokenizer(stemmer: analyzer.stemmer)
    }

    var lexicon: WordNetLexicon? { analyzer.lexicon }

    /// The model the grades come from: M1 when the question has usable labelled examples, else M0.
    public var model: ReferenceProfile.Model {
        neighbours == nil ? profile.withoutExamples : profile.withExamples
    }

    /// Only this many characters (Unicode scalars) of an answer are graded, as in the rubric engine,
    /// so that whatever is piped in, grading takes bounded time.
    public static let maximumAnswerLength = 100_000

    /// Grades `answer`; `duration` (seconds) adds words per minute to the delivery report.
    public func grade(_ fullAnswer: String, duration: Double? = nil) -> ReferenceGrade {
        let scalarCount = fullAnswer.unicodeScalars.count
        let answer = scalarCount > Self.maximumAnswerLength
            ? String(String.UnicodeScalarView(fullAnswer.unicodeScalars.prefix(Self.maximumAnswerLength))) : fullAnswer
        let analysed = analyzer.analyze(answer)
        let (repaired, corrections) = spelling.repair(analysed)
        let measured = measure(repaired)
        var features = measured.features
        var neighbourSummary: (nearestCorrect: Double, nearestIncorrect: Double, vote: Double, correctVoters: Int)?
        if let neighbours {
            let summary = neighbours.features(of: analysed, corpus: corpus)
            features.knnC = summary.nearestCorrect
            features.knnI = summary.nearestIncorrect
            features.knnVote = summary.vote
            neighbourSummary = summary
        }
        let model = self.model
        let z = model.logit(features)
        let probability = Self.sigmoid(z)
        let correct = probability >= model.threshold
        let shift = log(model.threshold / (1 - model.threshold))
        let rawScore = 100 * Self.sigmoid(z - shift)

        let reference = references.isEmpty ? (text: ReferenceText.empty, scalars: []) : references[measured.best]
        let words = tokenizer.analyze(answer)
        let components = components(features: features, model: model, z: z, shift: shift, rawScore: rawScore,
                                    answer: repaired, reference: reference.text, neighbours: neighbourSummary)
        let terms = concepts(answer: repaired, answerScalars: Array(answer.unicodeScalars), reference: reference,
                             features: features, model: model, z: z - shift, rawScore: rawScore,
                             coveragePoints: components.first?.points ?? 0)

        var notes: [String] = []
        if scalarCount > Self.maximumAnswerLength {
            notes.append("Only the first \(Self.maximumAnswerLength) characters of \(scalarCount) were graded.")
        }
        let referenceCount = references.count == 1 ? "1 model answer" : "\(references.count) model answers"
        let closest = references.count > 1 ? " (the closest: #\(measured.best + 1))" : ""
        let exampleCount = neighbours.map { " and \($0.count) labelled examples" } ?? ""
        notes.append("Graded against \(referenceCount)\(closest)\(exampleCount), profile \(profile.name.rawValue), model \(model.kind.rawValue).")
        notes.append("Decision: \(correct ? "correct" : "incorrect") (probability \(Self.format(probability, digits: 2)) against the threshold \(Self.format(model.threshold, digits: 2)); the score puts the pass line at 50).")
        if !question.examples.isEmpty && neighbours == nil {
            notes.append("Labelled examples not used: they need at least one correct and one incorrect answer.")
        }
        notes.append(corpus.isUniform
            ? "Term weights uniform: a single answer, or a batch of fewer than \(ReferenceCorpus.minimumDocuments) documents, gives no IDF statistics."
            : "Term weights: IDF over the \(corpus.documentCount) documents of the batch.")
        if lexicon == nil {
            notes.append("WordNet not found: synonyms and antonyms not used.")
        }
        if !corrections.isEmpty {
            let list = corrections.prefix(5).map { "“\($0.from)” as “\($0.to)”" }.joined(separator: ", ")
            notes.append("Read as misspellings of the model answer's words: \(list).")
        }

        let delivery = DeliveryAnalyzer.analyze(words, duration: duration, keywordShare: ProseShape.measure(words).keywordShare)
        let score = rawScore.rounded(.toNearestOrEven)
        let evaluation = Evaluation(
            question: "reference", score: score, components: components.map(Evaluator.rounded),
            concepts: terms, stages: [], words: words.wordCount, sentences: words.sentences.count, delivery: delivery,
            notes: notes, engine: Self.engineVersion, rubricHash: contentHash
        )
        let grading = ReferenceGrade.Grading(
            profile: profile.name, model: model.kind, probability: probability, threshold: model.threshold,
            features: features, bestReference: measured.best, references: references.count,
            examples: neighbours?.count ?? 0, wordNet: lexicon != nil, idfDocuments: corpus.isUniform ? 0 : corpus.documentCount
        )
        return ReferenceGrade(evaluation: evaluation, correct: correct, grading: grading)
    }

    /// A fingerprint of what the answer was graded against (stored like a rubric's hash).
    var contentHash: String {
        var parts = question.references
        parts.append(question.question ?? "")
        parts += question.examples.map { ($0.correct ? "+" : "-") + $0.answer }
        parts.append(profile.name.rawValue)
        return ContentHash.of(parts.joined(separator: "\u{1F}"))
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
