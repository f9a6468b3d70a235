import Foundation
import InterviewKit

/// The feedback report of one session as Markdown: the score and level, each question's
/// conversation with its score breakdown, evidence, tips, structure and delivery, what to practise
/// next, and progress against earlier attempts at the same questions.
///
/// Rendering is pure: the same stored values always give the same bytes (dates in UTC, no clock,
/// everything in a fixed order). Every stored text (answers above all) is escaped so it renders as
/// itself and cannot change the document; see `MarkdownText`. The output is GitHub-flavoured
/// Markdown (tables) that cmark-gfm and Ink both read.
///
/// ```swift
/// let history = try store.earlierResults(before: id, sharingQuestions: transcript.session.questionIDs, limit: 10)
/// let markdown = MarkdownReport.render(transcript, history: history, questions: bank.questions)
/// ```
public enum MarkdownReport {
    /// - Parameters:
    ///   - transcript: the session, as stored.
    ///   - history: question scores of other stored sessions; those of sessions that started before
    ///     this one give the progress section (later ones are ignored, so a past report stays the same).
    ///   - questions: the question bank, for titles and topics. A question missing from it is shown
    ///     by its id with the prompts stored in the transcript.
    public static func render(_ transcript: SessionTranscript, history: [ProgressData.Point] = [], questions: [Question] = []) -> String {
        render(SessionSummary(transcript, history: history, questions: questions))
    }

    /// How many practise items the report lists before pointing to the per-question sections.
    static let practiseLimit = 10

