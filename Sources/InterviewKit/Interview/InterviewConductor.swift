import Foundation

/// Where the candidate's lines come from: readline at a terminal, stdin in a pipe, a script in tests.
public protocol LineSource {
    /// The next line the candidate typed. `continuation` is true inside a multi-line answer.
    mutating func next(continuation: Bool) -> LineEvent
    /// Opens the draft in an editor and returns the edited text, or a message saying why it could not.
    mutating func edit(_ draft: String) -> Result<String, EditorError>
    /// Remembers a submitted answer for history recall.
    mutating func remember(_ answer: String)
}

public enum LineEvent: Sendable, Equatable {
    /// A line, and when its first character arrived (readline) or the line did (a pipe).
    case line(String, firstInputAt: Date)
    /// Ctrl-C: drop the answer being typed.
    case interrupt
    /// Ctrl-D or the end of piped input.
    case end
}

public struct EditorError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// What the conductor records; the store implements it, tests use a value in memory.
public protocol InterviewRecorder {
    /// Records a prompt as asked and returns its turn id; committed before the prompt is shown.
    mutating func ask(_ prompt: InterviewPrompt, at: Date) throws -> Int64
    mutating func answer(turnID: Int64, text: String, firstInputAt: Date, submittedAt: Date, hintsUsed: Int, evaluation: Evaluation, questionID: String, questionScore: Double, sessionScore: Double?) throws
    mutating func skip(turnID: Int64, at: Date, hintsUsed: Int, questionID: String, questionScore: Double, sessionScore: Double?) throws
    mutating func hint(turnID: Int64) throws
    mutating func finish(_ status: SessionStatus, at: Date) throws
}

/// What the conductor shows; the terminal renders it, tests collect it.
public enum InterviewEvent: Sendable {
    case prompt(InterviewPrompt, repeated: Bool)
    case hint(String?)
    case time(session: Double, question: Double)
    case help
    case unknownCommand(String)
    case emptyAnswer
    case cancelled
    case skipped(questionID: String)
    case answerSaved(words: Int)
    case editorFailed(String)
    case editedDraftSubmitted(words: Int)
    case verdict(question: Question, result: QuestionResult, last: Evaluation?)
    case finished(SessionStatus, results: [QuestionResult], overall: Double?)
}

/// The meta-commands of the shell. They start with `:`, which no answer starts with.
public enum MetaCommand: String, Sendable, CaseIterable {
    case help
    case repeatQuestion = "repeat"
    case skip, hint, time, edit, quit

    public static let prefix = ":"

