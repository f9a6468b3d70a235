import ArgumentParser
import Foundation
import InterviewKit
import InterviewReports

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check question files, or draft one from a model answer.",
        subcommands: [RubricLintCommand.self, RubricDraftCommand.self]
    )
}

struct RubricLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check question files for YAML, schema and dialogue-tree errors.",
        discussion: """
            Prints one line per problem, like a compiler: FILE:LINE:COLUMN: error [MI0NN]: message.
            Exits 0 when every file is clean, 1 otherwise. The codes are listed in Rubrics/README.md.
            """
    )

    @Argument(help: ArgumentHelp("Question files or folders (default: the Rubrics folder).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let targets = paths.isEmpty ? [Locations.rubrics(nil)] : paths
        let outcome = QuestionBankLoader().load(paths: targets)
        for diagnostic in outcome.diagnostics {
            // A hostile file's text is quoted in messages; nothing in it may reach the terminal raw.
            print(TerminalText.sanitised(diagnostic.description))
        }
        let files = max(outcome.files.count, targets.count)
        if outcome.diagnostics.isEmpty {
            if outcome.files.isEmpty {
                Output.error("no question files (*.yaml) in \(targets.joined(separator: ", "))")
                throw ExitCode.failure
            }
            print("\(outcome.files.count) file\(outcome.files.count == 1 ? "" : "s") checked, no problems (\(outcome.questions.map(\.id).joined(separator: ", "))).")
        } else {
            let count = outcome.diagnostics.count
            print("\(files) file\(files == 1 ? "" : "s") checked, \(count) problem\(count == 1 ? "" : "s").")
            throw ExitCode.failure
        }
    }
}
