import Foundation
import GRDB
import InterviewKit

// The writes the shell makes as an interview happens. Each is one transaction, committed before
// the method returns. Dates are stored to the millisecond; the returned records hold the stored
// (rounded) values, so they equal what `transcript(id:)` reads back.

extension SessionStore {
    /// Starts a session owned by this process.
    public func beginSession(
        questionIDs: [String], candidate: String? = nil, feedback: FeedbackMode = .end, at date: Date = Date()
    ) throws(StoreError) -> SessionRecord {
        try write { db in
            var row = SessionRow(
                startedAt: StoredTimestamp.rounded(date), candidate: candidate, questionIDs: questionIDs,
                feedback: feedback, ownerPID: OwnerProcess.current)
            try row.insert(db)
            return row.record()
        }
    }

    /// Records that the interviewer asked `prompt`; the turn is `pending` until answered or skipped.
    public func appendTurn(
        sessionID: Int64, questionID: String, nodeID: String, prompt: String, why: String? = nil,
        askedAt: Date = Date()
    ) throws(StoreError) -> TurnRecord {
        try write { db in
            guard try Self.sessionExists(db, id: sessionID) else {
                throw StoreError.unknownSession(reference: String(sessionID))
            }
            let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(sequence) FROM turns WHERE session_id = ?"), arguments: [sessionID])
            var row = TurnRow(
                sessionID: sessionID, sequence: last.map { $0 + 1 } ?? 0, questionID: questionID, nodeID: nodeID,
                prompt: prompt, why: why, askedAt: StoredTimestamp.rounded(askedAt))
            try row.insert(db)
            try Self.touch(db, sessionID: sessionID, at: row.askedAt)
            return row.record(evaluations: [])
        }
    }

    /// Records the answer to a pending turn with its evaluation, in one transaction: the turn, the
    /// evaluation (stored as made at `submittedAt`), the turn's concept misses and the session's
    /// answered count.
    ///
    /// `hintsUsed` is the final count; it never lowers what ``recordHint(turnID:)`` counted.
    @discardableResult
    public func recordAnswer(
        turnID: Int64, answer: String, firstInputAt: Date?, submittedAt: Date, hintsUsed: Int = 0,
        evaluation: Evaluation
    ) throws(StoreError) -> TurnRecord {
        try write { db in
            try Self.recordAnswer(db, turnID: turnID, answer: answer, firstInputAt: firstInputAt, submittedAt: submittedAt, hintsUsed: hintsUsed, evaluation: evaluation)
        }
    }

    /// ``recordAnswer(turnID:answer:firstInputAt:submittedAt:hintsUsed:evaluation:)``, the question's new
    /// score (``updateQuestionScore(sessionID:questionID:score:)``) and the session's
    /// (``updateSessionScore(sessionID:score:)``) of the turn's session, all in one transaction: what the shell records when an
    /// answer is submitted, at the cost of one commit (one fsync) instead of three.
    @discardableResult
    public func recordAnswer(
        turnID: Int64, answer: String, firstInputAt: Date?, submittedAt: Date, hintsUsed: Int = 0,
        evaluation: Evaluation, questionID: String, questionScore: Double, sessionScore: Double?
    ) throws(StoreError) -> TurnRecord {
        try write { db in
            let turn = try Self.recordAnswer(db, turnID: turnID, answer: answer, firstInputAt: firstInputAt, submittedAt: submittedAt, hintsUsed: hintsUsed, evaluation: evaluation)
            try Self.updateScores(db, sessionID: turn.sessionID, questionID: questionID, questionScore: questionScore, sessionScore: sessionScore)
            return turn
        }
    }

    /// Records that the candidate skipped a pending turn.
    @discardableResult
    public func recordSkip(turnID: Int64, at date: Date = Date(), hintsUsed: Int = 0) throws(StoreError) -> TurnRecord {
        try write { db in try Self.recordSkip(db, turnID: turnID, at: date, hintsUsed: hintsUsed) }
    }

    /// ``recordSkip(turnID:at:hintsUsed:)`` with the question's and the session's new scores, in one
    /// transaction (see ``recordAnswer(turnID:answer:firstInputAt:submittedAt:hintsUsed:evaluation:questionID:questionScore:sessionScore:)``).
    @discardableResult
    public func recordSkip(
        turnID: Int64, at date: Date = Date(), hintsUsed: Int = 0, questionID: String, questionScore: Double, sessionScore: Double?
    ) throws(StoreError) -> TurnRecord {
        try write { db in
            let turn = try Self.recordSkip(db, turnID: turnID, at: date, hintsUsed: hintsUsed)
            try Self.updateScores(db, sessionID: turn.sessionID, questionID: questionID, questionScore: questionScore, sessionScore: sessionScore)
            return turn
        }
    }

