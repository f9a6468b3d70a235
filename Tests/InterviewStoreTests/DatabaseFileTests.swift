import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("The database file")
struct DatabaseFileTests {
    @Test("a new database gets its missing folders with mode 0700 and its files with mode 0600")
    func modes() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/a/b/interviews.sqlite"
            let store = try SessionStore(path: path)
            _ = try store.beginSession(questionIDs: ["q1"], at: Fixture.date())
            #expect(Fixture.mode(dir + "/a") == 0o700)
            #expect(Fixture.mode(dir + "/a/b") == 0o700)
            #expect(Fixture.mode(path) == 0o600)
            #expect(Fixture.mode(path + "-wal") == 0o600)
            #expect(Fixture.mode(path + "-shm") == 0o600)
        }
    }

    @Test("an existing folder keeps its mode")
    func existingFolder() throws {
        try withTemporaryDirectory { dir in
            chmod(dir, 0o755)
            _ = try SessionStore(path: dir + "/db.sqlite")
            #expect(Fixture.mode(dir) == 0o755)
        }
    }

    @Test("reopening a database keeps its sessions and applies the schema once")
    func reopenKeepsData() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let id = try SessionStore(path: path).beginSession(questionIDs: ["q1"], at: Fixture.date()).id
            let store = try SessionStore(path: path)
            #expect(try store.list().map(\.id) == [id])
            #expect(try Fixture.text(store, "SELECT group_concat(identifier) FROM grdb_migrations") == "v1-initial")
            #expect(try Fixture.text(store, "PRAGMA journal_mode") == "wal")
        }
    }

    static let notDatabases: [(String, [UInt8])] = [
        ("text", Array("hello, this is a shopping list\nmilk\neggs\n".utf8)),
        ("short", Array("SQLite".utf8)),
        ("random", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
        ("zeroes", [UInt8](repeating: 0, count: 8192)),
    ]

    @Test("a file that is not a SQLite database is refused and left byte for byte as it was",
          arguments: notDatabases.map(\.0))
    func notADatabase(kind: String) throws {
        let contents = try #require(Self.notDatabases.first { $0.0 == kind }?.1)
        try withTemporaryDirectory { dir in
            let path = dir + "/interviews.sqlite"
            try Data(contents).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o644)
            #expect(throws: StoreError.notADatabase(path: path)) { try SessionStore(path: path) }
            #expect(throws: StoreError.notADatabase(path: path)) { try SessionStore(readingFrom: path) }
            #expect(Fixture.bytes(path) == Data(contents))
            #expect(Fixture.mode(path) == 0o644)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(StoreError.notADatabase(path: path).description
                == "\(path) is not a SQLite database (it may be damaged). It was left untouched; move it aside or pass --db with another path.")
        }
    }

    @Test("a file with SQLite's header but damaged pages is refused and left byte for byte as it was")
    func damagedDatabase() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/interviews.sqlite"
            let contents = Data(DatabaseFile.header + (0..<4080).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) })
            try contents.write(to: URL(fileURLWithPath: path))
            #expect(throws: StoreError.self) { try SessionStore(path: path) }
            #expect(throws: StoreError.self) { try SessionStore(readingFrom: path) }
            #expect(Fixture.bytes(path) == contents)
        }
    }

    @Test("an empty file is taken as a new database")
    func emptyFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            let store = try SessionStore(path: path)
            #expect(try store.sessionCount() == 0)
        }
    }

    @Test("reading a database that does not exist says so and creates nothing")
    func readingMissing() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/Sessions/interviews.sqlite"
            #expect(throws: StoreError.notFound(path: path)) { try SessionStore(readingFrom: path) }
            #expect(!FileManager.default.fileExists(atPath: dir + "/Sessions"))
        }
    }

    @Test("a path whose folder is a file cannot be created, and the error says so")
    func folderIsAFile() throws {
        try withTemporaryDirectory { dir in
            _ = FileManager.default.createFile(atPath: dir + "/Sessions", contents: Data("x".utf8))
            let path = dir + "/Sessions/interviews.sqlite"
            #expect(throws: StoreError.self) { try SessionStore(path: path) }
            do throws(StoreError) {
                _ = try SessionStore(path: path)
            } catch {
                #expect(error.description.contains("cannot create \(path)"))
            }
        }
    }

    @Test("a folder given as the database path is refused with a hint at the file it should be")
    func pathIsAFolder() throws {
        try withTemporaryDirectory { dir in
            let reason = "it is a folder; the database is a file, such as \(dir)/interviews.sqlite"
            #expect(throws: StoreError.cannotCreate(path: dir, reason: reason)) { try SessionStore(path: dir) }
            #expect(throws: StoreError.cannotCreate(path: dir, reason: reason)) { try SessionStore(readingFrom: dir) }
        }
    }

    @Test("a store opened for reading refuses to record, saying it is read-only")
    func readingStoreRefusesWrites() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            let id = try SessionStore(path: path).beginSession(questionIDs: ["q1"], at: Fixture.date()).id
            let reader = try SessionStore(readingFrom: path)
            #expect(reader.isReadOnly)
            #expect(try reader.transcript(id: id).session.id == id)
            #expect(throws: StoreError.readOnly(path: path, reason: "it was opened for reading only")) {
                try reader.beginSession(questionIDs: ["q1"])
            }
            #expect(StoreError.readOnly(path: path, reason: "x").description.contains("Commands that only read (list, report, export, progress) still work"))
        }
    }

    @Test("a database written by a newer version is refused for recording but can be read")
    func newerSchema() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db.sqlite"
            try Fixture.execute(try SessionStore(path: path), "INSERT INTO grdb_migrations VALUES ('v9-future')")
            #expect(throws: StoreError.newerSchema(path: path, migrations: ["v9-future"])) { try SessionStore(path: path) }
            #expect(try SessionStore(readingFrom: path).sessionCount() == 0)
        }
    }
}

