import ArgumentParser
import Foundation
import InterviewKit
import InterviewReports
import InterviewStore

/// Gathers what a report needs from the store (the session and earlier attempts at its questions)
/// and renders it.
struct ReportBuilder {
    /// How many earlier sessions the progress section compares against.
    static let historyLimit = 10

    let store: SessionStore
    let questions: [Question]

    func history(for transcript: SessionTranscript) throws -> [ProgressData.Point] {
        try store.earlierResults(before: transcript.session.id, sharingQuestions: transcript.session.questionIDs, limit: Self.historyLimit)
    }

    func markdown(for transcript: SessionTranscript) throws -> String {
        MarkdownReport.render(transcript, history: try history(for: transcript), questions: questions)
    }

    func render(_ transcript: SessionTranscript, format: ReportFileFormat) throws -> String {
        try render(transcript, history: try history(for: transcript), format: format)
    }

    /// The report of `transcript` with `history` (``history(for:)``) already read.
    func render(_ transcript: SessionTranscript, history: [ProgressData.Point], format: ReportFileFormat) throws -> String {
        switch format {
        case .markdown: return MarkdownReport.render(transcript, history: history, questions: questions)
        case .json: return try JSONReport.render(transcript, history: history, questions: questions)
        case .html: return HTMLReport.render(transcript, history: history, questions: questions)
        }
    }
}

/// The formats `report` writes.
enum ReportFileFormat: String, CaseIterable, ExpressibleByArgument {
    case markdown, json, html

    var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        }
    }
}