    /// Recognises `:quit`, `:q`, `:h`… (a unique prefix of a command name is enough).
    public static func parse(_ line: String) -> MetaCommandParse? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(prefix) else { return nil }
        let name = trimmed.dropFirst().lowercased()
        if name.isEmpty { return .unknown(trimmed) }
        if let exact = MetaCommand(rawValue: name) { return .command(exact) }
        if name == "q" || name == "exit" { return .command(.quit) }
        if name == "?" { return .command(.help) }
        let candidates = allCases.filter { $0.rawValue.hasPrefix(name) }
        if candidates.count == 1 { return .command(candidates[0]) }
        return .unknown(trimmed)
    }

    /// The command a mistyped one most likely meant (":qiut" → ":quit"), if any is close.
    public static func suggestion(for typed: String) -> MetaCommand? {
        let name = typed.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count).lowercased()
        return allCases
            .map { ($0, EditDistance.between(name, $0.rawValue)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    public var summary: String {
        switch self {
        case .help: "show this help"
        case .repeatQuestion: "ask the current question again"
        case .skip: "skip the rest of this question"
        case .hint: "a nudge (recorded as used)"
        case .time: "time so far"
        case .edit: "write the answer in $VISUAL/$EDITOR (blank lines allowed)"
        case .quit: "end the interview (saved; resume it later)"
        }
    }
}

public enum MetaCommandParse: Sendable, Equatable {
    case command(MetaCommand)
    case unknown(String)
}

/// Runs an interview: asks what the `Interviewer` says to ask, collects multi-line answers (ended by an
/// empty line), handles meta-commands, and records every prompt and answer before moving on.
public struct InterviewConductor<Source: LineSource, Recorder: InterviewRecorder> {
    public var interviewer: Interviewer
    public var source: Source
    public var recorder: Recorder
    public var feedback: FeedbackMode
    public let sessionStart: Date
    let now: () -> Date
    let display: (InterviewEvent) -> Void
    /// Turns already recorded for this session (when resuming), for per-question results.
    var turns: [TurnRecord]
    /// A turn that was asked but not answered when the session stopped; asked again on resume.
    var pendingTurnID: Int64?

    public init(
        interviewer: Interviewer, source: Source, recorder: Recorder, feedback: FeedbackMode,
        sessionStart: Date, earlierTurns: [TurnRecord] = [], now: @escaping () -> Date = Date.init,
        display: @escaping (InterviewEvent) -> Void
    ) {
        self.interviewer = interviewer
        self.source = source
        self.recorder = recorder
        self.feedback = feedback
        self.sessionStart = sessionStart
        self.now = now
        self.display = display
        turns = earlierTurns
        if let last = earlierTurns.max(by: { $0.sequence < $1.sequence }), last.outcome == .pending,
           last.nodeID == interviewer.current?.nodeID, last.questionID == interviewer.current?.questionID {
            pendingTurnID = last.id
        }
    }

    /// Runs until the interview ends or the candidate quits; returns how it ended.
    @discardableResult
    public mutating func run() throws -> SessionStatus {
        while let prompt = interviewer.current {
            let askedAt = now()
            let turnID: Int64
            if let pending = pendingTurnID {
                turnID = pending
                pendingTurnID = nil
            } else {
                turnID = try recorder.ask(prompt, at: askedAt)
                turns.append(TurnRecord(id: turnID, sessionID: 0, sequence: turns.count, questionID: prompt.questionID, nodeID: prompt.nodeID, prompt: prompt.text, why: prompt.why, askedAt: askedAt))
            }
            display(.prompt(prompt, repeated: false))
            let questionStart = turns.first { $0.questionID == prompt.questionID }?.askedAt ?? askedAt
            switch try collect(prompt: prompt, turnID: turnID, questionStart: questionStart) {
            case .submitted:
                continue
            case .quit:
                return try end(.endedEarly)
            }
        }
        return try end(.completed)
    }

    enum Collected { case submitted, quit }

    private mutating func collect(prompt: InterviewPrompt, turnID: Int64, questionStart: Date) throws -> Collected {
        var draft: [String] = []
        var firstInputAt: Date?
        var hintsUsed = 0
        while true {
            switch source.next(continuation: !draft.isEmpty) {
            case .interrupt:
                draft = []
                firstInputAt = nil
                display(.cancelled)
                display(.prompt(prompt, repeated: true))
            case .end:
                if !draft.isEmpty {
                    try submit(draft.joined(separator: "\n"), prompt: prompt, turnID: turnID, firstInputAt: firstInputAt ?? now(), hintsUsed: hintsUsed)
                }
                return .quit
            case let .line(typed, arrived):
                let line = Self.withoutNUL(typed)
                if let parsed = MetaCommand.parse(line) {
                    switch parsed {
                    case .unknown(let text):
                        display(.unknownCommand(text))
                    case .command(.help):
                        display(.help)
                    case .command(.repeatQuestion):
                        display(.prompt(prompt, repeated: true))
                    case .command(.hint):
                        hintsUsed += 1
                        try recorder.hint(turnID: turnID)
                        display(.hint(prompt.hint))
                    case .command(.time):
                        let moment = now()
                        display(.time(session: moment.timeIntervalSince(sessionStart), question: moment.timeIntervalSince(questionStart)))
                    case .command(.skip):
                        let questionID = prompt.questionID
                        let question = interviewer.currentQuestion
                        interviewer.skipQuestion()
                        markLocal(turnID) { $0.outcome = .skipped }
                        let questionTurns = turns.filter { $0.questionID == questionID }
                        let result = QuestionResult(questionID: questionID, turns: questionTurns)
                        try recorder.skip(turnID: turnID, at: now(), hintsUsed: hintsUsed, questionID: questionID, questionScore: result.score, sessionScore: sessionScore())
                        display(.skipped(questionID: questionID))
                        // Skipping the follow-ups still ends the question: what was answered gets its verdict.
                        if feedback == .each, result.answered > 0, let question {
                            display(.verdict(question: question, result: result, last: questionTurns.last { $0.evaluation != nil }?.evaluation))
                        }
                        return .submitted
                    case .command(.edit):
                        let edited = source.edit(draft.joined(separator: "\n"))
                        switch edited.map({ text in Self.withoutNUL(text) }) {
                        case .success(let text) where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                            let words = text.split(whereSeparator: { $0.isWhitespace }).count
                            display(.editedDraftSubmitted(words: words))
                            try submit(text, prompt: prompt, turnID: turnID, firstInputAt: firstInputAt ?? arrived, hintsUsed: hintsUsed)
                            return .submitted
                        case .success:
                            display(.emptyAnswer)
                        case .failure(let error):
                            display(.editorFailed(error.message))
                        }
                    case .command(.quit):
                        if !draft.isEmpty {
                            try submit(draft.joined(separator: "\n"), prompt: prompt, turnID: turnID, firstInputAt: firstInputAt ?? arrived, hintsUsed: hintsUsed)
                        }
                        return .quit
                    }
                    continue
                }
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    if draft.isEmpty {
                        display(.emptyAnswer)
                        continue
                    }
                    try submit(draft.joined(separator: "\n"), prompt: prompt, turnID: turnID, firstInputAt: firstInputAt ?? arrived, hintsUsed: hintsUsed)
                    return .submitted
                }
                if firstInputAt == nil { firstInputAt = arrived }
                draft.append(line)
            }
        }
    }

    private mutating func submit(_ text: String, prompt: InterviewPrompt, turnID: Int64, firstInputAt: Date, hintsUsed: Int) throws {
        let submittedAt = max(now(), firstInputAt)
        guard let question = interviewer.currentQuestion,
              let evaluation = interviewer.answer(text, duration: submittedAt.timeIntervalSince(firstInputAt)) else { return }
        markLocal(turnID) { turn in
            turn.answer = text
            turn.outcome = .answered
            turn.firstInputAt = firstInputAt
            turn.submittedAt = submittedAt
            turn.hintsUsed = hintsUsed
            turn.evaluations = [StoredEvaluation(id: 0, createdAt: submittedAt, evaluation: evaluation)]
        }
        let result = QuestionResult(questionID: prompt.questionID, turns: turns.filter { $0.questionID == prompt.questionID })
        try recorder.answer(
            turnID: turnID, text: text, firstInputAt: firstInputAt, submittedAt: submittedAt, hintsUsed: hintsUsed,
            evaluation: evaluation, questionID: prompt.questionID, questionScore: result.score, sessionScore: sessionScore()
        )
        source.remember(text)
        display(.answerSaved(words: evaluation.words))
        let questionEnded = interviewer.currentQuestion?.id != question.id
        if questionEnded && feedback == .each {
            display(.verdict(question: question, result: result, last: evaluation))
        }
    }

    /// The text without NUL characters: SQLite's text interface ends a string at the first one, so an
    /// answer holding one would be recorded cut short of what was evaluated.
    static func withoutNUL(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{0}") else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { $0 != "\u{0}" })
        return String(kept)
    }

    private mutating func markLocal(_ turnID: Int64, _ change: (inout TurnRecord) -> Void) {
        if let index = turns.firstIndex(where: { $0.id == turnID }) { change(&turns[index]) }
    }

    private func results() -> [QuestionResult] {
        interviewer.questions.map { question in
            QuestionResult(questionID: question.id, turns: turns.filter { $0.questionID == question.id })
        }
    }

    private func sessionScore() -> Double? { QuestionResult.overall(results()) }

    private mutating func end(_ status: SessionStatus) throws -> SessionStatus {
        try recorder.finish(status, at: now())
        display(.finished(status, results: results(), overall: sessionScore()))
        return status
    }
}
