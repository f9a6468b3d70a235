import Foundation

/// Runs an installed program the way a user would, for tests that check our output with the real
/// tools (cmark-gfm, asciinema).
struct ExternalTool {
    var path: String

    static let cmarkGFM = ExternalTool(path: "/usr/bin/cmark-gfm")
    static let asciinema = ExternalTool(path: "/usr/bin/asciinema")
    /// util-linux `script`, which gives a command the terminal `asciinema cat` insists on.
    static let script = ExternalTool(path: "/usr/bin/script")

    var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `cmark-gfm -e table --to html` over `markdown`.
    static func cmarkHTML(_ markdown: String) throws -> String {
        let file = try TemporaryFile(contents: markdown, suffix: ".md")
        defer { file.remove() }
        let output = try cmarkGFM.run(["-e", "table", "--to", "html", file.path])
        guard output.status == 0 else { throw ToolFailure(output: output) }
        return output.stdout
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var output: Output
        var description: String { "exit \(output.status): \(output.stderr)" }
    }
}
