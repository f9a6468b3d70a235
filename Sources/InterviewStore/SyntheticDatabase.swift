import Foundation
import GRDB
import InterviewKit

/// Fills a database with realistic made-up sessions, fast and reproducibly: the data behind the
/// `list`, `report` and `progress` benchmarks at 10,000 and 100,000 sessions.
///
/// Sessions start from 2024 on, a few hours apart (closer when there are many), ask up to five
/// questions (q1–q5) with follow-ups, and get better over time; answers of 100–300 words are
/// assembled from a small vocabulary; each answer has an evaluation whose JSON has the real
/// `Evaluation` shape and its concept misses, and each session its per-question and overall scores. Most sessions are completed, some ended early
/// (last turn skipped) and some interrupted (last turn unanswered). The same seed gives the same
/// rows on any machine.
///
/// ```swift
/// let counts = try SyntheticDatabase.generate(path: "/tmp/bench.sqlite", sessions: 10_000, turnsPerSession: 20, seed: 1)
/// ```
public enum SyntheticDatabase {
    /// What a generation added.
    public struct Counts: Sendable, Hashable, Codable {
        public var sessions = 0
        public var turns = 0
        public var evaluations = 0
        public var conceptMisses = 0
        public var questionScores = 0
    }

    /// Adds `sessions` sessions of `turnsPerSession` turns each to the database at `path` (created if
    /// missing), committing every few thousand rows.
    @discardableResult
    public static func generate(path: String, sessions: Int, turnsPerSession: Int = 20, seed: UInt64 = 1) throws(StoreError) -> Counts {
        let store = try SessionStore(path: path)
        var generator = try store.perform {
            try Generator(seed: seed, sessions: max(0, sessions), turnsPerSession: max(1, turnsPerSession))
        }
        var counts = Counts()
        while generator.remaining > 0 {
            try store.write { db in try generator.insertBatch(db, counts: &counts) }
        }
        return counts
    }
}

extension SyntheticDatabase {
    /// The state of one generation: the random sequence, the clock, the pre-built texts.
    struct Generator {
        static let turnsPerTransaction = 2_000
        static let start = StoredTimestamp.date(milliseconds: 1_704_099_600_000) // 2024-01-01T09:00:00Z

        var random: SeededGenerator
        let total: Int
        let turnsPerSession: Int
        var remaining: Int
        var clock: Date
        /// Sessions are a few hours apart, closer when there are many, so that any count spans at
        /// most about five years.
        let meanGap: TimeInterval
        let sentences: [[String]]
        let templates: [[EvaluationTemplate]]

        init(seed: UInt64, sessions: Int, turnsPerSession: Int) throws {
            random = SeededGenerator(seed: seed)
            total = sessions
            self.turnsPerSession = turnsPerSession
            remaining = sessions
            clock = Self.start
            meanGap = min(9_000, 5 * 365 * 86_400 / Double(max(1, sessions)))
            var random = self.random
            sentences = SyntheticCorpus.questions.map { Self.sentencePool(for: $0, random: &random) }
            templates = try SyntheticCorpus.questions.map { question in
                try (0..<question.concepts.count).flatMap { misses in
                    try (0..<3).map { variant in try EvaluationTemplate(question: question, missing: misses, variant: variant) }
                }
            }
            self.random = random
        }

