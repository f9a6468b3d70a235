/// How much each sentence of an answer says beyond naming topics.
///
/// "Data drift is important. Monitoring is also key in this case." names two concepts and says
/// nothing about either; "I'd compare each feature's distribution in production with training"
/// explains one. A sentence's *informative words* are the content words left when function words,
/// generic words ("important", "consider", "approach", "model"), fillers and the concepts' own matched
/// words are taken away; a word of the question itself counts half. A concept mentioned in a sentence earns
/// its points in proportion to what the sentence adds about it:
///
///     factor = floor + (1 − floor) × min(1, informative words / (3 + 1.5 × (concepts in the sentence − 1)))
///
/// so a bare mention keeps a quarter of the concept's points and a sentence with three informative
/// words per concept earns all of them. A sentence that repeats an earlier one adds nothing, and a
/// word counts as informative in at most two sentences, so a template repeated with different topic
/// words wears out. Words copied from the question in runs of five or more are neither evidence nor
/// substance: pasting the question back earns nothing.
struct Substance {
    /// What a bare mention keeps of a concept's points.
    static let floor = 0.25
    /// Informative words a one-concept sentence needs for full credit.
    static let wordsForFullCredit = 3.0
    /// More informative words needed for each further concept in the same sentence.
    static let wordsPerExtraConcept = 1.5
    /// A word is informative in at most this many sentences.
    static let repeatsCounted = 2
    /// A run of this many words copied from the question is a paste.
    static let copiedRun = 5
    /// A sentence is substantive (its words count towards the length band) with this many informative words.
    static let substantiveWords = 2

    /// Per sentence: its informative words (a word of the question counts half).
    var informative: [Double]
    /// Per token: whether it was copied from the question.
    var copied: [Bool]
    /// The words of sentences that say something.
    var substantiveWordCount: Int

    /// The factor a concept mentioned in `sentence` earns, with `concepts` distinct concepts credited
    /// in that sentence.
    func factor(sentence: Int, concepts: Int) -> Double {
        guard sentence < informative.count else { return Self.floor }
        let needed = Self.wordsForFullCredit + Self.wordsPerExtraConcept * Double(max(0, concepts - 1))
        return Self.floor + (1 - Self.floor) * min(1, informative[sentence] / needed)
    }

    /// Sentences that name at least one concept yet say nothing more.
    func emptySentences(among sentences: Set<Int>) -> Int {
        sentences.filter { $0 < informative.count && informative[$0] == 0 }.count
    }

    /// Measures `text`; `matched` marks the tokens that stand in concept matches, `question` is the
    /// question's own analysed text (prompt, and the follow-up's prompt when there is one).
    /// `matched` marks the tokens that stand in concept matches; `phraseBonus[sentence]` adds the content
    /// words of long matches beyond their first two (a long paraphrase explains as it names).
    /// A word in a bare keyword fragment (`keywords`) names, it does not explain: it is not informative.
    static func measure(_ text: AnalyzedText, matched: [Bool], phraseBonus: [Int: Int] = [:], keywords: [Bool]? = nil, question: QuestionWords) -> Substance {
        let tokens = text.tokens
        let keywords = keywords ?? ProseShape.keywordTokens(text)
        let copied = question.copiedTokens(in: tokens)
        var informative = Array(repeating: 0.0, count: text.sentences.count)
        var sentenceWords = Array(repeating: 0, count: text.sentences.count)
        var uses: [String: Int] = [:]
        var earlier: [Set<String>] = []
        var start = 0
        while start < tokens.count {
            let sentence = tokens[start].sentence
            var end = start
            while end < tokens.count, tokens[end].sentence == sentence { end += 1 }
            var content = Set<String>()
            var words: [String] = []
            var echoes = Set<String>()
            for position in start..<end {
                let token = tokens[position]
                guard !token.traits.contains(.function), !GenericWords.contains(token) else { continue }
                content.insert(token.stem)
                guard !matched[position], !copied[position], !keywords[position],
                      token.word.utf8.count >= 3 || token.word.first?.isNumber == true,
                      token.traits.isDisjoint(with: [.negationCue, .deliveryStart]) else { continue }
                words.append(token.stem)
                if question.stems.contains(token.stem) { echoes.insert(token.stem) }
            }
            let repeats = !content.isEmpty && earlier.contains { Double(content.intersection($0).count) >= 0.8 * Double(content.count) }
            earlier.append(content)
            var count = 0.0
            if !repeats {
                for stem in Set(words) {
                    uses[stem, default: 0] += 1
                    // A word of the question is natural to use but adds less: half.
                    if uses[stem]! <= repeatsCounted { count += echoes.contains(stem) ? 0.5 : 1 }
                }
            }
            if sentence < informative.count {
                informative[sentence] = count + Double(repeats ? 0 : phraseBonus[sentence] ?? 0)
                sentenceWords[sentence] = end - start
            }
            start = end
        }
        let substantive = zip(informative, sentenceWords).reduce(0) { $0 + ($1.0 >= Double(substantiveWords) ? $1.1 : 0) }
        // Tokens are words after contractions are expanded; scale back to words as a person counts them.
        let scale = tokens.isEmpty ? 0 : Double(text.wordCount) / Double(tokens.count)
        return Substance(informative: informative, copied: copied, substantiveWordCount: Int((Double(substantive) * scale).rounded()))
    }
}

