import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

/// Storing one answered turn durably, as the shell does (`StoreRecorder.answer`): the answer, its
/// evaluation, the turn's concept misses and the question's and session's scores, in one transaction
/// committed (synchronous=FULL) before the call returns.
///
/// Each turn is first asked (`appendTurn`, untimed: that is the prompt's own commit); only the
/// recording of the answer is timed. `TurnSQLScript` writes the baseline: the sqlite3 CLI inserting
/// the same answer and evaluation JSON, one committed transaction per row, with the same PRAGMAs.
struct StoreTurnBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-turn", abstract: "Record answered turns through SessionStore, one commit each.")

    @Option(help: "The database to create (must not exist).")
    var db: String

    @Option(help: "The folder of question files.")
    var rubrics = "Rubrics"

    @Option(help: "How many turns to record; the median is reported.")
    var turns = 200

    @Flag(help: "Record the answer and the two scores in three transactions, as the shell did before they were one.")
    var separateTransactions = false

    func run() throws {
        guard !FileManager.default.fileExists(atPath: db) else { throw ValidationError("\(db) exists; give a new path") }
        let evaluation = try SampleEvaluation.make(rubrics: rubrics)
        let store = try SessionStore(path: db)
        let session = try store.beginSession(questionIDs: [SampleAnswer.questionID], feedback: .end)
        var times: [Double] = []
        var asking: [Double] = []
        for index in 0..<turns {
            var turn: TurnRecord?
            asking.append(try Timing.milliseconds {
                turn = try store.appendTurn(sessionID: session.id, questionID: SampleAnswer.questionID, nodeID: index == 0 ? "open" : "probe", prompt: "Question \(index)")
            })
            guard let turn else { continue }
            let submitted = Date()
            let firstInput = submitted.addingTimeInterval(-60)
            times.append(try Timing.milliseconds {
                if separateTransactions {
                    try store.recordAnswer(turnID: turn.id, answer: SampleAnswer.text, firstInputAt: firstInput, submittedAt: submitted, evaluation: evaluation)
                    try store.updateQuestionScore(sessionID: session.id, questionID: SampleAnswer.questionID, score: evaluation.score)
                    try store.updateSessionScore(sessionID: session.id, score: evaluation.score)
                } else {
                    try store.recordAnswer(
                        turnID: turn.id, answer: SampleAnswer.text, firstInputAt: firstInput, submittedAt: submitted,
                        evaluation: evaluation, questionID: SampleAnswer.questionID, questionScore: evaluation.score,
                        sessionScore: evaluation.score)
                }
            })
        }
        Timing.report("store_turn_ms", Timing.median(times))
        Timing.report("store_turn_mean_ms", times.reduce(0, +) / Double(max(1, times.count)))
        Timing.report("store_ask_ms", Timing.median(asking))
        Timing.report("turns", times.count)
    }
}

/// The sqlite3 CLI script of the storage baseline: the same PRAGMAs as the store's writer, then
/// `--turns` single-row inserts of the sample answer and its evaluation JSON (as the store encodes
/// it), each its own committed transaction.
struct TurnSQLScript: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turn-sql", abstract: "Print the sqlite3 script of the storage baseline.")

    @Option(help: "The folder of question files.")
    var rubrics = "Rubrics"

    @Option(help: "How many rows to insert (0: only the setup).")
    var turns = 200

    func run() throws {
        let evaluation = try SampleEvaluation.make(rubrics: rubrics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(evaluation), as: UTF8.self)
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        var script = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS turns (id INTEGER PRIMARY KEY, answer TEXT NOT NULL, evaluation TEXT NOT NULL);

            """
        let insert = "INSERT INTO turns (answer, evaluation) VALUES (\(quoted(SampleAnswer.text)), \(quoted(json)));\n"
        for _ in 0..<turns { script += insert }
        print(script, terminator: "")
    }
}

/// The sample answer's evaluation against the real q1.
enum SampleEvaluation {
    static func make(rubrics: String) throws -> Evaluation {
        guard let question = try QuestionBank.load(from: rubrics).question(SampleAnswer.questionID) else {
            throw ValidationError("\(rubrics) has no question \(SampleAnswer.questionID)")
        }
        return Evaluator(question: question).evaluate(SampleAnswer.text, duration: 95)
    }
}
