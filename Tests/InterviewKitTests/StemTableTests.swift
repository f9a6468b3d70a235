import Foundation
import Testing
@testable import InterviewKit

@Suite("StemTable and the cached WordNet tables")
struct StemTableTests {
    static let entries: [String: [String]] = [
        "a": ["x"], "ab": ["y", "z"], "abc": [], "b": ["a", "ab", "abc"], "zz": ["é", "日本"], "": ["empty key"],
        "open": ["close", "shut"], "bad\u{1F}key": ["dropped"], "good": ["kept", "bad\u{1E}value"],
    ]

    @Test("every key is found with its values in order; prefixes, absent keys and separators are told apart")
    func lookups() {
        let table = StemTable(Self.entries)
        #expect(table.count == Self.entries.count - 1, "the key holding a separator is left out")
        for (key, values) in Self.entries where !key.utf8.contains(0x1F) {
            #expect(table.values(of: key) == values.filter { !$0.utf8.contains(0x1E) }, "\(key)")
            #expect(table.contains(key))
        }
        for absent in ["abcd", "aa", "c", "zzz", "ope", "openn", "bad", "A"] {
            #expect(table.values(of: absent) == nil, "\(absent)")
            #expect(!table.contains(absent))
        }
    }

    @Test("written and read back, a table is the same table, and several follow one another")
    func roundTrip() throws {
        let first = StemTable(Self.entries), second = StemTable(["only": ["one"]]), empty = StemTable([:])
        var bytes: [UInt8] = []
        for table in [first, second, empty] { table.write(to: &bytes) }
        var offset = 0
        #expect(StemTable(reading: bytes, at: &offset) == first)
        #expect(StemTable(reading: bytes, at: &offset) == second)
        #expect(StemTable(reading: bytes, at: &offset) == empty)
        #expect(offset == bytes.count)
    }

    @Test("damaged bytes are refused, or read as a table whose look-ups stay inside it: never a trap")
    func damagedBytes() {
        var bytes: [UInt8] = []
        StemTable(Self.entries).write(to: &bytes)
        for length in 0..<bytes.count {
            var offset = 0
            #expect(StemTable(reading: Array(bytes.prefix(length)), at: &offset) == nil, "truncated to \(length) bytes")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            var offset = 0
            if let table = StemTable(reading: damaged, at: &offset) {
                for key in Array(Self.entries.keys) + ["q", "zzzz", ""] { _ = table.values(of: key) }
            }
        }
    }

    @Test("the WordNet lexicon read back from its serialised form answers every question as the parsed one", .enabled(if: SharedLexicon.wordNet != nil))
    func lexiconRoundTrip() throws {
        let parsed = try #require(SharedLexicon.wordNet)
        let bytes = parsed.serialized()
        let cached = try #require(WordNetLexicon(serialized: bytes))
        #expect(cached == parsed)
        #expect(cached.antonyms(of: "open") == parsed.antonyms(of: "open"))
        #expect(cached.antonyms(of: "open").contains("close"))
        #expect(cached.baseAdjective(of: "heavier") == "heavy")
        #expect(cached.baseAdjective(of: "better") == "good")

        #expect(WordNetLexicon(serialized: Array(bytes.dropLast())) == nil, "truncated")
        #expect(WordNetLexicon(serialized: bytes + [0]) == nil, "trailing bytes")
        #expect(WordNetLexicon(serialized: Array("mock-interview wordnet tables 0\n".utf8) + bytes.dropFirst(WordNetLexicon.serializationMagic.count)) == nil, "another format")
        #expect(WordNetLexicon(serialized: []) == nil)
    }
}
