import Testing
@testable import InterviewKit

@Suite("Synonyms: one word of a phrase may be said another way")
struct SimilarWordsTests {
    /// A tiny lexicon in WordNet's shape: stems and their first-sense synonyms' stems.
    static let similarWords = SimilarWords(lexicon: WordNetLexicon(
        antonyms: [:],
        synonyms: ["answer": ["respond", "reply"], "respond": ["answer"], "quick": ["fast", "speedi"], "fuse": ["merg"], "merg": ["fuse"], "data": ["datum"]],
        adjectives: [], adjectiveExceptions: [:]
    ))

    static let question = Sample.question(rubric: Sample.rubric(concepts: [
        Concept(id: "latency", label: "Answer quickly", phrases: ["answer quickly", "low latency"], tip: "Say how fast it must answer."),
        Concept(id: "fusion", label: "Fuse operations", phrases: ["fuse operations"], tip: "Fuse kernels."),
        Concept(id: "monitoring", label: "Monitor", phrases: ["monitor"], tip: "Monitor it."),
    ], stages: []))

    func evaluate(_ answer: String, synonyms: Bool = true) -> Evaluation {
        Evaluator(question: Self.question, similarWords: synonyms ? Self.similarWords : nil).evaluate(answer)
    }

    @Test("a synonym stands for one word of a phrase, and the evidence says so")
    func substitution() throws {
        let answer = "I would merge operations so that each layer runs as a single kernel on the device."
        let found = try #require(evaluate(answer).concepts.found.first { $0.id == "fusion" })
        let evidence = try #require(found.evidence.first)
        #expect(evidence.text == "merge operations")
        #expect(evidence.phrase == "fuse operations")
        #expect(evidence.similarity == SimilarWords.similarity)
        #expect(found.credit <= SimilarWords.similarity)
        #expect(!evaluate(answer, synonyms: false).concepts.foundIDs.contains("fusion"), "without synonyms only the phrase's own words match")
    }

    @Test("a synonym alone is not a phrase: the phrase's other word must be there")
    func oneWordOnly() {
        #expect(!evaluate("I would merge the kernels so each layer runs as a single launch.").concepts.foundIDs.contains("fusion"))
    }

    @Test("a one-word phrase takes no synonyms, so a lone synonym never earns a concept")
    func oneWordPhrases() {
        let synonymsOfMonitor = SimilarWords(lexicon: WordNetLexicon(antonyms: [:], synonyms: ["monitor": ["watch"]], adjectives: [], adjectiveExceptions: [:]))
        let evaluation = Evaluator(question: Self.question, similarWords: synonymsOfMonitor).evaluate("I would watch the dashboards every morning and page the on-call engineer.")
        #expect(!evaluation.concepts.foundIDs.contains("monitoring"))
    }

    @Test("the phrase's own words still match in full, with no similarity")
    func ownWords() throws {
        let found = try #require(evaluate("Fuse operations so each layer runs as one kernel on the device.").concepts.found.first { $0.id == "fusion" })
        #expect(found.evidence.first?.similarity == nil)
    }
}
