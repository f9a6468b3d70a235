import Foundation
import InterviewKit

/// WordNet's tables kept between runs. Parsing the WordNet files and stemming their 150,000 words
/// takes about a second; reading the tables back takes milliseconds, so grading one answer against a
/// model answer no longer waits for it.
///
/// The cache is `wordnet-<key>.bin` in `Locations.cacheDirectory()`, private like everything the
/// program writes. The key covers the WordNet files (path, sizes, times) and this executable (size and
/// time), so a reinstalled WordNet or a rebuilt program makes a new one; the old ones are removed. A
/// cache that cannot be read back whole is ignored and written again; one that cannot be written is
/// done without.
enum WordNetCache {
    static func lexicon(directory: String) -> WordNetLexicon? {
        guard let source = WordNetLexicon.sourceIdentity(of: directory) else { return nil }
        let folder = Locations.cacheDirectory()
        let name = "wordnet-\(ContentHash.of(source + "\n" + executableIdentity)).bin"
        let path = folder + "/" + name
        if let data = FileManager.default.contents(atPath: path), let lexicon = WordNetLexicon(serialized: [UInt8](data)) {
            return lexicon
        }
        guard let lexicon = WordNetLexicon.load(from: directory) else { return nil }
        store(lexicon.serialized(), as: name, in: folder)
        return lexicon
    }

    /// This executable's size and modification time.
    static var executableIdentity: String {
        // The file itself: `/proc/self/exe` is a link whose own times are the process's.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "?"
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(modified)"
    }

    /// Writes the cache file whole or not at all (a temporary file renamed over it), then removes
    /// caches of other keys.
    static func store(_ bytes: [UInt8], as name: String, in folder: String) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return }
        let temporary = folder + "/.\(name).\(getpid())"
        guard manager.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else { return }
        guard rename(temporary, folder + "/" + name) == 0 else {
            unlink(temporary)
            return
        }
        for other in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where other.hasPrefix("wordnet-") && other.hasSuffix(".bin") && other != name {
            unlink(folder + "/" + other)
        }
    }
}
