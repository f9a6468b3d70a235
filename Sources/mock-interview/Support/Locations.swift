import Foundation

/// Where the program finds its question bank and keeps its database and reports.
enum Locations {
    /// `--rubrics`, else `$MOCK_INTERVIEW_RUBRICS`, else `./Rubrics`, else the `Rubrics/` folder of the
    /// checkout the executable was built in.
    static func rubrics(_ option: String?) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["MOCK_INTERVIEW_RUBRICS"], !env.isEmpty { return env }
        let manager = FileManager.default
        if manager.fileExists(atPath: "Rubrics/q1.yaml") { return "Rubrics" }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("Rubrics")
            if manager.fileExists(atPath: candidate.appendingPathComponent("q1.yaml").path) { return candidate.path }
            directory.deleteLastPathComponent()
        }
        return "Rubrics"
    }

    /// `--db`, else `$MOCK_INTERVIEW_DB`, else `Sessions/interviews.sqlite` beside the question bank.
    static func database(_ option: String?, rubrics: String? = nil) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["MOCK_INTERVIEW_DB"], !env.isEmpty { return env }
        return sessionsDirectory(rubrics: rubrics) + "/interviews.sqlite"
    }

    /// `Sessions/` beside `Rubrics/`: in a checkout, the repository's own Sessions folder.
    static func sessionsDirectory(rubrics: String? = nil) -> String {
        let bank = URL(fileURLWithPath: self.rubrics(rubrics)).standardizedFileURL
        return bank.deletingLastPathComponent().appendingPathComponent("Sessions").path
    }

    /// Reports go in `reports/` beside the database.
    static func reportsDirectory(database: String) -> String {
        URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("reports").path
    }

    /// `$MOCK_INTERVIEW_HISTORY`, else `$XDG_STATE_HOME/mock-interview/history`, else
    /// `~/.local/state/mock-interview/history`.
    static func historyFile() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["MOCK_INTERVIEW_HISTORY"], !path.isEmpty { return path }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/mock-interview/history"
    }
}
