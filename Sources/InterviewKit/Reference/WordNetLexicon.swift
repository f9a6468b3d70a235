import Foundation

/// Antonyms, first-sense synonyms and irregular comparatives from WordNet 3.0, read from the plain-text
/// files of Debian's `wordnet-base` package (`/usr/share/wordnet`), for reference grading.
///
/// Everything is keyed by stem, so "closed" meets the antonym of "open". Parsing the files takes about a
/// second, so the program keeps the result (`serialized()`, read back by `init(serialized:)`) in its
/// cache; it happens only when an answer is graded against model answers. When the files are missing
/// `load(from:)` returns `nil` and grading goes on without them.
///
/// ```swift
/// let lexicon = WordNetLexicon.load()            // nil without wordnet-base
/// lexicon?.antonyms(of: "open")                  // ["close", "shut", …]
/// lexicon?.baseAdjective(of: "heavier")          // "heavy"
/// ```
public struct WordNetLexicon: Sendable, Equatable {
    /// Where Debian installs the files.
    public static let defaultDirectory = "/usr/share/wordnet"

    /// Stems linked by a lexical antonym pointer (`!`), both ways, every sense and part of speech.
    let antonymsByStem: StemTable
    /// For each lemma's stem, the stems of the other words of its first synset.
    let synonymsByStem: StemTable
    /// The lemmas of `index.adj` (keys without values).
    let adjectives: StemTable
    /// `adj.exc`: irregular comparatives and superlatives and their base form ("better" → "good").
    let adjectiveExceptions: StemTable

    init(antonyms: [String: Set<String>], synonyms: [String: Set<String>], adjectives: Set<String>, adjectiveExceptions: [String: String]) {
        antonymsByStem = StemTable(antonyms.mapValues { $0.sorted() })
        synonymsByStem = StemTable(synonyms.mapValues { $0.sorted() })
        self.adjectives = StemTable(Dictionary(uniqueKeysWithValues: adjectives.map { ($0, []) }))
        self.adjectiveExceptions = StemTable(adjectiveExceptions.mapValues { [$0] })
    }

