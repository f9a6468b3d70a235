import Foundation

/// A file in the temporary directory, removed by `remove()`.
struct TemporaryFile {
    var path: String

    init(contents: String, suffix: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("interview-reports-\(UUID().uuidString)\(suffix)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