        mutating func insertBatch(_ db: Database, counts: inout Counts) throws {
            let insertSession = try db.cachedStatement(sql: """
                INSERT INTO sessions (started_at, ended_at, status, candidate, question_ids, feedback, owner_pid, score, answered_turns, last_event_at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)
                """)
            let insertTurn = try db.cachedStatement(sql: """
                INSERT INTO turns (session_id, sequence, question_id, node_id, prompt, why, asked_at, first_input_at, submitted_at, answer, outcome, hints_used, score)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertEvaluation = try db.cachedStatement(sql: """
                INSERT INTO evaluations (turn_id, created_at, engine, rubric_hash, score, evaluation) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let insertMiss = try db.cachedStatement(sql: """
                INSERT INTO concept_misses (turn_id, concept_id, session_id, question_id, label) VALUES (?, ?, ?, ?, ?)
                """)
            let insertScore = try db.cachedStatement(sql: """
                INSERT INTO session_questions (session_id, question_id, started_at, score) VALUES (?, ?, ?, ?)
                ON CONFLICT (session_id, question_id) DO UPDATE SET score = excluded.score
                """)
            var turnsInBatch = 0
            while remaining > 0 && turnsInBatch < Self.turnsPerTransaction {
                let session = planSession(index: total - remaining)
                remaining -= 1
                try insertSession.execute(arguments: [
                    StoredTimestamp.string(from: session.startedAt), session.endedAt.map(StoredTimestamp.string(from:)),
                    session.status.rawValue, session.candidate, try JSONText.encode(session.questionIDs),
                    session.feedback.rawValue, session.score, session.answeredTurns,
                    StoredTimestamp.string(from: session.lastEventAt),
                ])
                let sessionID = db.lastInsertedRowID
                for (sequence, turn) in session.turns.enumerated() {
                    try insertTurn.execute(arguments: [
                        sessionID, sequence, turn.question.id, turn.nodeID, turn.prompt, turn.why,
                        StoredTimestamp.string(from: turn.askedAt), turn.firstInputAt.map(StoredTimestamp.string(from:)),
                        turn.submittedAt.map(StoredTimestamp.string(from:)), turn.answer, turn.outcome.rawValue,
                        turn.hintsUsed, turn.score,
                    ])
                    let turnID = db.lastInsertedRowID
                    guard let score = turn.score, let template = turn.template, let submitted = turn.submittedAt else { continue }
                    try insertEvaluation.execute(arguments: [
                        turnID, StoredTimestamp.string(from: submitted), Evaluator.engineVersion, template.rubricHash, score,
                        template.json(score: score),
                    ])
                    for concept in template.missed {
                        try insertMiss.execute(arguments: [turnID, concept.id, sessionID, turn.question.id, concept.label])
                    }
                    counts.evaluations += 1
                    counts.conceptMisses += template.missed.count
                }
                for (questionID, score) in session.questionScores {
                    try insertScore.execute(arguments: [sessionID, questionID, StoredTimestamp.string(from: session.startedAt), score])
                }
                counts.sessions += 1
                counts.turns += session.turns.count
                counts.questionScores += session.questionScores.count
                turnsInBatch += session.turns.count
            }
        }

        // MARK: - Planning one session

        struct PlannedTurn {
            var question: SyntheticCorpus.Question
            var nodeID: String
            var prompt: String
            var why: String?
            var askedAt: Date
            var firstInputAt: Date?
            var submittedAt: Date?
            var answer: String?
            var outcome: TurnRecord.Outcome
            var hintsUsed: Int
            var score: Double?
            var template: EvaluationTemplate?
        }

        struct PlannedSession {
            var startedAt: Date
            var endedAt: Date?
            var lastEventAt: Date
            var status: SessionStatus
            var candidate: String?
            var questionIDs: [String]
            var feedback: FeedbackMode
            var turns: [PlannedTurn]
            var questionScores: [(String, Double)]
            var score: Double?
            var answeredTurns: Int
        }

        mutating func planSession(index: Int) -> PlannedSession {
            clock += random.double(0.5...1.5) * meanGap
            let startedAt = StoredTimestamp.rounded(clock)
            let questions = SyntheticCorpus.questions
            let questionCount = min(questions.count, turnsPerSession)
            let first = index % questions.count
            let asked = (0..<questionCount).map { questions[(first + $0) % questions.count] }
            let skill = 40 + 40 * Double(index) / Double(max(1, total - 1)) + random.double(-8...8)
            let roll = random.double(0...1)
            let status: SessionStatus = roll < 0.90 ? .completed : roll < 0.96 ? .endedEarly : .interrupted

            var turns: [PlannedTurn] = []
            var time = startedAt.addingTimeInterval(random.double(2...8))
            for position in 0..<turnsPerSession {
                let questionIndex = position * questionCount / turnsPerSession
                let question = asked[questionIndex]
                let isOpening = position == 0 || (position - 1) * questionCount / turnsPerSession != questionIndex
                let concept = random.pick(question.concepts)
                var turn = PlannedTurn(
                    question: question,
                    nodeID: isOpening ? "open" : "probe-\(concept.id)",
                    prompt: isOpening ? question.prompt : "You did not mention \(concept.label.lowercased()). How would it fit into your approach?",
                    why: isOpening ? nil : "\(concept.label) was missing from the answer",
                    askedAt: StoredTimestamp.rounded(time), outcome: .answered, hintsUsed: random.chance(0.1) ? 1 : 0)
                let isLast = position == turnsPerSession - 1
                if isLast && status == .interrupted {
                    turn.outcome = .pending
                    turns.append(turn)
                    break
                }
                let firstInput = time.addingTimeInterval(random.double(2...30))
                let submitted = firstInput.addingTimeInterval(random.double(40...240))
                turn.firstInputAt = StoredTimestamp.rounded(firstInput)
                turn.submittedAt = StoredTimestamp.rounded(submitted)
                time = submitted.addingTimeInterval(random.double(1...6))
                if isLast && status == .endedEarly {
                    turn.outcome = .skipped
                    turn.firstInputAt = nil
                } else {
                    let score = (min(100, max(0, skill + random.double(-15...15))) * 10).rounded() / 10
                    let misses = min(question.concepts.count - 1, Int((100 - score) / 100 * Double(question.concepts.count) + random.double(0...0.9)))
                    turn.score = score
                    turn.template = templates[questions.firstIndex { $0.id == question.id } ?? 0][misses * 3 + random.int(0...2)]
                    turn.answer = answer(for: question, words: random.int(100...300))
                }
                turns.append(turn)
            }

            var questionScores: [(String, Double)] = []
            for question in asked {
                let own = turns.filter { $0.question.id == question.id }
                guard let opening = own.first?.score else { continue }
                let recovered = Double(own.dropFirst().filter { $0.score != nil }.count) * 2.5
                questionScores.append((question.id, min(100, ((opening + recovered) * 10).rounded() / 10)))
            }
            let overall = questionScores.isEmpty
                ? nil : ((questionScores.reduce(0) { $0 + $1.1 } / Double(questionScores.count)) * 10).rounded() / 10
            let last = turns.last.map { $0.submittedAt ?? $0.askedAt } ?? startedAt
            return PlannedSession(
                startedAt: startedAt, endedAt: status == .interrupted ? nil : StoredTimestamp.rounded(time),
                lastEventAt: status == .interrupted ? last : StoredTimestamp.rounded(time), status: status,
                candidate: index % 7 == 0 ? nil : "candidate-\(index % 3 + 1)", questionIDs: asked.map(\.id),
                feedback: [.end, .each, .off][index % 3], turns: turns, questionScores: questionScores,
                score: overall, answeredTurns: turns.filter { $0.outcome == .answered }.count)
        }

        /// An answer of about `words` words: sentences drawn from the question's pool.
        mutating func answer(for question: SyntheticCorpus.Question, words: Int) -> String {
            let pool = sentences[SyntheticCorpus.questions.firstIndex { $0.id == question.id } ?? 0]
            var text = ""
            var count = 0
            while count < words {
                let sentence = random.pick(pool)
                if !text.isEmpty { text += " " }
                text += sentence
                count += sentence.utf8.reduce(1) { $0 + ($1 == 32 ? 1 : 0) }
            }
            return text
        }

        static func sentencePool(for question: SyntheticCorpus.Question, random: inout SeededGenerator) -> [String] {
            var pool: [String] = SyntheticCorpus.fillers
            for _ in 0..<48 {
                let concept = random.pick(question.concepts)
                pool.append("\(random.pick(SyntheticCorpus.openers)) \(concept.phrase), \(random.pick(SyntheticCorpus.connectors)).")
            }
            return pool
        }
    }

