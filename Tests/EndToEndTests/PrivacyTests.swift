import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Everything the program writes holds the candidate's answers: it is created readable by the user
/// only (files 0600, folders 0700), even under `umask 000`.
@Suite("private files under a permissive umask", .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct PrivacyTests {
    static func expectMode(_ path: String, _ mode: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = permissions(path)
        #expect(actual == mode, "\(path): \(actual.map { String($0, radix: 8) } ?? "missing"), expected \(String(mode, radix: 8))", sourceLocation: sourceLocation)
    }

    @Test("the database, its -wal and -shm, the folders created for it, the reports folder and the report are private")
    func databaseAndReport() throws {
        let root = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let database = root.appendingPathComponent("a/b/interviews.sqlite").path
        // While the shell runs: the -wal and -shm files exist.
        let child = try PipedChild(["-c", "umask 000; exec \"$0\" \"$@\"", Executable.path, "start", "--questions", "q1", "--db", database], directory: root, executable: "/bin/sh")
        child.waitForOutput("Interviewer: ", timeout: 20)
        for suffix in ["", "-wal", "-shm"] { Self.expectMode(database + suffix, 0o600) }
        _ = child.kill()

        let run = try Measured.runWithOpenUmask(["resume", "last", "--db", database], input: Data("I would check data drift and retrain.\n\n:quit\n".utf8))
        #expect(run.status == 0, "\(run.summary)")
        Self.expectMode(root.appendingPathComponent("a").path, 0o700)
        Self.expectMode(root.appendingPathComponent("a/b").path, 0o700)
        Self.expectMode(database, 0o600)
        Self.expectMode(root.appendingPathComponent("a/b/reports").path, 0o700)
        Self.expectMode(root.appendingPathComponent("a/b/reports/session-1.md").path, 0o600)
    }

    @Test("files written with -o, --asciicast and rubric draft, and the folders made for them, are private", arguments: [
        ["report", "last", "-o", "out/x/report.md"],
        ["report", "last", "--format", "html", "-o", "out/x/report.html"],
        ["report", "last", "--format", "json", "-o", "out/x/report.json"],
        ["export", "-o", "out/x/export.jsonl"],
        ["export", "--format", "csv", "-o", "out/x/export.csv"],
        ["progress", "-o", "out/x/progress.md"],
        ["replay", "last", "--asciicast", "out/x/session.cast"],
    ])
    func outputFiles(arguments: [String]) throws {
        let root = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let database = root.appendingPathComponent("interviews.sqlite").path
        #expect(try Executable.run(["start", "--questions", "q1", "--db", database], input: ["I would retrain.\n\n:quit\n"]).status == 0)
        let resolved = arguments.map { $0.hasPrefix("out/") ? root.appendingPathComponent($0).path : $0 }
        let run = try Measured.runWithOpenUmask(resolved + ["--db", database])
        #expect(run.status == 0, "\(run.summary)")
        let file = try #require(resolved.first { $0.hasPrefix(root.path) })
        Self.expectMode(file, 0o600)
        Self.expectMode(root.appendingPathComponent("out").path, 0o700)
        Self.expectMode(root.appendingPathComponent("out/x").path, 0o700)
    }

    @Test("the readline history file and the state folders made for it are private", .enabled(if: TmuxSession.isAvailable, "needs tmux"))
    func history() throws {
        let root = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let state = root.appendingPathComponent("state")
        let database = root.appendingPathComponent("interviews.sqlite").path
        let command = "umask 000; env -u MOCK_INTERVIEW_HISTORY TERM=xterm-256color XDG_STATE_HOME='\(state.path)' MOCK_INTERVIEW_RUBRICS='\(Executable.rubrics)' '\(Executable.path)' start --questions q1 --db '\(database)'; echo EXITED=$?; sleep 30"
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        try tmux.waitFor("you›")
        try tmux.type("I would look for data drift first and then retrain.")
        try tmux.send("Enter")
        try tmux.send("Enter")
        try tmux.waitFor("Interviewer:", count: 2, timeout: 30)
        try tmux.send("C-d")
        try tmux.waitFor("EXITED=", timeout: 20)
        Self.expectMode(state.path, 0o700)
        Self.expectMode(state.appendingPathComponent("mock-interview").path, 0o700)
        Self.expectMode(state.appendingPathComponent("mock-interview/history").path, 0o600)
        Self.expectMode(database, 0o600)
    }
}
