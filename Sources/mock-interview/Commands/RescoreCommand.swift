import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

struct RescoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Re-evaluate stored answers with the current rubrics and engine.",
        discussion: "Earlier evaluations are kept (append-only); reports show which rubric version and engine scored each answer."
    )

    @Argument(help: ArgumentHelp("The session: its number or 'last'.", valueName: "id|last"))
    var session: String?

    @Flag(help: "Rescore every session.")
    var all = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if all == (session != nil) { throw ValidationError("Name one session (a number or 'last') or pass --all.") }
    }

    func run() throws {
        try reporting {
            let bank = try CompiledBank.load(from: storeOptions.rubricsPath)
            // Rescoring needs recorded sessions: no database is created for it.
            guard FileManager.default.fileExists(atPath: storeOptions.databasePath) else { throw StoreError.notFound(path: storeOptions.databasePath) }
            let store = try SessionStore(path: storeOptions.databasePath)
            let sessionID = try session.map { try store.resolve($0) }
            let turns = try store.answeredTurns(sessionID: sessionID)
            var evaluators: [String: Evaluator] = [:]
            let similarWords = WordNetCache.similarWords()
            var fresh: [Int64: Evaluation] = [:]
            var changed = 0, unchanged = 0, unknown = Set<String>()
            var sessions = Set<Int64>()
            for turn in turns {
                guard let question = bank.question(turn.questionID) else { unknown.insert(turn.questionID); continue }
                let evaluator = evaluators[turn.questionID] ?? Evaluator(question: question, similarWords: similarWords)
                evaluators[turn.questionID] = evaluator
                if turn.engine == evaluator.engine && turn.rubricHash == question.contentHash {
                    unchanged += 1
                    continue
                }
                let evaluation = evaluator.evaluate(turn.answer, duration: turn.answerDuration, node: turn.nodeID)
                fresh[turn.turnID] = evaluation
                sessions.insert(turn.sessionID)
                if evaluation.score != turn.score { changed += 1 }
            }
            try store.appendEvaluations(fresh)
            for id in sessions.sorted() {
                let transcript = try store.transcript(id: id)
                for result in transcript.questionResults where result.answered > 0 || result.skipped {
                    try store.updateQuestionScore(sessionID: id, questionID: result.questionID, score: result.score)
                }
                try store.updateSessionScore(sessionID: id, score: transcript.overallScore)
            }
            print("Rescored \(fresh.count) answer\(fresh.count == 1 ? "" : "s") in \(sessions.count) session\(sessions.count == 1 ? "" : "s") (\(changed) score\(changed == 1 ? "" : "s") changed); \(unchanged) already scored by this engine and rubric.")
            if !unknown.isEmpty {
                Output.warning("no rubric for \(unknown.sorted().joined(separator: ", ")) in \(storeOptions.rubricsPath); those answers keep their scores")
            }
        }
    }
}
