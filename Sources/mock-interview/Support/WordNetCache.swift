import Foundation
import InterviewKit

/// WordNet's tables kept between runs. Parsing the WordNet files and stemming their 150,000 words
/// takes about a second; reading the tables back takes milliseconds, so grading one answer against a
/// model answer no longer waits for it.
///
/// The cache is `wordnet-<program>-<key>.bin` in `Locations.cacheDirectory()`, private like everything
/// the program writes. The key covers the WordNet files (path, sizes, times) and this executable (size
/// and time), so a reinstalled WordNet or a rebuilt program makes a new one, which replaces the ones the
/// same executable path made before. A cache that cannot be read back whole is ignored and written
/// again; one that cannot be written is done without.
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
        let folder = Locations.cacheDirectory()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        // Named by the executable's path, then the key: a debug and a release build keep one each.
        let prefix = "wordnet-\(ContentHash.of(executable))-"
        let name = prefix + "\(ContentHash.of(source + "\n" + identity(of: executable))).bin"
        let path = folder + "/" + name
        if let data = FileManager.default.contents(atPath: path), let lexicon = WordNetLexicon(serialized: [UInt8](data)) {
            return lexicon
        }
        guard let lexicon = WordNetLexicon.load(from: directory) else { return nil }
        store(lexicon.serialized(), as: name, replacing: prefix, in: folder)
        return lexicon
    }

    /// The executable's size and modification time.
    static func identity(of executable: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "?"
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(modified)"
    }

    /// Writes the cache file whole or not at all (a temporary file renamed over it), then removes the
    /// same executable's caches of other keys (those of an earlier build).
    static func store(_ bytes: [UInt8], as name: String, replacing prefix: String, in folder: String) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return }
        let temporary = folder + "/.\(name).\(getpid())"
        guard manager.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
        guard rename(temporary, folder + "/" + name) == 0 else {
            unlink(temporary)
            return
        }
        for other in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where other.hasPrefix(prefix) && other.hasSuffix(".bin") && other != name {
            unlink(folder + "/" + other)
        }
    }
}