    /// `$WNSEARCHDIR` (WordNet's own variable), else `/usr/share/wordnet`.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["WNSEARCHDIR"], !path.isEmpty { return path }
        return defaultDirectory
    }

    public func antonyms(of stem: String) -> Set<String> { Set(antonymsByStem.values(of: stem) ?? []) }

    public func synonyms(of stem: String) -> Set<String> { Set(synonymsByStem.values(of: stem) ?? []) }

    /// The adjective a comparative or superlative comes from: `adj.exc` first (better → good), else
    /// "-est" or "-er" stripped and, in turn, as it is, with an "e", undoubled, or with "i" → "y", when
    /// that is an adjective (louder → loud, bigger → big, heavier → heavy). `nil` for other words.
    public func baseAdjective(of word: String) -> String? {
        if let base = adjectiveExceptions.values(of: word)?.first { return base }
        for suffix in ["est", "er"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            let base = String(word.dropLast(suffix.count))
            var candidates = [base, base + "e"]
            let scalars = Array(base.unicodeScalars)
            if scalars.count > 2, scalars[scalars.count - 1] == scalars[scalars.count - 2] { candidates.append(String(base.dropLast())) }
            if base.hasSuffix("i") { candidates.append(String(base.dropLast()) + "y") }
            if let adjective = candidates.first(where: adjectives.contains) { return adjective }
        }
        return nil
    }

    // MARK: Cached form

    /// The first bytes of `serialized()`: the format, so that a cache written by another version of
    /// the layout is refused rather than misread.
    static let serializationMagic = Array("mock-interview wordnet tables 1\n".utf8)

    /// The lexicon as bytes, for a cache file; `init(serialized:)` reads them back.
    public func serialized() -> [UInt8] {
        var output = Self.serializationMagic
        for table in [antonymsByStem, synonymsByStem, adjectives, adjectiveExceptions] { table.write(to: &output) }
        return output
    }

    /// The lexicon `serialized()` wrote, or `nil` when the bytes are not one (a damaged, truncated or
    /// foreign file): a lexicon is never half read.
    public init?(serialized bytes: [UInt8]) {
        guard bytes.starts(with: Self.serializationMagic) else { return nil }
        var offset = Self.serializationMagic.count
        guard let antonyms = StemTable(reading: bytes, at: &offset),
              let synonyms = StemTable(reading: bytes, at: &offset),
              let adjectives = StemTable(reading: bytes, at: &offset),
              let exceptions = StemTable(reading: bytes, at: &offset),
              offset == bytes.count else { return nil }
        antonymsByStem = antonyms
        synonymsByStem = synonyms
        self.adjectives = adjectives
        adjectiveExceptions = exceptions
    }

    /// What the lexicon is made from: the directory and each file's size and modification time, to key
    /// a cache by (a changed or reinstalled file gives another key). `nil` when a file is missing.
    public static func sourceIdentity(of directory: String) -> String? {
        var parts = [directory]
        for name in partsOfSpeech.flatMap({ ["data." + $0.name, "index." + $0.name] }) + ["adj.exc"] {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + name),
                  let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date else { return nil }
            parts.append("\(name):\(size):\(modified.timeIntervalSince1970)")
        }
        return parts.joined(separator: "\n")
    }

    // MARK: Loading

    static let partsOfSpeech: [(letter: UInt8, name: String)] = [
        (UInt8(ascii: "n"), "noun"), (UInt8(ascii: "v"), "verb"), (UInt8(ascii: "a"), "adj"), (UInt8(ascii: "r"), "adv"),
    ]

    /// Reads the lexicon, or returns `nil` when a file is missing or unreadable.
    public static func load(from directory: String = defaultDirectory, stemmer: Stemmer = .english) -> WordNetLexicon? {
        func read(_ name: String) -> [UInt8]? {
            FileManager.default.contents(atPath: directory + "/" + name).map { [UInt8]($0) }
        }
        var data: [UInt8: [Int: Synset]] = [:]
        var indexes: [UInt8: [(lemma: String, firstSense: Int?)]] = [:]
        for (letter, name) in partsOfSpeech {
            guard let dataFile = read("data." + name), let indexFile = read("index." + name) else { return nil }
            data[letter] = parseData(dataFile)
            indexes[letter] = parseIndex(indexFile)
        }
        guard let exceptionFile = read("adj.exc") else { return nil }
        guard data.values.allSatisfy({ !$0.isEmpty }) else { return nil }

        // A local memo: the lexicon's ~150,000 words would otherwise crowd the shared stem cache.
        var stems: [String: String] = [:]
        func stem(_ word: String) -> String {
            if let known = stems[word] { return known }
            let made = stemmer.stemWithoutCache(word)
            stems[word] = made
            return made
        }

        var antonyms: [String: Set<String>] = [:]
        for synsets in data.values {
            for synset in synsets.values {
                for pointer in synset.antonyms {
                    guard pointer.source >= 1, pointer.source <= synset.words.count,
                          let target = data[pointer.targetPart]?[pointer.targetOffset],
                          pointer.target >= 1, pointer.target <= target.words.count else { continue }
                    let word = synset.words[pointer.source - 1], targetWord = target.words[pointer.target - 1]
                    if isMultiword(word) || isMultiword(targetWord) { continue }
                    let a = stem(word), b = stem(targetWord)
                    if a != b {
                        antonyms[a, default: []].insert(b)
                        antonyms[b, default: []].insert(a)
                    }
                }
            }
        }

        var synonyms: [String: Set<String>] = [:]
        for (letter, _) in partsOfSpeech {
            guard let synsets = data[letter], let index = indexes[letter] else { continue }
            for (lemma, firstSense) in index where !isMultiword(lemma) {
                guard let firstSense, let synset = synsets[firstSense] else { continue }
                let lemmaStem = stem(lemma)
                for word in synset.words where !isMultiword(word) {
                    let wordStem = stem(word)
                    if wordStem != lemmaStem { synonyms[lemmaStem, default: []].insert(wordStem) }
                }
            }
        }

        var exceptions: [String: String] = [:]
        for line in lines(of: exceptionFile) {
            let fields = split(line)
            if fields.count >= 2 { exceptions[string(fields[0])] = string(fields[1]) }
        }
        let adjectives = Set((indexes[UInt8(ascii: "a")] ?? []).map(\.lemma))
        return WordNetLexicon(antonyms: antonyms, synonyms: synonyms, adjectives: adjectives, adjectiveExceptions: exceptions)
    }

    /// One line of a `data.*` file: its words (lower case, without `(a)`/`(p)` markers) and its
    /// lexical antonym pointers.
    struct Synset {
        struct Pointer {
            var source: Int
            var target: Int
            var targetOffset: Int
            var targetPart: UInt8
        }

        var words: [String]
        var antonyms: [Pointer]
    }

    /// `offset lex_filenum ss_type w_cnt word lex_id … p_cnt [symbol offset pos source/target]… | gloss`
    static func parseData(_ bytes: [UInt8]) -> [Int: Synset] {
        var synsets: [Int: Synset] = [:]
        for line in lines(of: bytes) {
            if line.count >= 2, line[line.startIndex] == 32, line[line.startIndex + 1] == 32 { continue }
            let fields = split(beforeGloss(line))
            guard fields.count > 4, let offset = decimal(fields[0]), let wordCount = hexadecimal(fields[3]) else { continue }
            var words: [String] = []
            for index in 0..<wordCount {
                let position = 4 + 2 * index
                guard position < fields.count else { break }
                words.append(word(fields[position]))
            }
            var position = 4 + 2 * wordCount
            guard position < fields.count, let pointerCount = decimal(fields[position]) else {
                synsets[offset] = Synset(words: words, antonyms: [])
                continue
            }
            position += 1
            var antonyms: [Synset.Pointer] = []
            for _ in 0..<pointerCount {
                guard position + 3 < fields.count else { break }
                let symbol = fields[position], sourceTarget = fields[position + 3]
                if symbol.count == 1, symbol.first == UInt8(ascii: "!"), sourceTarget.count == 4,
                   let source = hexadecimal(sourceTarget.prefix(2)), let target = hexadecimal(sourceTarget.suffix(2)), source != 0,
                   let targetOffset = decimal(fields[position + 1]), let part = fields[position + 2].first {
                    antonyms.append(.init(source: source, target: target, targetOffset: targetOffset,
                                          targetPart: part == UInt8(ascii: "s") ? UInt8(ascii: "a") : part))
                }
                position += 4
            }
            synsets[offset] = Synset(words: words, antonyms: antonyms)
        }
        return synsets
    }

    /// `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…`: each lemma
    /// with the offset of its first sense.
    static func parseIndex(_ bytes: [UInt8]) -> [(lemma: String, firstSense: Int?)] {
        var entries: [(lemma: String, firstSense: Int?)] = []
        for line in lines(of: bytes) {
            if line.count >= 2, line[line.startIndex] == 32, line[line.startIndex + 1] == 32 { continue }
            let fields = split(line)
            guard fields.count > 3, let senseCount = decimal(fields[2]), let pointerCount = decimal(fields[3]) else { continue }
            let first = 4 + pointerCount + 2
            let firstSense = senseCount > 0 && first < fields.count ? decimal(fields[first]) : nil
            entries.append((string(fields[0]), firstSense))
        }
        return entries
    }

    // MARK: Bytes

    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    }

    /// The part of a data line before its first " | ".
    static func beforeGloss(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = line.startIndex
        while index + 2 < line.endIndex {
            if line[index] == 32, line[index + 1] == UInt8(ascii: "|"), line[index + 2] == 32 { return line[line.startIndex..<index] }
            index += 1
        }
        return line
    }

    /// Whitespace-separated fields, like Python's `str.split()`.
    static func split(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 || $0 == 11 || $0 == 12 })
    }

    /// "ice_cream": WordNet joins the words of a collocation with "_"; reference grading skips them.
    static func isMultiword(_ word: String) -> Bool {
        word.utf8.contains(UInt8(ascii: "_"))
    }

    /// A synset's word: lower case, without an adjective marker such as "(a)" or "(p)".
    static func word(_ field: ArraySlice<UInt8>) -> String {
        let end = field.firstIndex(of: UInt8(ascii: "(")) ?? field.endIndex
        let bytes = field[field.startIndex..<end]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return string(bytes).lowercased()
    }

    /// Latin-1, as the prototype read the files.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(view)
    }

    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    static func hexadecimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count < 15 else { return nil }
        var value = 0
        for byte in bytes {
            let digit: Int
            switch byte {
            case 48...57: digit = Int(byte - 48)
            case 97...102: digit = Int(byte - 87)
            case 65...70: digit = Int(byte - 55)
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }
}
