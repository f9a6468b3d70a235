import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("Several processes on one database")
struct ConcurrencyTests {
    @Test("a second writer waits for the first instead of failing with 'database is locked', and readers never wait")
    func writersWait() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            // Two stores are two sets of SQLite connections: they lock each other as two processes do.
            let first = try SessionStore(path: path)
            let second = try SessionStore(path: path)
            let reader = try SessionStore(readingFrom: path)
            _ = try first.beginSession(questionIDs: ["q1"], at: Fixture.date())

            let holding = DispatchSemaphore(value: 0)
            let released = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                try? first.pool.write { db in
                    try db.execute(sql: "UPDATE sessions SET candidate = 'first'")
                    holding.signal()
                    Thread.sleep(forTimeInterval: 0.8)
                }
                released.signal()
            }
            holding.wait()

            let readStart = Date()
            #expect(try reader.list().count == 1)
            #expect(Date().timeIntervalSince(readStart) < 0.5)

            let writeStart = Date()
            let session = try second.beginSession(questionIDs: ["q2"], at: Fixture.date(60))
            #expect(Date().timeIntervalSince(writeStart) > 0.3)
            released.wait()
            #expect(try reader.list().map(\.id) == [session.id, 1])
            #expect(try reader.transcript(id: 1).session.candidate == "first")
        }
    }
}
