import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` of a piped interview at random moments — while it waits for input, while an answer is
/// half written, while it evaluates and commits — and what the record looks like afterwards.
///
/// `MOCK_INTERVIEW_CRASH_TRIALS` (default 50) and `MOCK_INTERVIEW_CRASH_SEED` (default 20261201) set the
/// number of trials and the seed; `scripts/crash-trials` runs more. Each trial is reproducible from the
/// seed: the answers, how they are cut into writes, the pauses and the moment of the kill all come from it.
@Suite("kill -9 at random moments", .serialized, .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct CrashRecoveryTests {
    static let environment = ProcessInfo.processInfo.environment
    static let trials = environment["MOCK_INTERVIEW_CRASH_TRIALS"].flatMap(Int.init) ?? 50
    static let seed = environment["MOCK_INTERVIEW_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_201

    @Test("every acknowledged answer survives kill -9 intact, nothing else is stored, the database checks out and the session resumes to completion")
    func randomKills() throws {
        var generator = SeededGenerator(seed: Self.seed)
        var figures = CrashFigures()
        let started = Date()
        for trial in 0..<Self.trials {
            let trialSeed = generator.next()
            let trialStart = Date()
            try runTrial(number: trial, seed: trialSeed, figures: &figures)
            figures.slowestTrial = max(figures.slowestTrial, Date().timeIntervalSince(trialStart))
        }
        figures.seconds = Date().timeIntervalSince(started)
        print("crash trials: seed \(Self.seed), \(figures.summary)")
        #expect(figures.trials == Self.trials)
    }

    /// One trial: start an interview, write answers in random pieces with random pauses, kill it, check.
    func runTrial(number: Int, seed: UInt64, figures: inout CrashFigures) throws {
        var random = SeededGenerator(seed: seed)
        let label = "trial \(number) (seed \(seed))"
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("interviews.sqlite").path

        // At most four answers: five questions need at least five turns, so the interview can never
        // finish before the kill.
        let answers = (0..<Int.random(in: 1...4, using: &random)).map { Self.answer(trial: number, index: $0, using: &random) }
        var chunks: [(bytes: Data, completes: Int?)] = []
        for (index, answer) in answers.enumerated() {
            let stream = Array((answer + "\n\n").utf8)
            var cut = 0
            while cut < stream.count {
                let remaining = stream.count - cut
                let length = random.chance(0.3) ? remaining : Int.random(in: 1...max(1, min(remaining, 60)), using: &random)
                chunks.append((Data(stream[cut..<(cut + length)]), cut + length == stream.count ? index : nil))
                cut += length
            }
        }
        var written = Int.random(in: 0...chunks.count, using: &random)
        if random.chance(0.5), let terminating = chunks.indices.filter({ chunks[$0].completes != nil }).randomElement(using: &random) {
            written = terminating + 1 // kill just after an answer's blank line: during its evaluation and commit
        }
        let finalPause: Double = random.chance(0.4) ? Double.random(in: 0...0.004, using: &random)
            : random.chance(0.7) ? Double.random(in: 0.004...0.04, using: &random) : Double.random(in: 0.04...0.2, using: &random)

        let child = try PipedChild(["start", "--db", database], directory: directory)
        // Mostly the candidate starts typing once the first question is shown; sometimes at once,
        // so that some kills land while the program starts and creates the database.
        if random.chance(0.85) { child.waitForOutput("Interviewer: ", timeout: 10) }
        var terminated = 0
        for chunk in chunks.prefix(written) {
            child.write(chunk.bytes)
            if let index = chunk.completes { terminated = index + 1 }
            Thread.sleep(forTimeInterval: random.chance(0.5) ? 0 : Double.random(in: 0...0.02, using: &random))
        }
        Thread.sleep(forTimeInterval: finalPause)
        let output = child.kill()

        let prompts = output.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("Interviewer: ") }.count
        let acknowledged = max(0, prompts - 1)
        figures.trials += 1
        figures.answersSent += terminated
        figures.acknowledged += acknowledged

        // What a user does next: list the sessions.
        let listed = try Measured.run(["list", "--json", "--db", database])
        #expect(listed.status == 0 && !listed.timedOut, "\(label): list failed: \(listed.summary)")
        let sessions = (try? JSONSerialization.jsonObject(with: listed.stdout) as? [[String: Any]]) ?? []
        guard let session = sessions.first else {
            // Killed before the session was recorded: nothing may have been shown as asked.
            #expect(prompts == 0, "\(label): \(prompts) prompts shown but no session recorded")
            figures.beforeSession += 1
            let again = try Executable.run(["start", "--questions", "q1", "--db", database], input: [Self.answer(trial: number, index: 9, using: &random) + "\n\n"])
            #expect(again.status == 0, "\(label): a new interview after a kill at start-up failed: \(again.stderr)")
            return
        }
        #expect(sessions.count == 1, "\(label)")
        #expect(session["status"] as? String == "interrupted", "\(label): status \(session["status"] ?? "nil")")

        #expect(try SQLite.query(database, "PRAGMA integrity_check") == [["ok"]], "\(label)")
        let stored = try SQLite.query(database, "SELECT answer FROM turns WHERE outcome = 'answered' ORDER BY sequence").map { $0[0] }
        let turns = try SQLite.query(database, "SELECT outcome FROM turns ORDER BY sequence").map { $0[0] }
        #expect(stored.count <= terminated, "\(label): \(stored.count) answers stored, only \(terminated) were submitted")
        #expect(stored == Array(answers.prefix(stored.count)), "\(label): stored answers differ from what was sent:\n\(stored)\nsent:\n\(answers)")
        #expect(stored.count >= acknowledged, "\(label): \(acknowledged) answers acknowledged, \(stored.count) stored")
        #expect(turns.count >= prompts, "\(label): \(prompts) prompts shown, \(turns.count) turns recorded")
        #expect(turns.dropLast().allSatisfy { $0 == "answered" }, "\(label): \(turns)")
        figures.stored += stored.count
        if stored.count > acknowledged { figures.storedNotYetAcknowledged += 1 }
        if stored.count < terminated { figures.killedWhileBusy += 1 } else { figures.killedWhileWaiting += 1 }

        let more = (0..<40).map { "Resumed answer \($0): I would monitor drift and precision, retrain on recent data and compare with a shadow model.\n\n" }
        let resumed = try Measured.run(["resume", "last", "--db", database], input: Data(more.joined().utf8), timeout: 30)
        #expect(resumed.status == 0 && !resumed.timedOut, "\(label): resume failed: \(resumed.summary)")
        #expect(resumed.stdoutText.contains("Welcome back"), "\(label)")
        let after = try SQLite.query(database, "SELECT answer FROM turns WHERE outcome = 'answered' ORDER BY sequence").map { $0[0] }
        #expect(Array(after.prefix(stored.count)) == stored, "\(label): resuming changed the answers recorded before the kill")
        #expect(try SQLite.query(database, "SELECT status FROM sessions") == [["completed"]], "\(label)")
        #expect(try SQLite.query(database, "PRAGMA integrity_check") == [["ok"]], "\(label)")
        figures.resumed += resumed.status == 0 ? 1 : 0
    }

    static let sentences = [
        "I would compare the production feature distributions with the training data to look for drift.",
        "Then I would check for training-serving skew in the pipeline — a renamed column breaks it silently.",
        "Retrain on recent, representative data, and monitor precision and recall with alerts.",
        "Précision et rappel, naïve café résumé: the metric matters more than accuracy here 📉.",
        "An LSTM or a transformer captures long-range dependencies; RNNs suffer from vanishing gradients.",
        "I'd oversample the minority class with SMOTE and tune the decision threshold on a validation set.",
        "Deep models need lots of labelled data, are hard to interpret and cost a lot to serve.",
        "For deployment: quantise, batch requests, canary the rollout and keep a rollback path.",
    ]

    /// One answer of one to three lines, marked with the trial and its index so any mix-up shows.
    static func answer(trial: Int, index: Int, using random: inout SeededGenerator) -> String {
        let lines = (0..<Int.random(in: 1...3, using: &random)).map { _ in sentences.randomElement(using: &random)! }
        return "Answer \(index + 1) of trial \(trial): " + lines.joined(separator: "\n")
    }
}

/// The counts `randomKills` prints (and docs/reliability.md records).
struct CrashFigures {
    var trials = 0
    var answersSent = 0
    var acknowledged = 0
    var stored = 0
    var beforeSession = 0
    var killedWhileBusy = 0
    var killedWhileWaiting = 0
    var storedNotYetAcknowledged = 0
    var resumed = 0
    var seconds = 0.0
    var slowestTrial = 0.0

    var summary: String {
        "\(trials) trials in \(String(format: "%.1f", seconds)) s (slowest \(String(format: "%.2f", slowestTrial)) s): "
            + "\(answersSent) answers submitted before a kill, \(acknowledged) acknowledged, \(stored) stored; "
            + "\(beforeSession) killed before the session was recorded, \(killedWhileBusy) while an answer was being processed, "
            + "\(killedWhileWaiting) while waiting for input; \(storedNotYetAcknowledged) with an answer committed but not yet acknowledged; "
            + "\(resumed) resumed to completion"
    }
}

/// A `mock-interview` whose stdin is a pipe written piece by piece, whose stdout goes to a file, and
/// which is ended with SIGKILL.
final class PipedChild {
    let pid: pid_t
    private let input: Int32
    private let outputPath: String

    init(_ arguments: [String], directory: URL, executable: String = Executable.path) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Measured.SpawnError(message: "pipe failed") }
        // Close-on-exec, so that children other tests spawn meanwhile do not hold the write end open.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        outputPath = directory.appendingPathComponent("stdout").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        do {
            pid = try Measured.spawn(executable, arguments, environment: Measured.environment(), actions: &actions)
        } catch {
            close(fds[0])
            close(fds[1])
            throw error
        }
        close(fds[0])
        input = fds[1]
    }

    /// Writes all of `data` (a child that died early gives EPIPE, which is ignored: SIGPIPE is off).
    func write(_ data: Data) {
        signal(SIGPIPE, SIG_IGN)
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(input, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { if errno == EINTR { continue } else { return } }
                offset += count
            }
        }
    }

    /// Waits until the child has printed `text` (or `timeout` seconds pass).
    func waitForOutput(_ text: String, timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: outputPath), String(decoding: data, as: UTF8.self).contains(text) { return }
            usleep(2_000)
        }
    }

    /// SIGKILL, reaps the child and returns what it had printed.
    func kill() -> String {
        Glibc.kill(pid, SIGKILL)
        _ = Measured.reap(pid, timeout: 10)
        close(input)
        return String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }
}

extension SeededGenerator {
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}
