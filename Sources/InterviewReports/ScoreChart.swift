import Foundation

/// Score-per-attempt charts: a Mermaid `xychart-beta` line chart and a plain-text twin of bars, for
/// readers whose Markdown viewer does not draw Mermaid.
enum ScoreChart {
    struct Series: Sendable {
        var label: String
        var points: [Point]
    }

    struct Point: Sendable {
        var date: Date
        var sessionID: Int64
        var score: Double
    }

    /// A fenced Mermaid block: one line per series, attempts along the x-axis. Mermaid's xychart
    /// draws no legend, so the title names the lines in order.
    static func mermaid(_ series: [Series]) -> String {
        let attempts = series.map(\.points.count).max() ?? 0
        var lines = [
            "```mermaid",
            "xychart-beta",
            "    title \"Score per attempt (lines: \(series.map { label($0.label) }.joined(separator: ", ")))\"",
            "    x-axis \"Attempt\" [\((0..<attempts).map { String($0 + 1) }.joined(separator: ", "))]",
            "    y-axis \"Score\" 0 --> 100",
        ]
        for item in series {
            lines.append("    line [\(item.points.map { ReportFormat.score(clamped($0.score)) }.joined(separator: ", "))]")
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }

    /// A fenced `text` block with one bar per attempt.
    static func text(_ series: [Series]) -> String {
        let labelWidth = series.map { label($0.label).count }.max() ?? 0
        let attemptWidth = series.map { String($0.points.count).count + 1 }.max() ?? 2
        let sessionWidth = series.flatMap { $0.points.map { String($0.sessionID).count + 1 } }.max() ?? 2
        var lines = ["```text", "Score per attempt, 0-100 (each █ is 5 points)"]
        for item in series {
            for (index, point) in item.points.enumerated() {
                let columns = [
                    padded(label(item.label), labelWidth),
                    padded("#\(index + 1)", attemptWidth),
                    ReportFormat.day(point.date),
                    padded("s\(point.sessionID)", sessionWidth),
                    padded(ReportFormat.score(point.score), 5, right: true),
                    bar(point.score),
                ]
                lines.append(columns.joined(separator: "  ").trimmingSpaces())
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }

    /// A bar of `width` cells for 0–100, in eighths of a cell.
    static func bar(_ score: Double, width: Int = 20) -> String {
        let eighths = Int((clamped(score) / 100 * Double(width) * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }

    /// One block character per score, low to high.
    static func sparkline(_ scores: [Double]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(scores.map { blocks[Int((clamped($0) / 100 * 7).rounded())] })
    }

    /// A label safe inside a code block and a Mermaid string: letters, digits, `-`, `_` and `.`
    /// only, at most 32 characters.
    static func label(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(32) {
            let keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.".unicodeScalars.contains(scalar)
            output.append(keep && scalar.properties.generalCategory != .nonspacingMark ? scalar : "_")
        }
        return output.isEmpty ? "_" : String(output)
    }

    static func clamped(_ score: Double) -> Double {
        score.isFinite ? min(100, max(0, score)) : 0
    }

    static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
