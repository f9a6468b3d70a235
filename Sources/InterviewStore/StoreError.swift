import Foundation
import GRDB
import InterviewKit

/// Why a session store could not do what was asked, worded for the person at the terminal: what is
/// wrong and what to do about it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file exists but is not an SQLite database. It was not modified.
    case notADatabase(path: String)
    /// The file is an SQLite database, but SQLite found it damaged. It was not modified.
    case damaged(path: String, detail: String)
    /// A row holds a value this program cannot read back (edited by hand, or written by a newer version).
    case damagedRecord(path: String, table: String, id: Int64, detail: String)
    /// No database file at the path (a command that only reads never creates one).
    case notFound(path: String)
    /// The database, or the folder it lives in, cannot be written.
    case readOnly(path: String, reason: String)
    /// The file or its folder could not be created.
    case cannotCreate(path: String, reason: String)
    /// The database was written by a newer mock-interview whose schema this version does not know.
    case newerSchema(path: String, migrations: [String])
    /// The database needs a schema upgrade, which a read-only open cannot do.
    case needsUpgrade(path: String)
    /// The disk (or the file system's quota) is full.
    case diskFull(path: String)
    /// Another process held the database locked for longer than the busy timeout.
    case busy(path: String)
    /// `resolve` found no session for the reference.
    case unknownSession(reference: String)
    /// `resolve("last")` on a database without sessions.
    case noSessions(path: String)
    case unknownTurn(id: Int64)
    /// The turn was already answered or skipped; answers are recorded once.
    case turnClosed(id: Int64, outcome: TurnRecord.Outcome)
    /// The turn has no answer to evaluate.
    case turnNotAnswered(id: Int64, outcome: TurnRecord.Outcome)
    /// The session cannot be resumed: it is complete, or another live process is recording it.
    case notResumable(id: Int64, reason: String)
    /// Any other SQLite or file-system failure.
    case failed(path: String, detail: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            "\(path) is not a SQLite database (it may be damaged). It was left untouched; move it aside or pass --db with another path."
        case .damaged(let path, let detail):
            "\(path) is damaged (\(detail)). It was left untouched; `sqlite3 \(path) .recover` may salvage its contents, or move it aside and pass --db with another path."
        case .damagedRecord(let path, let table, let id, let detail):
            "\(path): row \(id) of table \(table) cannot be read (\(detail)). Was it edited by hand? Fix the value with sqlite3 (see docs/schema.md), or pass --db with another database."
        case .notFound(let path):
            "no database at \(path): no sessions have been recorded there yet. Start one with `mock-interview`, or pass --db with the path of an existing database."
        case .readOnly(let path, let reason):
            "cannot write to \(path): \(reason). Commands that only read (list, report, export, progress) still work; to record sessions, make it writable (chmod u+w) or pass --db with another path."
        case .cannotCreate(let path, let reason):
            "cannot create \(path): \(reason). Pass --db with a path in a folder you can write to."
        case .newerSchema(let path, let migrations):
            "\(path) was written by a newer mock-interview (schema \(migrations.joined(separator: ", "))). Upgrade mock-interview to record sessions in it, or pass --db with another path."
        case .needsUpgrade(let path):
            "\(path) was written by an older mock-interview and needs a schema upgrade, which cannot be done while it is read-only. Make it writable and run any command once, or pass --db with another path."
        case .diskFull(let path):
            "cannot write to \(path): the disk is full. Free some space and try again; everything recorded before this point is saved."
        case .busy(let path):
            "\(path) is busy: another mock-interview process kept it locked for more than \(Int(SessionStore.busyTimeout)) seconds. Wait for it to finish and try again."
        case .unknownSession(let reference):
            "no session '\(reference)'. Sessions are addressed by number or `last`; `mock-interview list` shows them."
        case .noSessions(let path):
            "no sessions recorded in \(path) yet. Start one with `mock-interview`, or pass --db with another database."
        case .unknownTurn(let id):
            "no turn \(id) in the database."
        case .turnClosed(let id, let outcome):
            "turn \(id) was already \(outcome.rawValue); an answer is recorded once (use appendEvaluation to rescore it)."
        case .turnNotAnswered(let id, let outcome):
            "turn \(id) is \(outcome.rawValue): it has no answer to evaluate."
        case .notResumable(let id, let reason):
            "session \(id) cannot be resumed: \(reason)."
        case .failed(let path, let detail):
            "\(path): \(detail)."
        }
    }

    public var errorDescription: String? { description }
}

/// A stored value that does not decode; becomes ``StoreError/damagedRecord(path:table:id:detail:)``.
struct RecordDecodingFailure: Error {
    var table: String
    var id: Int64
    var detail: String
}

extension StoreError {
    /// Translates whatever GRDB, SQLite, Foundation or a record threw into a `StoreError` about `path`.
    static func from(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let failure as RecordDecodingFailure:
            return .damagedRecord(path: path, table: failure.table, id: failure.id, detail: failure.detail)
        case let error as DatabaseError:
            let detail = error.message ?? "\(error.resultCode)"
            if [.SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode.primaryResultCode) {
                if let limit = DatabaseFile.fileSizeLimit(reachedBy: path) {
                    return .failed(path: path, detail: "cannot write: the file size limit (ulimit -f) of \(limit) bytes is reached. Raise it (ulimit -f unlimited) and try again; everything recorded before this point is saved")
                }
                if DatabaseFile.isOnFullDisk(path) { return .diskFull(path: path) }
            }
            switch error.resultCode.primaryResultCode {
            case .SQLITE_FULL:
                return .diskFull(path: path)
            case .SQLITE_READONLY:
                return .readOnly(path: path, reason: "SQLite reports it read-only (\(detail))")
            case .SQLITE_PERM, .SQLITE_AUTH:
                return .readOnly(path: path, reason: "permission denied (\(detail))")
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .damaged(path: path, detail: detail)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(path: path)
            case .SQLITE_CANTOPEN:
                return .failed(path: path, detail: "SQLite cannot open it (\(detail)); check that the path and its folder exist and are readable")
            default:
                return .failed(path: path, detail: "SQLite error: \(detail)")
            }
        default:
            return .failed(path: path, detail: "\(error)")
        }
    }
}
