import ArgumentParser
import Foundation
import InterviewKit
import InterviewStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded sessions, newest first."
    )

    @Flag(help: "Print a JSON array of sessions.")
    var json = false

    @Option(help: ArgumentHelp("Show at most this many sessions (0: all).", valueName: "N"))
    var limit: Int = 20

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or a positive number.") }
    }

    func run() throws {
        try reporting {
            let database = storeOptions.databasePath
            let noSessions = {
                if json { print("[]") } else { print("No sessions yet in \(database). Start one with: mock-interview start") }
            }
            guard FileManager.default.fileExists(atPath: database) else { return noSessions() }
            let store: SessionStore
            do {
                store = try SessionStore(readingFrom: database)
            } catch StoreError.notFound {
                // An empty file: a first interview is creating the database, or was killed doing so.
                return noSessions()
            }
            let sessions = try store.list(limit: limit == 0 ? Int.max : limit, offset: 0)
            if json {
                Output.write(try Output.json(sessions.map(ListedSession.init)) + "\n")
                return
            }
            if sessions.isEmpty {
                print("No sessions yet in \(database). Start one with: mock-interview start")
                return
            }
            let palette = Output.palette
            print(palette.bold("   id  started (UTC)      duration  score  status       questions"))
            for session in sessions {
                let started = String(Timestamp.string(from: session.startedAt).prefix(16)).replacingOccurrences(of: "T", with: " ")
                let score = session.score.map { BreakdownText.format($0) } ?? "–"
                let status = session.status.rawValue.replacingOccurrences(of: "_", with: " ")
                print("\(String(session.id).leftPadded(5))  \(started)  \(TerminalDisplay.clock(session.durationSeconds).leftPadded(8))  \(score.leftPadded(5))  \(status.padding(toLength: 11, withPad: " ", startingAt: 0))  \(session.questionIDs.joined(separator: ","))")
            }
            if limit != 0 && sessions.count == limit {
                print(palette.dim("Showing the newest \(limit); --limit 0 shows all."))
            }
        }
    }
}

/// The JSON shape of `list --json`.
struct ListedSession: Encodable {
    var id: Int64
    var startedAt: Date
    var endedAt: Date?
    var durationSeconds: Double
    var questions: [String]
    var status: SessionStatus
    var score: Double?
    var candidate: String?

    init(_ summary: SessionSummary) {
        id = summary.id
        startedAt = summary.startedAt
        endedAt = summary.endedAt
        durationSeconds = (summary.durationSeconds * 1000).rounded() / 1000
        questions = summary.questionIDs
        status = summary.status
        score = summary.score
        candidate = summary.candidate
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
