import Foundation
import Testing

/// What a candidate takes away, run as commands on a recorded five-question interview: report,
/// replay, progress, rescore and export.
@Suite("after a piped interview", .serialized, .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct AfterTheInterviewTests {
    static let answer = """
        First I would find the root cause: compare the training and production distributions for data drift, \
        check for training-serving skew, and slice the errors by segment. Then I would fix it by retraining \
        on recent data. After that I would monitor precision and recall with alerts on a threshold, and \
        finally retrain on a schedule with a shadow deployment before rollout. Typed escape: \u{1B}[31mred\u{1B}[0m.
        """

    /// A database holding one completed five-question interview and an earlier one on q1.
    static func recorded() throws -> (directory: URL, database: String) {
        let directory = try Executable.temporaryDirectory()
        let database = directory.appendingPathComponent("interviews.sqlite").path
        try Executable.run(["start", "--questions", "q1", "--db", database], input: ["I would retrain it.\n\n:quit\n"])
        let answers = Array(repeating: answer + "\n\n", count: 40).joined()
        let run = try Executable.run(["start", "--db", database], input: [answers])
        #expect(run.status == 0, "\(run.stderr)")
        return (directory, database)
    }

    @Test("report writes Markdown, JSON and HTML; the automatic report matches a fresh render byte for byte")
    func reports() throws {
        let (directory, database) = try Self.recorded()
        defer { try? FileManager.default.removeItem(at: directory) }
        let automatic = directory.appendingPathComponent("reports/session-2.md")
        let saved = try String(contentsOf: automatic, encoding: .utf8)
        let markdown = try Executable.run(["report", "last", "--db", database])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout == saved, "rendering is a pure function of the record")
        #expect(markdown.stdout.contains("What to practise next"))
        #expect(markdown.stdout.contains("mock-interview-engine/"))

        let json = try Executable.run(["report", "2", "--format", "json", "--db", database])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["overall"] is Double)

        let html = directory.appendingPathComponent("report.html")
        let written = try Executable.run(["report", "last", "--format", "html", "-o", html.path, "--db", database])
        #expect(written.status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") || page.lowercased().hasPrefix("<!doctype html>"))
        #expect(!page.contains("<script"))
        let mode = try FileManager.default.attributesOfItem(atPath: html.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let unknown = try Executable.run(["report", "99", "--db", database])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("99"))
    }

    @Test("replay tells interviewer and candidate apart, never replays typed escapes raw, and exports a cast asciinema reads")
    func replay() throws {
        let (directory, database) = try Self.recorded()
        defer { try? FileManager.default.removeItem(at: directory) }
        let replay = try Executable.run(["replay", "last", "--scores", "--db", database])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("Interviewer:"))
        #expect(replay.stdout.contains("You:"))
        #expect(replay.stdout.contains("Score "))
        #expect(!replay.stdout.contains("\u{1B}"), "a typed escape sequence must not reach the terminal")
        #expect(replay.stdout.contains("[00:"))

        let timed = try Executable.run(["replay", "last", "--speed", "1000", "--idle-limit", "0.01", "--db", database])
        #expect(timed.status == 0)
        #expect(timed.stdout.contains("You:"))

        let cast = directory.appendingPathComponent("session.cast")
        #expect(try Executable.run(["replay", "last", "--asciicast", cast.path, "--db", database]).status == 0)
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3)
        }
        #expect(lines.filter { $0.contains(#""m""#) }.count == 5, "a marker at each question")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/asciinema") && FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
            // asciinema opens /dev/tty, so give it one with script(1).
            let played = try Executable.runTool("/usr/bin/script", ["-qec", "asciinema cat '\(cast.path)'", "/dev/null"])
            #expect(played.contains("Interviewer:"), "asciinema should play the recording:\n\(played.prefix(400))")
        }
    }

    @Test("answers scored by an earlier engine are rescored by this one, and their earlier evaluations are kept")
    func rescoreAfterEngineChange() throws {
        let (directory, database) = try Self.recorded()
        defer { try? FileManager.default.removeItem(at: directory) }
        // As if every answer had last been scored by engine 1.0: a newer row with that engine name.
        _ = try SQLite.query(database, """
            INSERT INTO evaluations (turn_id, created_at, engine, rubric_hash, score, evaluation)
            SELECT turn_id, created_at, 'mock-interview-engine/1.0', rubric_hash, score, evaluation
            FROM evaluations e WHERE e.id = (SELECT MAX(id) FROM evaluations WHERE turn_id = e.turn_id)
            """)
        let before = try SQLite.query(database, "SELECT count(*) FROM evaluations")[0][0]
        let answered = try SQLite.query(database, "SELECT count(*) FROM turns WHERE outcome = 'answered'")[0][0]
        let rescored = try Executable.run(["rescore", "--all", "--db", database])
        #expect(rescored.status == 0, "\(rescored.stderr)")
        #expect(rescored.stdout.contains("Rescored \(answered) answer"), "\(rescored.stdout)")
        let after = try SQLite.query(database, "SELECT count(*) FROM evaluations")[0][0]
        #expect(Int(after) == Int(before)! + Int(answered)!, "append-only: the engine-1.0 rows stay")
        let latest = try SQLite.query(database, "SELECT DISTINCT engine FROM evaluations e WHERE e.id = (SELECT MAX(id) FROM evaluations WHERE turn_id = e.turn_id)")
        #expect(latest.count == 1 && latest[0][0].hasPrefix("mock-interview-engine/2.0"), "\(latest)")
        #expect(try SQLite.query(database, "SELECT count(*) FROM evaluations WHERE engine = 'mock-interview-engine/1.0'")[0][0] == answered)
        let again = try Executable.run(["rescore", "--all", "--db", database])
        #expect(again.stdout.contains("Rescored 0 answers"), "\(again.stdout)")
    }

    @Test("progress, rescore and export cover every session")
    func overTime() throws {
        let (directory, database) = try Self.recorded()
        defer { try? FileManager.default.removeItem(at: directory) }
        let progress = try Executable.run(["progress", "--db", database])
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("q1"))
        let chart = directory.appendingPathComponent("progress.md")
        #expect(try Executable.run(["progress", "-o", chart.path, "--db", database]).status == 0)
        #expect(try String(contentsOf: chart, encoding: .utf8).contains("```mermaid"))

        let before = try SQLite.query(database, "SELECT count(*) FROM evaluations")[0][0]
        let same = try Executable.run(["rescore", "--all", "--db", database])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Rescored 0 answers"), "nothing changed, nothing to rescore: \(same.stdout)")

        // A changed rubric: every answer to q1 is rescored, and the old evaluations stay.
        let bank = directory.appendingPathComponent("Rubrics")
        try FileManager.default.createDirectory(at: bank, withIntermediateDirectories: true)
        for id in ["q1", "q2", "q3", "q4", "q5"] {
            var text = try String(contentsOfFile: Executable.rubrics + "/\(id).yaml", encoding: .utf8)
            if id == "q1" { text += "\n# edited\n" }
            try text.write(to: bank.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        let changed = try Executable.run(["rescore", "--all", "--db", database, "--rubrics", bank.path])
        #expect(changed.status == 0, "\(changed.stderr)")
        let q1Answers = try SQLite.query(database, "SELECT count(*) FROM turns WHERE question_id = 'q1' AND outcome = 'answered'")[0][0]
        let after = try SQLite.query(database, "SELECT count(*) FROM evaluations")[0][0]
        #expect(Int(after) == Int(before)! + Int(q1Answers)!, "append-only: \(before) + \(q1Answers) = \(after)")
        let report = try Executable.run(["report", "last", "--db", database, "--rubrics", bank.path])
        #expect(report.stdout.contains("rescored") || report.stdout.contains("Rescored"))

        let jsonl = try Executable.run(["export", "--db", database])
        let sessions = jsonl.stdout.split(separator: "\n")
        #expect(sessions.count == 2)
        for line in sessions {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let session = try #require(object["session"] as? [String: Any])
            #expect(session["question_ids"] is [String], "snake_case keeps acronyms whole: \(session.keys.sorted())")
            #expect((object["turns"] as? [[String: Any]])?.first?["question_id"] is String)
        }
        let csvFile = directory.appendingPathComponent("turns.csv")
        #expect(try Executable.run(["export", "--format", "csv", "-o", csvFile.path, "--db", database]).status == 0)
        // The real reader: sqlite3 imports the CSV and counts every turn.
        let imported = try Executable.runTool("/usr/bin/sqlite3", [":memory:", ".import --csv '\(csvFile.path)' t", "SELECT count(*) FROM t"])
        let turns = try SQLite.query(database, "SELECT count(*) FROM turns")[0][0]
        #expect(imported.trimmingCharacters(in: .whitespacesAndNewlines) == turns)
    }
}

extension Executable {
    /// Runs another program and returns what it printed.
    static func runTool(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
