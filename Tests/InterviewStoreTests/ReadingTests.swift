import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("Listing, resolving and exporting sessions")
struct ReadingTests {
    /// Three sessions whose ids are not in start-time order: #1 started second, #2 last, #3 first.
    static func threeSessions(_ store: SessionStore) throws -> [SessionRecord] {
        let starts = [Fixture.date(3600), Fixture.date(7200), Fixture.date(0)]
        return try starts.enumerated().map { index, start in
            let session = try store.beginSession(questionIDs: ["q1", "q\(index + 2)"], candidate: "c\(index)", at: start)
            for sequence in 0...index {
                let turn = try store.appendTurn(
                    sessionID: session.id, questionID: "q1", nodeID: "n\(sequence)", prompt: "p",
                    askedAt: start.addingTimeInterval(Double(sequence) * 100 + 10))
                try store.recordAnswer(
                    turnID: turn.id, answer: "answer \(sequence)", firstInputAt: nil,
                    submittedAt: start.addingTimeInterval(Double(sequence) * 100 + 70),
                    evaluation: try Fixture.evaluation(score: Double(10 * (index + 1))))
            }
            try store.updateSessionScore(sessionID: session.id, score: Double(10 * (index + 1)))
            if index != 1 { try store.finishSession(id: session.id, status: .completed, at: start.addingTimeInterval(500)) }
            return session
        }
    }

    @Test("list shows the newest session first, with its outline")
    func listOrderAndFields() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let sessions = try Self.threeSessions(store)
            let list = try store.list()
            #expect(list.map(\.id) == [sessions[1].id, sessions[0].id, sessions[2].id])
            #expect(list[0] == SessionSummary(
                id: sessions[1].id, startedAt: Fixture.date(7200), endedAt: nil, durationSeconds: 170,
                questionIDs: ["q1", "q3"], status: .inProgress, score: 20, candidate: "c1", feedback: .end, answeredTurns: 2))
            #expect(list[1].durationSeconds == 500)
            #expect(list[1].status == .completed)
            #expect(list[2].answeredTurns == 3)
            #expect(try store.sessionCount() == 3)
        }
    }

    @Test("list pages with limit and offset")
    func listPaging() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let sessions = try Self.threeSessions(store)
            #expect(try store.list(limit: 2).map(\.id) == [sessions[1].id, sessions[0].id])
            #expect(try store.list(limit: 2, offset: 2).map(\.id) == [sessions[2].id])
            #expect(try store.list(limit: 2, offset: 3).isEmpty)
        }
    }

    @Test("'last' names the most recently started session and a number names itself", arguments: [
        ("last", 1), ("LAST", 1), ("1", 0), ("2", 1), (" #3 ", 2),
    ])
    func resolveReferences(reference: String, index: Int) throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let sessions = try Self.threeSessions(store)
            #expect(try store.resolve(reference) == sessions[index].id)
        }
    }

    @Test("an unknown reference is an error that says how to see the sessions", arguments: ["99", "0", "-1", "first", ""])
    func unknownReference(reference: String) throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            _ = try Self.threeSessions(store)
            #expect(throws: StoreError.unknownSession(reference: reference)) { try store.resolve(reference) }
            #expect(StoreError.unknownSession(reference: reference).description.contains("mock-interview list"))
        }
    }

    @Test("'last' in an empty database says that no sessions are recorded yet")
    func lastOfNothing() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let store = try SessionStore(path: path)
            #expect(throws: StoreError.noSessions(path: path)) { try store.resolve("last") }
            #expect(throws: StoreError.unknownSession(reference: "7")) { try store.transcript(id: 7) }
        }
    }

    @Test("every transcript is visited once, in id order, across batches")
    func forEachTranscript() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let sessions = try Self.threeSessions(store)
            var visited: [SessionTranscript] = []
            try store.forEachTranscript(batchSize: 2) { visited.append($0) }
            #expect(visited.map(\.session.id) == sessions.map(\.id))
            #expect(visited.map(\.turns.count) == [1, 2, 3])
            #expect(try visited == sessions.map { try store.transcript(id: $0.id) })
        }
    }

    @Test("an error thrown while exporting stops the iteration and reaches the caller")
    func forEachTranscriptStops() throws {
        struct Stop: Error {}
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            _ = try Self.threeSessions(store)
            var count = 0
            #expect(throws: Stop.self) {
                try store.forEachTranscript(batchSize: 1) { _ in
                    count += 1
                    if count == 2 { throw Stop() }
                }
            }
            #expect(count == 2)
        }
    }

    @Test("answered turns carry their answer, timing and the latest evaluation's engine and rubric")
    func answeredTurns() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let sessions = try Self.threeSessions(store)
            let all = try store.answeredTurns()
            #expect(all.count == 6)
            let mine = try store.answeredTurns(sessionID: sessions[1].id)
            #expect(mine.map(\.sequence) == [0, 1])
            #expect(mine[0].answer == "answer 0")
            #expect(mine[0].answerDuration == 60)
            #expect(mine[0].rubricHash == "rubric-1")
            try store.appendEvaluation(turnID: mine[1].turnID, evaluation: try Fixture.evaluation(score: 99, rubricHash: "rubric-9"))
            let after = try store.answeredTurns(sessionID: sessions[1].id)
            #expect(after.map(\.rubricHash) == ["rubric-1", "rubric-9"])
            #expect(after.map(\.score) == [20, 99])
        }
    }

    @Test("a hand-edited timestamp that cannot be read is reported with its table and row, not a crash")
    func damagedRow() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let store = try SessionStore(path: path)
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            try Fixture.execute(store, "UPDATE sessions SET started_at = 'yesterday'")
            #expect(throws: StoreError.damagedRecord(
                path: path, table: "sessions", id: session.id,
                detail: "started_at: 'yesterday' is not a timestamp like 2026-12-01T10:15:03.042Z")) { try store.list() }
        }
    }
}
