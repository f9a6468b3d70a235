import Foundation
import Testing
@testable import InterviewKit

/// WordNet, read once for the whole suite (Debian's wordnet-base; tests that need it are skipped without it).
enum SharedLexicon {
    static let wordNet = WordNetLexicon.load()
    static var analyzer: ReferenceAnalyzer { ReferenceAnalyzer(lexicon: wordNet) }
}

@Suite("Reference grading")
struct ReferenceGraderTests {
    let circuit = ReferenceQuestion(
        references: ["The bulb lights because the switch is closed and the circuit is complete."],
        question: "What happens when the switch is closed?"
    )

    func grader(_ question: ReferenceQuestion, corpus: ReferenceCorpus = .uniform, lexicon: WordNetLexicon? = SharedLexicon.wordNet) -> ReferenceGrader {
        ReferenceGrader(question: question, corpus: corpus, analyzer: ReferenceAnalyzer(lexicon: lexicon))
    }

    // MARK: Grades

    @Test("a correct paraphrase beats an unrelated answer")
    func paraphrase() {
        let grader = grader(circuit)
        let paraphrase = grader.grade("The circuit is complete since the switch is closed, so the bulb lights up.")
        let unrelated = grader.grade("Plants need sunlight and water to grow tall.")
        #expect(paraphrase.score > unrelated.score + 30)
        #expect(paraphrase.correct)
        #expect(!unrelated.correct)
        #expect(Set(paraphrase.evaluation.concepts.found.map(\.id)).isSuperset(of: ["bulb", "light", "switch", "close", "circuit", "complet"]))
        #expect(unrelated.evaluation.concepts.found.isEmpty)
        #expect(unrelated.evaluation.concepts.missed.allSatisfy { $0.tip.hasPrefix("The model answer mentions") })
    }

    @Test("a negated answer is reported negated and scores lower than the affirmed one")
    func negation() {
        let grader = grader(ReferenceQuestion(references: ["the switch is closed"]))
        let affirmed = grader.grade("the switch is closed")
        let negated = grader.grade("the switch is not closed")
        #expect(negated.score < affirmed.score)
        #expect(negated.grading.features.negmis > 0)
        #expect(negated.evaluation.concepts.negated.map(\.id) == ["close"])
        #expect(negated.evaluation.concepts.negated.first?.evidence.first?.text == "closed")
        #expect(negated.evaluation.concepts.missed.map(\.id) == ["close"])
        #expect(affirmed.evaluation.concepts.negated.isEmpty)
    }

    @Test("'not open' matches 'closed' through a WordNet antonym; 'open' contradicts it", .enabled(if: SharedLexicon.wordNet != nil))
    func antonyms() {
        let grader = grader(ReferenceQuestion(references: ["The switch is closed."]))
        let notOpen = grader.grade("The switch is not open.")
        let open = grader.grade("The switch is open.")
        #expect(notOpen.grading.features.pol == 1)
        #expect(open.grading.features.pol == 0)
        #expect(notOpen.evaluation.concepts.found.map(\.id).contains("close"))
        #expect(open.evaluation.concepts.negated.map(\.id) == ["close"])
        #expect(notOpen.score > open.score)
    }

    @Test("evidence ranges are Unicode-scalar offsets into the answer and quote it")
    func evidence() {
        let answer = "🙂 Hé said: the circuit’s complete — the switch is closed, so the bulb lights."
        let evaluation = grader(circuit).grade(answer).evaluation
        let scalars = Array(answer.unicodeScalars)
        let quoted = evaluation.concepts.found.flatMap(\.evidence)
        #expect(quoted.count >= 5)
        for evidence in quoted {
            #expect(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])) == evidence.text)
        }
        #expect(quoted.contains { $0.text == "circuit" }, "the possessive is dropped, as the prototype drops it")
        #expect(quoted.contains { $0.text == "switch" })
        #expect(evaluation.stages.isEmpty)
    }

    @Test("the same inputs give an identical grade, from every grader")
    func determinism() throws {
        let answer = "The circuit is complete since the switch is closed, so the bulb lights up."
        let first = grader(circuit).grade(answer, duration: 12)
        let second = grader(circuit).grade(answer, duration: 12)
        #expect(first == second)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(first) == encoder.encode(second))
    }

