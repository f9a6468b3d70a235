import Foundation
import GRDB
import InterviewKit

/// The recorded interviews: an SQLite database (WAL) that every command reads and the shell writes
/// as the interview happens.
///
/// Open it with ``init(path:)`` to record (it creates the file and its folder, private to the
/// user, and upgrades the schema), or with ``init(readingFrom:)`` for commands that only read, which
/// also works on a database the user cannot write. Every method that records something commits
/// one transaction before it returns, so a crash or `kill -9` loses at most the answer being typed.
/// Several processes may use one database at once (two shells and a report): a writer waits up to
/// ``busyTimeout`` seconds for another, readers never wait.
///
/// ```swift
/// let store = try SessionStore(path: "Sessions/interviews.sqlite")
/// let session = try store.beginSession(questionIDs: ["q1", "q2"])
/// let turn = try store.appendTurn(sessionID: session.id, questionID: "q1", nodeID: "open", prompt: "…")
/// try store.recordAnswer(turnID: turn.id, answer: text, firstInputAt: t0, submittedAt: t1, evaluation: e)
/// ```
public final class SessionStore: Sendable {
    /// How long a write waits for another process's write to finish before failing with `.busy`.
    public static let busyTimeout: TimeInterval = 5

    /// The path the store was opened with, as given (it appears in error messages).
    public let path: String
    /// True when opened with ``init(readingFrom:)``: every recording method throws `.readOnly`.
    public let isReadOnly: Bool
    let pool: DatabasePool

    /// Opens the database at `path` for recording, creating it (and its missing folders) if needed.
    ///
    /// A new folder gets mode 0700 and a new file 0600 (its -wal and -shm files too). A file that is
    /// not an SQLite database is refused and left exactly as it was. The schema is migrated to this
    /// version's, and sessions left `in_progress` by a process that no longer exists are marked
    /// `interrupted`.
    public init(path: String) throws(StoreError) {
        self.path = path
        isReadOnly = false
        switch try DatabaseFile.inspect(path) {
        case .absent:
            try DatabaseFile.createParent(of: path)
            try DatabaseFile.create(path)
        case .empty, .database:
            if let obstacle = DatabaseFile.writeObstacle(path) {
                throw .readOnly(path: path, reason: obstacle)
            }
            DatabaseFile.alignSidecarModes(path)
        }
        pool = try Self.openPool(path, label: path, readOnly: false)
        try Self.perform(path) { [pool] in
            try Self.refuseNewerSchema(pool, path: path)
            try Schema.migrator.migrate(pool)
            // GRDB sets synchronous=NORMAL, which can lose the last commits on power loss; an answer
            // is worth one fsync.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        }
        DatabaseFile.alignSidecarModes(path)
        try markInterruptedSessions()
    }

    /// Opens an existing database for reading only: `list`, `report`, `export` and `progress` work
    /// even when the file or its folder is read-only. Recording methods throw `.readOnly`.
    ///
    /// Sessions whose recording process is gone are reported as `interrupted` without being changed.
    public init(readingFrom path: String) throws(StoreError) {
        self.path = path
        isReadOnly = true
        guard try DatabaseFile.inspect(path) == .database else { throw .notFound(path: path) }
        let pool = try Self.perform(path) { try Self.openForReading(path) }
        self.pool = pool
        try Self.perform(path) { [pool] in
            try pool.read { db in
                let applied = try Schema.migrator.appliedMigrations(db)
                if applied.isEmpty { throw StoreError.notFound(path: path) }
                if try !Schema.migrator.hasCompletedMigrations(db) { throw StoreError.needsUpgrade(path: path) }
            }
        }
    }

    // MARK: - Database access

    /// Runs `body`, translating whatever it throws into a `StoreError` about this store's file.
    func perform<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try Self.perform(path, body)
    }

    static func perform<T>(_ path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// One write transaction, committed when this returns.
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        guard !isReadOnly else {
            throw .readOnly(path: path, reason: "it was opened for reading only")
        }
        return try perform { try pool.write(updates) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try perform { try pool.read(body) }
    }

    // MARK: - Opening

    private static func openPool(_ location: String, label: String, readOnly: Bool) throws(StoreError) -> DatabasePool {
        try perform(label) { try DatabasePool(path: location, configuration: configuration(readOnly: readOnly)) }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.maximumReaderCount = 2
        configuration.label = "InterviewStore"
        return configuration
    }

    /// A read-only pool on `path`, able to read a WAL database even where SQLite cannot use a -shm
    /// file (a read-only folder, or a -shm left by another user): there it opens the file as
    /// `immutable`, without locks or -shm, reading what the last checkpoint wrote to the file.
    private static func openForReading(_ path: String) throws -> DatabasePool {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            try pool.read { _ = try Row.fetchOne($0, sql: "SELECT 1 FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError
            where ([.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode) && !DatabaseFile.canUseSharedMemory(path))
            || (error.resultCode.primaryResultCode == .SQLITE_IOERR && DatabaseFile.isOnFullDisk(path) && DatabaseFile.hasNoWALContent(path))
        {
            // On a full disk the -shm file cannot grow; with nothing in the -wal file, the database
            // file alone is the whole record and can be read without it.
            let pool = try DatabasePool(path: immutableURI(path), configuration: configuration(readOnly: true))
            try pool.read { _ = try Row.fetchOne($0, sql: "SELECT 1 FROM sqlite_master") }
            return pool
        }
    }

    private static func refuseNewerSchema(_ pool: DatabasePool, path: String) throws {
        let unknown = try pool.read { db -> [String] in
            guard try Schema.migrator.hasBeenSuperseded(db) else { return [] }
            let all = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            return all.filter { !Schema.migrationIdentifiers.contains($0) }
        }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: path, migrations: unknown) }
    }

    /// `file:` URI for `path` with `immutable=1` (the system SQLite is built with URI support).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + encoded + "?immutable=1"
    }
}
