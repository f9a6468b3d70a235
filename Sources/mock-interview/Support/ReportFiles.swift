import Foundation
import InterviewKit
import InterviewReports
import InterviewStore

/// Writes report files, private to the user (files 0600 in folders 0700).
enum ReportFiles {
    /// The default path of a session's Markdown report.
    static func defaultPath(sessionID: Int64, database: String) -> String {
        Locations.reportsDirectory(database: database) + "/session-\(sessionID).md"
    }

    /// Writes the Markdown report at the end of an interview; returns its path, or `nil` (with a
    /// warning) if it could not be written — the session itself is safe in the database.
    static func writeMarkdown(for transcript: SessionTranscript, store: SessionStore, questions: [Question], database: String) -> String? {
        let path = defaultPath(sessionID: transcript.session.id, database: database)
        do {
            let text = try ReportBuilder(store: store, questions: questions).markdown(for: transcript)
            try write(text, to: path)
            return path
        } catch {
            Output.warning("the report could not be written to \(path): \(error). The session is saved; run `mock-interview report \(transcript.session.id)` later.")
            return nil
        }
    }

    static func write(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let data = Data(text.utf8)
        if FileManager.default.fileExists(atPath: path) {
            try data.write(to: URL(fileURLWithPath: path))
        } else if !FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) {
            throw Failure("cannot create \(path); check that the folder is writable")
        }
    }
}
