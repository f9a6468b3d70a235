import Foundation
import GRDB
import InterviewKit

// The reads behind `list`, `report`, `replay`, `export` and `rescore`.

extension SessionStore {
    /// The session a user's reference names: `last` (the most recently started) or a number.
    public func resolve(_ reference: String) throws(StoreError) -> Int64 {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "last" {
            let last = try read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1")
            }
            guard let last else { throw .noSessions(path: path) }
            return last
        }
        let digits = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        guard let id = Int64(digits), id > 0, try read({ try SessionRow.exists($0, key: id) }) else {
            throw .unknownSession(reference: reference)
        }
        return id
    }

    /// How many sessions are recorded.
    public func sessionCount() throws(StoreError) -> Int {
        try read { try SessionRow.fetchCount($0) }
    }

    /// Sessions newest first (by start time), a page at a time; reads only the `sessions` table.
    public func list(limit: Int = 20, offset: Int = 0) throws(StoreError) -> [SessionSummary] {
        let rows = try read { db in
            try SessionRow.fetchAll(
                db, sql: "SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: [max(0, limit), max(0, offset)])
        }
        var dead: [(id: Int64, pid: Int64?)] = []
        let summaries = rows.map { row in
            let status = effectiveStatus(row.status, ownerPID: row.ownerPID)
            if status != row.status, let id = row.id { dead.append((id, row.ownerPID)) }
            let end = row.endedAt ?? row.lastEventAt ?? row.startedAt
            return SessionSummary(
                id: row.id ?? 0, startedAt: row.startedAt, endedAt: row.endedAt,
                durationSeconds: max(0, end.timeIntervalSince(row.startedAt)), questionIDs: row.questionIDs,
                status: status, score: row.score, candidate: row.candidate, feedback: row.feedback,
                answeredTurns: row.answeredTurns)
        }
        // Best effort: the listing is right either way, and a failure here must not hide it.
        try? persistInterrupted(dead)
        return summaries
    }

    /// Everything recorded about one session: its turns in order, each with all its evaluations,
    /// oldest first.
    public func transcript(id: Int64) throws(StoreError) -> SessionTranscript {
        let loaded = try read { db -> (SessionRow, [TurnRow], [Int64: [StoredEvaluation]])? in
            guard let session = try SessionRow.fetchOne(db, key: id) else { return nil }
            let turns = try TurnRow.fetchAll(
                db, sql: "SELECT * FROM turns WHERE session_id = ? ORDER BY sequence", arguments: [id])
            let evaluations = try Self.evaluations(db, sessionIDs: id...id)
            return (session, turns, evaluations)
        }
        guard let (session, turns, evaluations) = loaded else { throw .unknownSession(reference: String(id)) }
        let status = effectiveStatus(session.status, ownerPID: session.ownerPID)
        if status != session.status { try? persistInterrupted([(id, session.ownerPID)]) }
        return SessionTranscript(
            session: session.record(status: status),
            turns: turns.map { $0.record(evaluations: evaluations[$0.id ?? 0] ?? []) })
    }

    /// Calls `body` with every session's transcript in id order, reading `batchSize` sessions at a
    /// time so that an export of a large database holds only one batch in memory.
    ///
    /// Throws a `StoreError`, or whatever `body` throws (which stops the iteration).
    public func forEachTranscript(batchSize: Int = 100, _ body: (SessionTranscript) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let batch = try read { db -> [SessionTranscript] in
                let sessions = try SessionRow.fetchAll(
                    db, sql: "SELECT * FROM sessions WHERE id > ? ORDER BY id LIMIT ?",
                    arguments: [after, max(1, batchSize)])
                guard let first = sessions.first?.id, let last = sessions.last?.id else { return [] }
                let turns = try TurnRow.fetchAll(
                    db, sql: "SELECT * FROM turns WHERE session_id BETWEEN ? AND ? ORDER BY session_id, sequence",
                    arguments: [first, last])
                let evaluations = try Self.evaluations(db, sessionIDs: first...last)
                let turnsBySession = Dictionary(grouping: turns, by: \.sessionID)
                return sessions.map { session in
                    SessionTranscript(
                        session: session.record(status: effectiveStatus(session.status, ownerPID: session.ownerPID)),
                        turns: (turnsBySession[session.id ?? 0] ?? []).map {
                            $0.record(evaluations: evaluations[$0.id ?? 0] ?? [])
                        })
                }
            }
            guard let last = batch.last else { return }
            for transcript in batch { try body(transcript) }
            after = last.session.id
        }
    }

    /// Answered turns, in id order, of one session or (`nil`) of all: the input of `rescore`.
    public func answeredTurns(sessionID: Int64? = nil) throws(StoreError) -> [AnsweredTurn] {
        try read { db in
            var sql = """
                SELECT t.id, t.session_id, t.sequence, t.question_id, t.node_id, t.answer, t.asked_at, t.first_input_at,
                       t.submitted_at, t.score, e.engine, e.rubric_hash
                FROM turns t
                LEFT JOIN evaluations e ON e.id = (SELECT MAX(id) FROM evaluations WHERE turn_id = t.id)
                WHERE t.outcome = 'answered'
                """
            var arguments: StatementArguments = []
            if let sessionID {
                sql += " AND t.session_id = ?"
                arguments += [sessionID]
            }
            sql += " ORDER BY t.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let decoder = ColumnDecoder(row: row, table: "turns")
                let asked = try decoder.date("asked_at")
                let firstInput = try decoder.optionalDate("first_input_at")
                let submitted = try decoder.optionalDate("submitted_at")
                return AnsweredTurn(
                    turnID: try decoder.value("id"), sessionID: try decoder.value("session_id"),
                    sequence: try decoder.value("sequence"), questionID: try decoder.value("question_id"),
                    nodeID: try decoder.value("node_id"), answer: try decoder.value("answer") ?? "",
                    answerDuration: submitted.map { $0.timeIntervalSince(firstInput ?? asked) },
                    score: try decoder.value("score"), engine: try decoder.value("engine"),
                    rubricHash: try decoder.value("rubric_hash"))
            }
        }
    }

    /// Evaluations of the turns of the sessions in `sessionIDs`, by turn id, oldest first.
    static func evaluations(_ db: Database, sessionIDs: ClosedRange<Int64>) throws -> [Int64: [StoredEvaluation]] {
        let rows = try EvaluationRow.fetchAll(
            db,
            sql: """
                SELECT e.* FROM turns t JOIN evaluations e ON e.turn_id = t.id
                WHERE t.session_id BETWEEN ? AND ? ORDER BY e.turn_id, e.id
                """,
            arguments: [sessionIDs.lowerBound, sessionIDs.upperBound])
        return Dictionary(grouping: rows.map { ($0.turnID, $0.stored) }, by: \.0).mapValues { $0.map(\.1) }
    }
}
