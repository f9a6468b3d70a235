import Foundation
import InterviewKit

/// WordNet's tables kept between runs. Parsing the WordNet files and stemming their 150,000 words
/// takes about a second; reading the tables back takes milliseconds, so grading one answer against a
/// model answer no longer waits for it.
///
/// The cache is `wordnet-<program>-<key>.bin` (see `CacheFiles`); the key covers the WordNet files
/// (path, sizes, times), so a reinstalled WordNet makes a new one.
enum WordNetCache {
    /// WordNet's synonyms for the rubric engine, from the cache; `nil` without WordNet, or with
    /// `MOCK_INTERVIEW_SYNONYMS=off` (to score as a machine without WordNet would).
    /// The tables are read when the first answer is scored, not before the first prompt (a few
    /// milliseconds from the cache; the first run ever parses WordNet, about half a second, once).
    static func similarWords(environment: [String: String] = ProcessInfo.processInfo.environment) -> SimilarWords? {
        if environment["MOCK_INTERVIEW_SYNONYMS"] == "off" { return nil }
        let directory = WordNetLexicon.directory(environment: environment)
        return SimilarWords(loading: { lexicon(directory: directory) })
    }

    static func lexicon(directory: String) -> WordNetLexicon? {
        guard let source = WordNetLexicon.sourceIdentity(of: directory) else { return nil }
        let name = CacheFiles.name("wordnet", source: source)
        if let bytes = CacheFiles.read(name), let lexicon = WordNetLexicon(serialized: bytes) {
            return lexicon
        }
        guard let lexicon = WordNetLexicon.load(from: directory) else { return nil }
        CacheFiles.store(lexicon.serialized(), as: name, replacing: CacheFiles.prefix("wordnet"))
        return lexicon
    }
}