    /// Counts one more hint on a pending turn, at once; returns the new count.
    @discardableResult
    public func recordHint(turnID: Int64) throws(StoreError) -> Int {
        try write { db in
            let turn = try Self.pendingTurn(db, id: turnID)
            try db.execute(sql: "UPDATE turns SET hints_used = hints_used + 1 WHERE id = ?", arguments: [turnID])
            return turn.hintsUsed + 1
        }
    }

    /// Adds an evaluation to an answered turn (rescoring): earlier evaluations stay as they were; the
    /// turn's score and concept misses follow the new one.
    @discardableResult
    public func appendEvaluation(turnID: Int64, evaluation: Evaluation, at date: Date = Date()) throws(StoreError) -> StoredEvaluation {
        try write { db in
            try Self.appendEvaluation(db, turnID: turnID, evaluation: evaluation, at: StoredTimestamp.rounded(date))
        }
    }

    /// ``appendEvaluation(turnID:evaluation:at:)`` for many turns in one transaction (a rescore of
    /// thousands of answers), applied in turn order.
    public func appendEvaluations(_ evaluations: [Int64: Evaluation], at date: Date = Date()) throws(StoreError) {
        let createdAt = StoredTimestamp.rounded(date)
        try write { db in
            for (turnID, evaluation) in evaluations.sorted(by: { $0.key < $1.key }) {
                _ = try Self.appendEvaluation(db, turnID: turnID, evaluation: evaluation, at: createdAt)
            }
        }
    }

    /// Stores one question's result in a session (``QuestionResult/score``), replacing an earlier one.
    public func updateQuestionScore(sessionID: Int64, questionID: String, score: Double) throws(StoreError) {
        try write { db in try Self.updateQuestionScore(db, sessionID: sessionID, questionID: questionID, score: score) }
    }

    /// Stores the session's overall score (``SessionTranscript/overallScore``), shown by `list`.
    public func updateSessionScore(sessionID: Int64, score: Double?) throws(StoreError) {
        try write { db in try Self.updateSessionScore(db, sessionID: sessionID, score: score) }
    }

    /// Ends a session with `status` (`completed` or `ended_early`, normally).
    public func finishSession(id: Int64, status: SessionStatus, at date: Date = Date()) throws(StoreError) {
        try write { db in
            let endedAt = StoredTimestamp.rounded(date)
            try db.execute(
                sql: "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                arguments: [status.rawValue, StoredTimestamp.string(from: endedAt), id])
            if db.changesCount == 0 { throw StoreError.unknownSession(reference: String(id)) }
            try Self.touch(db, sessionID: id, at: endedAt)
        }
    }

    /// Takes over a session to resume it: `in_progress` again, owned by this process, not ended.
    ///
    /// Refused for a completed session and for one that a live process is still recording.
    @discardableResult
    public func reopen(id: Int64) throws(StoreError) -> SessionRecord {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else {
                throw StoreError.unknownSession(reference: String(id))
            }
            if row.status == .completed {
                throw StoreError.notResumable(id: id, reason: "it is complete; start a new session instead")
            }
            if row.status == .inProgress, row.ownerPID != OwnerProcess.current, OwnerProcess.isAlive(row.ownerPID) {
                throw StoreError.notResumable(
                    id: id, reason: "process \(row.ownerPID ?? 0) is still recording it; finish it there first")
            }
            row.status = .inProgress
            row.ownerPID = OwnerProcess.current
            row.endedAt = nil
            try row.update(db)
            return row.record()
        }
    }

    // MARK: - Steps shared by the writes

    private static func recordAnswer(
        _ db: Database, turnID: Int64, answer: String, firstInputAt: Date?, submittedAt: Date, hintsUsed: Int,
        evaluation: Evaluation
    ) throws -> TurnRecord {
        var turn = try pendingTurn(db, id: turnID)
        turn.answer = answer
        turn.firstInputAt = firstInputAt.map(StoredTimestamp.rounded)
        turn.submittedAt = StoredTimestamp.rounded(submittedAt)
        turn.outcome = .answered
        turn.hintsUsed = max(turn.hintsUsed, hintsUsed)
        turn.score = evaluation.score
        try turn.updateAllColumns(db)
        var stored = EvaluationRow(turnID: turnID, createdAt: StoredTimestamp.rounded(submittedAt), evaluation: evaluation)
        try stored.insertRow(db)
        try replaceMisses(db, turn: turn, evaluation: evaluation)
        try execute(db, "UPDATE sessions SET answered_turns = answered_turns + 1 WHERE id = ?", [turn.sessionID])
        try touch(db, sessionID: turn.sessionID, at: StoredTimestamp.rounded(submittedAt))
        return turn.record(evaluations: [stored.stored])
    }

