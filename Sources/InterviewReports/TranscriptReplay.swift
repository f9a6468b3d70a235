import Foundation
import InterviewKit

/// `mock-interview replay`: a stored session as timed events, the interviewer's lines told apart
/// from the candidate's, optionally with each answer's evaluation, and the arithmetic to play them
/// back with real timing.
///
/// All stored text is sanitised (`TerminalText`): escape sequences typed into an answer are never
/// replayed raw. Playing in real time is the caller's loop:
///
/// ```swift
/// let events = TranscriptReplay.events(transcript, questions: bank.questions)
/// for (event, delay) in zip(events, TranscriptReplay.delays(events, speed: 2, idleLimit: 3)) {
///     try await Task.sleep(for: .seconds(delay))
///     print(TranscriptReplay.text(of: event))
/// }
/// ```
public enum TranscriptReplay {
    /// The session's events in the order they happened: for each turn, the question marker (when
    /// a new question starts), the prompt, then the answer (at its submission), a skip or a note
    /// that it went unanswered, and the evaluation summary if `evaluations` is true; last, the end
    /// of the session.
    public static func events(_ transcript: SessionTranscript, questions: [Question] = [], evaluations: Bool = false) -> [ReplayEvent] {
        var titles: [String: String] = [:]
        for question in questions where titles[question.id] == nil { titles[question.id] = question.title }
        let ids = SessionSummary.questionIDs(of: transcript)
        let start = transcript.session.startedAt
        var events: [ReplayEvent] = []
        var previousQuestion: String?
        for turn in transcript.turns {
            let asked = ReportFormat.offset(turn.askedAt, from: start)
            let id = turn.questionID
            if id != previousQuestion {
                let number = (ids.firstIndex(of: id) ?? 0) + 1
                events.append(ReplayEvent(kind: .question, offset: asked, questionID: id, text: TerminalText.line("Q\(number): \(titles[id] ?? id)")))
                previousQuestion = id
            }
            let said = [turn.why, turn.prompt].compactMap { $0.map(TerminalText.line) }.filter { !$0.isEmpty }
            events.append(ReplayEvent(kind: .interviewer, offset: asked, questionID: id, text: said.joined(separator: " ")))
            switch turn.outcome {
            case .answered:
                let at = ReportFormat.offset(turn.submittedAt ?? turn.firstInputAt ?? turn.askedAt, from: start)
                let answer = trimmedLines(TerminalText.sanitised(turn.answer ?? ""))
                events.append(ReplayEvent(kind: .candidate, offset: at, questionID: id, text: answer.isEmpty ? "(empty answer)" : answer))
                if evaluations {
                    events.append(ReplayEvent(kind: .evaluation, offset: at, questionID: id, text: summary(of: turn)))
                }
            case .skipped:
                let at = ReportFormat.offset(turn.submittedAt ?? turn.askedAt, from: start)
                events.append(ReplayEvent(kind: .notice, offset: at, questionID: id, text: TerminalText.line("Skipped the rest of \(id).")))
            case .pending:
                events.append(ReplayEvent(kind: .notice, offset: asked, questionID: id, text: "No answer: the session stopped here."))
            }
        }
        let end = transcript.durationSeconds
        events.append(ReplayEvent(kind: .notice, offset: end, text: endText(transcript.session)))
        return events
    }

    /// The events as one text, a line per event (continuations indented), each stamped with its
    /// time from the session start.
    public static func render(_ events: [ReplayEvent]) -> String {
        events.map { "[\(ReportFormat.clock($0.offset))] " + text(of: $0, indent: ReportFormat.clock($0.offset).count + 3) }
            .joined(separator: "\n") + "\n"
    }

    /// One event as printed, without a timestamp: "Interviewer: …", "You: …", "── Q1: … ──".
    /// Continuation lines are indented by `indent` columns plus the label's width.
    public static func text(of event: ReplayEvent, indent: Int = 0) -> String {
        let label: String
        switch event.kind {
        case .question: return "── \(event.text) ──"
        case .interviewer: label = "Interviewer: "
        case .candidate: label = "You: "
        case .evaluation: label = "  ↳ "
        case .notice: label = ""
        }
        let pad = String(repeating: " ", count: indent + label.count)
        return label + event.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + pad)
    }

    /// Seconds to wait before showing `next` after `previous` (offsets from the session start): the
    /// recorded gap, capped at `idleLimit` recorded seconds, then divided by `speed`. Out-of-order
    /// times wait 0; a speed that is not positive counts as 1; no limit (`nil`) keeps every pause.
    public static func delay(from previous: Double, to next: Double, speed: Double = 1, idleLimit: Double? = nil) -> Double {
        var gap = next - previous
        guard gap.isFinite, gap > 0 else { return 0 }
        if let idleLimit, !idleLimit.isNaN { gap = min(gap, max(0, idleLimit)) }
        let rate = speed > 0 ? speed : 1
        return gap / rate
    }

    /// The wait before each event, the first counted from the session start.
    public static func delays(_ events: [ReplayEvent], speed: Double = 1, idleLimit: Double? = nil) -> [Double] {
        var previous = 0.0
        return events.map { event in
            defer { previous = max(previous, event.offset) }
            return delay(from: previous, to: event.offset, speed: speed, idleLimit: idleLimit)
        }
    }

    static func summary(of turn: TurnRecord) -> String {
        guard let stored = turn.evaluations.last else { return "Not scored." }
        let evaluation = stored.evaluation
        let total = evaluation.concepts.found.count + evaluation.concepts.missed.count
        var lines = ["Score \(ReportFormat.score(evaluation.score)) / 100, \(evaluation.concepts.found.count) of \(total) concepts\(turn.evaluations.count > 1 ? " (rescored)" : "")"]
        if !evaluation.concepts.found.isEmpty {
            lines.append("Found: " + evaluation.concepts.found.map { TerminalText.line($0.label) }.joined(separator: "; "))
        }
        if !evaluation.concepts.missed.isEmpty {
            lines.append("Missed: " + evaluation.concepts.missed.map { TerminalText.line($0.label) }.joined(separator: "; "))
        }
        if !evaluation.concepts.negated.isEmpty {
            lines.append("Rejected: " + evaluation.concepts.negated.map { TerminalText.line($0.label) }.joined(separator: "; "))
        }
        for flag in evaluation.flags {
            lines.append("Red flag (−\(ReportFormat.score(flag.penalty))): " + TerminalText.line(flag.label) + ". " + TerminalText.line(flag.correction))
        }
        return lines.joined(separator: "\n")
    }

    static func endText(_ session: SessionRecord) -> String {
        switch session.status {
        case .completed: "The interview is over."
        case .endedEarly: "The interview ended early."
        case .interrupted: "The interview was interrupted here."
        case .inProgress: "The recording stops here (the session is still in progress)."
        }
    }

    /// Lines with trailing spaces removed and leading and trailing blank lines dropped.
    static func trimmedLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
