import Foundation
import Testing
@testable import InterviewStore

@Suite("Stored timestamps")
struct StoredTimestampTests {
    @Test("dates format as UTC ISO-8601 with milliseconds", arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_796_120_103_042, "2026-12-01T10:15:03.042Z"),
        (951_782_400_999, "2000-02-29T00:00:00.999Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ])
    func format(milliseconds: Int64, text: String) {
        #expect(StoredTimestamp.string(from: StoredTimestamp.date(milliseconds: milliseconds)) == text)
        #expect(StoredTimestamp.milliseconds(from: text) == milliseconds)
    }

    @Test("every millisecond of a day round-trips exactly through text")
    func roundTrip() {
        let base: Int64 = 1_796_083_200_000 // 2026-12-01T00:00:00.000Z
        var failures = 0
        for step in stride(from: Int64(0), to: 86_400_000, by: 997) {
            let date = StoredTimestamp.date(milliseconds: base + step)
            if StoredTimestamp.date(from: StoredTimestamp.string(from: date)) != date { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test("text sorts in time order")
    func sortsAsText() {
        let dates = [Int64(-86_400_000), 0, 999, 1000, 1_796_120_103_042, 1_796_120_103_043].map(StoredTimestamp.date(milliseconds:))
        let texts = dates.map(StoredTimestamp.string(from:))
        #expect(texts.sorted() == texts)
    }

    @Test("hand-written variants parse; anything else does not", arguments: [
        ("2026-12-01 10:15:03", Int64(1_796_120_103_000)),
        ("2026-12-01T10:15:03Z", 1_796_120_103_000),
        ("2026-12-01T10:15:03.04Z", 1_796_120_103_040),
        ("2026-12-01T10:15:03.042999Z", 1_796_120_103_042),
    ])
    func lenientParsing(text: String, milliseconds: Int64) {
        #expect(StoredTimestamp.milliseconds(from: text) == milliseconds)
    }

    @Test("malformed timestamps are rejected", arguments: [
        "", "yesterday", "2026-13-01T10:15:03.042Z", "2026-02-30T10:15:03.042Z", "2026-12-01T24:00:00.000Z",
        "2026-12-01T10:15:03.Z", "2026-12-01T10:15:03.042+02:00", "20261201T101503",
    ])
    func rejects(text: String) {
        #expect(StoredTimestamp.milliseconds(from: text) == nil)
    }
}
