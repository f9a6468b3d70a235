import Foundation
import InterviewKit

/// Everything a session's report shows, worked out once from the stored transcript, so that the
/// Markdown, HTML and JSON reports say the same thing. `JSONReport` encodes it as it is.
///
/// Per question, the breakdown, structure and missed concepts are those of the opening answer (the
/// score's basis, see `QuestionResult`); a concept the candidate supplied only after a follow-up is
/// listed as recovered, with the half credit it earned, and no longer counts as missed. Mentions
/// inside a negation are collected from every answer to the question, unless another answer earned
/// the concept.
struct SessionSummary: Codable, Sendable {
    static let schemaName = "mock-interview-report/1"

    struct Session: Codable, Sendable {
        var id: Int64
        var startedAt: Date
        var endedAt: Date?
        var durationSeconds: Double
        var candidate: String?
        var status: SessionStatus
        var feedback: FeedbackMode
        var questionIDs: [String]
    }

    struct QuestionEntry: Codable, Sendable {
        var id: String
        /// 1-based position in the session.
        var number: Int
        /// The bank's title, or the id when the question is not in the bank.
        var title: String
        var topic: String?
        var inBank: Bool
        /// The bank's rubric hash now, to tell scores made against an older rubric apart.
        var currentRubricHash: String?
        /// Answered or skipped (what `QuestionResult.overall` counts).
        var reached: Bool
        var answered: Int
        var skipped: Bool
        var score: Double
        var openingScore: Double?
        var level: String?
        var found: [FoundConcept]
        var recovered: [RecoveredConcept]
        var missed: [MissedConcept]
        var negated: [NegatedConcept]
        /// Wrong claims made on the question, each once, with the turn that first made it.
        var flags: [FlagEntry]
        var turns: [TurnEntry]

        /// The evaluation the question's score starts from.
        var openingEvaluation: Evaluation? {
            guard let first = turns.first, first.outcome == .answered else { return nil }
            return first.evaluation
        }
    }

    struct FlagEntry: Codable, Sendable {
        var flag: RedFlag
        /// 0 for the opening answer, else which follow-up (1-based) made the claim.
        var followUp: Int
    }

    struct RecoveredConcept: Codable, Sendable {
        var concept: FoundConcept
        /// Which follow-up (1-based) first earned it.
        var followUp: Int
        var sequence: Int
        /// Half the points the follow-up answer earned for it.
        var bonus: Double
    }

    struct TurnEntry: Codable, Sendable {
        var sequence: Int
        /// 0 for the opening question, then 1, 2, … for the follow-ups.
        var followUp: Int
        var nodeID: String
        var prompt: String
        var why: String?
        var askedAt: Date
        var firstInputAt: Date?
        var submittedAt: Date?
        /// Seconds from the session start to the prompt.
        var offsetSeconds: Double
        var answer: String?
        var outcome: TurnRecord.Outcome
        var hintsUsed: Int
        var answerDurationSeconds: Double?
        var timeToFirstInputSeconds: Double?
        /// Oldest first; more than one means the answer was rescored.
        var evaluations: [StoredEvaluation]
        var rescored: Bool

        var evaluation: Evaluation? { evaluations.last?.evaluation }
    }

    struct PractiseItem: Codable, Sendable, Equatable {
        var questionID: String
        var questionNumber: Int
        var conceptID: String
        var label: String
        var pointsLost: Double
        var required: Bool
        /// Supplied only after a follow-up: half the points were lost.
        var recoveredInFollowUp: Bool
        var tip: String
    }

    struct HistoryPoint: Codable, Sendable {
        var sessionID: Int64
        var startedAt: Date
        var questionID: String
        /// 1-based attempt at the question, counting this session.
        var attempt: Int
        var score: Double
        /// The point belongs to the session being reported.
        var current: Bool
    }

    var schema: String
    var session: Session
    var overall: Double?
    var level: String?
    var questions: [QuestionEntry]
    var practiseNext: [PractiseItem]
    var history: [HistoryPoint]

    init(_ transcript: SessionTranscript, history: [ProgressData.Point], questions bank: [Question]) {
        var byID: [String: Question] = [:]
        for question in bank where byID[question.id] == nil { byID[question.id] = question }
        let ids = Self.questionIDs(of: transcript)
        let record = transcript.session

        schema = Self.schemaName
        session = Session(
            id: record.id, startedAt: record.startedAt, endedAt: record.endedAt,
            durationSeconds: Self.milliRounded(transcript.durationSeconds), candidate: record.candidate,
            status: record.status, feedback: record.feedback, questionIDs: record.questionIDs
        )
        var entries: [QuestionEntry] = []
        var results: [QuestionResult] = []
        for (index, id) in ids.enumerated() {
            let turns = transcript.turns(of: id)
            let result = QuestionResult(questionID: id, turns: turns)
            results.append(result)
            entries.append(Self.entry(number: index + 1, result: result, turns: turns, question: byID[id], start: record.startedAt))
        }
        questions = entries
        overall = QuestionResult.overall(results)
        level = overall.map(QuestionResult.level(for:))
        practiseNext = Self.practiseItems(entries)
        self.history = Self.historyPoints(transcript, earlier: history, questionIDs: ids)
    }

    /// The session's questions in order, then any question a stored turn names that the session
    /// record does not (so nothing stored is left out of the report).
    static func questionIDs(of transcript: SessionTranscript) -> [String] {
        var ids: [String] = []
        for id in transcript.session.questionIDs + transcript.turns.map(\.questionID) where !ids.contains(id) {
            ids.append(id)
        }
        return ids
    }

