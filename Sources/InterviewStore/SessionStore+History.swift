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
}
