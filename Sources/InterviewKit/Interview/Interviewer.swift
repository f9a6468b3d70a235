import Dispatch
import Synchronization

/// What the interviewer asks next.
public struct InterviewPrompt: Sendable, Hashable {
    public var questionID: String
    public var questionTitle: String
    /// 1-based position of the question in the interview.
    public var questionNumber: Int
    public var questionCount: Int
    public var nodeID: String
    public var text: String
    /// Why the interviewer follows up ("You haven't said how you would notice…").
    public var why: String?
    public var hint: String?
    public var isOpening: Bool
}

/// The interviewer as a state machine: it asks, takes an answer (or a skip), and walks each
/// question's dialogue tree by what the answers so far covered or missed. No terminal, no database:
/// the shell feeds it answers and stores what it says.
public struct Interviewer: Sendable {
    /// A question ends after this many turns even if its tree would go on.
    public static let maximumTurnsPerQuestion = 6

    public let questions: [Question]
    /// Built on another thread from the start: the first prompt does not wait for them.
    let evaluators: EvaluatorSet
    public private(set) var questionIndex = 0
    private var nodeID: String?
    private var why: String?
    private var visited: [String] = []
    private var covered: Set<String> = []

    public init(questions: [Question], tokenizer: Tokenizer = Tokenizer(), similarWords: SimilarWords? = nil) {
        self.questions = questions
        evaluators = EvaluatorSet(questions: questions, tokenizer: tokenizer, similarWords: similarWords)
        nodeID = questions.first?.dialogue.start?.id
    }

    public var isFinished: Bool { questionIndex >= questions.count }

    public var currentQuestion: Question? { isFinished ? nil : questions[questionIndex] }

    /// The evaluator of the question being asked.
    public var currentEvaluator: Evaluator? { isFinished ? nil : evaluators.all[questionIndex] }

    /// The prompt to show now, or `nil` when the interview is over.
    public var current: InterviewPrompt? {
        guard let question = currentQuestion, let nodeID, let node = question.dialogue.node(nodeID) else { return nil }
        let isOpening = nodeID == question.dialogue.start?.id
        return InterviewPrompt(
            questionID: question.id, questionTitle: question.title, questionNumber: questionIndex + 1,
            questionCount: questions.count, nodeID: nodeID, text: node.prompt ?? question.prompt,
            why: why, hint: node.hint, isOpening: isOpening
        )
    }

    /// Evaluates an answer to the current prompt and moves on. Returns the evaluation.
    @discardableResult
    public mutating func answer(_ text: String, duration: Double? = nil) -> Evaluation? {
        guard let evaluator = currentEvaluator else { return nil }
        let evaluation = evaluator.evaluate(text, duration: duration, node: nodeID)
        advance(answer: text, evaluation: evaluation)
        return evaluation
    }

    /// Moves on after an answer that was evaluated elsewhere (when replaying a stored session).
    public mutating func advance(answer: String, evaluation: Evaluation) {
        guard let question = currentQuestion, let nodeID, let node = question.dialogue.node(nodeID) else { return }
        visited.append(nodeID)
        covered.formUnion(evaluation.concepts.foundIDs)
        let context = DialogueContext(
            evaluation: evaluation, covered: covered, visited: Set(visited),
            mentions: { [evaluators, questionIndex] phrases in evaluators.all[questionIndex].mentions(phrases, in: answer) }
        )
        let edge = node.edges.first { edge in edge.condition.map { context.holds($0) } ?? true }
        switch edge?.target {
        case let .node(next)? where visited.count < Self.maximumTurnsPerQuestion && question.dialogue.node(next) != nil:
            self.nodeID = next
            why = edge?.why
        default:
            nextQuestion()
        }
    }

    /// Skips the rest of the current question.
    public mutating func skipQuestion() {
        nextQuestion()
    }

    /// Ends the interview where it stands.
    public mutating func finish() {
        questionIndex = questions.count
        nodeID = nil
    }

    private mutating func nextQuestion() {
        questionIndex += 1
        visited = []
        covered = []
        why = nil
        nodeID = currentQuestion?.dialogue.start?.id
    }

    /// Rebuilds the interviewer's position from a stored session's turns, so `resume` asks exactly
    /// where the session stopped. A pending last turn is asked again.
    public mutating func replay(_ turns: [TurnRecord]) {
        for turn in turns.sorted(by: { $0.sequence < $1.sequence }) {
            guard let prompt = current else { return }
            // A question skipped from a follow-up, or ended by an earlier version of the tree.
            while let prompt = current, prompt.questionID != turn.questionID { _ = prompt; nextQuestion() }
            guard current != nil else { return }
            switch turn.outcome {
            case .answered:
                if let evaluation = turn.evaluation {
                    advance(answer: turn.answer ?? "", evaluation: evaluation)
                } else {
                    answer(turn.answer ?? "")
                }
            case .skipped:
                skipQuestion()
            case .pending:
                _ = prompt
                return
            }
        }
    }
}

/// What dialogue conditions are tested against.
struct DialogueContext {
    var evaluation: Evaluation
    var covered: Set<String>
    var visited: Set<String>
    var mentions: ([String]) -> Bool

    func holds(_ condition: DialogueCondition) -> Bool {
        condition.clauses.allSatisfy(holds)
    }

    func holds(_ clause: DialogueCondition.Clause) -> Bool {
        switch clause {
        case let .covered(ids): ids.allSatisfy(covered.contains)
        case let .missed(ids): ids.allSatisfy { !covered.contains($0) }
        case let .stagePresent(id): evaluation.stages.contains { $0.id == id && $0.status != .missing }
        case let .stageMissing(id): evaluation.stages.contains { $0.id == id && $0.status == .missing }
        case let .scoreBelow(bound): evaluation.score < bound
        case let .scoreAtLeast(bound): evaluation.score >= bound
        case let .wordsBelow(bound): evaluation.words < bound
        case let .mentions(phrases): mentions(phrases)
        case let .visited(id): visited.contains(id)
        case let .notVisited(id): !visited.contains(id)
        }
    }
}

/// The evaluators of an interview's questions, compiled on another thread as soon as the interview is
/// set up, so that the greeting and the first prompt do not wait for a rubric's phrases to be stemmed;
/// the first answer waits for them if it comes sooner.
final class EvaluatorSet: Sendable {
    private let build: @Sendable () -> [Evaluator]
    private let built = Mutex<[Evaluator]?>(nil)

    init(questions: [Question], tokenizer: Tokenizer, similarWords: SimilarWords?) {
        build = { questions.map { Evaluator(question: $0, tokenizer: tokenizer, similarWords: similarWords) } }
        // Also reads WordNet's tables and compiles the synonyms while the candidate reads the question.
        DispatchQueue.global(qos: .userInitiated).async { [self] in all.forEach { $0.prepare() } }
    }

    /// The evaluators, in the questions' order.
    var all: [Evaluator] {
        built.withLock { state in
            if let state { return state }
            let made = build()
            state = made
            return made
        }
    }
}
