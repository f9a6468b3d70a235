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

    func kill() {
        _ = try? Self.tmux(["kill-session", "-t", name])
    }

    var isRunning: Bool { (try? Self.tmux(["has-session", "-t", name])) != nil }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TmuxError.failed(arguments) }
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
