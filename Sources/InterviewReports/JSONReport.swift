import Foundation
import InterviewKit

/// The feedback report of one session as JSON, for other tools: the same data as `MarkdownReport`
/// (per-question results with every stored evaluation, the overall score and level, the
/// practise-next list and the progress points), with sorted keys and UTC ISO-8601 dates with
/// milliseconds, so the same session always gives the same bytes.
///
/// The top-level `schema` field names the layout (`mock-interview-report/1`); optional values that
/// are absent are left out rather than written as `null`.
public enum JSONReport {
    /// Parameters as for `MarkdownReport.render(_:history:questions:)`.
    public static func render(_ transcript: SessionTranscript, history: [ProgressData.Point] = [], questions: [Question] = []) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ReportFormat.iso8601(date))
        }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = try encoder.encode(SessionSummary(transcript, history: history, questions: questions))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
