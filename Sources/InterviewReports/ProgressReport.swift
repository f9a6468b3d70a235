import Foundation
import InterviewKit

/// What `mock-interview progress` shows: per question, the attempts, latest, best and mean score and
/// the trend; a score-per-attempt chart; and the concepts missed most often. As Markdown (table,
/// Mermaid chart and text fallback) or as compact plain text for the terminal (no colour codes: the
/// caller adds its own).
///
/// The trend is the least-squares slope of a question's scores over its attempts, in points per
/// attempt, so one bad day does not flip it. Pure, like every report.
public enum ProgressReport {
    /// How many of the most often missed concepts are listed.
    static let missLimit = 10

    public static func markdown(_ data: ProgressData, questions: [Question] = []) -> String {
        let stats = questionStats(data, questions: questions)
        var blocks = ["# Progress"]
        guard !stats.isEmpty else {
            blocks.append(emptyMessage)
            return blocks.joined(separator: "\n\n") + "\n"
        }
        blocks.append(overview(data, stats))
        blocks.append("## Scores per question")
        var rows = [
            "| Question | Title | Attempts | Latest | Best | Mean | Trend |",
            "|---|---|---:|---:|---:|---:|---|",
        ]
        for item in stats {
            rows.append("| \(MarkdownText.inline(item.id)) | \(MarkdownText.inline(item.title)) | \(item.points.count) | \(ReportFormat.score(item.latest)) | \(ReportFormat.score(item.best)) | \(ReportFormat.score(item.mean)) | \(trendText(item.trend, unit: " per attempt")) |")
        }
        blocks.append(rows.joined(separator: "\n"))
        blocks.append("Trend: the least-squares slope of the scores, in points per attempt; → means it moves by less than a point.")
        blocks.append("## Score per attempt")
        let series = stats.map { item in
            ScoreChart.Series(label: item.id, points: item.points.map { ScoreChart.Point(date: $0.startedAt, sessionID: $0.sessionID, score: $0.score) })
        }
        if series.contains(where: { $0.points.count > 1 }) {
            blocks.append("The text chart after the Mermaid block shows the same data.")
            blocks.append(ScoreChart.mermaid(series))
        }
        blocks.append(ScoreChart.text(series))
        blocks.append("## Concepts most often missed")
        let misses = topMisses(data)
        if misses.isEmpty {
            blocks.append("None: every answer covered its rubric's concepts.")
        } else {
            var missRows = [
                "| # | Question | Concept | Missed | Share |",
                "|---:|---|---|---:|---:|",
            ]
            for (index, miss) in misses.enumerated() {
                missRows.append("| \(index + 1) | \(MarkdownText.inline(miss.questionID)) | \(MarkdownText.inline(miss.label)) | \(miss.count) of \(miss.answers) | \(ReportFormat.percent(share(miss))) |")
            }
            blocks.append(missRows.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Plain text for the terminal: one line per question with a sparkline, then the most often
    /// missed concepts. Stored text is sanitised (`TerminalText`).
    public static func terminal(_ data: ProgressData, questions: [Question] = []) -> String {
        let stats = questionStats(data, questions: questions)
        guard !stats.isEmpty else { return emptyMessage.replacingOccurrences(of: "`", with: "") + "\n" }
        var lines = [overview(data, stats), ""]
        let idWidth = stats.map { TerminalText.line($0.id).count }.max() ?? 2
        let titleWidth = min(36, stats.map { TerminalText.line($0.title).count }.max() ?? 0)
        for item in stats {
            let attempts = "\(item.points.count) attempt\(item.points.count == 1 ? "" : "s")"
            let columns = [
                ScoreChart.padded(TerminalText.line(item.id), idWidth),
                ScoreChart.padded(truncated(TerminalText.line(item.title), titleWidth), titleWidth),
                ScoreChart.padded(attempts, 11),
                "latest " + ScoreChart.padded(ReportFormat.score(item.latest), 5, right: true),
                "best " + ScoreChart.padded(ReportFormat.score(item.best), 5, right: true),
                "mean " + ScoreChart.padded(ReportFormat.score(item.mean), 5, right: true),
                ScoreChart.padded(trendText(item.trend, unit: "/attempt"), 16),
                ScoreChart.sparkline(item.points.map(\.score)),
            ]
            lines.append("  " + columns.joined(separator: "  ").trimmingSpaces())
        }
        let misses = topMisses(data)
        if !misses.isEmpty {
            lines.append("")
            lines.append("Concepts most often missed")
            let missIDWidth = misses.map { TerminalText.line($0.questionID).count }.max() ?? 2
            for (index, miss) in misses.enumerated() {
                let columns = [
                    ScoreChart.padded("\(index + 1).", 3, right: true),
                    ScoreChart.padded(TerminalText.line(miss.questionID), missIDWidth),
                    ScoreChart.padded(truncated(TerminalText.line(miss.label), 52), 52),
                    "\(miss.count) of \(miss.answers) answers (\(ReportFormat.percent(share(miss))))",
                ]
                lines.append("  " + columns.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let emptyMessage = "No scored answers yet: finish an interview (`mock-interview`) and come back."

    /// One question's record.
    struct QuestionStats {
        var id: String
        var title: String
        /// Oldest first.
        var points: [ProgressData.Point]
        var latest: Double
        var best: Double
        var mean: Double
        /// Points per attempt; `nil` with a single attempt.
        var trend: Double?
    }

    static func questionStats(_ data: ProgressData, questions: [Question]) -> [QuestionStats] {
        var titles: [String: String] = [:]
        for question in questions where titles[question.id] == nil { titles[question.id] = question.title }
        let ordered = data.points.sorted { a, b in
            (a.startedAt, a.sessionID) < (b.startedAt, b.sessionID)
        }
        var ids: [String] = []
        for point in ordered where !ids.contains(point.questionID) { ids.append(point.questionID) }
        return ids.sorted(by: NaturalOrder.areInIncreasingOrder).compactMap { id in
            let points = ordered.filter { $0.questionID == id }
            guard let last = points.last else { return nil }
            let scores = points.map(\.score)
            return QuestionStats(
                id: id, title: titles[id] ?? id, points: points, latest: last.score,
                best: scores.max() ?? last.score, mean: SessionSummary.tenthRounded(scores.reduce(0, +) / Double(scores.count)),
                trend: slope(scores).map(SessionSummary.tenthRounded)
            )
        }
    }

    /// Least-squares slope of `values` over their positions.
    static func slope(_ values: [Double]) -> Double? {
        guard values.count > 1 else { return nil }
        let n = Double(values.count)
        let meanX = (n - 1) / 2
        let meanY = values.reduce(0, +) / n
        var numerator = 0.0
        var denominator = 0.0
        for (index, value) in values.enumerated() {
            let dx = Double(index) - meanX
            numerator += dx * (value - meanY)
            denominator += dx * dx
        }
        return numerator / denominator
    }

    static func trendText(_ trend: Double?, unit: String) -> String {
        guard let trend else { return "—" }
        let arrow = trend >= 1 ? "↑" : trend <= -1 ? "↓" : "→"
        return "\(arrow) \(ReportFormat.signed(trend))\(unit)"
    }

    static func topMisses(_ data: ProgressData) -> [ProgressData.Miss] {
        Array(data.misses.filter { $0.count > 0 }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if share(a) != share(b) { return share(a) > share(b) }
            if a.questionID != b.questionID { return NaturalOrder.areInIncreasingOrder(a.questionID, b.questionID) }
            return a.conceptID < b.conceptID
        }.prefix(missLimit))
    }

    static func share(_ miss: ProgressData.Miss) -> Double {
        miss.answers > 0 ? Double(miss.count) / Double(miss.answers) : 0
    }

    static func overview(_ data: ProgressData, _ stats: [QuestionStats]) -> String {
        let answers = stats.reduce(0) { $0 + $1.points.count }
        return "Progress over \(data.sessions) session\(data.sessions == 1 ? "" : "s"): \(answers) scored answer\(answers == 1 ? "" : "s") to \(stats.count) question\(stats.count == 1 ? "" : "s")."
    }

    static func truncated(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}
