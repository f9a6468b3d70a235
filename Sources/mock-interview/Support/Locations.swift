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
        userPath(override: "MOCK_INTERVIEW_HISTORY", base: "XDG_STATE_HOME", else: ".local/state", then: "mock-interview/history")
    }

    /// `$MOCK_INTERVIEW_CACHE`, else `$XDG_CACHE_HOME/mock-interview`, else `~/.cache/mock-interview`:
    /// what can be made again from other files (WordNet's tables), so deleting it loses nothing.
    static func cacheDirectory() -> String {
        userPath(override: "MOCK_INTERVIEW_CACHE", base: "XDG_CACHE_HOME", else: ".cache", then: "mock-interview")
    }

    /// `$override` when set; else `path` inside the XDG base directory `$base`, or inside `~/home`
    /// when that is not set (as the XDG specification says).
    private static func userPath(override: String, base: String, else home: String, then path: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment[override], !value.isEmpty { return value }
        let directory = environment[base].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/" + home
        return directory + "/" + path
    }

    /// The command line that runs `subcommand` of this program again on `database`, to show the
    /// user: `mock-interview` when that is what `$PATH` finds, else the executable's own path (as
    /// after `scripts/interview`, which runs `.build/release/mock-interview`), with `--db` when a
    /// plain command would open another database.
    static func command(_ subcommand: String, database: String) -> String {
        var words = [programName, subcommand]
        let standard = URL(fileURLWithPath: Self.database(nil)).standardizedFileURL.path
        if URL(fileURLWithPath: database).standardizedFileURL.path != standard {
            words += ["--db", shellQuoted(database)]
        }
        return words.joined(separator: " ")
    }

    /// `mock-interview`, or this executable's path when `$PATH` does not lead to it.
    static let programName: String = {
        let manager = FileManager.default
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/mock-interview"
            guard manager.isExecutableFile(atPath: candidate) else { continue }
            // The first match is what the shell runs: it names this program only if it is this file.
            if URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path == own { return "mock-interview" }
            break
        }
        // The path it was started by, made absolute, reads better than the resolved one
        // (`.build/release/…` rather than `.build/x86_64-unknown-linux-gnu/release/…`).
        if let invoked = CommandLine.arguments.first, invoked.contains("/") {
            let absolute = URL(fileURLWithPath: invoked).standardizedFileURL
            if absolute.resolvingSymlinksInPath().path == own { return shellQuoted(absolute.path) }
        }
        return shellQuoted(own)
    }()

    /// `text` as one word for a POSIX shell: as it is when it has no special characters.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/._-+:@%".unicodeScalars.contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