/// The words of the question an answer responds to: its content stems (which say nothing new when
/// repeated) and its runs of words (which, copied, are a paste).
struct QuestionWords: Sendable {
    var stems: Set<String>
    /// Hashes of every run of ``Substance/copiedRun`` stems of the question.
    var runs: Set<[String]>

    static let empty = QuestionWords(stems: [], runs: [])

    init(stems: Set<String>, runs: Set<[String]>) {
        self.stems = stems
        self.runs = runs
    }

    init(_ texts: [String], tokenizer: Tokenizer) {
        var stems = Set<String>()
        var runs = Set<[String]>()
        for text in texts {
            let tokens = tokenizer.analyze(text, markNegation: false).tokens
            for token in tokens where !token.traits.contains(.function) && !GenericWords.contains(token) {
                stems.insert(token.stem)
            }
            let all = tokens.map(\.stem)
            if all.count >= Substance.copiedRun {
                for start in 0...(all.count - Substance.copiedRun) { runs.insert(Array(all[start..<start + Substance.copiedRun])) }
            }
        }
        self.init(stems: stems, runs: runs)
    }

    /// Per token: whether it stands in a run of words copied from the question.
    func copiedTokens(in tokens: [Token]) -> [Bool] {
        var copied = Array(repeating: false, count: tokens.count)
        guard !runs.isEmpty, tokens.count >= Substance.copiedRun else { return copied }
        for start in 0...(tokens.count - Substance.copiedRun) {
            let run = tokens[start..<start + Substance.copiedRun].map(\.stem)
            if runs.contains(run) {
                for position in start..<start + Substance.copiedRun { copied[position] = true }
            }
        }
        return copied
    }
}

