import GRDB
import InterviewKit

// Interrupted sessions: a session still `in_progress` whose recording process (`owner_pid`) no
// longer exists was killed, crashed or lost its terminal. A writable store marks such sessions
// `interrupted` when it opens and whenever it notices one; a read-only store reports them so.

extension SessionStore {
    /// The status to show for a stored session: `interrupted` if it claims to be in progress but its
    /// owner process is gone.
    func effectiveStatus(_ status: SessionStatus, ownerPID: Int64?) -> SessionStatus {
        status == .inProgress && !OwnerProcess.isAlive(ownerPID) ? .interrupted : status
    }

    /// Marks every `in_progress` session whose owner process is gone as `interrupted`.
    func markInterruptedSessions() throws(StoreError) {
        let owners = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, owner_pid FROM sessions WHERE status = 'in_progress'")
                .map { row in (id: row["id"] as Int64, pid: (try? row.decode(Int64?.self, forColumn: "owner_pid")) ?? nil) }
        }
        try persistInterrupted(owners.filter { !OwnerProcess.isAlive($0.pid) })
    }

    /// Stores `interrupted` for sessions found dead, unless their owner changed meanwhile (another
    /// shell resumed one). Does nothing on a read-only store.
    func persistInterrupted(_ sessions: [(id: Int64, pid: Int64?)]) throws(StoreError) {
        guard !isReadOnly, !sessions.isEmpty else { return }
        try write { db in
            for session in sessions {
                try db.execute(
                    sql: "UPDATE sessions SET status = 'interrupted' WHERE id = ? AND status = 'in_progress' AND owner_pid IS ?",
                    arguments: [session.id, session.pid])
            }
        }
    }
}
