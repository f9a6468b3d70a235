import CStemmer
import Synchronization

/// The Snowball English ("Porter2") stemmer from libstemmer, with a cache of the stems it has made.
///
/// libstemmer's stemmer objects are not thread-safe, so one lives behind a mutex; stems are cached
/// because an answer repeats its words and a rubric's phrases are stemmed once per process.
public final class Stemmer: Sendable {
    /// The process-wide stemmer.
    public static let english = Stemmer()

    private struct State: ~Copyable {
        var stemmer: OpaquePointer?
        var cache: [String: String] = [:]
    }

    private let state: Mutex<State>

    public init() {
        state = Mutex(State(stemmer: sb_stemmer_new("english", "UTF_8")))
    }

    deinit {
        state.withLock { state in
            if let stemmer = state.stemmer { sb_stemmer_delete(stemmer) }
        }
    }

    /// The stem of a lower-case word. Words too long to be words are returned unchanged.
    public func stem(_ word: String) -> String {
        state.withLock { state in
            if let cached = state.cache[word] { return cached }
            let stem = Self.stemUncached(word, with: state.stemmer)
            if state.cache.count > 200_000 { state.cache.removeAll(keepingCapacity: true) }
            state.cache[word] = stem
            return stem
        }
    }

    /// Stems without the cache: the baseline the benchmarks compare the evaluator against.
    public func stemWithoutCache(_ word: String) -> String {
        state.withLock { state in Self.stemUncached(word, with: state.stemmer) }
    }

    private static func stemUncached(_ word: String, with stemmer: OpaquePointer?) -> String {
        guard let stemmer, !word.isEmpty, word.utf8.count < 256 else { return word }
        var word = word
        return word.withUTF8 { buffer -> String in
            guard let result = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return String(decoding: buffer, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