    static func render(_ summary: SessionSummary) -> String {
        var blocks: [String] = []
        blocks += header(summary)
        for entry in summary.questions {
            blocks += question(entry, in: summary)
        }
        blocks += practise(summary)
        blocks += progress(summary)
        blocks += provenance(summary)
        blocks.append("*Rendered by mock-interview from the stored transcript of session \(summary.session.id).*")
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func title(_ summary: SessionSummary) -> String {
        "Interview feedback: session \(summary.session.id)"
    }

    // MARK: Header

    static func header(_ summary: SessionSummary) -> [String] {
        let session = summary.session
        let candidate = session.candidate.map(MarkdownText.inline).flatMap { $0.isEmpty ? nil : $0 } ?? "*not given*"
        let ids = summary.questions.map { MarkdownText.inline($0.id) }.joined(separator: ", ")
        let overall = summary.overall.map { "\(ReportFormat.score($0)) / 100 (\(MarkdownText.inline(summary.level ?? "")))" }
            ?? "*none yet: no question was answered*"
        return [
            "# \(title(summary))",
            [
                "- **Date:** \(ReportFormat.dateTime(session.startedAt))",
                "- **Duration:** \(ReportFormat.duration(session.durationSeconds))",
                "- **Candidate:** \(candidate)",
                "- **Questions:** \(summary.questions.count)\(ids.isEmpty ? "" : " (\(ids))")",
                "- **Status:** \(statusText(session.status))",
                "- **Overall score:** \(overall)",
            ].joined(separator: "\n"),
        ]
    }

    static func statusText(_ status: SessionStatus) -> String {
        switch status {
        case .completed: "completed"
        case .endedEarly: "ended early"
        case .interrupted: "interrupted (the program stopped before the session ended)"
        case .inProgress: "in progress"
        }
    }

    // MARK: One question

    static func question(_ entry: SessionSummary.QuestionEntry, in summary: SessionSummary) -> [String] {
        var blocks = ["## Question \(entry.number): \(MarkdownText.inline(entry.title))"]
        var subtitle = [MarkdownText.inline(entry.id)]
        if let topic = entry.topic, !topic.isEmpty { subtitle.append(MarkdownText.inline(topic)) }
        if !entry.inBank { subtitle.append("not in the question bank: shown from the stored transcript") }
        blocks.append("*" + subtitle.joined(separator: " · ") + "*")

        guard let first = entry.turns.first else {
            blocks.append("*Not reached: the session ended before this question.*")
            return blocks
        }
        blocks.append(scoreLine(entry, opening: first))
        blocks.append("### Conversation")
        for turn in entry.turns {
            blocks += self.turn(turn, of: entry)
        }
        guard let opening = entry.openingEvaluation else { return blocks }
        blocks += breakdown(opening, entry: entry)
        blocks += redFlags(entry)
        blocks += concepts(entry)
        blocks += structure(opening)
        blocks += delivery(entry)
        blocks += followUps(entry)
        return blocks
    }

    static func scoreLine(_ entry: SessionSummary.QuestionEntry, opening: SessionSummary.TurnEntry) -> String {
        switch opening.outcome {
        case .pending:
            return "*Asked, but not answered: the session stopped here.*"
        case .skipped:
            return "**Skipped**: scored 0 / 100."
        case .answered:
            break
        }
        guard let openingScore = entry.openingScore else {
            return "*Answered, but no evaluation is stored: run `mock-interview rescore` to score it.*"
        }
        var lines = ["**Score: \(ReportFormat.score(entry.score)) / 100** (\(MarkdownText.inline(entry.level ?? "")))."]
        if !entry.recovered.isEmpty {
            let bonus = entry.recovered.reduce(0) { $0 + $1.bonus }
            let count = entry.recovered.count
            lines.append("Opening answer \(ReportFormat.score(openingScore)), plus \(ReportFormat.score(bonus)) for \(count) concept\(count == 1 ? "" : "s") added after a follow-up (half credit).")
        }
        if entry.skipped {
            lines.append("You skipped the rest of this question.")
        }
        return lines.joined(separator: " ")
    }

    static func turn(_ turn: SessionSummary.TurnEntry, of entry: SessionSummary.QuestionEntry) -> [String] {
        var blocks: [String] = []
        let at = "at \(ReportFormat.clock(turn.offsetSeconds))"
        if turn.followUp == 0 {
            blocks.append("#### Opening question, \(at)")
        } else {
            blocks.append("#### Follow-up \(turn.followUp), \(at) (\(MarkdownText.inline(turn.nodeID)))")
            if let why = turn.why.map(MarkdownText.inline), !why.isEmpty {
                blocks.append("**Why it was asked:** \(why)")
            }
        }
        blocks.append("**Interviewer:** \(MarkdownText.inline(turn.prompt))")
        switch turn.outcome {
        case .pending:
            blocks.append("*No answer: the session stopped here.*")
        case .skipped:
            blocks.append("*Skipped: you moved on without answering.*")
        case .answered:
            var about: [String] = []
            let words = turn.evaluation?.words ?? wordCount(turn.answer ?? "")
            about.append("\(words) word\(words == 1 ? "" : "s")")
            if let duration = turn.answerDurationSeconds { about.append("answered in \(ReportFormat.duration(duration))") }
            if turn.hintsUsed > 0 { about.append("\(turn.hintsUsed) hint\(turn.hintsUsed == 1 ? "" : "s") used") }
            blocks.append("**You** (\(about.joined(separator: ", "))):")
            blocks.append(MarkdownText.blockquote(turn.answer ?? "") ?? "> *(empty answer)*")
            blocks.append(scoring(turn, currentHash: entry.currentRubricHash))
        }
        return blocks
    }

    /// Which engine and rubric scored the answer, whether it was rescored, and whether the bank's
    /// rubric has changed since.
    static func scoring(_ turn: SessionSummary.TurnEntry, currentHash: String?) -> String {
        guard let latest = turn.evaluations.last else {
            return "*Not scored: no evaluation is stored for this answer.*"
        }
        let evaluation = latest.evaluation
        var text = "Scored \(ReportFormat.score(evaluation.score)) / 100 by \(MarkdownText.inline(evaluation.engine)) against rubric \(MarkdownText.inline(evaluation.rubricHash)) on \(ReportFormat.dateTime(latest.createdAt))."
        if turn.rescored {
            let earlier = turn.evaluations.dropLast().map { stored in
                "\(ReportFormat.score(stored.evaluation.score)) by \(MarkdownText.inline(stored.evaluation.engine)) against rubric \(MarkdownText.inline(stored.evaluation.rubricHash)) on \(ReportFormat.dateTime(stored.createdAt))"
            }
            text += " Rescored: \(turn.evaluations.count) evaluations; earlier: \(earlier.joined(separator: "; "))."
        }
        if let currentHash, currentHash != evaluation.rubricHash {
            text += " The rubric has changed since (now \(MarkdownText.inline(currentHash))): run `mock-interview rescore` to score it again."
        }
        return "*\(text)*"
    }

    static func breakdown(_ opening: Evaluation, entry: SessionSummary.QuestionEntry) -> [String] {
        var rows = [
            "| Component | Value | Weight | Points / max | Detail |",
            "|---|---:|---:|---:|---|",
        ]
        for component in opening.components {
            rows.append("| \(componentName(component.name)) | \(ReportFormat.percent(component.value)) | \(ReportFormat.fixed(component.weight, digits: 2)) | \(ReportFormat.score(component.points)) / \(ReportFormat.score(component.maxPoints)) | \(MarkdownText.inline(component.detail)) |")
        }
        rows.append("| Opening answer | | | \(ReportFormat.score(opening.score)) / 100 | |")
        if !entry.recovered.isEmpty {
            let bonus = entry.recovered.reduce(0) { $0 + $1.bonus }
            rows.append("| Follow-up credit | | | \(ReportFormat.signed(bonus)) | \(entry.recovered.count) recovered, half credit |")
        }
        let laterFlags = entry.flags.filter { $0.followUp > 0 }
        if !laterFlags.isEmpty {
            let penalty = laterFlags.reduce(0) { $0 + $1.flag.penalty }
            rows.append("| Wrong claims in follow-ups | | | \(ReportFormat.signed(-penalty)) | \(laterFlags.count) red flag\(laterFlags.count == 1 ? "" : "s") |")
        }
        rows.append("| **Question score** | | | **\(ReportFormat.score(entry.score)) / 100** | |")
        var blocks = [
            "### Score breakdown",
            "From the opening answer; answers to follow-ups add half the points of the concepts they recover, and a wrong claim first made in a follow-up takes its penalty off.",
            rows.joined(separator: "\n"),
        ]
        if !opening.notes.isEmpty {
            blocks.append("**Notes:**")
            blocks.append(opening.notes.map { "- " + MarkdownText.inline($0) }.joined(separator: "\n"))
        }
        return blocks
    }

    /// A concept credited below this share says so.
    static let creditWorthMentioning = 0.75

    static func redFlags(_ entry: SessionSummary.QuestionEntry) -> [String] {
        guard !entry.flags.isEmpty else { return [] }
        return [
            "### Red flags",
            entry.flags.map { item in
                let place = item.followUp == 0 ? "opening answer" : "follow-up \(item.followUp)"
                return "- **\(MarkdownText.inline(item.flag.label))**, \(ReportFormat.signed(-item.flag.penalty)) points (\(place)): \(quotes(item.flag.evidence)). \(MarkdownText.inline(item.flag.correction))"
            }.joined(separator: "\n"),
        ]
    }

    static func concepts(_ entry: SessionSummary.QuestionEntry) -> [String] {
        var found = entry.found.map { concept in
            let credit = concept.credit < Self.creditWorthMentioning ? " (credited \(ReportFormat.percent(concept.credit)): named without saying much about it)" : ""
            return "- **\(MarkdownText.inline(concept.label))**, \(ReportFormat.signed(concept.points)) points\(credit): \(quotes(concept.evidence))"
        }
        found += entry.recovered.map { item in
            "- **\(MarkdownText.inline(item.concept.label))**, \(ReportFormat.signed(item.bonus)) points (half of \(ReportFormat.score(item.concept.points)), after follow-up \(item.followUp)): \(quotes(item.concept.evidence))"
        }
        let missed = entry.missed.map { concept in
            "- **\(MarkdownText.inline(concept.label))**, \(ReportFormat.signed(-concept.pointsLost)) points\(concept.required ? ", required" : ""): \(MarkdownText.inline(concept.tip))"
        }
        var blocks = [
            "### Concepts found",
            found.isEmpty ? "None." : found.joined(separator: "\n"),
            "### Concepts missed",
            missed.isEmpty ? "None: every concept in the rubric was covered." : missed.joined(separator: "\n"),
        ]
        if !entry.negated.isEmpty {
            blocks.append("### Rejected")
            blocks.append(entry.negated.map { concept in
                "- **\(MarkdownText.inline(concept.label))**: you rejected it (\(quotes(concept.evidence))), so it earned no credit. \(MarkdownText.inline(concept.tip))"
            }.joined(separator: "\n"))
        }
        return blocks
    }

    static func quotes(_ evidence: [Evidence]) -> String {
        let quoted = evidence.map { item in
            "“" + MarkdownText.inline(item.text) + "”" + (item.similarity.map { " (≈ “\(MarkdownText.inline(item.phrase))”, \(ReportFormat.fixed($0, digits: 2)))" } ?? "")
        }
        return quoted.isEmpty ? "no quote stored" : quoted.joined(separator: ", ")
    }

    static func structure(_ opening: Evaluation) -> [String] {
        guard !opening.stages.isEmpty else {
            return ["### Structure", "The rubric defines no stages for this question."]
        }
        return [
            "### Structure",
            stageLine(opening.stages, label: MarkdownText.inline),
            "✓ present, in order · ↺ present, out of order · ✗ missing",
        ]
    }

    /// `root cause ✓ → fix ✓ → monitor ✗ → iterate ↺ (out of order)`.
    static func stageLine(_ stages: [StageResult], label: (String) -> String) -> String {
        stages.map { stage in
            let text = label(stage.label)
            switch stage.status {
            case .present: return text + " ✓"
            case .missing: return text + " ✗"
            case .outOfOrder: return text + " ↺ (out of order)"
            }
        }.joined(separator: " → ")
    }

    static func delivery(_ entry: SessionSummary.QuestionEntry) -> [String] {
        var rows = [
            "| Answer | Words | Sentences | Fillers | Hedges | Words per minute | Time to first input | Hints |",
            "|---|---:|---:|---|---|---:|---:|---:|",
        ]
        for turn in entry.turns where turn.outcome == .answered {
            let name = turn.followUp == 0 ? "Opening" : "Follow-up \(turn.followUp)"
            let first = turn.timeToFirstInputSeconds.map(ReportFormat.seconds) ?? "—"
            guard let evaluation = turn.evaluation else {
                rows.append("| \(name) | \(wordCount(turn.answer ?? "")) | — | — | — | — | \(first) | \(turn.hintsUsed) |")
                continue
            }
            let delivery = evaluation.delivery
            rows.append("| \(name) | \(evaluation.words) | \(evaluation.sentences) | \(counts(delivery.fillers)) | \(counts(delivery.hedges)) | \(delivery.wordsPerMinute.map { ReportFormat.fixed($0) } ?? "—") | \(first) | \(turn.hintsUsed) |")
        }
        return ["### Length and delivery", rows.joined(separator: "\n")]
    }

    /// "3: um ×2, like ×1", or "0".
    static func counts(_ counts: [DeliveryReport.Count]) -> String {
        let total = counts.reduce(0) { $0 + $1.count }
        guard total > 0 else { return "0" }
        return "\(total): " + counts.map { "\(MarkdownText.inline($0.word)) ×\($0.count)" }.joined(separator: ", ")
    }

    static func followUps(_ entry: SessionSummary.QuestionEntry) -> [String] {
        let asked = entry.turns.filter { $0.followUp > 0 }
        guard !asked.isEmpty else {
            return ["### Follow-ups asked", "None."]
        }
        return [
            "### Follow-ups asked",
            asked.map { turn in
                let why = turn.why.map(MarkdownText.inline).flatMap { $0.isEmpty ? nil : $0 } ?? "*no reason recorded*"
                return "\(turn.followUp). **\(MarkdownText.inline(turn.nodeID))**: \(why)"
            }.joined(separator: "\n"),
        ]
    }

    // MARK: What to practise next

    static func practise(_ summary: SessionSummary) -> [String] {
        var blocks = ["## What to practise next"]
        let items = summary.practiseNext
        if items.isEmpty {
            blocks.append(summary.questions.contains { $0.openingEvaluation != nil }
                ? "Nothing missed: every answered question covered its whole rubric."
                : "Answer a question to get advice on what to practise.")
        } else {
            blocks.append("Missed concepts, most points lost first.")
            var lines: [String] = []
            for (index, item) in items.prefix(practiseLimit).enumerated() {
                var facts = ["\(ReportFormat.score(item.pointsLost)) points lost"]
                if item.required { facts.append("required") }
                if item.recoveredInFollowUp { facts.append("covered only after a follow-up") }
                lines.append("\(index + 1). **\(MarkdownText.inline(item.label))** (question \(item.questionNumber), \(MarkdownText.inline(item.questionID))): \(facts.joined(separator: ", ")). \(MarkdownText.inline(item.tip))")
            }
            blocks.append(lines.joined(separator: "\n"))
            if items.count > practiseLimit {
                blocks.append("And \(items.count - practiseLimit) more, listed under each question above.")
            }
        }
        let skipped = summary.questions.filter { $0.turns.first?.outcome == .skipped }
        let unanswered = summary.questions.filter { $0.turns.first == nil || $0.turns.first?.outcome == .pending }
        if !skipped.isEmpty {
            blocks.append("Skipped: \(questionList(skipped)). Try answering next time, even briefly: a partial answer earns points and a follow-up.")
        }
        if !unanswered.isEmpty {
            blocks.append("Not answered: \(questionList(unanswered)).")
        }
        return blocks
    }

    static func questionList(_ entries: [SessionSummary.QuestionEntry]) -> String {
        entries.map { "question \($0.number) (\(MarkdownText.inline($0.id)))" }.joined(separator: ", ")
    }

    // MARK: Progress

    static func progress(_ summary: SessionSummary) -> [String] {
        var blocks = ["## Progress on these questions"]
        let points = summary.history
        guard !points.isEmpty else {
            blocks.append("No scores yet: no question of this session was answered.")
            return blocks
        }
        let ids = summary.questions.map(\.id).filter { id in points.contains { $0.questionID == id } }
        var sessions: [(id: Int64, startedAt: Date, current: Bool)] = []
        for point in points where !sessions.contains(where: { $0.id == point.sessionID }) {
            sessions.append((point.sessionID, point.startedAt, point.current))
        }
        var rows = [
            "| Date | Session | " + ids.map(MarkdownText.inline).joined(separator: " | ") + " |",
            "|---|---|" + String(repeating: "---:|", count: ids.count),
        ]
        for session in sessions {
            let cells = ids.map { id in
                points.first { $0.sessionID == session.id && $0.questionID == id }.map { ReportFormat.score($0.score) } ?? "—"
            }
            rows.append("| \(ReportFormat.dateTime(session.startedAt)) | \(session.id)\(session.current ? " (this session)" : "") | " + cells.joined(separator: " | ") + " |")
        }
        blocks.append(rows.joined(separator: "\n"))
        let series = ids.map { id in
            ScoreChart.Series(label: id, points: points.filter { $0.questionID == id }.map { ScoreChart.Point(date: $0.startedAt, sessionID: $0.sessionID, score: $0.score) })
        }
        if series.contains(where: { $0.points.count > 1 }) {
            blocks.append("Score per attempt (the text chart after the Mermaid block shows the same data):")
            blocks.append(ScoreChart.mermaid(series))
            blocks.append(ScoreChart.text(series))
        } else {
            blocks.append("This is the first attempt at these questions; a chart appears from the second attempt on.")
        }
        return blocks
    }

    // MARK: Provenance

    static func provenance(_ summary: SessionSummary) -> [String] {
        var groups: [(engine: String, rubric: String, question: String, count: Int)] = []
        var rescored: [String] = []
        for entry in summary.questions {
            for turn in entry.turns {
                guard let evaluation = turn.evaluation else { continue }
                if let index = groups.firstIndex(where: { $0.engine == evaluation.engine && $0.rubric == evaluation.rubricHash && $0.question == entry.id }) {
                    groups[index].count += 1
                } else {
                    groups.append((evaluation.engine, evaluation.rubricHash, entry.id, 1))
                }
                if turn.rescored {
                    rescored.append("question \(entry.number) \(turn.followUp == 0 ? "opening answer" : "follow-up \(turn.followUp)")")
                }
            }
        }
        guard !groups.isEmpty else { return [] }
        var lines = groups.map { group in
            "- \(MarkdownText.inline(group.question)): \(group.count) answer\(group.count == 1 ? "" : "s") scored by \(MarkdownText.inline(group.engine)) against rubric \(MarkdownText.inline(group.rubric))"
        }
        lines.append(rescored.isEmpty ? "- No answer was rescored." : "- Rescored: \(rescored.joined(separator: ", ")).")
        return [
            "## How this was scored",
            "The rubric engine is deterministic: the same answer and rubric always give the same score.",
            lines.joined(separator: "\n"),
        ]
    }

    static func componentName(_ name: ComponentScore.Name) -> String {
        name.rawValue.prefix(1).uppercased() + name.rawValue.dropFirst()
    }

    static func wordCount(_ text: String) -> Int {
        text.split { $0.isWhitespace }.count
    }
}
