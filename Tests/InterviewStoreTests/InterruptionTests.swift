import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("Interrupted sessions")
struct InterruptionTests {
    static func session(in store: SessionStore, ownedBy pid: Int64) throws -> Int64 {
        let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
        _ = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(5))
        try Fixture.execute(store, "UPDATE sessions SET owner_pid = \(pid) WHERE id = \(session.id)")
        return session.id
    }

    static func storedStatus(_ store: SessionStore, _ id: Int64) throws -> String? {
        try Fixture.text(store, "SELECT status FROM sessions WHERE id = \(id)")
    }

    @Test("a session whose owner process is gone shows as interrupted in list and transcript, and is stored so",
          arguments: [Int64(Int32.max), -5, 0])
    func deadOwner(pid: Int64) throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let id = try Self.session(in: store, ownedBy: pid)
            #expect(try Self.storedStatus(store, id) == "in_progress")
            #expect(try store.list().first?.status == .interrupted)
            #expect(try store.transcript(id: id).session.status == .interrupted)
            #expect(try Self.storedStatus(store, id) == "interrupted")
        }
    }

    @Test("a process that has exited leaves its session interrupted; opening the store marks it at once")
    func exitedOwner() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let id = try Self.session(in: try SessionStore(path: path), ownedBy: Int64(try DeadProcess.pid()))
            let reopened = try SessionStore(path: path)
            #expect(try Self.storedStatus(reopened, id) == "interrupted")
        }
    }

    @Test("a session owned by a live process stays in progress until that process is killed with SIGKILL")
    func killedOwner() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: "/bin/sleep")
            child.arguments = ["30"]
            try child.run()
            defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
            let id = try Self.session(in: store, ownedBy: Int64(child.processIdentifier))
            #expect(try store.list().first?.status == .inProgress)
            #expect(throws: StoreError.self) { try store.reopen(id: id) }

            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(try store.list().first?.status == .interrupted)
            #expect(try store.transcript(id: id).session.status == .interrupted)
        }
    }

    @Test("this process's own session is in progress, not interrupted")
    func ownSession() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            #expect(try Fixture.int(store, "SELECT owner_pid FROM sessions") == Int(getpid()))
            #expect(try store.list().first?.status == .inProgress)
            #expect(try SessionStore(path: dir + "/db.sqlite").transcript(id: session.id).session.status == .inProgress)
        }
    }

    @Test("a read-only store reports an interrupted session without changing the file")
    func readOnlyReport() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let writer = try SessionStore(path: path)
            let id = try Self.session(in: writer, ownedBy: Int64(Int32.max))
            let reader = try SessionStore(readingFrom: path)
            #expect(try reader.list().first?.status == .interrupted)
            #expect(try reader.transcript(id: id).session.status == .interrupted)
            #expect(try Self.storedStatus(writer, id) == "in_progress")
        }
    }

    @Test("resuming takes the session over: in progress, owned by this process, no end time")
    func reopen() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let id = try Self.session(in: store, ownedBy: Int64(Int32.max))
            try store.finishSession(id: id, status: .endedEarly, at: Fixture.date(60))
            let resumed = try store.reopen(id: id)
            #expect(resumed.status == .inProgress)
            #expect(resumed.endedAt == nil)
            #expect(try Fixture.int(store, "SELECT owner_pid FROM sessions WHERE id = \(id)") == Int(getpid()))
            #expect(try store.transcript(id: id).session == resumed)
        }
    }

    @Test("a completed session cannot be resumed")
    func reopenCompleted() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let session = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            try store.finishSession(id: session.id, status: .completed, at: Fixture.date(60))
            #expect(throws: StoreError.notResumable(id: session.id, reason: "it is complete; start a new session instead")) {
                try store.reopen(id: session.id)
            }
        }
    }
}
