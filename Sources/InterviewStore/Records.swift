import Foundation
import GRDB
import InterviewKit

// The rows of the tables in Schema.swift, one record type per table. Dates are stored as
// `StoredTimestamp` text and arrays and evaluations as JSON text; each record converts to and from its
// InterviewKit value, and a value that does not decode throws `RecordDecodingFailure`.

/// A row of `sessions`.
struct SessionRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "sessions"

    var id: Int64?
    var startedAt: Date
    var endedAt: Date?
    var status: SessionStatus
    var candidate: String?
    var questionIDs: [String]
    var feedback: FeedbackMode
    var ownerPID: Int64?
    var score: Double?
    var answeredTurns: Int
    var lastEventAt: Date?

    init(startedAt: Date, candidate: String?, questionIDs: [String], feedback: FeedbackMode, ownerPID: Int64) {
        self.startedAt = startedAt
        status = .inProgress
        self.candidate = candidate
        self.questionIDs = questionIDs
        self.feedback = feedback
        self.ownerPID = ownerPID
        answeredTurns = 0
    }

    init(row: Row) throws {
        let decoder = ColumnDecoder(row: row, table: Self.databaseTableName)
        id = decoder.id
        startedAt = try decoder.date("started_at")
        endedAt = try decoder.optionalDate("ended_at")
        status = try decoder.enumeration("status")
        candidate = try decoder.value("candidate")
        questionIDs = try decoder.json("question_ids")
        feedback = try decoder.enumeration("feedback")
        ownerPID = try decoder.value("owner_pid")
        score = try decoder.value("score")
        answeredTurns = try decoder.value("answered_turns")
        lastEventAt = try decoder.optionalDate("last_event_at")
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["started_at"] = StoredTimestamp.string(from: startedAt)
        container["ended_at"] = endedAt.map(StoredTimestamp.string(from:))
        container["status"] = status.rawValue
        container["candidate"] = candidate
        container["question_ids"] = try JSONText.encode(questionIDs)
        container["feedback"] = feedback.rawValue
        container["owner_pid"] = ownerPID
        container["score"] = score
        container["answered_turns"] = answeredTurns
        container["last_event_at"] = lastEventAt.map(StoredTimestamp.string(from:))
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    func record(status: SessionStatus? = nil) -> SessionRecord {
        SessionRecord(
            id: id ?? 0, startedAt: startedAt, endedAt: endedAt, status: status ?? self.status,
            candidate: candidate, questionIDs: questionIDs, feedback: feedback)
    }
}

/// A row of `turns`.
struct TurnRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "turns"

    var id: Int64?
    var sessionID: Int64
    var sequence: Int
    var questionID: String
    var nodeID: String
    var prompt: String
    var why: String?
    var askedAt: Date
    var firstInputAt: Date?
    var submittedAt: Date?
    var answer: String?
    var outcome: TurnRecord.Outcome
    var hintsUsed: Int
    var score: Double?

    init(sessionID: Int64, sequence: Int, questionID: String, nodeID: String, prompt: String, why: String?, askedAt: Date) {
        self.sessionID = sessionID
        self.sequence = sequence
        self.questionID = questionID
        self.nodeID = nodeID
        self.prompt = prompt
        self.why = why
        self.askedAt = askedAt
        outcome = .pending
        hintsUsed = 0
    }

    init(row: Row) throws {
        let decoder = ColumnDecoder(row: row, table: Self.databaseTableName)
        id = decoder.id
        sessionID = try decoder.value("session_id")
        sequence = try decoder.value("sequence")
        questionID = try decoder.value("question_id")
        nodeID = try decoder.value("node_id")
        prompt = try decoder.value("prompt")
        why = try decoder.value("why")
        askedAt = try decoder.date("asked_at")
        firstInputAt = try decoder.optionalDate("first_input_at")
        submittedAt = try decoder.optionalDate("submitted_at")
        answer = try decoder.value("answer")
        outcome = try decoder.enumeration("outcome")
        hintsUsed = try decoder.value("hints_used")
        score = try decoder.value("score")
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["session_id"] = sessionID
        container["sequence"] = sequence
        container["question_id"] = questionID
        container["node_id"] = nodeID
        container["prompt"] = prompt
        container["why"] = why
        container["asked_at"] = StoredTimestamp.string(from: askedAt)
        container["first_input_at"] = firstInputAt.map(StoredTimestamp.string(from:))
        container["submitted_at"] = submittedAt.map(StoredTimestamp.string(from:))
        container["answer"] = answer
        container["outcome"] = outcome.rawValue
        container["hints_used"] = hintsUsed
        container["score"] = score
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// `update(db)` through a statement prepared once per connection: every column but the id, as
    /// `update` writes them (an answered turn is recorded with every answer).
    func updateAllColumns(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE turns SET session_id = ?, sequence = ?, question_id = ?, node_id = ?, prompt = ?, why = ?, asked_at = ?,
                first_input_at = ?, submitted_at = ?, answer = ?, outcome = ?, hints_used = ?, score = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: [
            sessionID, sequence, questionID, nodeID, prompt, why, StoredTimestamp.string(from: askedAt),
            firstInputAt.map(StoredTimestamp.string(from:)), submittedAt.map(StoredTimestamp.string(from:)), answer,
            outcome.rawValue, hintsUsed, score, id,
        ])
        if db.changesCount == 0 { throw StoreError.unknownTurn(id: id ?? 0) }
    }

    func record(evaluations: [StoredEvaluation]) -> TurnRecord {
        TurnRecord(
            id: id ?? 0, sessionID: sessionID, sequence: sequence, questionID: questionID, nodeID: nodeID,
            prompt: prompt, why: why, askedAt: askedAt, firstInputAt: firstInputAt, submittedAt: submittedAt,
            answer: answer, outcome: outcome, hintsUsed: hintsUsed, evaluations: evaluations)
    }
}

