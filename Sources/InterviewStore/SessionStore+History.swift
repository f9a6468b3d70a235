import GRDB
import InterviewKit

// Earlier attempts at the same questions, for the progress section of a report.

extension SessionStore {
    /// Ids of up to `limit` sessions started before session `id` that asked at least one of
    /// `questionIDs`, newest first. Uses the `session_questions` index, so it stays fast however
    /// many sessions there are.
    public func earlierSessions(before id: Int64, sharingQuestions questionIDs: [String], limit: Int) throws(StoreError) -> [Int64] {
        guard !questionIDs.isEmpty, limit > 0 else { return [] }
        return try read { db in
            let placeholders = Array(repeating: "?", count: questionIDs.count).joined(separator: ", ")
            var arguments = StatementArguments(questionIDs)
            arguments += [id, limit]
            return try Int64.fetchAll(db, sql: """
                SELECT DISTINCT session_id FROM session_questions
                WHERE question_id IN (\(placeholders)) AND session_id < ?
                ORDER BY session_id DESC LIMIT ?
                """, arguments: arguments)
        }
    }

    /// The scores of `questionIDs` in up to `limit` sessions started before session `id` that asked
    /// at least one of them (``earlierSessions(before:sharingQuestions:limit:)``), read from
    /// `session_questions`: no turn or evaluation is decoded, so a report's history costs the same
    /// whatever its sessions' answers hold.
    public func earlierResults(before id: Int64, sharingQuestions questionIDs: [String], limit: Int) throws(StoreError) -> [ProgressData.Point] {
        let sessions = try earlierSessions(before: id, sharingQuestions: questionIDs, limit: limit)
        guard !sessions.isEmpty else { return [] }
        return try read { db in
            let sessionList = Array(repeating: "?", count: sessions.count).joined(separator: ", ")
            let questionList = Array(repeating: "?", count: questionIDs.count).joined(separator: ", ")
            var arguments = StatementArguments(sessions)
            arguments += StatementArguments(questionIDs)
            return try Row.fetchAll(db, sql: """
                SELECT session_id, started_at, question_id, score FROM session_questions
                WHERE session_id IN (\(sessionList)) AND question_id IN (\(questionList))
                ORDER BY started_at, session_id, question_id
                """, arguments: arguments).map { row in
                let text: String = row[1]
                guard let startedAt = StoredTimestamp.date(from: text) else {
                    throw RecordDecodingFailure(table: "session_questions", id: row[0], detail: "started_at: '\(text)' is not a timestamp")
                }
                return ProgressData.Point(sessionID: row[0], startedAt: startedAt, questionID: row[2], score: row[3])
            }
        }
    }
}
