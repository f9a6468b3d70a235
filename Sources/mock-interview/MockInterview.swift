import ArgumentParser
import Foundation

@main
struct MockInterview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-interview",
        abstract: "Practise machine-learning interviews in the terminal.",
        discussion: """
            An interviewer asks five ML questions with adaptive follow-ups, records every turn in \
            SQLite and scores each answer with a deterministic rubric engine.

            Start here:   mock-interview start
            Sessions are addressed by number or `last`.
            """,
        version: "1.0.0",
        subcommands: [
            StartCommand.self, ResumeCommand.self, ListCommand.self, ReportCommand.self, ReplayCommand.self,
            ProgressCommand.self, RescoreCommand.self, ExportCommand.self, EvaluateCommand.self, RubricCommand.self,
            GenerateCommand.self,
        ]
    )

    /// A file-size limit (`ulimit -f`) must come back as a failed write that the store reports, not
    /// end the program with SIGXFSZ in the middle of a commit.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
