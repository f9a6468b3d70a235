import Foundation
import InterviewKit
import Testing
@testable import InterviewReports

@Suite("Markdown report")
struct MarkdownReportTests {
    let markdown = MarkdownReport.render(SampleSession.session, history: SampleSession.history, questions: SampleSession.bank)

    /// The whole report, byte for byte. After an intended change, regenerate the golden file with
    /// `UPDATE_GOLDEN=1 swift test --filter InterviewReportsTests` and review its diff.
    @Test("the report of the sample session matches Fixtures/report.golden.md byte for byte")
    func golden() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/report.golden.md")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try markdown.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(markdown == golden, "the report differs from \(url.path); if the change is intended, run with UPDATE_GOLDEN=1")
    }

    @Test("rendering the same session twice gives identical bytes, whatever order the history comes in")
    func deterministic() {
        let again = MarkdownReport.render(SampleSession.session, history: SampleSession.history.reversed(), questions: SampleSession.bank.reversed())
        #expect(Array(markdown.utf8) == Array(again.utf8))
    }

    @Test("the header gives the date in UTC, the duration, the candidate, questions, status, overall score and level")
    func header() throws {
        let overall = try #require(SampleSession.session.overallScore)
        #expect(markdown.hasPrefix("# Interview feedback: session 12\n"))
        #expect(markdown.contains("- **Date:** 2025-03-14 09:30 UTC\n"))
        #expect(markdown.contains("- **Duration:** 18 min 04 s\n"))
        #expect(markdown.contains("- **Candidate:** Ada &lt;Lovelace&gt;\n"))
        #expect(markdown.contains("- **Questions:** 3 (q1, q2, q3)\n"))
        #expect(markdown.contains("- **Status:** completed\n"))
        #expect(markdown.contains("- **Overall score:** \(ReportFormat.score(overall)) / 100 (\(QuestionResult.level(for: overall)))"))
    }

    @Test("each answer names the engine and rubric that scored it, and a rescored answer says so")
    func provenance() {
        #expect(markdown.contains("by \(Evaluator.engineVersion + Evaluator.withoutSynonyms) against rubric c0ffee00c0ffee00"))
        #expect(markdown.contains("by \(Evaluator.engineVersion + Evaluator.withoutSynonyms) against rubric 5eed5eed5eed5eed"))
        #expect(markdown.contains("Rescored: 2 evaluations; earlier: 21.5 by mock-interview-engine/0.9 against rubric 0ld0ld0ld0ld0ld0"))
        #expect(markdown.contains("- Rescored: question 1 follow-up 1."))
    }

    @Test("a question missing from the bank is shown by its id with the prompt stored in the transcript")
    func missingQuestion() {
        #expect(markdown.contains("## Question 3: q3\n\n*q3 · not in the question bank: shown from the stored transcript*"))
        #expect(markdown.contains("Explain the bias–variance trade-off. (Stored prompt; q3 is no longer in the bank.)"))
        #expect(markdown.contains("Skipped: question 3 (q3)."))
    }

    @Test("a concept supplied only after a follow-up is listed as recovered with half credit, not as missed")
    func recoveredConcept() throws {
        let q1 = try #require(section(of: "Question 1"))
        #expect(q1.contains("- **Monitor inputs, predictions and metrics**, +"))
        #expect(q1.contains("after follow-up 1)"))
        let missed = try #require(q1.components(separatedBy: "### Concepts missed").last?.components(separatedBy: "###").first)
        #expect(!missed.contains("Monitor inputs"))
    }

    @Test("a mention the candidate rejects is reported as rejected, with its quote and tip")
    func negatedMention() throws {
        let q1 = try #require(section(of: "Question 1"))
        #expect(q1.contains("### Rejected\n\n- **Check a new model on live traffic first**: you rejected it (“"))
        #expect(q1.contains("so it earned no credit. Run a retrained model in shadow mode"))
    }

    @Test("the structure reads as a line of stages with their marks")
    func structureLine() throws {
        let q1 = try #require(section(of: "Question 1"))
        #expect(q1.contains("root cause ✓ → fix ✓ → monitor ✗ → iterate ↺ (out of order)"))
    }

    @Test("follow-ups are listed with why they were asked")
    func followUps() throws {
        let q1 = try #require(section(of: "Question 1"))
        #expect(q1.contains("**Why it was asked:** You haven't said how you would notice this happening again."))
        #expect(q1.contains("### Follow-ups asked\n\n1. **probe-monitoring**: You haven't said how you would notice this happening again."))
    }

    @Test("what to practise next ranks missed concepts by points lost, most first")
    func practiseOrder() throws {
        let summary = SessionSummary(SampleSession.session, history: [], questions: SampleSession.bank)
        let lost = summary.practiseNext.map(\.pointsLost)
        #expect(!lost.isEmpty)
        #expect(lost == lost.sorted(by: >))
        let first = try #require(summary.practiseNext.first)
        #expect(markdown.contains("1. **\(MarkdownText.inline(first.label))** (question \(first.questionNumber), \(first.questionID)): \(ReportFormat.score(first.pointsLost)) points lost"))
    }

    @Test("progress compares with earlier sessions only, in a table, a Mermaid line chart and a text chart")
    func progress() throws {
        let progress = try #require(markdown.components(separatedBy: "## Progress on these questions").last?.components(separatedBy: "\n## ").first)
        #expect(progress.contains("| Date | Session | q1 | q2 | q3 |"))
        #expect(progress.contains("| 2025-03-01 12:00 UTC | 3 |"))
        #expect(progress.contains("| 2025-03-08 12:00 UTC | 7 |"))
        #expect(progress.contains("| 2025-03-14 09:30 UTC | 12 (this session) |"))
        #expect(!progress.contains("| 15 |"), "session 15 started later and must not appear")
        let mermaid = try #require(progress.components(separatedBy: "```mermaid\n").last?.components(separatedBy: "```").first)
        #expect(mermaid.hasPrefix("xychart-beta\n"))
        #expect(mermaid.contains("    x-axis \"Attempt\" [1, 2, 3]\n"))
        #expect(progress.contains("```\n\n```text\nScore per attempt"), "the text fallback follows the Mermaid block")
    }

    @Test("the hostile answer reaches the Markdown only as escaped blockquote lines")
    func answerEscaped() throws {
        let q2 = try #require(section(of: "Question 2"))
        #expect(q2.contains("> &lt;script&gt;alert(1)&lt;/script&gt; The problem"))
        #expect(q2.contains("> &#124;---&#124;---&#124;"))
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("\u{1B}"))
        #expect(!markdown.contains("\u{07}"))
    }

    // MARK: The real CommonMark parser

    @Test("cmark-gfm renders the report: breakdown tables as tables, the hostile answer as visible text",
          .enabled(if: ExternalTool.cmarkGFM.isInstalled, "needs /usr/bin/cmark-gfm"))
    func cmarkRendering() throws {
        let html = try ExternalTool.cmarkHTML(markdown)
        #expect(html.hasPrefix("<h1>Interview feedback: session 12</h1>"))
        // Two tables per answered question (breakdown, delivery) and the progress table.
        #expect(VisibleText.count("<table>", in: html) == 5)
        #expect(html.contains("<th>Component</th>"))
        let tags = VisibleText.tags(in: html)
        #expect(!tags.contains { $0.lowercased().hasPrefix("<script") || $0.lowercased().hasPrefix("<img") })
        #expect(!tags.contains { $0.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) != nil })
        #expect(!tags.contains { $0.lowercased().contains("javascript:") })
        #expect(!html.contains("<h1>Not a heading"))
        let visible = VisibleText.of(html)
        for line in SampleSession.hostileLinesAsText {
            #expect(visible.contains(line), "not visible as typed: \(line)")
        }
        let title = SampleSession.imbalance.title
        #expect(visible.contains("Question 2: \(title)"))
    }

    func section(of heading: String) -> String? {
        markdown.components(separatedBy: "\n## ").first { $0.hasPrefix(heading + ":") }
    }
}
