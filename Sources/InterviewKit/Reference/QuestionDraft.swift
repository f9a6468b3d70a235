import Foundation

/// A first version of a question file, drafted from a model answer: the answer's key phrases become
/// concepts, its parts become stages, its length sets the band, and a stub dialogue probes the most
/// important concepts. Meant to be edited, and written so that `rubric lint` accepts it as it is.
public struct QuestionDraft: Sendable {
    public var id: String
    public var prompt: String
    public var modelAnswer: String
    let tokenizer: Tokenizer

    public static let maximumConcepts = 10

    public init(modelAnswer: String, id: String, prompt: String?, tokenizer: Tokenizer = Tokenizer()) {
        self.id = id
        self.modelAnswer = modelAnswer
        self.prompt = prompt ?? "TODO: write the question this model answer answers."
        self.tokenizer = tokenizer
    }

    public static func isValidID(_ id: String) -> Bool { NodeReader.isValidID(id) }

    /// A key phrase found in the model answer.
    struct Candidate {
        var words: [String]
        var stems: [String]
        var count: Int
        var firstSentence: Int
        var score: Double
    }

    /// The draft as YAML in the documented format.
    public func yaml() throws(DraftError) -> String {
        let text = tokenizer.analyze(modelAnswer)
        guard text.wordCount >= 8 else { throw .tooShort(text.wordCount) }
        let candidates = keyPhrases(in: text)
        guard candidates.count >= 2 else { throw .noKeyPhrases }
        let sentenceCount = max(1, text.sentences.count)
        let stageCount = min(3, sentenceCount)
        let stageNames = stageCount == 3 ? ["opening", "core", "wrap-up"] : stageCount == 2 ? ["opening", "core"] : ["core"]
        func stage(of candidate: Candidate) -> String {
            stageNames[min(stageNames.count - 1, candidate.firstSentence * stageNames.count / sentenceCount)]
        }
        let concepts = candidates.map { candidate -> (id: String, candidate: Candidate) in (Self.slug(candidate.words), candidate) }
        var ids = Set<String>()
        let unique = concepts.filter { ids.insert($0.id).inserted }

        var out: [String] = []
        out.append("# Drafted by `mock-interview rubric draft` from a model answer. Edit every TODO,")
        out.append("# add phrasings people really use, then check it: mock-interview rubric lint <this file>")
        out.append("id: \(id)")
        out.append("title: \(Self.quote("TODO: a short title"))")
        out.append("topic: \(Self.quote("TODO: the topic"))")
        out.append("prompt: \(Self.quote(prompt))")
        out.append("length:")
        out.append("  min: \(max(30, text.wordCount / 2))")
        out.append("  max: \(max(120, text.wordCount * 8 / 5))")
        out.append("weights:")
        out.append("  coverage: 0.65")
        out.append("  structure: 0.2")
        out.append("  length: 0.1")
        out.append("  delivery: 0.05")
        out.append("concepts:")
        for (conceptID, candidate) in unique {
            let phrase = candidate.words.joined(separator: " ")
            out.append("  - id: \(conceptID)")
            out.append("    label: \(Self.quote(phrase.prefix(1).uppercased() + phrase.dropFirst()))")
            out.append("    weight: \(candidate.count > 1 ? 2 : 1)")
            out.append("    stage: \(stage(of: candidate))")
            out.append("    phrases:")
            out.append("      - \(Self.quote(phrase))")
            if candidate.words.count > 1, let head = candidate.words.last, head.count > 3 {
                out.append("      # - \(Self.quote(head))   (broader; uncomment if the word alone is enough)")
            }
            out.append("    tip: \(Self.quote("TODO: what to say about \(phrase), and why it matters."))")
        }
        out.append("structure:")
        for name in stageNames {
            let cues = unique.filter { stage(of: $0.candidate) == name }.prefix(2).map { Self.quote($0.candidate.words.joined(separator: " ")) }
            out.append("  - id: \(name)")
            out.append("    label: \(Self.quote(name.prefix(1).uppercased() + name.dropFirst()))")
            out.append("    cues: [\((cues.isEmpty ? [Self.quote(name)] : Array(cues)).joined(separator: ", "))]")
        }
        let probes = unique.sorted { $0.candidate.score > $1.candidate.score }.prefix(2)
        out.append("dialogue:")
        out.append("  - id: open")
        out.append("    next:")
        for (conceptID, candidate) in probes {
            out.append("      - if: { missed: \(conceptID) }")
            out.append("        goto: probe-\(conceptID)")
            out.append("        why: \(Self.quote("You haven't mentioned \(candidate.words.joined(separator: " ")).") )")
        }
        out.append("      - goto: end")
        for (conceptID, candidate) in probes {
            out.append("  - id: probe-\(conceptID)")
            out.append("    prompt: \(Self.quote("TODO: a follow-up that leads towards \(candidate.words.joined(separator: " ")) without giving it away."))")
            out.append("    hint: \(Self.quote("TODO: a nudge."))")
            out.append("    next:")
            out.append("      - goto: end")
        }
        out.append("examples:")
        out.append("  - kind: strong")
        out.append("    band: [75, 100]")
        out.append("    answer: \(Self.quote(modelAnswer.trimmingCharacters(in: .whitespacesAndNewlines)))")
        out.append("  - kind: off-topic")
        out.append("    band: [0, 15]")
        out.append("    answer: \(Self.quote("I would rather talk about my weekend; I went hiking and cooked a big dinner for friends."))")
        return out.joined(separator: "\n") + "\n"
    }

    /// Runs of content words (no function words, fillers or bare numbers), cut into phrases of at
    /// most three words, ranked by how often their stems recur and how early they appear.
    func keyPhrases(in text: AnalyzedText) -> [Candidate] {
        var runs: [[Token]] = []
        var current: [Token] = []
        for token in text.tokens {
            let isContent = !FunctionWords.contains(token.word) && token.word.count > 2
                && !token.word.allSatisfy(\.isNumber) && token.negatedBy == nil && !Self.generic.contains(token.word)
                && !Self.commonVerbs.contains(token.stem)
            if isContent, let last = current.last, last.clause == token.clause {
                current.append(token)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = isContent ? [token] : []
            }
        }
        if !current.isEmpty { runs.append(current) }

        var stemCounts: [String: Int] = [:]
        for token in text.tokens where !FunctionWords.contains(token.word) { stemCounts[token.stem, default: 0] += 1 }
        var byKey: [[String]: Candidate] = [:]
        for run in runs {
            var start = 0
            while start < run.count {
                let slice = Array(run[start..<min(run.count, start + 3)])
                let stems = slice.map(\.stem)
                let recurrence = stems.reduce(0) { $0 + Double(stemCounts[$1] ?? 1) } / Double(stems.count)
                // A lone word must recur or be long to count: compounds ("feature store") carry the ideas.
                if slice.count == 1 && (stemCounts[stems[0]] ?? 0) < 2 && slice[0].word.count < 8 {
                    start += 1
                    continue
                }
                let score = recurrence + 1.5 * Double(slice.count - 1) + 1 / Double(1 + (slice.first?.sentence ?? 0))
                if var existing = byKey[stems] {
                    existing.count += 1
                    existing.score += 1
                    byKey[stems] = existing
                } else {
                    byKey[stems] = Candidate(words: slice.map(\.word), stems: stems, count: 1, firstSentence: slice.first?.sentence ?? 0, score: score)
                }
                start += 3
            }
        }
        // Keep the best phrases whose stems do not overlap a better one's.
        var chosen: [Candidate] = []
        var usedStems = Set<String>()
        for candidate in byKey.values.sorted(by: { ($0.score, $1.words.joined()) > ($1.score, $0.words.joined()) }) {
            if candidate.stems.allSatisfy(usedStems.contains) { continue }
            chosen.append(candidate)
            usedStems.formUnion(candidate.stems)
            if chosen.count == Self.maximumConcepts { break }
        }
        return chosen.sorted { ($0.firstSentence, $0.words.joined()) < ($1.firstSentence, $1.words.joined()) }
    }

    /// Stems of common verbs: they join ideas rather than name them, so they cut key phrases.
    static let commonVerbs: Set<String> = Set([
        "go", "goe", "lose", "depend", "read", "know", "run", "test", "becom", "make", "take", "give", "say", "see",
        "think", "want", "tri", "help", "keep", "start", "show", "find", "put", "call", "turn", "move", "seem",
        "feel", "leav", "bring", "begin", "set", "come", "look", "work", "happen", "mean", "includ", "involv",
        "consid", "allow", "requir", "provid", "creat", "add", "chang", "follow", "lead", "understand", "learn",
        "build", "serv", "fail", "measur", "check", "avoid", "ensur", "improv", "reduc", "increas", "handl",
        "appli", "choos", "decid", "describ", "explain", "discuss", "expect", "suggest", "get", "happen", "affect",
    ])

    /// Words too general to be a concept on their own.
    static let generic: Set<String> = ["thing", "things", "way", "ways", "lot", "really", "important", "use", "using", "used", "good", "better", "need", "needs", "example", "also", "well", "model", "models", "data", "first", "finally", "would", "could", "should", "instead", "sensible", "regularly"]

    static func slug(_ words: [String]) -> String {
        let joined = words.joined(separator: "-").unicodeScalars.map { scalar -> String in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" ? String(scalar) : ""
        }.joined()
        return joined.isEmpty ? "concept" : String(joined.prefix(40))
    }

    /// A double-quoted YAML scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Why a draft could not be made.
public enum DraftError: Error, Sendable, CustomStringConvertible {
    case tooShort(Int)
    case noKeyPhrases

    public var description: String {
        switch self {
        case let .tooShort(words):
            "the model answer has \(words) words; give at least a few sentences (8 words or more) to draft from"
        case .noKeyPhrases:
            "no key phrases found in the model answer; it needs some content words beyond small words like 'the' and 'is'"
        }
    }
}
