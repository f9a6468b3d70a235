import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

/// Options shared by the commands that open the database.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The session database (default: Sessions/interviews.sqlite, or $MOCK_INTERVIEW_DB).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("The folder of question files (default: Rubrics/, or $MOCK_INTERVIEW_RUBRICS).", valueName: "dir"))
    var rubrics: String?

    var databasePath: String { Locations.database(db, rubrics: rubrics) }
    var rubricsPath: String { Locations.rubrics(rubrics) }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a mock interview.",
        discussion: """
            Asks the chosen questions (default: all five, in order) with follow-ups. Answer on as many \
            lines as you like; an empty line submits. :help lists the commands. Piped stdin works too:
              mock-interview start --questions q1 < answers.txt
            """
    )

    @Option(help: ArgumentHelp("Questions to ask, in order, comma-separated (e.g. q1,q3).", valueName: "ids"))
    var questions: String?

    @Option(help: ArgumentHelp("Ask N questions picked at random.", valueName: "N"))
    var random: Int?

    @Option(help: ArgumentHelp("Your name, for the greeting and the report.", valueName: "name"))
    var candidate: String?

    @Option(help: ArgumentHelp("When to give verdicts: after each question, at the end, or not at all.", valueName: "each|end|off"))
    var feedback: FeedbackMode = .end

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if questions != nil && random != nil {
            throw ValidationError("Use either --questions or --random, not both.")
        }
        if let random, random < 1 {
            throw ValidationError("--random needs a positive number of questions, e.g. --random 2.")
        }
        if let questions, questions.split(separator: ",").isEmpty {
            throw ValidationError("--questions needs ids separated by commas, e.g. --questions q1,q3.")
        }
    }

    func run() throws {
        try reporting {
            let bank = try CompiledBank.load(from: storeOptions.rubricsPath)
            let chosen: [Question]
            if let questions {
                chosen = try bank.select(questions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } else if let random {
                guard random <= bank.questions.count else {
                    throw Failure("--random \(random): the bank has \(bank.questions.count) questions (\(bank.ids.joined(separator: ", ")))")
                }
                chosen = Array(bank.questions.shuffled().prefix(random))
            } else {
                chosen = bank.questions
            }
            let database = storeOptions.databasePath
            let store = try SessionStore(path: database)
            let session = try store.beginSession(questionIDs: chosen.map(\.id), candidate: candidate, feedback: feedback, at: Date())
            try InterviewShell(store: store, database: database, questions: chosen, session: session, earlierTurns: []).run(resumed: false)
        }
    }
}

extension FeedbackMode: ExpressibleByArgument {}

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interview that was ended early or interrupted, where it stopped."
    )

    @Argument(help: ArgumentHelp("The session: its number or 'last'.", valueName: "id|last"))
    var session: String = "last"

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let database = storeOptions.databasePath
            // Only a recorded session can be resumed: no database is created for it.
            guard FileManager.default.fileExists(atPath: database) else { throw StoreError.notFound(path: database) }
            let store = try SessionStore(path: database)
            let id = try store.resolve(session)
            let transcript = try store.transcript(id: id)
            guard transcript.session.status != .completed else {
                throw Failure("session \(id) is complete; start a new one with `mock-interview start`, or see it with `mock-interview report \(id)`")
            }
            let bank = try CompiledBank.load(from: storeOptions.rubricsPath)
            let questions = try bank.select(transcript.session.questionIDs)
            try store.reopen(id: id)
            try InterviewShell(store: store, database: database, questions: questions, session: transcript.session, earlierTurns: transcript.turns).run(resumed: true)
        }
    }
}
