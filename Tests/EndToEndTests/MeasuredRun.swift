import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a bounded run of a program did: how it ended, what it printed (as bytes), how long it took and
/// the most memory it held.
struct MeasuredRun {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    /// The signal that ended the process (SIGKILL when the time limit did), or nil if it exited.
    var signal: Int32?
    /// True when the program was still running at the time limit and was killed.
    var timedOut: Bool
    var stdout: Data
    var stderr: Data
    var seconds: Double
    /// Peak resident set size of the program in kilobytes, as GNU time measures it (its `%M`).
    var peakRSSKilobytes: Int

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var peakRSSMegabytes: Double { Double(peakRSSKilobytes) / 1024 }

    /// A one-line account for failure messages.
    var summary: String {
        "status \(status)\(signal.map { ", signal \($0)" } ?? "")\(timedOut ? ", TIMED OUT" : ""), \(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", peakRSSMegabytes)) MB; stderr: \(stderrText.prefix(600))"
    }
}

/// Runs programs the way `Executable.run` does, but with a time limit and a measurement: stdin comes
/// from a file, stdout and stderr go to files, the child is spawned with `posix_spawn` in its own
/// process group (killed whole if it outlives `timeout`) and its peak RSS is measured.
///
/// The peak RSS comes from `/usr/bin/time -f %M` (Debian's `time`) when it is there: `wait4`'s
/// `ru_maxrss` for a child spawned straight from this process also counts this process's own RSS at
/// the moment of `exec`, so it is only an upper bound, used when GNU time is missing.
enum Measured {
    /// The environment `Executable.run` gives the program: no colour, the repository's rubrics, no
    /// database from the caller's environment.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["MOCK_INTERVIEW_RUBRICS"] = Executable.rubrics
        environment.removeValue(forKey: "MOCK_INTERVIEW_DB")
        for (key, value) in overrides { environment[key] = value }
        return environment
    }

    /// Runs `mock-interview` with `arguments`.
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:], timeout: Double = 10) throws -> MeasuredRun {
        try run(executable: Executable.path, arguments, input: input, environment: environment, timeout: timeout)
    }

    /// Runs `mock-interview` through `/bin/sh -c` after `umask 000`, the most permissive umask a user can have.
    static func runWithOpenUmask(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:], timeout: Double = 10) throws -> MeasuredRun {
        try run(executable: "/bin/sh", ["-c", "umask 000; exec \"$0\" \"$@\"", Executable.path] + arguments, input: input, environment: environment, timeout: timeout)
    }

    static func run(executable: String, _ arguments: [String], input: Data = Data(), environment overrides: [String: String] = [:], timeout: Double = 10) throws -> MeasuredRun {
        let scratch = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inPath = scratch.appendingPathComponent("stdin").path
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        try input.write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let timeTool = "/usr/bin/time", rssPath = scratch.appendingPathComponent("rss").path
        let measured = FileManager.default.isExecutableFile(atPath: timeTool)
        let started = Date()
        let pid = measured
            ? try spawn(timeTool, ["-f", "%M", "-o", rssPath, executable] + arguments, environment: environment(overrides), actions: &actions)
            : try spawn(executable, arguments, environment: environment(overrides), actions: &actions)
        let (status, usage, timedOut) = reap(pid, timeout: timeout)
        let seconds = Date().timeIntervalSince(started)
        var signal: Int32? = status & 0x7F != 0 ? status & 0x7F : nil
        var peak = Int(usage.ru_maxrss)
        if measured, let report = try? String(contentsOfFile: rssPath, encoding: .utf8) {
            let lines = report.split(separator: "\n")
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }) { signal = Int32(line.split(separator: " ").last ?? "") }
            if let kilobytes = lines.last.flatMap({ Int($0) }) { peak = kilobytes }
        }
        return MeasuredRun(
            status: signal.map { 128 + $0 } ?? (status >> 8) & 0xFF,
            signal: signal,
            timedOut: timedOut,
            stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
            stderr: FileManager.default.contents(atPath: errPath) ?? Data(),
            seconds: seconds,
            peakRSSKilobytes: peak
        )
    }

    /// Spawns `executable` with the file actions given; returns its pid.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Default signal handling and an empty mask in the child, whatever the test runner ignores or
        // blocks (SIGPIPE, SIGXFSZ): the program must cope with them itself.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw SpawnError(message: "posix_spawn \(executable): \(String(cString: strerror(code)))") }
        return pid
    }

    /// Waits for `pid`, killing it with SIGKILL after `timeout` seconds; returns the raw wait status,
    /// its rusage and whether it had to be killed.
    static func reap(_ pid: pid_t, timeout: Double) -> (status: Int32, usage: rusage, timedOut: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let result = wait4(pid, &status, WNOHANG, &usage)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if !timedOut && Date() > deadline {
                timedOut = true
                kill(-pid, SIGKILL) // the whole group: a wrapper's child too
            }
            usleep(2_000)
        }
        return (status, usage, timedOut)
    }

    struct SpawnError: Error, CustomStringConvertible { var message: String; var description: String { message } }
}

/// SplitMix64: a small seeded generator, so that a failing randomised trial can be run again exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Files compared byte for byte before and after a command that must not touch them.
struct FileSnapshot: Equatable {
    var entries: [String: Data]

    /// Every regular file directly in `directory`, with its contents.
    init(directory: URL) {
        var entries: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let path = directory.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                entries[name] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        self.entries = entries
    }
}

/// The permission bits of a file or folder.
func permissions(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
}
