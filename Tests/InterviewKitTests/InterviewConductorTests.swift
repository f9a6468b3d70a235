import Foundation
import Testing
@testable import InterviewKit

/// The candidate's side of an interview as a script: lines (or Ctrl-C, Ctrl-D) in order, then the
/// end of input, and what the editor returns each time `:edit` opens it.
struct ScriptedSource: LineSource {
    enum Step { case line(String), interrupt, end }

    var steps: [Step]
    var edits: [Result<String, EditorError>] = []
    let clock: TestClock
    private(set) var remembered: [String] = []
    private(set) var drafts: [String] = []

    init(_ steps: [Step], edits: [Result<String, EditorError>] = [], clock: TestClock) {
        self.steps = steps
        self.edits = edits
        self.clock = clock
    }

    mutating func next(continuation: Bool) -> LineEvent {
        guard !steps.isEmpty else { return .end }
        switch steps.removeFirst() {
        case let .line(text): return .line(text, firstInputAt: clock.tick())
        case .interrupt: return .interrupt
        case .end: return .end
        }
    }

    mutating func edit(_ draft: String) -> Result<String, EditorError> {
        drafts.append(draft)
        return edits.isEmpty ? .failure(EditorError("no editor in this script")) : edits.removeFirst()
    }

    mutating func remember(_ answer: String) { remembered.append(answer) }
}

/// A recorder that keeps what it was told, in order.
struct MemoryRecorder: InterviewRecorder {
    enum Call: Equatable {
        case ask(turn: Int64, question: String, node: String)
        case answer(turn: Int64, text: String, hints: Int, question: String)
        case skip(turn: Int64, hints: Int, question: String)
        case hint(turn: Int64)
        case finish(SessionStatus)
    }

    private(set) var calls: [Call] = []
    private var nextID: Int64 = 1

    mutating func ask(_ prompt: InterviewPrompt, at: Date) throws -> Int64 {
        defer { nextID += 1 }
        calls.append(.ask(turn: nextID, question: prompt.questionID, node: prompt.nodeID))
        return nextID
    }

    mutating func answer(turnID: Int64, text: String, firstInputAt: Date, submittedAt: Date, hintsUsed: Int, evaluation: Evaluation, questionID: String, questionScore: Double, sessionScore: Double?) throws {
        calls.append(.answer(turn: turnID, text: text, hints: hintsUsed, question: questionID))
    }

    mutating func skip(turnID: Int64, at: Date, hintsUsed: Int, questionID: String, questionScore: Double, sessionScore: Double?) throws {
        calls.append(.skip(turn: turnID, hints: hintsUsed, question: questionID))
    }

    mutating func hint(turnID: Int64) throws { calls.append(.hint(turn: turnID)) }

    mutating func finish(_ status: SessionStatus, at: Date) throws { calls.append(.finish(status)) }
}

/// A clock that moves one second each time it is read.
final class TestClock: @unchecked Sendable {
    private var seconds: Double = 0
    func tick() -> Date {
        seconds += 1
        return Date(timeIntervalSince1970: 1_800_000_000 + seconds)
    }
}

/// What the conductor showed, in order, reduced to what the tests compare.
final class EventLog: @unchecked Sendable {
    private(set) var events: [InterviewEvent] = []
    func append(_ event: InterviewEvent) { events.append(event) }

    var names: [String] {
        events.map { event in
            switch event {
            case let .prompt(prompt, repeated): "\(repeated ? "again" : "ask") \(prompt.questionID)/\(prompt.nodeID)"
            case .hint: "hint"
            case .time: "time"
            case .help: "help"
            case let .unknownCommand(text): "unknown \(text)"
            case .emptyAnswer: "empty"
            case .cancelled: "cancelled"
            case let .skipped(question): "skipped \(question)"
            case .answerSaved: "saved"
            case let .editorFailed(message): "editor failed: \(message)"
            case let .editedDraftSubmitted(words): "edited \(words)"
            case let .verdict(question, _, _): "verdict \(question.id)"
            case let .finished(status, _, _): "finished \(status.rawValue)"
            }
        }
    }
}

@Suite("Interview conductor: lines, commands and records, without a terminal or a database")
struct InterviewConductorTests {
    struct Run {
        var status: SessionStatus
        var calls: [MemoryRecorder.Call]
        var events: [String]
        var source: ScriptedSource
    }

    func run(
        _ steps: [ScriptedSource.Step], questions: [Question] = [SampleInterview.probing, SampleInterview.looping],
        edits: [Result<String, EditorError>] = [], feedback: FeedbackMode = .end, earlierTurns: [TurnRecord] = []
    ) throws -> Run {
        let clock = TestClock()
        let log = EventLog()
        var interviewer = Interviewer(questions: questions)
        interviewer.replay(earlierTurns)
        var conductor = InterviewConductor(
            interviewer: interviewer, source: ScriptedSource(steps, edits: edits, clock: clock), recorder: MemoryRecorder(),
            feedback: feedback, sessionStart: clock.tick(), earlierTurns: earlierTurns, now: clock.tick, display: log.append
        )
        let status = try conductor.run()
        return Run(status: status, calls: conductor.recorder.calls, events: log.names, source: conductor.source)
    }

    static let drift = "I would compare the feature distributions in production with the training data to find the data drift, then retrain."

