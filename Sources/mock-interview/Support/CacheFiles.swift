import Foundation
import InterviewKit

/// Files the program keeps between runs to save work (WordNet's tables, the compiled question bank),
/// in `Locations.cacheDirectory()`, private like everything it writes, and safe to delete.
///
/// A cache is named by the executable's path, then by a key of what it was made from and this
/// executable's size and time, so a debug and a release build keep one each and a rebuilt program makes
/// a new one, which replaces the ones the same executable path made before. A cache that cannot be
/// read back whole is ignored and written again; one that cannot be written is done without.
enum CacheFiles {
    static let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path

    /// `kind-<executable path hash>-`: the start of every cache name of this kind and executable.
    static func prefix(_ kind: String) -> String {
        "\(kind)-\(ContentHash.of(executable))-"
    }

    /// The cache name for `source`, a description of everything the cached bytes were made from.
    static func name(_ kind: String, source: String) -> String {
        prefix(kind) + ContentHash.of(source + "\n" + identity(of: executable)) + ".bin"
    }

    static func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: Locations.cacheDirectory() + "/" + name).map { [UInt8]($0) }
    }

    /// The executable's size and modification time.
    static func identity(of executable: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.stringValue ?? "?"
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(modified)"
    }

    /// Writes the cache file whole or not at all (a temporary file renamed over it), then removes the
    /// same executable's caches of this kind under other keys (those of an earlier build or source).
    static func store(_ bytes: [UInt8], as name: String, replacing prefix: String) {
        let folder = Locations.cacheDirectory()
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
