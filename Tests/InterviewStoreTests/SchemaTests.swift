import Foundation
import GRDB
import Testing
@testable import InterviewStore

@Suite("Schema and query plans")
struct SchemaTests {
    static func plan(_ store: SessionStore, _ sql: String) throws -> String {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "\n")
        }
    }

    @Test("migrations are named and versioned from v1-initial")
    func migrations() {
        #expect(Schema.migrationIdentifiers == ["v1-initial"])
    }

    @Test("the tables and indexes documented in docs/schema.md exist")
    func tablesAndIndexes() throws {
        try withTemporaryDirectory { dir in
            let store = try SessionStore(path: dir + "/db.sqlite")
            let names = try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
            #expect(names == [
                "concept_miss_counts", "concept_misses", "concept_misses_count_delete", "concept_misses_count_insert",
                "concept_misses_count_update", "concept_misses_question_concept", "concept_misses_session_id",
                "evaluations", "evaluations_append_only", "evaluations_turn_id", "grdb_migrations",
                "question_answer_counts", "session_questions", "session_questions_follow_started_at",
                "session_questions_question_id", "session_questions_timeline", "sessions", "sessions_in_progress",
                "sessions_started_at", "turns", "turns_count_delete", "turns_count_insert", "turns_count_update",
            ])
        }
    }

    @Test("list reads the first page through the started_at index, without sorting")
    func listPlan() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.plan(try SessionStore(path: dir + "/db.sqlite"),
                                     "SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 20 OFFSET 0")
            #expect(plan.contains("sessions_started_at"))
            #expect(!plan.contains("TEMP B-TREE"))
        }
    }

    @Test("progress points come from one covering index, in time order, without sorting")
    func progressPlan() throws {
        try withTemporaryDirectory { dir in
            let plan = try Self.plan(try SessionStore(path: dir + "/db.sqlite"), """
                SELECT session_id, started_at, question_id, score FROM session_questions
                ORDER BY started_at, session_id, question_id
                """)
            #expect(plan == "SCAN session_questions USING COVERING INDEX session_questions_timeline")
        }
    }
}
