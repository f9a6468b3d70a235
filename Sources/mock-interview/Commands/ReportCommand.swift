import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the feedback report of a session.",
        discussion: "Prints to stdout unless -o is given. Rendering is a pure function of the record: the same session always gives the same bytes."
    )

    @Argument(help: ArgumentHelp("The session: its number or 'last'.", valueName: "id|last"))
    var session: String = "last"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file.", valueName: "file"))
    var output: String?

    @Option(help: "markdown, json or html.")
    var format: ReportFileFormat = .markdown

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let rubrics = storeOptions.rubricsPath
            // The bank is parsed on another core while the database is read.
            let questions = BackgroundValue { (try? CompiledBank.load(from: rubrics))?.questions ?? [] }
            let store = try SessionStore(readingFrom: storeOptions.databasePath)
            let id = try store.resolve(session)
            let transcript = try store.transcript(id: id)
            let history = try ReportBuilder(store: store, questions: []).history(for: transcript)
            let text = try ReportBuilder(store: store, questions: questions.value).render(transcript, history: history, format: format)
            if let output {
                try ReportFiles.write(text, to: output)
                FileHandle.standardError.write(Data("Report of session \(id) written to \(output)\n".utf8))
            } else {
                Output.write(text)
            }
        }
    }
}
