import Foundation
import Testing
@testable import InterviewReports

@Suite("Transcript replay")
struct TranscriptReplayTests {
    let events = TranscriptReplay.events(SampleSession.session, questions: SampleSession.bank)

    @Test("events come in the order they happened, each question opening with its marker")
    func order() {
        #expect(events.map(\.kind) == [
            .question, .interviewer, .candidate, .interviewer, .candidate,
            .question, .interviewer, .candidate,
            .question, .interviewer, .notice,
            .notice,
        ])
        #expect(events.filter { $0.kind == .question }.map(\.text) == [
            "Q1: Churn model degraded in production",
            "Q2: \(SampleSession.imbalance.title)",
            "Q3: q3",
        ])
        #expect(events.last?.offset == 1084)
    }

    @Test("the interviewer and the candidate are labelled, with times from the session start")
    func labelsAndTimes() {
        let text = TranscriptReplay.render(events)
        #expect(text.hasPrefix("[00:02.0] ── Q1: Churn model degraded in production ──\n[00:02.0] Interviewer: Your churn model scored well"))
        #expect(text.contains("\n[01:41.2] You: Going forward this needs a proper process.\n               \n               Um, first I'd investigate"))
        #expect(text.contains("\n[01:41.4] Interviewer: You haven't said how you would notice this happening again. Once it is fixed,"))
        #expect(text.contains("\n[04:35.5] Skipped the rest of q3.\n"))
        #expect(text.hasSuffix("[18:04.0] The interview is over.\n"))
    }

    @Test("nothing typed is replayed raw: escape sequences and control characters are gone")
    func sanitised() throws {
        let answer = try #require(events.first { $0.kind == .candidate && $0.questionID == "q2" })
        #expect(answer.text.contains("red and a bell and an OSC done"))
        let text = TranscriptReplay.render(TranscriptReplay.events(SampleSession.session, evaluations: true))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
    }

    @Test("with evaluations, each answer is followed by its score and concepts")
    func evaluations() throws {
        let withScores = TranscriptReplay.events(SampleSession.session, questions: SampleSession.bank, evaluations: true)
        let pairs = zip(withScores, withScores.dropFirst()).filter { $0.0.kind == .candidate }
        #expect(pairs.count == 3)
        #expect(pairs.allSatisfy { $0.1.kind == .evaluation && $0.1.offset == $0.0.offset })
        let first = try #require(pairs.first?.1.text)
        #expect(first.hasPrefix("Score 60.1 / 100, 3 of 5 concepts\nFound: Compare production inputs with training (data drift); "))
        #expect(first.contains("\nMissed: Monitor inputs, predictions and metrics; Check a new model on live traffic first"))
        #expect(pairs[1].1.text.hasPrefix("Score 52.5 / 100, 2 of 5 concepts (rescored)"))
    }

    @Test("the wait before an event is the recorded gap, capped by the idle limit, divided by the speed", arguments: [
        (0.0, 10.0, 1.0, nil as Double?, 10.0),
        (0, 10, 2, nil, 5),
        (0, 10, 1, 3, 3),
        (0, 10, 2, 3, 1.5),
        (4, 5, 4, 3, 0.25),
        (10, 5, 1, nil, 0),
        (0, 10, 0, nil, 10),
        (0, 10, -2, nil, 10),
        (0, 10, 1, 0, 0),
        (0, 10, .infinity, nil, 0),
    ])
    func delay(_ previous: Double, _ next: Double, _ speed: Double, _ idleLimit: Double?, _ expected: Double) {
        #expect(TranscriptReplay.delay(from: previous, to: next, speed: speed, idleLimit: idleLimit) == expected)
    }

    @Test("the waits for a whole session add up to its duration, or less with an idle limit")
    func delays() {
        let real = TranscriptReplay.delays(events)
        #expect(abs(real.reduce(0, +) - 1084) < 1e-9)
        #expect(real.first == 2)
        let capped = TranscriptReplay.delays(events, speed: 2, idleLimit: 4)
        #expect(capped.allSatisfy { $0 >= 0 && $0 <= 2 })
    }
}
