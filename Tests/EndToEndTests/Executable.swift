import Foundation

/// Runs the built `mock-interview` the way a user does: arguments, piped stdin, environment, and a
/// temporary folder for its database, then hands back what it printed and how it exited.
struct Executable {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, found from this file's path.
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$MOCK_INTERVIEW_BIN`, else the debug build in `.build/`.
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["MOCK_INTERVIEW_BIN"], !path.isEmpty { return path }
        let candidates = [".build/debug/mock-interview", ".build/x86_64-unknown-linux-gnu/debug/mock-interview", ".build/aarch64-unknown-linux-gnu/debug/mock-interview"]
        return candidates.map { repository.appendingPathComponent($0).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? repository.appendingPathComponent(candidates[0]).path
    }()

    static var rubrics: String { repository.appendingPathComponent("Rubrics").path }

    /// The cache folder of this test run's commands (WordNet's tables), so tests leave the user's
    /// `~/.cache` alone and the first reference grading makes it for the rest.
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("mock-interview-e2e-cache-\(getpid())").path

    /// Runs the executable (or another program, `executable`, in the same environment) to completion.
    /// `input` chunks are written to stdin with `delay` seconds between them (so timings show up in
    /// what gets recorded).
    @discardableResult
    static func run(_ arguments: [String], input: [String] = [], delay: Double = 0, environment: [String: String] = [:], directory: URL? = nil, executable: String = path) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["MOCK_INTERVIEW_RUBRICS"] = rubrics
        env.removeValue(forKey: "MOCK_INTERVIEW_DB")
        env["MOCK_INTERVIEW_CACHE"] = cache
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let collected = Collector()
        stdout.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData, error: false) }
        stderr.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData, error: true) }
        try process.run()
        for (index, chunk) in input.enumerated() {
            if index > 0 && delay > 0 { Thread.sleep(forTimeInterval: delay) }
            stdin.fileHandleForWriting.write(Data(chunk.utf8))
        }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        stdout.fileHandleForReading.readabilityHandler = nil
        stderr.fileHandleForReading.readabilityHandler = nil
        collected.append(stdout.fileHandleForReading.readDataToEndOfFile(), error: false)
        collected.append(stderr.fileHandleForReading.readDataToEndOfFile(), error: true)
        let (out, err) = collected.contents
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mock-interview-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Thread-safe accumulation of a child's output.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func append(_ data: Data, error: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if error { err.append(data) } else { out.append(data) }
    }

    var contents: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