    @Test("an answer of several lines ends at an empty line and is recorded before the next prompt is asked")
    func multiLineAnswer() throws {
        let result = try run([.line("I would compare the feature distributions"), .line("with training, then retrain."), .line("")])
        #expect(result.calls.prefix(3) == [
            .ask(turn: 1, question: "q1", node: "open"),
            .answer(turn: 1, text: "I would compare the feature distributions\nwith training, then retrain.", hints: 0, question: "q1"),
            .ask(turn: 2, question: "q1", node: "probe-drift"),
        ])
        #expect(result.source.remembered == ["I would compare the feature distributions\nwith training, then retrain."])
        #expect(result.calls.last == .finish(.endedEarly), "the script ran out at the follow-up")
    }

    @Test("meta-commands are not answers; a hint is recorded on its turn and counted with the answer")
    func metaCommands() throws {
        let result = try run([.line(":help"), .line(":repeat"), .line(":bogus"), .line(":time"), .line(":hint"), .line(Self.drift), .line("")])
        #expect(result.calls.prefix(3) == [
            .ask(turn: 1, question: "q1", node: "open"),
            .hint(turn: 1),
            .answer(turn: 1, text: Self.drift, hints: 1, question: "q1"),
        ])
        #expect(result.events.prefix(7) == ["ask q1/open", "help", "again q1/open", "unknown :bogus", "time", "hint", "saved"])
    }

    @Test("an empty line before any answer asks for one instead of submitting nothing")
    func emptyLine() throws {
        let result = try run([.line(""), .line("   "), .line(Self.drift), .line("")])
        #expect(result.events.prefix(3) == ["ask q1/open", "empty", "empty"])
        #expect(result.calls.filter { if case .answer = $0 { true } else { false } }.count == 1)
    }

    @Test("Ctrl-C drops the answer being typed and asks again; the next answer is recorded alone")
    func interrupt() throws {
        let result = try run([.line("this half-typed answer"), .line("goes on"), .interrupt, .line(Self.drift), .line("")])
        #expect(result.events.prefix(3) == ["ask q1/open", "cancelled", "again q1/open"])
        #expect(result.calls.contains(.answer(turn: 1, text: Self.drift, hints: 0, question: "q1")))
        #expect(!result.source.remembered.contains { $0.contains("half-typed") })
    }

    @Test("the end of input in the middle of an answer records it and ends the interview early")
    func endMidAnswer() throws {
        let result = try run([.line(Self.drift), .end])
        #expect(result.status == .endedEarly)
        #expect(result.calls == [.ask(turn: 1, question: "q1", node: "open"), .answer(turn: 1, text: Self.drift, hints: 0, question: "q1"), .finish(.endedEarly)])
    }

    @Test(":quit keeps the draft as the answer; with nothing typed it only ends")
    func quit() throws {
        let withDraft = try run([.line(Self.drift), .line(":quit")])
        #expect(withDraft.calls == [.ask(turn: 1, question: "q1", node: "open"), .answer(turn: 1, text: Self.drift, hints: 0, question: "q1"), .finish(.endedEarly)])
        let empty = try run([.line(":q")])
        #expect(empty.calls == [.ask(turn: 1, question: "q1", node: "open"), .finish(.endedEarly)])
        #expect(empty.status == .endedEarly)
    }

    @Test(":skip records the skip and moves to the next question's opening")
    func skip() throws {
        let result = try run([.line(":skip"), .line(":skip")])
        #expect(result.calls == [
            .ask(turn: 1, question: "q1", node: "open"), .skip(turn: 1, hints: 0, question: "q1"),
            .ask(turn: 2, question: "q2", node: "open"), .skip(turn: 2, hints: 0, question: "q2"),
            .finish(.completed),
        ])
        #expect(result.status == .completed)
    }

    @Test(":edit submits what the editor returns, blank lines kept; a failing editor keeps the draft")
    func edit() throws {
        let edited = "First paragraph about data drift.\n\nSecond paragraph: retrain and monitor."
        let result = try run([.line("a draft"), .line(":edit"), .line(":edit")], edits: [.failure(EditorError("no $EDITOR")), .success(edited)])
        #expect(result.source.drafts == ["a draft", "a draft"], "the draft survives the failed edit")
        #expect(result.events.contains("editor failed: no $EDITOR"))
        #expect(result.events.contains("edited 10"))
        #expect(result.calls.contains(.answer(turn: 1, text: edited, hints: 0, question: "q1")))
    }

    @Test("NUL characters are removed before an answer is recorded")
    func nul() throws {
        let result = try run([.line("data\u{0} drift"), .line("")])
        #expect(result.calls.contains(.answer(turn: 1, text: "data drift", hints: 0, question: "q1")))
    }

    @Test("resuming asks the pending turn again without recording a new prompt")
    func resume() throws {
        let pending = TurnRecord(id: 41, sessionID: 9, sequence: 0, questionID: "q1", nodeID: "open", prompt: SampleInterview.probing.prompt, askedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let result = try run([.line(Self.drift), .line("")], earlierTurns: [pending])
        #expect(result.calls.first == .answer(turn: 41, text: Self.drift, hints: 0, question: "q1"))
        #expect(result.calls.dropFirst().first == .ask(turn: 1, question: "q1", node: "probe-monitoring"))
    }

    @Test("with --feedback each a verdict follows each question's last answer, and the interview completes")
    func verdicts() throws {
        let done = "I would monitor the distributions with alerts, then compare the training data for drift and retrain."
        let result = try run([.line(Self.drift), .line(""), .line(done), .line(""), .line(Self.drift), .line("")], feedback: .each)
        #expect(result.status == .completed)
        #expect(result.calls.last == .finish(.completed))
        #expect(result.events.filter { $0.hasPrefix("verdict") } == ["verdict q1", "verdict q2"])
        #expect(result.events.last == "finished completed")
    }
}
