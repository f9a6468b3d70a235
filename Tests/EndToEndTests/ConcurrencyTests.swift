import Foundation
import Testing

/// Several processes on one database at once, as when a report is opened in one terminal while
/// interviews run in two others.
@Suite("two shells and a report on one database", .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct ConcurrencyTests {
    static func answers(shell: Int) -> [String] {
        (0..<40).map { "Shell \(shell), answer \($0): I would compare feature distributions for drift, retrain on recent data and monitor precision and recall with alerts." }
    }

    @Test("every answer of both shells is stored, in order, while reports are read, and no 'database is locked' reaches the user", arguments: [false, true])
    func twoShellsAndReports(databaseExists: Bool) throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("shared.sqlite").path
        if databaseExists {
            let first = try Executable.run(["start", "--questions", "q2", "--db", database], input: ["RNNs and LSTMs keep state across a sequence.\n\n:quit\n"])
            #expect(first.status == 0, "\(first.stderr)")
        }

        let group = DispatchGroup()
        let results = ResultBox()
        for shell in 1...2 {
            group.enter()
            DispatchQueue.global().async {
                let input = Data(Self.answers(shell: shell).map { $0 + "\n\n" }.joined().utf8)
                let run = Result { try Measured.run(["start", "--candidate", "shell-\(shell)", "--db", database], input: input, timeout: 120) }
                results.set("shell-\(shell)", run)
                group.leave()
            }
        }
        // Readers at the same time: reports, listings and exports, over and over until both shells end.
        var readers: [MeasuredRun] = []
        let deadline = Date().addingTimeInterval(120)
        while group.wait(timeout: .now()) == .timedOut && Date() < deadline {
            for command in [["report", "last"], ["list", "--json"], ["report", "last", "--format", "html"], ["export"]] {
                if FileManager.default.fileExists(atPath: database) {
                    readers.append(try Measured.run(command + ["--db", database], timeout: 30))
                }
            }
        }
        group.wait()

        for shell in 1...2 {
            let run = try #require(try results.get("shell-\(shell)")?.get())
            #expect(run.status == 0 && !run.timedOut, "shell \(shell): \(run.summary)")
            #expect(!run.stderrText.localizedCaseInsensitiveContains("locked"), "shell \(shell): \(run.stderrText)")
            #expect(!run.stderrText.localizedCaseInsensitiveContains("busy"), "shell \(shell): \(run.stderrText)")
            let prompts = run.stdoutText.split(separator: "\n").filter { $0.hasPrefix("Interviewer: ") }.count
            let rows = try SQLite.query(database, "SELECT t.answer, t.outcome FROM turns t JOIN sessions s ON s.id = t.session_id WHERE s.candidate = 'shell-\(shell)' ORDER BY t.sequence")
            #expect(rows.count == prompts, "shell \(shell): \(prompts) prompts, \(rows.count) turns")
            #expect(rows.allSatisfy { $0[1] == "answered" })
            #expect(rows.map { $0[0] } == Array(Self.answers(shell: shell).prefix(rows.count)), "shell \(shell)'s answers are stored exactly and in order")
            #expect(try SQLite.query(database, "SELECT status FROM sessions WHERE candidate = 'shell-\(shell)'") == [["completed"]])
        }
        #expect(readers.count >= 4, "readers ran while the shells did")
        for reader in readers {
            // Before the first session is recorded, `report` and `export` say there is none yet.
            #expect(reader.status == 0 || reader.stderrText.contains("no sessions recorded") || reader.stderrText.contains("no sessions have been recorded"), "\(reader.summary)")
            #expect(!reader.stderrText.localizedCaseInsensitiveContains("locked"), "\(reader.summary)")
            #expect(!reader.stderrText.localizedCaseInsensitiveContains("busy"), "\(reader.summary)")
        }
        #expect(try SQLite.query(database, "PRAGMA integrity_check") == [["ok"]])
        print("concurrency (database \(databaseExists ? "existing" : "new")): 2 shells, \(readers.count) reader runs; slowest reader \(String(format: "%.2f", readers.map(\.seconds).max() ?? 0)) s")
    }
}

/// Results handed back from the threads that run the shells.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Result<MeasuredRun, any Error>] = [:]

    func set(_ key: String, _ value: Result<MeasuredRun, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        values[key] = value
    }

    func get(_ key: String) -> Result<MeasuredRun, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return values[key]
    }
}
