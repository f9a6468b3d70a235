import GRDB

/// The database schema, as a sequence of migrations. docs/schema.md describes the result.
///
/// A migration that has shipped is never edited: a change to the schema is a new
/// `registerMigration("v2-…")` appended below.
enum Schema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }()

    /// Every migration this version knows, oldest first.
    static var migrationIdentifiers: [String] { migrator.migrations }

    private static let v1 = """
        CREATE TABLE sessions (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at     TEXT NOT NULL,
            ended_at       TEXT,
            status         TEXT NOT NULL DEFAULT 'in_progress'
                           CHECK (status IN ('in_progress', 'completed', 'ended_early', 'interrupted')),
            candidate      TEXT,
            question_ids   TEXT NOT NULL DEFAULT '[]',
            feedback       TEXT NOT NULL DEFAULT 'end' CHECK (feedback IN ('each', 'end', 'off')),
            owner_pid      INTEGER,
            score          REAL,
            answered_turns INTEGER NOT NULL DEFAULT 0,
            last_event_at  TEXT
        );
        CREATE INDEX sessions_started_at ON sessions(started_at);
        CREATE INDEX sessions_in_progress ON sessions(owner_pid) WHERE status = 'in_progress';

        CREATE TABLE turns (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            sequence       INTEGER NOT NULL,
            question_id    TEXT NOT NULL,
            node_id        TEXT NOT NULL,
            prompt         TEXT NOT NULL,
            why            TEXT,
            asked_at       TEXT NOT NULL,
            first_input_at TEXT,
            submitted_at   TEXT,
            answer         TEXT,
            outcome        TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'answered', 'skipped')),
            hints_used     INTEGER NOT NULL DEFAULT 0,
            score          REAL,
            UNIQUE (session_id, sequence)
        );

        CREATE TABLE evaluations (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            turn_id     INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
            created_at  TEXT NOT NULL,
            engine      TEXT NOT NULL,
            rubric_hash TEXT NOT NULL,
            score       REAL NOT NULL,
            evaluation  TEXT NOT NULL
        );
        CREATE INDEX evaluations_turn_id ON evaluations(turn_id);
        CREATE TRIGGER evaluations_append_only BEFORE UPDATE ON evaluations
        BEGIN
            SELECT RAISE(ABORT, 'evaluations are append-only: insert a new row to rescore');
        END;

        CREATE TABLE session_questions (
            session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            started_at  TEXT NOT NULL,
            score       REAL NOT NULL,
            PRIMARY KEY (session_id, question_id)
        ) WITHOUT ROWID;
        CREATE INDEX session_questions_question_id ON session_questions(question_id);
        CREATE INDEX session_questions_timeline ON session_questions(started_at, session_id, question_id, score);
        CREATE TRIGGER session_questions_follow_started_at AFTER UPDATE OF started_at ON sessions
        BEGIN
            UPDATE session_questions SET started_at = new.started_at WHERE session_id = new.id;
        END;

        CREATE TABLE concept_misses (
            turn_id     INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
            concept_id  TEXT NOT NULL,
            session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            label       TEXT NOT NULL,
            PRIMARY KEY (turn_id, concept_id)
        ) WITHOUT ROWID;
        CREATE INDEX concept_misses_question_concept ON concept_misses(question_id, concept_id);
        CREATE INDEX concept_misses_session_id ON concept_misses(session_id);

        -- Running totals kept by triggers, so that `progress` reads a few dozen rows.
        CREATE TABLE concept_miss_counts (
            question_id TEXT NOT NULL,
            concept_id  TEXT NOT NULL,
            label       TEXT NOT NULL,
            misses      INTEGER NOT NULL,
            PRIMARY KEY (question_id, concept_id)
        ) WITHOUT ROWID;
        CREATE TRIGGER concept_misses_count_insert AFTER INSERT ON concept_misses
        BEGIN
            INSERT INTO concept_miss_counts (question_id, concept_id, label, misses)
            VALUES (new.question_id, new.concept_id, new.label, 1)
            ON CONFLICT (question_id, concept_id) DO UPDATE SET misses = misses + 1, label = excluded.label;
        END;
        CREATE TRIGGER concept_misses_count_delete AFTER DELETE ON concept_misses
        BEGIN
            UPDATE concept_miss_counts SET misses = misses - 1
            WHERE question_id = old.question_id AND concept_id = old.concept_id;
        END;
        CREATE TRIGGER concept_misses_count_update AFTER UPDATE ON concept_misses
        BEGIN
            UPDATE concept_miss_counts SET misses = misses - 1
            WHERE question_id = old.question_id AND concept_id = old.concept_id;
            INSERT INTO concept_miss_counts (question_id, concept_id, label, misses)
            VALUES (new.question_id, new.concept_id, new.label, 1)
            ON CONFLICT (question_id, concept_id) DO UPDATE SET misses = misses + 1, label = excluded.label;
        END;

        CREATE TABLE question_answer_counts (
            question_id TEXT NOT NULL PRIMARY KEY,
            answers     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TRIGGER turns_count_insert AFTER INSERT ON turns WHEN new.outcome = 'answered'
        BEGIN
            INSERT INTO question_answer_counts (question_id, answers) VALUES (new.question_id, 1)
            ON CONFLICT (question_id) DO UPDATE SET answers = answers + 1;
        END;
        CREATE TRIGGER turns_count_update AFTER UPDATE OF outcome, question_id ON turns
        WHEN (old.outcome = 'answered' OR new.outcome = 'answered')
             AND (old.outcome IS NOT new.outcome OR old.question_id IS NOT new.question_id)
        BEGIN
            UPDATE question_answer_counts SET answers = answers - 1
            WHERE old.outcome = 'answered' AND question_id = old.question_id;
            INSERT INTO question_answer_counts (question_id, answers) SELECT new.question_id, 1
            WHERE new.outcome = 'answered'
            ON CONFLICT (question_id) DO UPDATE SET answers = answers + 1;
        END;
        CREATE TRIGGER turns_count_delete AFTER DELETE ON turns WHEN old.outcome = 'answered'
        BEGIN
            UPDATE question_answer_counts SET answers = answers - 1 WHERE question_id = old.question_id;
        END;
        """
}