    /// A pre-encoded evaluation of one question missing some concepts, with a hole for the score:
    /// filling the hole is much cheaper than encoding an `Evaluation` per answer.
    struct EvaluationTemplate {
        let rubricHash: String
        let missed: [SyntheticCorpus.Concept]
        private let prefix: String
        private let suffix: String

        init(question: SyntheticCorpus.Question, missing: Int, variant: Int) throws {
            let count = question.concepts.count
            let indices = Set((0..<missing).map { (variant * 2 + $0) % count })
            missed = indices.sorted().map { question.concepts[$0] }
            rubricHash = "synthetic-\(question.id)-v1"
            let json = try Self.evaluationJSON(question: question, missed: indices, rubricHash: rubricHash)
            let sentinel = "987654.25"
            let parts = json.components(separatedBy: sentinel)
            if parts.count == 2 {
                prefix = parts[0]
                suffix = parts[1]
            } else {
                prefix = json
                suffix = ""
            }
        }

        func json(score: Double) -> String {
            guard !suffix.isEmpty else { return prefix }
            let tenths = Int((score * 10).rounded())
            return prefix + "\(tenths / 10).\(tenths % 10)" + suffix
        }

        static func evaluationJSON(question: SyntheticCorpus.Question, missed: Set<Int>, rubricHash: String) throws -> String {
            let totalWeight = question.concepts.reduce(0) { $0 + $1.weight }
            var found: [[String: Any]] = []
            var missedConcepts: [[String: Any]] = []
            var offset = 0
            for (index, concept) in question.concepts.enumerated() {
                let points = (concept.weight / totalWeight * 50 * 10).rounded() / 10
                if missed.contains(index) {
                    missedConcepts.append([
                        "id": concept.id, "label": concept.label, "weight": concept.weight, "pointsLost": points,
                        "required": false, "tip": "Mention \(concept.label.lowercased()): \(concept.phrase).",
                    ])
                } else {
                    let end = offset + concept.phrase.unicodeScalars.count
                    found.append([
                        "id": concept.id, "label": concept.label, "weight": concept.weight, "points": points,
                        "evidence": [["start": offset, "end": end, "text": concept.phrase, "phrase": concept.phrase]],
                    ])
                    offset = end + 40
                }
            }
            let coverage = 1 - Double(missed.count) / Double(question.concepts.count)
            let stages: [[String: Any]] = question.stages.enumerated().map { index, stage in
                index < question.stages.count - missed.count / 2
                    ? ["id": stage.id, "label": stage.label, "status": "present", "sentence": index,
                       "evidence": ["start": index * 80, "end": index * 80 + 20, "text": stage.label.lowercased(), "phrase": stage.label.lowercased()]]
                    : ["id": stage.id, "label": stage.label, "status": "missing"]
            }
            func component(_ name: String, _ value: Double, _ weight: Double, _ detail: String) -> [String: Any] {
                ["name": name, "value": (value * 1000).rounded() / 1000, "weight": weight,
                 "points": (value * weight * 1000).rounded() / 10, "maxPoints": weight * 100, "detail": detail]
            }
            let object: [String: Any] = [
                "question": question.id,
                "score": 987654.25,
                "components": [
                    component("coverage", coverage, 0.5, "\(found.count) of \(question.concepts.count) concepts"),
                    component("structure", 0.75, 0.2, "\(question.stages.count - missed.count / 2) of \(question.stages.count) stages"),
                    component("length", 1, 0.15, "190 words; band 120–350"),
                    component("delivery", 0.9, 0.15, "1 fillers, 1 hedges"),
                ],
                "concepts": ["found": found, "missed": missedConcepts, "negated": [[String: Any]]()],
                "stages": stages,
                "words": 190,
                "sentences": 11,
                "delivery": [
                    "fillers": [["word": "basically", "count": 1]], "hedges": [["word": "i think", "count": 1]],
                    "wordsPerMinute": 118.5, "durationSeconds": 96.2, "keywordShare": 0.04,
                ],
                "notes": [String](),
                "engine": Evaluator.engineVersion,
                "rubricHash": rubricHash,
            ]
            // Decoding as `Evaluation` and encoding again guarantees the stored shape is the real one.
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONText.encode(JSONDecoder().decode(Evaluation.self, from: data))
        }
    }
}
