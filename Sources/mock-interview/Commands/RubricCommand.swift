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
            Also scores each question's calibration examples: a misconception that fires on a strong or
            partial example is an error, an example outside its band a warning.
            Exits 0 when there are no errors (warnings allowed), 1 otherwise. The codes are listed in Rubrics/README.md.
            """
    )

    @Argument(help: ArgumentHelp("Question files or folders (default: the Rubrics folder).", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let targets = paths.isEmpty ? [Locations.rubrics(nil)] : paths
        let outcome = QuestionBankLoader().load(paths: targets)
        var diagnostics = outcome.diagnostics
        for question in outcome.questions {
            diagnostics += AdvisoryLinter().lint(question, file: question.sourcePath ?? question.id)
        }
        for diagnostic in diagnostics {
            // A hostile file's text is quoted in messages; nothing in it may reach the terminal raw.
            print(TerminalText.sanitised(diagnostic.description))
        }
        let files = max(outcome.files.count, targets.count)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors == 0 {
            if outcome.files.isEmpty {
                Output.error("no question files (*.yaml) in \(targets.joined(separator: ", "))")
                throw ExitCode.failure
            }
            let found = warnings == 0 ? "no problems" : "\(warnings) warning\(warnings == 1 ? "" : "s"), no errors"
            print("\(outcome.files.count) file\(outcome.files.count == 1 ? "" : "s") checked, \(found) (\(outcome.questions.map(\.id).joined(separator: ", "))).")
        } else {
            print("\(files) file\(files == 1 ? "" : "s") checked, \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "").")
            throw ExitCode.failure
        }
    }
}
