import Foundation
import Testing

/// The interactive shell in a real terminal, driven through tmux as a person would use it.
@Suite("the shell at a terminal", .serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ShellTerminalTests {
    @Test("Ctrl-C clears a line, unknown commands are refused, Tab completes, Ctrl-D ends the session saved")
    func keyboard() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("db/interviews.sqlite").path
        let history = directory.appendingPathComponent("state/history").path
        let command = "env TERM=xterm-256color MOCK_INTERVIEW_RUBRICS='\(Executable.rubrics)' MOCK_INTERVIEW_HISTORY='\(history)' '\(Executable.path)' start --questions q1 --db '\(database)'; echo EXITED=$?; sleep 30"
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        try tmux.waitFor("you›")

        // Ctrl-C drops the draft and re-asks.
        try tmux.type("this half-typed answer is abandoned")
        try tmux.send("C-c")
        try tmux.waitFor("Answer cleared")

        // An unknown command is not an answer.
        try tmux.type(":bogus")
        try tmux.send("Enter")
        try tmux.waitFor("Unknown command :bogus")

        // Tab completes a meta-command.
        try tmux.type(":hi")
        try tmux.send("Tab")
        try tmux.send("Enter")
        try tmux.waitFor("Hint:")

        // A two-line answer, submitted with an empty line, leads to a follow-up.
        try tmux.type("First I would look for data drift between training and production.")
        try tmux.send("Enter")
        try tmux.type("Then I would retrain the model on recent data.")
        try tmux.send("Enter")
        try tmux.send("Enter")
        let afterAnswer = try tmux.waitFor("That was brief", timeout: 20)
        #expect(afterAnswer.components(separatedBy: "Interviewer:").count == 4, "the question twice (after Ctrl-C), then a follow-up:\n\(afterAnswer)")

        // Ctrl-D ends the interview cleanly.
        try tmux.send("C-d")
        let end = try tmux.waitFor("EXITED=", timeout: 20)
        #expect(end.contains("Interview ended early"))
        #expect(end.contains("EXITED=0"))

        let listed = try Executable.run(["list", "--json", "--db", database])
        let sessions = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.first?["status"] as? String == "ended_early")
        let recalled = try String(contentsOfFile: history, encoding: .utf8)
        #expect(recalled.contains("data drift"), "the submitted answer should be in the history file")
        #expect(!recalled.contains("abandoned"), "a cancelled line is not history")
        let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("state/history").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(":edit submits what the editor saved, blank lines kept, even when the editor leaves a background process running")
    func editor() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("interviews.sqlite").path
        // An editor that writes two paragraphs after the draft and, like a GUI editor's launcher,
        // leaves a process behind that holds every descriptor it was given.
        let editor = directory.appendingPathComponent("editor")
        try """
        #!/bin/sh
        printf '\n\nThen I would monitor drift weekly.\n' >> "$1"
        sleep 120 &
        echo $! > "\(directory.path)/background.pid"
        exit 0
        """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let command = "env TERM=xterm-256color VISUAL='\(editor.path)' MOCK_INTERVIEW_RUBRICS='\(Executable.rubrics)' MOCK_INTERVIEW_HISTORY='\(directory.path)/history' '\(Executable.path)' start --questions q1 --db '\(database)'; echo EXITED=$?; sleep 30"
        let tmux = try TmuxSession(command: command)
        defer {
            tmux.kill()
            if let pid = try? String(contentsOf: directory.appendingPathComponent("background.pid"), encoding: .utf8),
               let number = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(number, SIGKILL)
            }
        }
        try tmux.waitFor("you›")
        try tmux.type("First I would look for data drift.")
        try tmux.send("Enter")
        try tmux.type(":edit")
        try tmux.send("Enter")
        try tmux.waitFor("Answer from the editor: 13 words.", timeout: 10)
        try tmux.waitFor("Interviewer:", count: 2, timeout: 30)
        try tmux.send("C-d")
        try tmux.waitFor("EXITED=0", timeout: 20)

        let answers = try SQLite.query(database, "select answer from turns where outcome = 'answered' order by id")
        #expect(answers == [["First I would look for data drift.\n\nThen I would monitor drift weekly.\n"]])
    }
}