    static func entry(number: Int, result: QuestionResult, turns: [TurnRecord], question: Question?, start: Date) -> QuestionEntry {
        let turnEntries = turns.enumerated().map { index, turn in
            TurnEntry(
                sequence: turn.sequence, followUp: index, nodeID: turn.nodeID, prompt: turn.prompt, why: turn.why,
                askedAt: turn.askedAt, firstInputAt: turn.firstInputAt, submittedAt: turn.submittedAt,
                offsetSeconds: milliRounded(ReportFormat.offset(turn.askedAt, from: start)), answer: turn.answer,
                outcome: turn.outcome, hintsUsed: turn.hintsUsed,
                answerDurationSeconds: turn.answerDuration.map(milliRounded),
                timeToFirstInputSeconds: turn.timeToFirstInput.map(milliRounded),
                evaluations: turn.evaluations, rescored: turn.evaluations.count > 1
            )
        }
        let opening = turnEntries.first.flatMap { $0.outcome == .answered ? $0.evaluation : nil }
        let found = opening?.concepts.found ?? []
        var seen = Set(found.map(\.id))
        var recovered: [RecoveredConcept] = []
        if opening != nil {
            for turn in turnEntries.dropFirst() {
                for concept in turn.evaluation?.concepts.found ?? [] where !seen.contains(concept.id) {
                    seen.insert(concept.id)
                    recovered.append(RecoveredConcept(concept: concept, followUp: turn.followUp, sequence: turn.sequence, bonus: tenthRounded((concept.questionPoints ?? concept.points) / 2)))
                }
            }
        }
        var negated: [NegatedConcept] = []
        for turn in turnEntries {
            for concept in turn.evaluation?.concepts.negated ?? [] where !seen.contains(concept.id) {
                seen.insert(concept.id)
                negated.append(concept)
            }
        }
        var flags: [FlagEntry] = []
        var flagged = Set<String>()
        for turn in turnEntries {
            for flag in turn.evaluation?.flags ?? [] where flagged.insert(flag.id).inserted {
                flags.append(FlagEntry(flag: flag, followUp: turn.followUp))
            }
        }
        let recoveredIDs = Set(recovered.map(\.concept.id))
        let reached = result.answered > 0 || result.skipped
        return QuestionEntry(
            id: result.questionID, number: number, title: question?.title ?? result.questionID, topic: question?.topic,
            inBank: question != nil, currentRubricHash: question?.contentHash, reached: reached,
            answered: result.answered, skipped: result.skipped, score: result.score, openingScore: result.openingScore,
            level: reached ? QuestionResult.level(for: result.score) : nil,
            found: found, recovered: recovered,
            missed: (opening?.concepts.missed ?? []).filter { !recoveredIDs.contains($0.id) },
            negated: negated, flags: flags, turns: turnEntries
        )
    }

    /// Missed concepts of every question, most points lost first; concepts recovered in a
    /// follow-up count with the half they still lost.
    static func practiseItems(_ entries: [QuestionEntry]) -> [PractiseItem] {
        var items: [PractiseItem] = []
        for entry in entries {
            guard let opening = entry.openingEvaluation else { continue }
            let bonuses = Dictionary(entry.recovered.map { ($0.concept.id, $0.bonus) }, uniquingKeysWith: { first, _ in first })
            for concept in opening.concepts.missed {
                let lost = tenthRounded(concept.pointsLost - (bonuses[concept.id] ?? 0))
                guard lost > 0 else { continue }
                items.append(PractiseItem(
                    questionID: entry.id, questionNumber: entry.number, conceptID: concept.id, label: concept.label,
                    pointsLost: lost, required: concept.required, recoveredInFollowUp: bonuses[concept.id] != nil, tip: concept.tip
                ))
            }
        }
        return items.sorted { a, b in
            if a.pointsLost != b.pointsLost { return a.pointsLost > b.pointsLost }
            if a.required != b.required { return a.required }
            if a.questionNumber != b.questionNumber { return a.questionNumber < b.questionNumber }
            return a.conceptID < b.conceptID
        }
    }

    /// Scores of this session's questions in the sessions before it and in it, oldest first. Only
    /// sessions that started earlier count, so a past session's report does not change when later
    /// sessions are added.
    static func historyPoints(_ transcript: SessionTranscript, earlier: [ProgressData.Point], questionIDs: [String]) -> [HistoryPoint] {
        let current = transcript.session
        struct Attempt: Hashable { var session: Int64, question: String }
        let asked = Set(questionIDs)
        var seen: Set<Attempt> = []
        let before = earlier
            .filter { ($0.startedAt, $0.sessionID) < (current.startedAt, current.id) && asked.contains($0.questionID) }
            .filter { seen.insert(Attempt(session: $0.sessionID, question: $0.questionID)).inserted }
        let order = Dictionary(questionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = before.sorted {
            ($0.startedAt, $0.sessionID, order[$0.questionID] ?? 0) < ($1.startedAt, $1.sessionID, order[$1.questionID] ?? 0)
        }
        let own = ProgressData.Point.points(of: transcript).filter { asked.contains($0.questionID) }
        var attempts: [String: Int] = [:]
        return (sorted + own).map { point in
            attempts[point.questionID, default: 0] += 1
            return HistoryPoint(
                sessionID: point.sessionID, startedAt: point.startedAt, questionID: point.questionID,
                attempt: attempts[point.questionID] ?? 1, score: point.score, current: point.sessionID == current.id
            )
        }
    }

    static func tenthRounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    static func milliRounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
