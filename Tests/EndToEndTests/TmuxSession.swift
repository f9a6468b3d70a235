import CSpawn
import Foundation

/// Drives a program in a real terminal: a detached tmux session, keys sent with send-keys, the screen
/// read with capture-pane.
struct TmuxSession {
    let name: String

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    init(command: String, width: Int = 120, height: Int = 45) throws {
        name = "mi-test-\(UUID().uuidString.prefix(8))"
        try Self.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Sends keys by name ("Enter", "C-c", "Tab"), with a short pause after, as a person would.
    func send(_ keys: String...) throws {
        try Self.tmux(["send-keys", "-t", name] + keys)
        Thread.sleep(forTimeInterval: 0.15)
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
        Thread.sleep(forTimeInterval: 0.15)
    }

    func screen() throws -> String {
        try Self.tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", name])
    }

    /// Waits until the screen contains `text`; returns the screen, or throws after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timeout(waitingFor: text, screen: last)
    }

    /// Waits until the screen holds `text` at least `count` times (a second prompt, say).
    @discardableResult
    func waitFor(_ text: String, count: Int, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? last
            if last.components(separatedBy: text).count - 1 >= count { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError.timeout(waitingFor: "\(count) × \(text)", screen: last)
    }

    func kill() {
        _ = try? Self.tmux(["kill-session", "-t", name])
    }

    var isRunning: Bool { (try? Self.tmux(["has-session", "-t", name])) != nil }

    /// This run's own tmux server, so the tests never touch a server the user has running; it exits
    /// with its last session.
    static let socket = "mock-interview-tests-\(getpid())"

    /// Runs tmux and returns what it printed. Not through Foundation's `Process`: the first command
    /// starts the tmux server in the background, and `Process` would then wait for the server to exit
    /// instead of the command (see `CSpawn.h`).
    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let arguments = ["/usr/bin/tmux", "-L", socket] + arguments
        var output: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw TmuxError.failed(arguments) }
        let discard = open("/dev/null", O_WRONLY)
        let cArguments = arguments.map { strdup($0) }
        let cEnvironment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let started = cspawn_start(&pid, arguments[0], cArguments + [nil], cEnvironment + [nil], -1, output[1], discard)
        close(output[1])
        close(discard)
        let reader = FileHandle(fileDescriptor: output[0], closeOnDealloc: true)
        guard started == 0 else { throw TmuxError.failed(arguments) }
        let data = reader.readDataToEndOfFile()
        guard cspawn_wait(pid) == 0 else { throw TmuxError.failed(arguments) }
        return String(decoding: data, as: UTF8.self)
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case timeout(waitingFor: String, screen: String)
    case failed([String])

    var description: String {
        switch self {
        case let .timeout(text, screen): "timed out waiting for \"\(text)\"; the screen was:\n\(screen)"
        case let .failed(arguments): "tmux \(arguments.joined(separator: " ")) failed"
        }
    }
}