    private static func recordSkip(_ db: Database, turnID: Int64, at date: Date, hintsUsed: Int) throws -> TurnRecord {
        var turn = try pendingTurn(db, id: turnID)
        turn.submittedAt = StoredTimestamp.rounded(date)
        turn.outcome = .skipped
        turn.hintsUsed = max(turn.hintsUsed, hintsUsed)
        try turn.updateAllColumns(db)
        try touch(db, sessionID: turn.sessionID, at: StoredTimestamp.rounded(date))
        return turn.record(evaluations: [])
    }

    private static func updateScores(_ db: Database, sessionID: Int64, questionID: String, questionScore: Double, sessionScore: Double?) throws {
        try updateQuestionScore(db, sessionID: sessionID, questionID: questionID, score: questionScore)
        try updateSessionScore(db, sessionID: sessionID, score: sessionScore)
    }

    private static func updateQuestionScore(_ db: Database, sessionID: Int64, questionID: String, score: Double) throws {
        guard try sessionExists(db, id: sessionID) else {
            throw StoreError.unknownSession(reference: String(sessionID))
        }
        try execute(db, """
            INSERT INTO session_questions (session_id, question_id, started_at, score)
            SELECT id, ?, started_at, ? FROM sessions WHERE id = ?
            ON CONFLICT (session_id, question_id) DO UPDATE SET score = excluded.score
            """, [questionID, score, sessionID])
    }

    private static func updateSessionScore(_ db: Database, sessionID: Int64, score: Double?) throws {
        try execute(db, "UPDATE sessions SET score = ? WHERE id = ?", [score, sessionID])
        if db.changesCount == 0 { throw StoreError.unknownSession(reference: String(sessionID)) }
    }

    // The statements of the writes an interview makes on every turn are prepared once per connection
    // (`cachedStatement`): preparing them each time was most of the CPU time of recording an answer.

    /// Runs one of the recording statements.
    private static func execute(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    private static func sessionExists(_ db: Database, id: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sessions WHERE id = ?"), arguments: [id]) != nil
    }

    private static func pendingTurn(_ db: Database, id: Int64) throws -> TurnRow {
        guard let turn = try TurnRow.fetchOne(db.cachedStatement(sql: "SELECT * FROM turns WHERE id = ?"), arguments: [id]) else {
            throw StoreError.unknownTurn(id: id)
        }
        guard turn.outcome == .pending else { throw StoreError.turnClosed(id: id, outcome: turn.outcome) }
        return turn
    }

    private static func appendEvaluation(_ db: Database, turnID: Int64, evaluation: Evaluation, at createdAt: Date) throws -> StoredEvaluation {
        guard var turn = try TurnRow.fetchOne(db, key: turnID) else { throw StoreError.unknownTurn(id: turnID) }
        guard turn.outcome == .answered else { throw StoreError.turnNotAnswered(id: turnID, outcome: turn.outcome) }
        var stored = EvaluationRow(turnID: turnID, createdAt: createdAt, evaluation: evaluation)
        try stored.insert(db)
        turn.score = evaluation.score
        try turn.update(db, columns: ["score"])
        try replaceMisses(db, turn: turn, evaluation: evaluation)
        return stored.stored
    }

    /// Makes `concept_misses` hold the concepts `evaluation` (the turn's latest) found missing.
    private static func replaceMisses(_ db: Database, turn: TurnRow, evaluation: Evaluation) throws {
        guard let turnID = turn.id else { return }
        try execute(db, "DELETE FROM concept_misses WHERE turn_id = ?", [turnID])
        let insert = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO concept_misses (turn_id, concept_id, session_id, question_id, label)
            VALUES (?, ?, ?, ?, ?)
            """)
        for concept in evaluation.concepts.missed {
            try insert.execute(arguments: [turnID, concept.id, turn.sessionID, turn.questionID, concept.label])
        }
    }

    /// Moves the session's `last_event_at` forward to `date` (the end of its recorded time).
    private static func touch(_ db: Database, sessionID: Int64, at date: Date) throws {
        let text = StoredTimestamp.string(from: date)
        try execute(db, "UPDATE sessions SET last_event_at = ? WHERE id = ? AND (last_event_at IS NULL OR last_event_at < ?)", [text, sessionID, text])
    }
}
