import ArgumentParser
import Foundation
import InterviewStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-db",
        abstract: "Fill a database with synthetic sessions, to measure speed at scale.",
        discussion: "Deterministic for a given --seed. Refuses to touch an existing file unless --append.\n  mock-interview generate-db --sessions 10000 --db /tmp/bench.sqlite"
    )

    @Option(help: "How many sessions to add.")
    var sessions: Int = 10_000

    @Option(help: "Turns per session.")
    var turns: Int = 20

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The database to fill (required, so your own record is never touched by accident).", valueName: "path"))
    var db: String

    @Flag(help: "Add to an existing database.")
    var append = false

    func validate() throws {
        if sessions < 1 || turns < 1 { throw ValidationError("--sessions and --turns must be positive.") }
    }

    func run() throws {
        try reporting {
            if FileManager.default.fileExists(atPath: db) && !append {
                throw Failure("\(db) exists; pass --append to add to it, or choose a new path")
            }
            let start = Date()
            let counts = try SyntheticDatabase.generate(path: db, sessions: sessions, turnsPerSession: turns, seed: seed)
            print("Generated \(counts.sessions) sessions, \(counts.turns) turns, \(counts.evaluations) evaluations in \(db) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s).")
        }
    }
}
