import ArgumentParser
import Foundation
import InterviewKit
import InterviewReports
import InterviewStore

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Scores per question over time and the concepts most often missed.",
        discussion: "Prints a summary; -o writes the Markdown version (with a chart) to a file."
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the Markdown progress report to this file.", valueName: "file"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let database = storeOptions.databasePath
            guard FileManager.default.fileExists(atPath: database) else {
                print("No sessions yet in \(database). Start one with: mock-interview start")
                return
            }
            let rubrics = storeOptions.rubricsPath
            // The bank is parsed on another core while the database is read.
            let questions = BackgroundValue { (try? CompiledBank.load(from: rubrics))?.questions ?? [] }
            let store = try SessionStore(readingFrom: database)
            let data = try store.progress()
            if let output {
                try ReportFiles.write(ProgressReport.markdown(data, questions: questions.value), to: output)
                FileHandle.standardError.write(Data("Progress report written to \(output)\n".utf8))
            } else {
                Output.write(ProgressReport.terminal(data, questions: questions.value))
            }
        }
    }
}
