import Testing
@testable import InterviewKit

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    func words(_ text: String) -> [String] {
        tokenizer.analyze(text).tokens.map(\.word)
    }

    /// The text of each sentence, as the tokenizer split them.
    func sentences(_ text: String) -> [String] {
        let analyzed = tokenizer.analyze(text)
        return analyzed.sentences.map { analyzed.quote($0) }
    }

    // MARK: Normalisation

    @Test("words are folded to lower case")
    func lowerCase() {
        #expect(words("Data DRIFT in Production") == ["data", "drift", "in", "production"])
    }

    @Test("compatibility characters are normalised (NFKC)", arguments: [
        ("ﬁne-tuning", ["fine", "tuning"]),
        ("ＰＳＩ ｄｒｉｆｔ", ["psi", "drift"]),
        ("１０ features", ["10", "features"]),
    ])
    func compatibilityForms(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test("text that is equal under NFKC gives the same words: a decomposed accent stays in its word")
    func decomposedAccents() {
        let composed = "a na\u{EF}ve Bayes r\u{E9}sum\u{E9} model"
        let decomposed = "a nai\u{308}ve Bayes re\u{301}sume\u{301} model"
        #expect(words(composed) == ["a", "naïve", "bayes", "résumé", "model"])
        #expect(words(decomposed) == words(composed))
        #expect(tokenizer.analyze(decomposed).wordCount == 5)
        #expect(words("the re\u{301}sume\u{301}'s gaps") == ["the", "résumé", "gaps"])
    }

    @Test("curly quotes and apostrophes read like straight ones")
    func curlyQuotes() {
        #expect(words("I wouldn\u{2019}t retrain") == ["i", "would", "not", "retrain"])
        #expect(words("the \u{201C}drift\u{201D} and \u{2018}skew\u{2019}") == ["the", "drift", "and", "skew"])
    }

    @Test("contractions are expanded into their words", arguments: [
        ("wouldn't", ["would", "not"]),
        ("won't", ["will", "not"]),
        ("can't", ["can", "not"]),
        ("cannot", ["can", "not"]),
        ("don't", ["do", "not"]),
        ("isn't", ["is", "not"]),
        ("I'd", ["i", "would"]),
        ("we've", ["we", "have"]),
        ("they're", ["they", "are"]),
        ("I'll", ["i", "will"]),
        ("I'm", ["i", "am"]),
    ])
    func contractions(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test("'s is dropped, as it may be a possessive: \"it's\" gives \"it\", \"the model's\" gives \"model\"")
    func apostropheS() {
        #expect(words("it's") == ["it"])
        #expect(words("the model's inputs") == ["the", "model", "inputs"])
    }

    @Test("a contraction counts as one word, as a person counts it")
    func contractionIsOneWord() {
        let text = tokenizer.analyze("I wouldn't retrain")
        #expect(text.tokens.count == 4)
        #expect(text.wordCount == 3)
    }

    @Test("decimals and thousands stay one word")
    func numbers() {
        #expect(words("a threshold of 0.5 on 10,000 users") == ["a", "threshold", "of", "0.5", "on", "10,000", "users"])
        #expect(sentences("Use a threshold of 0.5 here.") == ["Use a threshold of 0.5 here"])
    }

    @Test("a text with no letters or digits has no words")
    func noWords() {
        #expect(Tokenizer.hasNoWords("  -- ... "))
        #expect(Tokenizer.hasNoWords(""))
        #expect(!Tokenizer.hasNoWords("- a"))
        #expect(tokenizer.analyze("  \n\n ").tokens.isEmpty)
        #expect(tokenizer.analyze("  \n\n ").sentences.isEmpty)
    }

    // MARK: Sentences

    @Test("full stops, exclamation and question marks end sentences")
    func sentenceMarks() {
        #expect(sentences("Check the drift. Retrain it! Then what? Monitor.") == ["Check the drift", "Retrain it", "Then what", "Monitor"])
    }

    @Test("a full stop followed by a lower-case word does not end the sentence (\"e.g. the PSI\")")
    func abbreviationFullStop() {
        #expect(sentences("Compare distributions, e.g. the PSI per feature. Then retrain.") == ["Compare distributions, e.g. the PSI per feature", "Then retrain"])
    }

    @Test("a blank line ends a sentence; a wrapped line does not")
    func lineBreaks() {
        #expect(sentences("I would check the data\nfor drift\n\nthen retrain it") == ["I would check the data\nfor drift", "then retrain it"])
    }

    @Test("each bullet line is its own sentence", arguments: ["-", "*", "•", "1."])
    func bulletLines(bullet: String) {
        let text = "My plan\n\(bullet) check drift\n\(bullet) retrain the model"
        let split = sentences(text)
        #expect(split.count == 3)
        #expect(split.first == "My plan")
        #expect(split.last?.hasSuffix("retrain the model") == true)
    }

    @Test("tokens know their sentence, and sentence numbers count from 0")
    func tokenSentences() {
        let text = tokenizer.analyze("Drift first. Then retrain.")
        #expect(text.tokens.map(\.sentence) == [0, 0, 1, 1])
    }

    @Test("commas, semicolons and 'but' start a new clause")
    func clauses() {
        let text = tokenizer.analyze("check drift, retrain; monitor but alert")
        let clauses = text.tokens.map(\.clause)
        #expect(clauses[0] == clauses[1])
        #expect(Set(clauses).count == 4)
        #expect(text.tokens[4].clause == text.tokens[5].clause, "'but' opens the clause it belongs to")
    }

    // MARK: Evidence

    @Test("every token's range quotes its original word, even after emoji and accented text", arguments: [
        "Check drift first",
        "😀 Café owners track drift",
        "👩🏽‍💻 Ça dépend: naïve Bayes drifts, ﬁne-tuning won’t help",
        "Re\u{301}sume\u{301}: ＰＳＩ rose — retrain",
    ])
    func rangesQuoteTheOriginal(text: String) {
        let analyzed = tokenizer.analyze(text)
        #expect(!analyzed.tokens.isEmpty)
        for token in analyzed.tokens {
            let quoted = text.scalars(token.range)
            #expect(analyzed.quote(token.range) == quoted)
            let normal = Tokenizer.normalizedWords(quoted)
            #expect(normal.contains(token.word), "token '\(token.word)' quotes '\(quoted)'")
        }
    }

    @Test("the range of a word after emoji counts Unicode scalars of the original")
    func rangeAfterEmoji() throws {
        let text = "👩🏽‍💻 said: data drift"
        let analyzed = tokenizer.analyze(text)
        let drift = try #require(analyzed.tokens.first { $0.word == "drift" })
        #expect(text.scalars(drift.range) == "drift")
        #expect(drift.range == 16..<21)
    }
}
