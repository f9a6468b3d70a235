import Synchronization

/// Words that may stand for a phrase's words: WordNet's synonyms (the words that share a stem's first
/// sense, the table reference grading uses), so that "answer quickly" meets "respond quickly" and
/// "merge operations" meets "fuse operations" without the rubric listing every wording.
///
/// Kept narrow on purpose, because a wrong synonym credits what was not said: only a phrase of two
/// content words or more takes synonyms, one word of a match at most is replaced, a replacement is
/// never a function word or a generic one, and a match through a synonym earns ``similarity`` of the
/// concept (the evidence says what stood for what).
///
/// The lexicon may be loaded on another thread (`init(loading:)`): the interview asks its first
/// question while WordNet's tables are read, and the first evaluation waits for them. Without WordNet
/// the engine matches the rubric's own words only, and its evaluations say so in their engine name.
public final class SimilarWords: Sendable {
    /// What a match through a synonym earns of the concept.
    public static let similarity = 0.85

    private let load: @Sendable () -> WordNetLexicon?
    private let loaded = Mutex<WordNetLexicon??>(nil)

    public convenience init(lexicon: WordNetLexicon) {
        self.init(loading: { lexicon })
    }

    /// `load` runs once, when the lexicon is first needed.
    public init(loading load: @escaping @Sendable () -> WordNetLexicon?) {
        self.load = load
    }

    /// The lexicon, loaded on first use; `nil` when WordNet is not there.
    var lexicon: WordNetLexicon? {
        loaded.withLock { state in
            if let state { return state }
            let lexicon = load()
            state = .some(lexicon)
            return lexicon
        }
    }

    /// The stems that may stand for `key`: its synonyms that are content words, not already words of
    /// the phrase (`besides`), and at least three letters long.
    func alternatives(of key: PhraseKey, besides phrase: Set<String>, in lexicon: WordNetLexicon) -> [String] {
        lexicon.synonyms(of: key.stem).filter { stem in
            stem.utf8.count >= 3 && !phrase.contains(stem) && !GenericWords.stems.contains(stem) && !Self.functionStems.contains(stem)
        }.sorted()
    }

    /// Whether a phrase word carries meaning of its own (a synonym may stand for it).
    static func isContent(_ key: PhraseKey) -> Bool {
        !FunctionWords.contains(key.word) && !GenericWords.contains(key.word) && !GenericWords.stems.contains(key.stem)
            && !Stance.cues.contains(key.word) && key.word.utf8.count >= 3
    }

    static let functionStems: Set<String> = Set(FunctionWords.all.map { Stemmer.english.stem($0) })
}

/// A rubric's concept phrases compiled with synonyms, once, on first use (after the lexicon loads).
final class SynonymPhrases: Sendable {
    typealias Compiled = [(concept: Concept, phrases: [CompiledPhrase])]

    let similarWords: SimilarWords
    private let compiled = Mutex<Compiled?>(nil)

    init(_ similarWords: SimilarWords) {
        self.similarWords = similarWords
    }

    /// `plain` with synonyms added to its stemmed phrases; `nil` without WordNet.
    func phrases(from plain: Compiled) -> Compiled? {
        guard let lexicon = similarWords.lexicon else { return nil }
        return compiled.withLock { state in
            if let state { return state }
            let made = plain.map { concept, phrases in
                (concept, phrases.map { $0.withSynonyms(from: similarWords, lexicon: lexicon) })
            }
            state = made
            return made
        }
    }
}
