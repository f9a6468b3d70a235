import Foundation
import Testing

/// Whole interviews run from piped stdin against a temporary database, checked with sqlite3.
@Suite("a piped interview", .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct InterviewPipeTests {
    static let driftAnswer = """
        First I would look for the root cause. I would compare the distribution of every feature in \
        production against the training data to find data drift, using PSI per feature, and I would check \
        for training-serving skew: whether the production pipeline computes the features exactly as the \
        training code did, since a changed unit or a renamed column breaks the model silently. Then I \
        would fix what I find by collecting recent, representative data and retraining on it, and I \
        would tune the regularisation so the model generalises. After that I would monitor the input \
        distributions and the precision and recall on a dashboard, with alerts when a metric drops below \
        a threshold. Finally I would retrain on a schedule and feed back what the retention team learns.
        """

    static func isTimestamp(_ text: String) -> Bool {
        text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#) != nil
    }

    func answers(_ count: Int) -> [String] {
        (0..<count).map { index in
            index == 0 ? Self.driftAnswer + "\n\n" : "For follow-up \(index), I would segment the customers by plan and region, alert on drift and precision, and compare a shadow model before rolling it out.\n\n"
        }
    }

    @Test("all five questions run to completion and every turn is stored in order with millisecond UTC timestamps")
    func fullInterview() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("interviews.sqlite").path
        let result = try Executable.run(["start", "--db", database, "--candidate", "Ada"], input: [answers(40).joined()])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("That's the end of the interview"))
        #expect(!result.stdout.contains("\u{1B}"), "no escape codes without a terminal")
        for number in 1...5 { #expect(result.stdout.contains("Question \(number) of 5")) }

        let sessions = try SQLite.query(database, "SELECT status, candidate, question_ids FROM sessions")
        #expect(sessions.count == 1)
        #expect(sessions.first == ["completed", "Ada", #"["q1","q2","q3","q4","q5"]"#])

        let turns = try SQLite.query(database, "SELECT sequence, question_id, node_id, asked_at, first_input_at, submitted_at, outcome FROM turns ORDER BY sequence")
        #expect(turns.count > 5, "follow-ups should be asked")
        #expect(turns.map { Int($0[0]) } == Array(0..<turns.count).map { Optional($0) })
        #expect(Set(turns.map { $0[1] }) == ["q1", "q2", "q3", "q4", "q5"])
        #expect(turns.map { $0[1] } == turns.map { $0[1] }.sorted(), "questions are asked in order")
        for turn in turns {
            #expect(turn[6] == "answered")
            for column in 3...5 { #expect(Self.isTimestamp(turn[column]), "bad timestamp \(turn[column])") }
            #expect(turn[3] <= turn[4] && turn[4] <= turn[5], "asked ≤ first input ≤ submitted: \(turn)")
        }
        let openings = turns.filter { $0[2] == "open" }
        #expect(openings.count == 5)
        let evaluations = try SQLite.query(database, "SELECT count(*), count(DISTINCT turn_id), min(engine), min(length(rubric_hash)) FROM evaluations")
        #expect(evaluations.first?[0] == String(turns.count))
        #expect(evaluations.first?[1] == String(turns.count))
        #expect(evaluations.first?[3] == "16")

        let listed = try Executable.run(["list", "--json", "--db", database])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["status"] as? String == "completed")
        #expect(list.first?["questions"] as? [String] == ["q1", "q2", "q3", "q4", "q5"])
        #expect((list.first?["score"] as? Double).map { $0 > 0 } == true)
        #expect(list.first?["duration_seconds"] is Double)
        #expect(list.first?["id"] as? Int == 1)
        #expect((list.first?["started_at"] as? String).map(Self.isTimestamp) == true)
    }

    @Test("the follow-up depends on what the answer missed")
    func followUpsBranch() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let short = directory.appendingPathComponent("short.sqlite").path
        try Executable.run(["start", "--questions", "q1", "--db", short], input: ["I would retrain it.\n\n"])
        let thorough = directory.appendingPathComponent("thorough.sqlite").path
        try Executable.run(["start", "--questions", "q1", "--db", thorough], input: [Self.driftAnswer + "\n\n"])

        let shortNodes = try SQLite.query(short, "SELECT node_id, why FROM turns ORDER BY sequence")
        let thoroughNodes = try SQLite.query(thorough, "SELECT node_id, why FROM turns ORDER BY sequence")
        #expect(shortNodes.map { $0[0] }.prefix(2) == ["open", "expand"], "a short answer is asked to expand: \(shortNodes)")
        #expect(thoroughNodes.map { $0[0] }.prefix(2) == ["open", "dig-concept-drift"], "covered drift but not concept drift: \(thoroughNodes)")
        #expect(thoroughNodes.count >= 2 && !thoroughNodes[1][1].isEmpty, "the interviewer says why it asks")
        let statuses = try SQLite.query(short, "SELECT status FROM sessions")
        #expect(statuses.first == ["ended_early"], "input ended before the tree did")
    }

    @Test("delays between piped lines show up as answer durations")
    func timing() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("timed.sqlite").path
        try Executable.run(["start", "--questions", "q4", "--db", database], input: ["I would oversample the minority class with SMOTE\n", "and evaluate with precision and recall.\n", "\n"], delay: 0.8)
        let rows = try SQLite.query(database, "SELECT (julianday(submitted_at) - julianday(first_input_at)) * 86400 FROM turns WHERE outcome = 'answered'")
        let seconds = try #require(rows.first.flatMap { Double($0[0]) })
        #expect(seconds >= 1.2, "two 0.8 s pauses inside the answer, measured \(seconds) s")
        #expect(seconds < 10)
    }

    @Test("meta-commands work from a pipe and are not recorded as answers")
    func metaCommands() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("meta.sqlite").path
        let result = try Executable.run(["start", "--questions", "q1,q2", "--db", database], input: [":help\n:nonsense\n:qiut\n:hint\n:skip\n:time\n:repeat\nRNNs and LSTMs capture long-term dependencies.\n\n:quit\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(":skip"))
        #expect(result.stdout.contains("Unknown command :nonsense"))
        #expect(!result.stdout.contains("Unknown command :nonsense. Did you mean"))
        #expect(result.stdout.contains("Unknown command :qiut. Did you mean :quit?"))
        let turns = try SQLite.query(database, "SELECT question_id, outcome, hints_used, coalesce(answer, '') FROM turns ORDER BY sequence")
        #expect(turns.first?[0] == "q1")
        #expect(turns.first?[1] == "skipped")
        #expect(turns.first?[2] == "1")
        #expect(turns.contains { $0[0] == "q2" && $0[1] == "answered" && $0[3].contains("LSTM") })
        #expect(!turns.contains { $0[3].hasPrefix(":") })
        #expect(try SQLite.query(database, "SELECT status FROM sessions").first == ["ended_early"])
    }

    @Test("a session killed with SIGKILL keeps every submitted answer, lists as interrupted and resumes where it stopped")
    func killAndResume() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("killed.sqlite").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Executable.path)
        process.arguments = ["start", "--questions", "q1,q4", "--db", database]
        var environment = ProcessInfo.processInfo.environment
        environment["MOCK_INTERVIEW_RUBRICS"] = Executable.rubrics
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data((Self.driftAnswer + "\n\n").utf8))
        // Wait until the answer is committed and the follow-up is asked.
        let deadline = Date().addingTimeInterval(20)
        var asked = 0
        while Date() < deadline {
            asked = (try? SQLite.query(database, "SELECT count(*) FROM turns").first.flatMap { Int($0[0]) }) ?? 0
            if asked >= 2 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(asked == 2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        #expect(try SQLite.query(database, "PRAGMA integrity_check").first == ["ok"])
        let answered = try SQLite.query(database, "SELECT answer FROM turns WHERE outcome = 'answered'")
        #expect(answered.count == 1)
        #expect(answered.first?[0] == Self.driftAnswer)

        let listed = try Executable.run(["list", "--json", "--db", database])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(list.first?["status"] as? String == "interrupted")

        let resumed = try Executable.run(["resume", "last", "--db", database], input: [answers(12).dropFirst().joined()])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Welcome back"))
        let turns = try SQLite.query(database, "SELECT sequence, question_id, node_id, outcome FROM turns ORDER BY sequence")
        #expect(turns[1][2] == "dig-concept-drift", "the pending follow-up is asked again, not a new one")
        #expect(turns.allSatisfy { $0[3] == "answered" })
        #expect(turns.contains { $0[1] == "q4" })
        #expect(try SQLite.query(database, "SELECT status FROM sessions").first == ["completed"])
    }

    @Test("the closing lines name commands that work as printed: the program's path when $PATH does not find it, and --db for a database of one's own")
    func closingCommandsRunAsPrinted() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("my sessions/interviews.sqlite").path
        let first = try Executable.run(["start", "--questions", "q1", "--db", database], input: [answers(1).joined() + ":quit\n"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let line = try #require(first.stdout.split(separator: "\n").first { $0.hasPrefix("Continue it with: ") }, "stdout:\n\(first.stdout)")
        let command = String(line.dropFirst("Continue it with: ".count))
        #expect(command.contains("--db '\(database)'"), "the database has a space, so its path is quoted: \(command)")
        #expect(!command.hasPrefix("mock-interview "), "mock-interview is not on this PATH: \(command)")

        // Run exactly what was printed, through a shell, in another folder.
        let resumed = try Executable.run(["-c", command], input: [answers(12).dropFirst().joined()], environment: ["PATH": "/usr/bin:/bin"], directory: URL(fileURLWithPath: "/"), executable: "/bin/sh")
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("Welcome back"))
        let statuses = try SQLite.query(database, "SELECT status FROM sessions")
        #expect(statuses == [["completed"]])
    }

    @Test("a wrong claim is a red flag in the verdict and the report, with its correction, and costs the question points")
    func redFlag() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("interviews.sqlite").path
        let wrong = """
            I would apply SMOTE to the whole dataset first, before splitting into train and test, so the test set \
            is balanced as well. Then I would report accuracy, which is a perfectly good metric once the classes \
            are balanced, and keep the default threshold of 0.5.
            """
        let result = try Executable.run(["start", "--questions", "q4", "--feedback", "each", "--db", database], input: [wrong + "\n\n:skip\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("⚑"), "the verdict shows red flags:\n\(result.stdout)")
        let stored = try SQLite.query(database, "SELECT evaluation FROM evaluations")
        let evaluation = try #require(try JSONSerialization.jsonObject(with: Data(stored[0][0].utf8)) as? [String: Any])
        let flags = try #require(evaluation["flags"] as? [[String: Any]])
        #expect(flags.count >= 2, "\(flags.map { $0["id"] ?? "" })")
        #expect(flags.allSatisfy { ($0["correction"] as? String)?.isEmpty == false && ($0["penalty"] as? Double ?? 0) > 0 })
        #expect((evaluation["score"] as? Double ?? 100) <= 10)
        let report = try Executable.run(["report", "last", "--db", database])
        #expect(report.stdout.contains("### Red flags"), "\(report.stdout.prefix(2000))")
    }

    @Test("with --feedback each, skipping a question's follow-ups still gives the verdict on what was answered; skipping it unanswered gives none")
    func verdictOnSkip() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("interviews.sqlite").path
        let result = try Executable.run(["start", "--questions", "q1,q4", "--feedback", "each", "--db", database], input: [answers(1).joined() + ":skip\n:skip\n"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Skipped the rest of q1."))
        #expect(result.stdout.contains("Verdict on q1:"), "stdout:\n\(result.stdout)")
        #expect(result.stdout.contains("Skipped the rest of q4."))
        #expect(!result.stdout.contains("Verdict on q4"), "q4 was not answered")
    }
}
