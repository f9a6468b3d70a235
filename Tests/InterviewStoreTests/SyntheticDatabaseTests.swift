import Foundation
import InterviewKit
import Testing
@testable import InterviewStore

@Suite("Synthetic databases for benchmarks")
struct SyntheticDatabaseTests {
    @Test("the generator writes the sessions, turns, evaluations and misses it reports")
    func counts() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/bench.sqlite"
            let counts = try SyntheticDatabase.generate(path: path, sessions: 40, turnsPerSession: 7, seed: 3)
            #expect(counts.sessions == 40)
            #expect(counts.turns == 280)
            let store = try SessionStore(readingFrom: path)
            #expect(try store.sessionCount() == 40)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM turns") == 280)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM evaluations") == counts.evaluations)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM turns WHERE outcome = 'answered'") == counts.evaluations)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM concept_misses") == counts.conceptMisses)
            #expect(try Fixture.int(store, "SELECT COUNT(*) FROM session_questions") == counts.questionScores)
            #expect(counts.evaluations > 240 && counts.evaluations < 280)
            #expect(counts.conceptMisses > 0)
            #expect(try Fixture.int(store, "SELECT SUM(answered_turns) FROM sessions") == counts.evaluations)
        }
    }

    @Test("synthetic sessions read back through the API like real ones")
    func readable() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/bench.sqlite"
            try SyntheticDatabase.generate(path: path, sessions: 12, turnsPerSession: 10, seed: 5)
            let store = try SessionStore(readingFrom: path)
            var transcripts: [SessionTranscript] = []
            try store.forEachTranscript { transcripts.append($0) }
            #expect(transcripts.count == 12)
            let answers = transcripts.flatMap(\.turns).compactMap(\.answer)
            let wordCounts = answers.map { $0.split(separator: " ").count }
            #expect(wordCounts.allSatisfy { (100...330).contains($0) })
            for turn in transcripts.flatMap(\.turns) where turn.outcome == .answered {
                #expect(turn.evaluation?.score == turn.evaluations.last?.evaluation.score)
                #expect(turn.evaluation?.question == turn.questionID)
            }
            let list = try store.list(limit: 100)
            #expect(list.count == 12)
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.startedAt > $1.startedAt })
            #expect(list.allSatisfy { $0.questionIDs.count == 5 })
            let progress = try store.progress()
            #expect(progress.sessions == 12)
            #expect(!progress.misses.isEmpty)
        }
    }

    @Test("the same seed gives the same database; another seed does not")
    func deterministic() throws {
        try withTemporaryDirectory { dir in
            func fingerprint(_ seed: UInt64, _ name: String) throws -> [String] {
                let path = dir + "/" + name
                try SyntheticDatabase.generate(path: path, sessions: 15, turnsPerSession: 4, seed: seed)
                let store = try SessionStore(readingFrom: path)
                return try store.pool.read { db in
                    try String.fetchAll(db, sql: """
                        SELECT started_at || answer || evaluation FROM turns JOIN evaluations ON evaluations.turn_id = turns.id
                        JOIN sessions ON sessions.id = turns.session_id ORDER BY turns.id
                        """)
                }
            }
            let first = try fingerprint(9, "a.sqlite")
            #expect(first.count > 40)
            #expect(try fingerprint(9, "b.sqlite") == first)
            #expect(try fingerprint(10, "c.sqlite") != first)
        }
    }

    @Test("fewer turns than questions ask fewer questions")
    func shortSessions() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/bench.sqlite"
            let counts = try SyntheticDatabase.generate(path: path, sessions: 5, turnsPerSession: 2, seed: 1)
            #expect(counts.turns == 10)
            let list = try SessionStore(readingFrom: path).list()
            #expect(list.allSatisfy { $0.questionIDs.count == 2 })
        }
    }
}