/// A row of `evaluations`: append-only (a trigger refuses updates).
struct EvaluationRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "evaluations"

    var id: Int64?
    var turnID: Int64
    var createdAt: Date
    var evaluation: Evaluation

    init(turnID: Int64, createdAt: Date, evaluation: Evaluation) {
        self.turnID = turnID
        self.createdAt = createdAt
        self.evaluation = evaluation
    }

    init(row: Row) throws {
        let decoder = ColumnDecoder(row: row, table: Self.databaseTableName)
        id = decoder.id
        turnID = try decoder.value("turn_id")
        createdAt = try decoder.date("created_at")
        evaluation = try decoder.evaluation("evaluation")
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["turn_id"] = turnID
        container["created_at"] = StoredTimestamp.string(from: createdAt)
        container["engine"] = evaluation.engine
        container["rubric_hash"] = evaluation.rubricHash
        container["score"] = evaluation.score
        // The same text as `JSONText.encode`, written by hand (it is the cost of recording an answer).
        container["evaluation"] = try EvaluationJSONWriter.json(evaluation) ?? JSONText.encode(evaluation)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// `insert(db)` through a statement prepared once per connection, with the columns `encode(to:)`
    /// gives (the id is SQLite's).
    mutating func insertRow(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO evaluations (turn_id, created_at, engine, rubric_hash, score, evaluation) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            turnID, StoredTimestamp.string(from: createdAt), evaluation.engine, evaluation.rubricHash, evaluation.score,
            try EvaluationJSONWriter.json(evaluation) ?? JSONText.encode(evaluation),
        ])
        id = db.lastInsertedRowID
    }

    var stored: StoredEvaluation {
        StoredEvaluation(id: id ?? 0, createdAt: createdAt, evaluation: evaluation)
    }
}

/// JSON as stored in text columns: compact, keys sorted, so equal values store equal text.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Reads the columns of one row, turning bad values into `RecordDecodingFailure`s that name the
/// table, the row and the column.
struct ColumnDecoder {
    var row: Row
    var table: String

    var id: Int64? { try? row.decode(forColumn: "id") }

    func value<T: DatabaseValueConvertible>(_ column: String) throws -> T {
        do {
            return try row.decode(forColumn: column)
        } catch {
            throw failure(column, "unexpected value \(row[column] as (any DatabaseValueConvertible)? ?? "NULL")")
        }
    }

    func failure(_ column: String, _ problem: String) -> RecordDecodingFailure {
        RecordDecodingFailure(table: table, id: id ?? 0, detail: "\(column): \(problem)")
    }

    func date(_ column: String) throws -> Date {
        guard let date = try optionalDate(column) else { throw failure(column, "missing") }
        return date
    }

    func optionalDate(_ column: String) throws -> Date? {
        guard let text: String = try value(column) else { return nil }
        guard let date = StoredTimestamp.date(from: text) else {
            throw failure(column, "'\(text)' is not a timestamp like 2026-12-01T10:15:03.042Z")
        }
        return date
    }

    func enumeration<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
        let text: String = try value(column)
        guard let value = T(rawValue: text) else { throw failure(column, "unknown value '\(text)'") }
        return value
    }

    /// An evaluation's JSON: read by `EvaluationJSONReader`, or by `JSONDecoder` when the reader is
    /// not sure (so the value, or the failure, is the one `json(_:)` gives).
    func evaluation(_ column: String) throws -> Evaluation {
        let text: String = try value(column)
        if let evaluation = EvaluationJSONReader.evaluation(from: text) { return evaluation }
        return try json(column)
    }

    func json<T: Decodable>(_ column: String) throws -> T {
        let text: String = try value(column)
        do {
            return try JSONText.decode(T.self, from: text)
        } catch {
            throw failure(column, "invalid JSON for \(T.self)")
        }
    }
}
