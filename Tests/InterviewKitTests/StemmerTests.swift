import Foundation
import Testing
@testable import InterviewKit

/// The Snowball English reference vocabulary: `voc.txt` and, line for line, `output.txt`.
enum SnowballVocabulary {
    struct Pair: Sendable {
        var word: String
        var stem: String
    }

    static func lines(of name: String) throws -> [String] {
        let url = Paths.snowball.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Every word with its expected stem; empty if the files are missing (a test says so).
    static let pairs: [Pair] = {
        guard let words = try? lines(of: "voc.txt"), let stems = try? lines(of: "output.txt"),
              words.count == stems.count else { return [] }
        return zip(words, stems).map { Pair(word: $0, stem: $1) }
    }()

    /// The vocabulary split by first letter, so that each letter is its own test case.
    static let initials: [Character] = Array(Set(pairs.compactMap(\.word.first))).sorted()
}

@Suite("Stemmer")
struct StemmerTests {
    @Test("the Snowball English vocabulary is present: 29,417 words, each with its expected stem")
    func vocabularyIsPresent() throws {
        let words = try SnowballVocabulary.lines(of: "voc.txt")
        let stems = try SnowballVocabulary.lines(of: "output.txt")
        #expect(words.count == 29_417)
        #expect(stems.count == words.count)
        #expect(SnowballVocabulary.pairs.count == 29_417)
    }

    @Test("every word of the Snowball vocabulary stems exactly as output.txt says", arguments: SnowballVocabulary.initials)
    func vocabulary(initial: Character) {
        let stemmer = Stemmer()
        let cases = SnowballVocabulary.pairs.filter { $0.word.first == initial }
        let mismatches = cases.filter { stemmer.stem($0.word) != $0.stem }
        let shown = mismatches.prefix(10).map { "\($0.word) → \(stemmer.stem($0.word)) (expected \($0.stem))" }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) words starting with '\(initial)' differ; first: \(shown.joined(separator: ", "))")
    }

    @Test("inflections of one word meet at one stem", arguments: [
        ("monitor", ["monitoring", "monitored", "monitors", "monitor"]),
        ("retrain", ["retraining", "retrained", "retrains", "retrain"]),
        ("distribut", ["distribution", "distributions", "distributed"]),
    ])
    func inflections(stem: String, words: [String]) {
        for word in words {
            #expect(Stemmer.english.stem(word) == stem, "\(word)")
        }
    }

    @Test("the cache never changes a stem: cached and uncached stems agree")
    func cacheAgreesWithStemmer() {
        let stemmer = Stemmer()
        for pair in SnowballVocabulary.pairs.prefix(2_000) {
            let first = stemmer.stem(pair.word)
            #expect(stemmer.stem(pair.word) == first)
            #expect(stemmer.stemWithoutCache(pair.word) == first)
        }
    }

    @Test("an empty word and a word too long to be a word come back unchanged")
    func degenerateWords() {
        let long = String(repeating: "monitoring", count: 30)
        #expect(Stemmer.english.stem("") == "")
        #expect(Stemmer.english.stem(long) == long)
    }

    @Test("stemming from many tasks at once gives the same stems as stemming in turn")
    func concurrentStemming() async {
        let stemmer = Stemmer()
        let sample = Array(SnowballVocabulary.pairs.prefix(4_000))
        let results = await withTaskGroup(of: [String: String].self) { group in
            for part in 0..<4 {
                group.addTask {
                    var stems: [String: String] = [:]
                    for pair in sample[(part * 1_000)..<((part + 1) * 1_000)] { stems[pair.word] = stemmer.stem(pair.word) }
                    return stems
                }
            }
            var all: [String: String] = [:]
            for await stems in group { all.merge(stems) { first, _ in first } }
            return all
        }
        for pair in sample {
            #expect(results[pair.word] == pair.stem, "\(pair.word)")
        }
    }
}
