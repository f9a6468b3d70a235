import Foundation
import GRDB
import InterviewKit

extension SessionStore {
    /// Scores per session and question over time, and the concepts missed most: the input of
    /// `mock-interview progress`.
    ///
    /// Reads one covering index (`session_questions_timeline`) and the two small tables of running
    /// totals that triggers keep; no turn or evaluation is read, so it stays fast at 100,000 sessions.
    public func progress() throws(StoreError) -> ProgressData {
        try read { db in
            var points: [ProgressData.Point] = []
            var sessions = 0
            var current: (id: Int64, startedAt: Date)?
            let rows = try Row.fetchCursor(db, sql: """
                SELECT session_id, started_at, question_id, score FROM session_questions
                ORDER BY started_at, session_id, question_id
                """)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if current?.id != id {
                    // The text is read and parsed once per session, not once per point.
                    let text: String = row[1]
                    guard let date = StoredTimestamp.date(from: text) else {
                        throw RecordDecodingFailure(table: "session_questions", id: id, detail: "started_at: '\(text)' is not a timestamp")
                    }
                    current = (id, date)
                    sessions += 1
                }
                points.append(ProgressData.Point(sessionID: id, startedAt: current?.startedAt ?? Date(), questionID: row[2], score: row[3]))
            }
            let misses = try Row.fetchAll(db, sql: """
                SELECT c.question_id, c.concept_id, c.label, c.misses, COALESCE(a.answers, 0)
                FROM concept_miss_counts c LEFT JOIN question_answer_counts a ON a.question_id = c.question_id
                WHERE c.misses > 0
                ORDER BY c.question_id, c.misses DESC, c.concept_id
                """).map { row in
                ProgressData.Miss(questionID: row[0], conceptID: row[1], label: row[2], count: row[3], answers: row[4])
            }
            return ProgressData(sessions: sessions, points: points, misses: misses)
        }
    }
}