/// Makes a file or folder unwritable even for root (tests run as root in CI): `chattr +i` there,
/// `chmod a-w` for anyone else.
enum Unwritable {
    static let isSupported: Bool = {
        guard let dir = try? withTemporaryDirectory({ dir -> Bool in
            let probe = dir + "/probe"
            _ = FileManager.default.createFile(atPath: probe, contents: Data())
            guard set(probe, true) else { return false }
            defer { _ = set(probe, false) }
            return access(probe, W_OK) != 0
        }) else { return false }
        return dir
    }()

    @discardableResult
    static func set(_ path: String, _ unwritable: Bool) -> Bool {
        if getuid() != 0 {
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            return chmod(path, unwritable ? (isFolder ? 0o555 : 0o444) : (isFolder ? 0o755 : 0o644)) == 0
        }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = [unwritable ? "+i" : "-i", path]
        chattr.standardError = FileHandle.nullDevice
        guard (try? chattr.run()) != nil else { return false }
        chattr.waitUntilExit()
        return chattr.terminationStatus == 0
    }
}

@Suite("A read-only database", .enabled(if: Unwritable.isSupported, "needs chattr (as root) or chmod to make a file unwritable"))
struct ReadOnlyDatabaseTests {
    static func recordOne(_ path: String) throws -> Int64 {
        let store = try SessionStore(path: path)
        let session = try store.beginSession(questionIDs: ["q1"], candidate: "Ada", at: Fixture.date())
        let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "Why?", askedAt: Fixture.date(1))
        try store.recordAnswer(turnID: turn.id, answer: "drift", firstInputAt: nil, submittedAt: Fixture.date(9), evaluation: try Fixture.evaluation(score: 64))
        try store.finishSession(id: session.id, status: .completed, at: Fixture.date(10))
        return session.id
    }

    @Test("a read-only file is refused for recording with the reason, and opens for reading")
    func readOnlyFile() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/interviews.sqlite"
            let id = try Self.recordOne(path)
            let before = Fixture.bytes(path)
            #expect(Unwritable.set(path, true))
            defer { Unwritable.set(path, false) }

            do throws(StoreError) {
                _ = try SessionStore(path: path)
                Issue.record("opened a read-only file for writing")
            } catch {
                guard case .readOnly(path, let reason) = error else {
                    Issue.record("expected .readOnly, got \(error)")
                    return
                }
                #expect(reason.contains("read-only"))
                #expect(error.description.hasPrefix("cannot write to \(path): the file is read-only"))
            }
            let reader = try SessionStore(readingFrom: path)
            #expect(try reader.list().map(\.id) == [id])
            #expect(try reader.transcript(id: id).turns.first?.evaluation?.score == 64)
            #expect(try reader.progress().sessions == 0)
            #expect(Fixture.bytes(path) == before)
        }
    }

    @Test("a database in a read-only folder is refused for recording and opens for reading without a -shm file")
    func readOnlyFolder() throws {
        try withTemporaryDirectory { dir in
            let folder = dir + "/Sessions"
            let path = folder + "/interviews.sqlite"
            let id = try Self.recordOne(path)
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
            #expect(Unwritable.set(folder, true))
            defer { Unwritable.set(folder, false) }

            #expect(throws: StoreError.readOnly(path: path, reason: "its folder \(folder) is not writable, and SQLite must create \(path)-wal and \(path)-shm there")) {
                try SessionStore(path: path)
            }
            let reader = try SessionStore(readingFrom: path)
            #expect(try reader.list().first?.candidate == "Ada")
            #expect(try reader.resolve("last") == id)
            #expect(try reader.transcript(id: id).turns.count == 1)
            #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        }
    }

    @Test("a new database in a read-only folder cannot be created, and the error says why")
    func newInReadOnlyFolder() throws {
        try withTemporaryDirectory { dir in
            let folder = dir + "/Sessions"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            #expect(Unwritable.set(folder, true))
            defer { Unwritable.set(folder, false) }
            let path = folder + "/interviews.sqlite"
            do throws(StoreError) {
                _ = try SessionStore(path: path)
                Issue.record("created a database in a read-only folder")
            } catch {
                guard case .readOnly(path, let reason) = error else {
                    Issue.record("expected .readOnly, got \(error)")
                    return
                }
                #expect(reason.contains("its folder \(folder) is not writable"))
            }
        }
    }
}