/// Content words that carry no specifics in an answer about machine learning: praise and weight
/// ("important", "key"), thinking about things ("consider", "keep in mind"), vague nouns ("aspect",
/// "approach", "situation") and the field's own everyday nouns ("model", "data").
enum GenericWords {
    static let all: Set<String> = [
        "important", "importance", "crucial", "essential", "key", "critical", "vital", "relevant", "significant",
        "necessary", "fundamental", "major", "main", "core", "central", "big", "huge", "great", "good", "best",
        "better", "nice", "interesting", "useful", "helpful", "valuable", "powerful", "serious", "considerable",
        "consider", "considering", "considered", "consideration", "considerations", "think", "thinking", "thought",
        "look", "looking", "looked", "keep", "keeping", "mind", "remember", "mention", "mentioned", "discuss",
        "discussed", "talk", "talking", "aspect", "aspects", "thing", "things", "stuff", "factor", "factors", "area",
        "areas", "topic", "topics", "point", "points", "matter", "matters", "role", "part", "parts", "way", "ways",
        "situation", "situations", "case", "cases", "context", "regard", "regards", "regarding", "terms", "various",
        "several", "many", "lot", "lots", "overall", "always", "really", "definitely", "certainly", "obviously",
        "clearly", "generally", "usually", "often", "actually", "basically", "truly", "quite", "extremely",
        "highly", "absolutely", "essentially", "simply", "surely", "indeed", "well", "approach", "approaches",
        "strategy", "strategies", "solution", "solutions", "method", "methods", "technique", "techniques",
        "concept", "concepts", "idea", "ideas", "question", "answer", "need", "needs", "needed", "use", "using",
        "used", "uses", "ensure", "ensuring", "sure", "focus", "focusing", "attention", "pay", "paying", "care",
        "careful", "carefully", "want", "try", "trying", "machine", "learning", "model", "models", "data",
        "dataset", "system", "systems", "performance", "also", "like", "things", "something", "everything",
        "anything", "aware", "awareness", "understand", "understanding", "know", "knowing", "address",
        "addressing", "handle", "handling", "deal", "dealing", "work", "working", "works", "help", "helps",
        "helping", "apply", "applying", "applied", "implement", "implementing", "include", "including",
        "involve", "involves", "issue", "issues", "problem", "problems", "challenge", "challenges",
        "challenging", "difficult", "hard", "easy", "simple", "complex", "complicated", "tricky", "certain",
        "specific", "particular", "particularly", "especially", "appropriate", "proper", "properly",
        "right", "correct", "correctly", "correctness", "effective", "effectively", "efficient", "successful",
        "success", "result", "results", "outcome", "outcomes", "impact", "affect", "affects", "make", "makes",
        "making", "made", "take", "takes", "taking", "give", "gives", "get", "gets", "getting", "go", "going",
        "do", "doing", "done", "see", "seeing", "say", "saying", "said", "definitely", "thus", "therefore",
        "hence", "moreover", "furthermore", "additionally", "addition", "besides", "finally", "lastly",
        "firstly", "secondly", "overall", "ultimately", "honestly", "frankly", "course", "sense", "kind",
        "sort", "type", "types", "form", "forms", "level", "levels", "side", "end", "process", "processes",
        "question", "questions", "today", "world", "real", "practice", "practical", "practically", "industry",
        "field", "everyone", "anyone", "someone", "people", "team", "teams", "company", "business",
        "option", "options", "name", "named", "naming", "another", "other", "others", "scenario", "scenarios",
        "place", "bring", "brought", "raise", "list", "angle", "lens", "dimension", "piece", "element", "component",
        "subject", "notion", "principle", "mindset", "perspective", "relevance", "relevant", "worth", "considerable",
        "plays", "play", "playing", "comes", "come", "coming", "mind", "minds", "bear", "bearing", "side", "bit",
        "certainly", "matter", "goes", "go", "went", "stuff", "etc", "include", "includes", "example", "examples",
        "instance", "mentioning", "highlight", "emphasize", "emphasise", "stress", "note", "noting", "remember",
        "recall", "discussion", "conversation", "interview", "interviewer", "candidate", "good", "usual", "typical",
        "typically", "standard", "common", "commonly", "normal", "normally", "whole", "entire", "overall",
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "lastly",
        "account", "deserve", "deserves", "belong", "belongs", "fit", "fits", "cover", "covers", "tool", "tools",
        "sensible", "together", "element", "elements", "aspect", "clever", "nice", "key", "item", "items",
        "step", "steps", "move", "moves", "consider", "worthwhile", "useful", "value", "valuable", "benefit",
        "benefits", "advantage", "advantages", "essentially", "ultimately", "anyway", "maybe", "perhaps",
        "probably", "possibly", "definitely", "surely", "certainly", "obviously", "course", "sure", "interesting",
        "fascinating", "exciting", "crucially", "importantly", "especially", "particularly", "notably",
    ]

    /// The generic words as stems, so that every form of one counts ("mention", "mentioning").
    static let stems: Set<String> = Set(all.map { Stemmer.english.stem(SpellingVariants.american($0)) })

    static func contains(_ word: String) -> Bool { all.contains(word) }

    /// Whether `token` is a generic word in any of its forms.
    static func contains(_ token: Token) -> Bool { all.contains(token.word) || stems.contains(token.stem) }
}