    @Test("score = round(100·σ(z − logit(threshold))), so 50 is the pass line")
    func scoreScale() {
        let grader = grader(circuit)
        for answer in ["the bulb lights", "the switch is closed and the circuit is complete", "no idea", "the bulb lights because the switch is closed"] {
            let grade = grader.grade(answer)
            let model = grader.model
            let z = model.logit(grade.grading.features)
            #expect(grade.correct == (grade.grading.probability >= model.threshold))
            #expect(grade.score == (100 / (1 + exp(-(z - log(model.threshold / (1 - model.threshold)))))).rounded())
            if grade.score != 50 { #expect((grade.score > 50) == grade.correct) }
            let points = grade.evaluation.components.reduce(0) { $0 + $1.points }
            #expect(abs(points - grade.score) < 1, "the component points add up to the score")
        }
    }

    // MARK: IDF

    @Test("IDF comes from the batch: common words weigh less than rare ones; small batches and single answers are uniform")
    func idf() {
        let analyzer = SharedLexicon.analyzer
        var builder = ReferenceCorpus.Builder(analyzer: analyzer)
        for index in 0..<40 {
            let answer = index.isMultiple(of: 8) ? "the bulbs are in series" : "the bulb lights when the switch is closed"
            builder.add(circuit, answer: answer)
        }
        let corpus = builder.corpus()
        #expect(corpus.documentCount == 42, "the question and the reference count once, every answer once")
        #expect(!corpus.isUniform)
        #expect(corpus.idf("bulb") < corpus.idf("seri"))
        #expect(corpus.idf("unheard") == log(43))
        #expect(ReferenceCorpus.uniform.idf("bulb") == 1)

        var small = ReferenceCorpus.Builder(analyzer: analyzer)
        for _ in 0..<10 { small.add(circuit, answer: "the bulb lights") }
        #expect(small.corpus().isUniform)

        let answer = "the bulbs are in series and the switch is closed"
        let weighted = grader(circuit, corpus: corpus).grade(answer)
        let uniform = grader(circuit).grade(answer)
        #expect(weighted.grading.features.prec != uniform.grading.features.prec)
        #expect(weighted.grading.idfDocuments == 42)
        #expect(uniform.grading.idfDocuments == 0)
        #expect(uniform.evaluation.notes.contains { $0.hasPrefix("Term weights uniform") })
        #expect(weighted.evaluation.notes.contains("Term weights: IDF over the 42 documents of the batch."))
    }

    @Test("a list of examples shared by many lines counts once")
    func examplesCountOnce() {
        var builder = ReferenceCorpus.Builder(analyzer: ReferenceAnalyzer())
        let question = ReferenceQuestion(references: ["closed path"], examples: [
            LabelledExample(answer: "a closed path", correct: true), LabelledExample(answer: "the battery", correct: false),
        ])
        builder.add(question, answer: "one")
        builder.add(question, answer: "two")
        #expect(builder.documentCount == 1 + 2 + 2)
    }

    // MARK: WordNet

    @Test("without WordNet it still grades, and says so")
    func withoutWordNet() {
        #expect(WordNetLexicon.load(from: "/nonexistent/wordnet") == nil)
        let missing = WordNetLexicon.load(from: "/nonexistent/wordnet")
        let grade = grader(ReferenceQuestion(references: ["The switch is closed."]), lexicon: missing).grade("The switch is not open.")
        #expect(!grade.grading.wordNet)
        #expect(grade.evaluation.notes.contains("WordNet not found: synonyms and antonyms not used."))
        #expect(grade.evaluation.concepts.found.map(\.id) == ["switch"])
        #expect((0...100).contains(grade.score))
    }

    @Test("WordNet: antonyms both ways, first-sense synonyms, comparatives", .enabled(if: SharedLexicon.wordNet != nil))
    func lexicon() throws {
        let wordNet = try #require(SharedLexicon.wordNet)
        #expect(wordNet.antonyms(of: "open").contains("close"))
        #expect(wordNet.antonyms(of: "close").contains("open"))
        #expect(wordNet.antonyms(of: "increas").contains("decreas"))
        #expect(wordNet.antonyms(of: "posit").contains("negat"))
        for (word, base) in [("louder", "loud"), ("bigger", "big"), ("heavier", "heavy"), ("better", "good"), ("hottest", "hot")] {
            #expect(wordNet.baseAdjective(of: word) == base, "\(word)")
        }
        #expect(wordNet.baseAdjective(of: "water") == nil)
        #expect(wordNet.baseAdjective(of: "bulb") == nil)
    }

    // MARK: Labelled examples

    @Test("labelled examples raise the score of an answer close to a correct one")
    func examples() {
        let reference = "The bulb is in a closed path with the battery."
        let answer = "There is a closed path from the battery through the bulb and back."
        let labelled = [
            LabelledExample(answer: "there is a closed path from the battery through the bulb", correct: true),
            LabelledExample(answer: "the bulb and the battery are in a closed path", correct: true),
            LabelledExample(answer: "the battery is dead", correct: false),
            LabelledExample(answer: "because the switch is open", correct: false),
        ]
        let without = grader(ReferenceQuestion(references: [reference])).grade(answer)
        let with = grader(ReferenceQuestion(references: [reference], examples: labelled)).grade(answer)
        let flippedLabels = grader(ReferenceQuestion(references: [reference], examples: labelled.map {
            LabelledExample(answer: $0.answer, correct: !$0.correct)
        })).grade(answer)
        #expect(without.grading.model == .m0)
        #expect(with.grading.model == .m1)
        #expect(with.grading.examples == 4)
        #expect(with.score > without.score)
        #expect(with.score > flippedLabels.score)
        #expect(with.grading.features.knnC > with.grading.features.knnI)
        #expect(with.evaluation.component(.delivery)?.weight == 1)
        #expect(without.evaluation.component(.delivery)?.weight == 0)
    }

    @Test("examples of one label only are not used")
    func oneSidedExamples() {
        let question = ReferenceQuestion(references: ["closed path"], examples: [LabelledExample(answer: "a closed path", correct: true)])
        let grade = grader(question).grade("a closed path")
        #expect(grade.grading.model == .m0)
        #expect(grade.evaluation.notes.contains { $0.hasPrefix("Labelled examples not used") })
    }

    // MARK: Profiles

    @Test("sciEntsBank for one model answer, beetle for several short ones")
    func automaticProfile() {
        #expect(ReferenceProfile.automatic(for: ["The switch is closed."]).name == .sciEntsBank)
        #expect(ReferenceProfile.automatic(for: ["the switch is closed", "the circuit is complete"]).name == .beetle)
        let long = String(repeating: "word ", count: 40)
        #expect(ReferenceProfile.automatic(for: [long, long]).name == .sciEntsBank)
        #expect(ReferenceGrader(question: ReferenceQuestion(references: ["a", "b"]), profile: .sciEntsBank).profile.name == .sciEntsBank)
    }

    // MARK: Parity with the prototype

    /// Features the Python prototype (`/work/scratch/semeval/prototype.py`, with Debian's libstemmer and
    /// uniform IDF) computed for these items.
    static let prototypeCases: [(question: String, references: [String], answer: String, examples: [LabelledExample], features: [String: Double])] = [
        ("What happens when the switch is closed?", ["The bulb lights because the switch is closed and the circuit is complete."],
         "The circuit is complete since the swich is closed, so the bulb lights up.", [],
         ["prec": 0.6969696969696969, "big": 0.6, "negmis": 0, "ant": 0, "yn": 0, "qshare": 0.25, "loglen": 2.1972245773362196, "pol": 1, "recS": 1, "reflen": 1.9459101490553132]),
        ("Why was the voltage not 0?", ["Terminal 1 and the positive terminal are separated by the gap", "The gap separates terminal 1 from the positive terminal"],
         "because terminal one isn't connected to the positive terminal", [],
         ["prec": 0.75, "big": 0.4, "negmis": 0.6666666666666666, "ant": 0, "yn": 0, "qshare": 0, "loglen": 1.791759469228055, "pol": -0.2, "recS": 0, "reflen": 1.9459101490553132]),
        ("Is the switch open or closed?", ["The switch is closed."], "The switch is not open.", [],
         ["prec": 0.5, "big": 0, "negmis": 0, "ant": 1, "yn": 0, "qshare": 1, "loglen": 1.0986122886681098, "pol": 1, "recS": 1, "reflen": 1.0986122886681098]),
        ("Is the switch open or closed?", ["The switch is closed."], "The switch is open.", [],
         ["prec": 0.5, "big": 0, "negmis": 0, "ant": 1, "yn": 0, "qshare": 1, "loglen": 1.0986122886681098, "pol": 0, "recS": 0, "reflen": 1.0986122886681098]),
        ("Do heavier objects fall faster?", ["No, heavier objects fall at the same rate as lighter ones; so the time is the same."],
         "Yes, the heavier one falls faster because it weighs more.", [],
         ["prec": 0.2244897959183674, "big": 0, "negmis": 0, "ant": 0, "yn": -1, "qshare": 0.42857142857142855, "loglen": 2.0794415416798357, "pol": 0.016949152542372878, "recS": 0.02040816326530612, "reflen": 2.302585092994046]),
        ("Why does the bulb not light?", ["The bulb is not in a closed path with the battery"],
         "There's no closed path: the bulb can't light, it's separated by a gap.",
         [LabelledExample(answer: "the bulb is in a closed path", correct: true), LabelledExample(answer: "the battery is dead", correct: false),
          LabelledExample(answer: "the bulb is not connected in a closed path to the battery", correct: true), LabelledExample(answer: "because the switch is open", correct: false)],
         ["prec": 0.5, "big": 0.3333333333333333, "negmis": 0, "ant": 0, "yn": 0, "qshare": 0.3333333333333333, "loglen": 1.9459101490553132, "pol": 0.6969696969696969,
          "recS": 0.6969696969696969, "reflen": 1.6094379124341003, "knn_c": 0.49276372832628723, "knn_i": 0, "knn_vote": 1]),
    ]

    @Test("the features match the Python prototype's", .enabled(if: SharedLexicon.wordNet != nil), arguments: prototypeCases.indices)
    func prototypeParity(index: Int) {
        let item = Self.prototypeCases[index]
        let grade = grader(ReferenceQuestion(references: item.references, question: item.question, examples: item.examples)).grade(item.answer)
        let features = Dictionary(uniqueKeysWithValues: grade.grading.features.named.map { ($0.name, $0.value) })
        for (name, expected) in item.features {
            #expect(abs((features[name] ?? .nan) - expected) < 1e-9, "\(name): \(features[name] ?? .nan) ≠ \(expected)")
        }
    }

    // MARK: SemEval smoke test

    @Test("SemEval-2013: the first 200 answers of sciEntsBank unseen-answers reach a macro-F1 above 0.6",
          .enabled(if: SemEvalSample.available && SharedLexicon.wordNet != nil))
    func semEvalSmoke() throws {
        let items = try SemEvalSample.items("sciEntsBank-test-unseen-answers", limit: 200)
        let train = try SemEvalSample.items("sciEntsBank-train", limit: nil)
        var examples: [String: [LabelledExample]] = [:]
        for item in train { examples[item.qid, default: []].append(LabelledExample(answer: item.answer, correct: item.correct)) }
        let questions = items.map { ReferenceQuestion(references: $0.references, question: $0.question, examples: examples[$0.qid] ?? []) }
        var builder = ReferenceCorpus.Builder(analyzer: SharedLexicon.analyzer)
        for (item, question) in zip(items, questions) { builder.add(question, answer: item.answer) }
        let corpus = builder.corpus()
        var graders: [ReferenceQuestion: ReferenceGrader] = [:]
        var predicted: [Bool] = []
        for (item, question) in zip(items, questions) {
            let grader = graders[question] ?? ReferenceGrader(question: question, profile: .sciEntsBank, corpus: corpus, analyzer: SharedLexicon.analyzer)
            graders[question] = grader
            predicted.append(grader.grade(item.answer).correct)
        }
        let f1 = SemEvalSample.macroF1(gold: items.map(\.correct), predicted: predicted)
        #expect(f1 > 0.6, "macro-F1 \(f1)")
    }

    // MARK: Analysis (SPEC §1)

    @Test("the analysis follows the prototype: contractions, negation over three content words, clauses, number words")
    func analysis() {
        let analyzer = ReferenceAnalyzer()
        let text = analyzer.analyze("The switch isn't closed.")
        #expect(text.stems == ["switch", "close"])
        #expect(text.negated == [false, true])
        #expect(text.negationCues == 1)
        #expect(analyzer.analyze("no red green blue yellow").negated == [true, true, true, false])
        #expect(analyzer.analyze("not the bulb but the switch").negated == [true, false])
        #expect(analyzer.analyze("not the bulb, the switch").negated == [true, false])
        #expect(analyzer.analyze("Three bulbs and ten wires").stems == ["3", "bulb", "10", "wire"])
        #expect(analyzer.analyze("Yes, it is").first == "yes")
        #expect(analyzer.analyze("aren\"t closed").stems == ["aren", "close"])
        #expect(analyzer.analyze("aren\"t closed").negated == [false, true], "a stray \"t\" is a cue")
        #expect(analyzer.analyze("the bulb so bright").stems == ["bulb", "bright"])
        #expect(analyzer.analyze("soup").stems == ["soup"], "'so' ends a clause only as a whole word")
    }

    @Test("the contraction list is the Tokenizer's, applied as the prototype's substring replacements")
    func contractions() {
        let spec: [(String, String)] = [
            ("can't", "can not"), ("won't", "will not"), ("shan't", "shall not"), ("cannot", "can not"), ("n't", " not"),
            ("'re", " are"), ("'m", " am"), ("'ll", " will"), ("'ve", " have"), ("'d", " would"), ("'s", ""),
        ]
        let ours = ReferenceAnalyzer.contractions.map { (String(String.UnicodeScalarView($0.pattern)), String(String.UnicodeScalarView($0.replacement))) }
        #expect(Set(ours.map { "\($0.0)→\($0.1)" }) == Set(spec.map { "\($0.0)→\($0.1)" }))
        #expect(ours.last?.0 == "'s")
        let negations = Set(["can't", "won't", "shan't"])
        #expect(ours.prefix(3).allSatisfy { negations.contains($0.0) })
        let analyzer = ReferenceAnalyzer()
        #expect(analyzer.analyze("we can't go, it ain't there, I'd say the model's fine").words == ["go", "ai", "say", "model", "fine"])
    }

    @Test("a misspelling of a model answer's word is read as that word")
    func spelling() {
        let grader = grader(ReferenceQuestion(references: ["The terminal is separated from the battery."]))
        let grade = grader.grade("the termianl is seperated from the battery")
        #expect(grade.grading.features.pol == 1)
        #expect(grade.evaluation.notes.contains { $0.contains("“termianl” as “terminal”") })
        #expect(SpellingRepair.distance(Array("termianl".utf8), Array("terminal".utf8), cap: 1) == 1)
        #expect(SpellingRepair.distance(Array("abc".utf8), Array("abcdef".utf8), cap: 2) == 3)
    }
}

/// Answers of the SemEval-2013 data in the shared folder beside the repository.
enum SemEvalSample {
    struct Item: Decodable {
        var qid: String
        var question: String
        var references: [String]
        var answer: String
        var label: String

        var correct: Bool { label == "correct" }

        enum CodingKeys: String, CodingKey {
            case qid, question, references, answer
            case label = "label_2way"
        }
    }

    static let folder = Paths.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/semeval2013")

    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("sciEntsBank-train.jsonl").path)
    }

    static func items(_ name: String, limit: Int?) throws -> [Item] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".jsonl"))
        let lines = data.split(separator: UInt8(ascii: "\n"))
        let decoder = JSONDecoder()
        return try lines.prefix(limit ?? lines.count).map { try decoder.decode(Item.self, from: Data($0)) }
    }

    static func macroF1(gold: [Bool], predicted: [Bool]) -> Double {
        var total = 0.0
        for label in [true, false] {
            let pairs = zip(gold, predicted)
            let tp = Double(pairs.filter { $0 == label && $1 == label }.count)
            let fp = Double(pairs.filter { $0 != label && $1 == label }.count)
            let fn = Double(pairs.filter { $0 == label && $1 != label }.count)
            let precision = tp + fp > 0 ? tp / (tp + fp) : 0, recall = tp + fn > 0 ? tp / (tp + fn) : 0
            total += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return total / 2
    }
}
