/// What the evaluation's passes need to know about a word — a negation cue, a function word, the start
/// of a filler… — looked up once per token when the text is analysed, instead of once per pass.
///
/// Each trait is read off the list that defines it (`Stance.cues`, `FunctionWords.all`, …), so
/// the lists stay the one source of truth.
struct WordTraits: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// `Tokenizer.clauseBreakWords`.
    static let clauseBreak = WordTraits(rawValue: 1 << 0)
    /// `Stance.cues`.
    static let negationCue = WordTraits(rawValue: 1 << 1)
    /// `Stance.notNegating`.
    static let notNegating = WordTraits(rawValue: 1 << 2)
    /// The first word of one of `Stance.twoWordCues`.
    static let twoWordCueStart = WordTraits(rawValue: 1 << 3)
    /// `FunctionWords.all`.
    static let function = WordTraits(rawValue: 1 << 4)
    /// The first word of one of `DeliveryAnalyzer.fillers` or `.hedges`.
    static let deliveryStart = WordTraits(rawValue: 1 << 5)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The traits of `word` (a token's normalised word).
    init(of word: String) {
        guard word.utf8.count <= Self.longestWord, let traits = Self.table[word] else {
            self = []
            return
        }
        self = traits
    }

    static let table: [String: WordTraits] = {
        var table: [String: WordTraits] = [:]
        func add(_ words: some Sequence<String>, _ trait: WordTraits) {
            for word in words { table[word, default: []].insert(trait) }
        }
        add(Tokenizer.clauseBreakWords, .clauseBreak)
        add(Stance.cues, .negationCue)
        add(Stance.notNegating, .notNegating)
        add(Stance.twoWordCues.compactMap(\.first), .twoWordCueStart)
        add(FunctionWords.all, .function)
        add((DeliveryAnalyzer.fillers + DeliveryAnalyzer.hedges).compactMap(\.first), .deliveryStart)
        return table
    }()

    /// Longer words have no traits: they are not looked up.
    static let longestWord = table.keys.map(\.utf8.count).max() ?? 0
}
