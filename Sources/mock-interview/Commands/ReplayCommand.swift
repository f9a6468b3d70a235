import ArgumentParser
import Foundation
import InterviewKit
import InterviewReports
import InterviewStore

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a session's transcript, optionally with its recorded timing.",
        discussion: """
            Interviewer and candidate lines are told apart and stamped with the time from the start. \
            Escape sequences typed into answers are shown harmlessly, never replayed raw.
              mock-interview replay last --speed 4 --idle-limit 2
              mock-interview replay 3 --asciicast session-3.cast && asciinema play session-3.cast
            """
    )

    @Argument(help: ArgumentHelp("The session: its number or 'last'.", valueName: "id|last"))
    var session: String = "last"

    @Flag(help: "Replay with the recorded timing.")
    var realtime = false

    @Option(help: ArgumentHelp("Replay with the recorded timing, this many times faster (implies --realtime).", valueName: "X"))
    var speed: Double?

    @Option(help: ArgumentHelp("Cap every pause at this many recorded seconds.", valueName: "seconds"))
    var idleLimit: Double?

    @Flag(help: "Show each answer's evaluation after it.")
    var scores = false

    @Option(help: ArgumentHelp("Write an asciicast v2 recording instead (plays in `asciinema play`).", valueName: "file"))
    var asciicast: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let speed, !(speed > 0) { throw ValidationError("--speed must be a positive number, e.g. --speed 2.") }
        if let idleLimit, !(idleLimit >= 0) { throw ValidationError("--idle-limit must be zero or a positive number of seconds.") }
    }

    func run() throws {
        try reporting {
            let store = try SessionStore(readingFrom: storeOptions.databasePath)
            let id = try store.resolve(session)
            let transcript = try store.transcript(id: id)
            let questions = (try? CompiledBank.load(from: storeOptions.rubricsPath))?.questions ?? []
            if let asciicast {
                let cast = AsciicastExport.render(transcript, questions: questions, evaluations: scores, idleLimit: idleLimit ?? 3)
                try ReportFiles.write(cast, to: asciicast)
                FileHandle.standardError.write(Data("Session \(id) recorded to \(asciicast); play it with: asciinema play \(asciicast)\n".utf8))
                return
            }
            let events = TranscriptReplay.events(transcript, questions: questions, evaluations: scores)
            guard realtime || speed != nil else {
                Output.write(TranscriptReplay.render(events))
                return
            }
            let delays = TranscriptReplay.delays(events, speed: speed ?? 1, idleLimit: idleLimit)
            for (event, delay) in zip(events, delays) {
                if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                Output.write(TranscriptReplay.text(of: event) + "\n")
            }
        }
    }
}
