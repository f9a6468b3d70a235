import Foundation
import InterviewKit
import Testing
@testable import InterviewReports

@Suite("Progress report")
struct ProgressReportTests {
    static func day(_ n: Double) -> Date { Date(timeIntervalSince1970: 1_740_787_200 + n * 86_400) } // from 2025-03-01

    /// Points given out of order; q10 sorts after q2.
    static let data = ProgressData(
        sessions: 4,
        points: [
            .init(sessionID: 12, startedAt: day(13), questionID: "q1", score: 70),
            .init(sessionID: 7, startedAt: day(7), questionID: "q10", score: 30),
            .init(sessionID: 3, startedAt: day(0), questionID: "q1", score: 40),
            .init(sessionID: 12, startedAt: day(13), questionID: "q2", score: 60),
            .init(sessionID: 7, startedAt: day(7), questionID: "q1", score: 50),
            .init(sessionID: 3, startedAt: day(0), questionID: "q2", score: 80),
        ],
        misses: (1...12).map { n in
            .init(questionID: n % 2 == 0 ? "q1" : "q2", conceptID: "c\(n)", label: "Concept \(n)", count: n % 5, answers: 4)
        } + [.init(questionID: "q1", conceptID: "evil", label: "Evil \u{1B}[2J| *label*", count: 4, answers: 4)]
    )

    let markdown = ProgressReport.markdown(data, questions: SampleSession.bank)
    let terminal = ProgressReport.terminal(data, questions: SampleSession.bank)

    @Test("per question: attempts, latest, best, mean and trend, in natural question order")
    func table() {
        #expect(markdown.contains("""
        | q1 | Churn model degraded in production | 3 | 70.0 | 70.0 | 53.3 | ↑ +15.0 per attempt |
        | q2 | Imbalanced classes: &#42;SMOTE&#42;, &lt;weights&gt; &amp; &#96;thresholds&#96; &#124; trade-offs | 2 | 60.0 | 80.0 | 70.0 | ↓ −20.0 per attempt |
        | q10 | q10 | 1 | 30.0 | 30.0 | 30.0 | — |
        """))
    }

    @Test("the trend is the least-squares slope, steady when it moves by less than a point", arguments: [
        ([40.0, 50, 70], 15.0), ([80.0, 60], -20.0), ([50.0, 50.5, 50], 0.0), ([10.0, 90, 10, 90], 16.0),
    ])
    func trend(_ scores: [Double], _ slope: Double) throws {
        let value = try #require(ProgressReport.slope(scores))
        #expect(abs(value - slope) < 1e-9)
        #expect(ProgressReport.slope([42]) == nil)
    }

    @Test("a Mermaid chart and its text fallback follow the table")
    func chart() {
        #expect(markdown.contains("```mermaid\nxychart-beta\n"))
        #expect(markdown.contains("    line [40.0, 50.0, 70.0]\n    line [80.0, 60.0]\n    line [30.0]\n"))
        #expect(markdown.contains("```\n\n```text\nScore per attempt"))
    }

    @Test("the ten concepts missed most often are listed with their share")
    func misses() throws {
        let section = try #require(markdown.components(separatedBy: "## Concepts most often missed").last)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") }
        #expect(rows.count == 10)
        #expect(rows.first == "| 1 | q1 | Concept 4 | 4 of 4 | 100% |")
        #expect(rows[1] == "| 2 | q1 | Evil &#124; &#42;label&#42; | 4 of 4 | 100% |")
        #expect(rows[2] == "| 3 | q2 | Concept 9 | 4 of 4 | 100% |")
        #expect(!section.contains("Concept 10 "), "count 0 is not a miss")
    }

    @Test("the terminal form is plain text: no escape codes, even from stored labels")
    func terminalForm() {
        #expect(!terminal.contains("\u{1B}"))
        #expect(terminal.hasPrefix("Progress over 4 sessions: 6 scored answers to 3 questions.\n\n"))
        #expect(terminal.contains("  q1   Churn model degraded in production"))
        #expect(terminal.contains("↑ +15.0/attempt"))
        #expect(terminal.contains("▄▅▇") || terminal.contains(ScoreChart.sparkline([40, 50, 70])))
        #expect(terminal.contains(" 2.  q1  Evil | *label*"))
    }

    @Test("with no scores yet, both forms say so")
    func empty() {
        let none = ProgressData(sessions: 0, points: [], misses: [])
        #expect(ProgressReport.markdown(none).contains("No scored answers yet"))
        #expect(ProgressReport.terminal(none).hasPrefix("No scored answers yet"))
    }
}
