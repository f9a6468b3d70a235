import Foundation
import InterviewKit

/// A realistic stored session, built in code and scored by the real engine, with the earlier
/// sessions its progress section compares against.
///
/// Session 12 (2025-03-14 09:30 UTC, candidate Ada): q1 answered with a follow-up that recovers a
/// concept and was rescored; q2 answered with an answer full of Markdown, HTML and terminal
/// specials; q3, which is not in the bank, skipped. Sessions 3 and 7 came before, 15 after.
enum SampleSession {
    static let start = Date(timeIntervalSince1970: 1_741_944_600) // 2025-03-14T09:30:00Z

    static func at(_ seconds: Double, from base: Date = start) -> Date {
        base.addingTimeInterval(seconds)
    }

    // MARK: Questions

    static let churn = Question(
        id: "q1", title: "Churn model degraded in production", topic: "Production ML",
        prompt: "Your churn model scored well on the holdout set, but a few weeks after launch its predictions are clearly worse. What would you do?",
        rubric: Rubric(
            concepts: [
                Concept(id: "data-drift", label: "Compare production inputs with training (data drift)", weight: 3, stage: "root-cause", required: true,
                        phrases: ["data drift", "compare distributions", "distribution shift"], abbreviations: ["PSI"],
                        tip: "Compare each feature's distribution in production with the training set, for example with a population stability index."),
                Concept(id: "pipeline-skew", label: "Training-serving skew in the feature pipeline", weight: 2, stage: "root-cause",
                        phrases: ["training serving skew", "feature pipeline", "schema change"],
                        tip: "Check that production computes every feature exactly as the training code did."),
                Concept(id: "retrain", label: "Retrain on recent, representative data", weight: 2, stage: "fix",
                        phrases: ["retrain", "recent data", "fresh data"],
                        tip: "Get training data that looks like today's customers and retrain on it."),
                Concept(id: "monitoring", label: "Monitor inputs, predictions and metrics", weight: 3, stage: "monitor",
                        phrases: ["monitor", "dashboard", "alert"],
                        tip: "Track input drift and the prediction distribution on a dashboard, with alerts."),
                Concept(id: "safe-rollout", label: "Check a new model on live traffic first", weight: 2, stage: "iterate",
                        phrases: ["A/B test", "shadow mode", "canary"],
                        tip: "Run a retrained model in shadow mode or as a canary before it takes over."),
            ],
            stages: [
                Stage(id: "root-cause", label: "root cause", cues: ["first", "root cause", "investigate"]),
                Stage(id: "fix", label: "fix", cues: ["fix", "once I know"]),
                Stage(id: "monitor", label: "monitor", cues: ["monitor", "dashboard"]),
                Stage(id: "iterate", label: "iterate", cues: ["going forward", "iterate", "finally"]),
            ],
            length: LengthBand(min: 40, max: 250)
        ),
        dialogue: DialogueTree(nodes: [
            DialogueNode(id: "open", edges: [DialogueEdge(condition: DialogueCondition([.missed(["monitoring"])]), target: .node("probe-monitoring"), why: followUpReason), DialogueEdge(target: .end)]),
            DialogueNode(id: "probe-monitoring", prompt: followUpPrompt, edges: [DialogueEdge(target: .end)]),
        ]),
        contentHash: "c0ffee00c0ffee00"
    )

    static let followUpReason = "You haven't said how you would notice this happening again."
    static let followUpPrompt = "Once it is fixed, how would you find out quickly if it starts slipping again?"

    /// A question whose title is full of Markdown specials, to show bank text is escaped too.
    static let imbalance = Question(
        id: "q2", title: "Imbalanced classes: *SMOTE*, <weights> & `thresholds` | trade-offs", topic: "Classical ML",
        prompt: "Only 1% of your transactions are fraud. How do you train and evaluate a classifier?",
        rubric: Rubric(
            concepts: [
                Concept(id: "resampling", label: "Resample the classes (SMOTE, undersampling)", weight: 2, stage: "techniques",
                        phrases: ["oversample", "undersample", "resample"], abbreviations: ["SMOTE"],
                        tip: "Name a resampling method and the risk it carries (SMOTE can blur the class boundary)."),
                Concept(id: "class-weights", label: "Weight the loss by class", weight: 2, stage: "techniques",
                        phrases: ["class weights", "weighted loss", "cost sensitive"],
                        tip: "Weighting the loss keeps every example while making minority errors cost more."),
                Concept(id: "metrics", label: "Judge by precision and recall, not accuracy", weight: 3, stage: "challenges",
                        phrases: ["precision", "recall", "PR curve"],
                        tip: "Accuracy is 99% for a model that never flags fraud; use precision, recall and the PR curve."),
                Concept(id: "threshold", label: "Tune the decision threshold", weight: 2, stage: "tradeoffs",
                        phrases: ["threshold"],
                        tip: "Pick the threshold from the PR curve to match the cost of a missed fraud against a false alarm."),
            ],
            stages: [
                Stage(id: "challenges", label: "challenges", cues: ["problem", "challenge"]),
                Stage(id: "techniques", label: "techniques", cues: ["SMOTE", "class weights"]),
                Stage(id: "tradeoffs", label: "trade-offs", cues: ["trade-off", "downside"]),
            ],
            length: LengthBand(min: 30, max: 200)
        ),
        dialogue: DialogueTree(nodes: [DialogueNode(id: "open", edges: [DialogueEdge(target: .end)])]),
        contentHash: "5eed5eed5eed5eed"
    )

    /// The bank as the report sees it: q3 is missing on purpose.
    static let bank = [churn, imbalance]

    // MARK: Answers

    static let churnOpening = """
    Going forward this needs a proper process.

    Um, first I'd investigate the root cause. I'd compare distributions of the key features in production against the training set, maybe with PSI, and check the feature pipeline for a schema change.

    Once I know the cause I'd fix it: basically retrain on recent data. I would not use a canary, I'd just swap the model.
    """

    static let churnFollowUp = "I'd set up a dashboard to monitor the prediction distribution every day, with an alert when PSI goes above 0.2."

    /// Everything that could break a Markdown document, an HTML page or a terminal.
    static let hostileAnswer = """
    <script>alert(1)</script> The problem is that accuracy hides the minority class, so I'd use precision and recall.
    <img src=x onerror=alert(1)> and [click me](javascript:alert(1)) or ![x](javascript:alert(2)) or <a href="javascript:alert(3)">link</a>
    | col | col |
    |---|---|
    # Not a heading
    > not a quote
    - not a list
    1. not a list either
    *not emphasis* _nor this_ ~~nor strike~~ `not code` ```fence
    \\ backslash at the end \\
    &amp; &lt;b&gt; &#60;i&#62; &copy;
    \u{1B}[31mred\u{1B}[0m and a bell\u{07} and an OSC \u{1B}]0;title\u{07}done
    ===
            indented code?
    I'd try SMOTE or class weights. The trade-off: a lower threshold on the PR curve means more false alarms.
    """

    /// The hostile answer's lines as a reader must see them (escape sequences and controls gone).
    static let hostileLinesAsText = [
        "<script>alert(1)</script> The problem is that accuracy hides the minority class, so I'd use precision and recall.",
        "<img src=x onerror=alert(1)> and [click me](javascript:alert(1)) or ![x](javascript:alert(2)) or <a href=\"javascript:alert(3)\">link</a>",
        "| col | col |",
        "|---|---|",
        "# Not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list either",
        "*not emphasis* _nor this_ ~~nor strike~~ `not code` ```fence",
        "\\ backslash at the end \\",
        "&amp; &lt;b&gt; &#60;i&#62; &copy;",
        "red and a bell and an OSC done",
        "===",
        "indented code?",
        "I'd try SMOTE or class weights. The trade-off: a lower threshold on the PR curve means more false alarms.",
    ]

    // MARK: Sessions

    static func evaluation(_ question: Question, _ answer: String, duration: Double?) -> Evaluation {
        Evaluator(question: question).evaluate(answer, duration: duration)
    }

    static func stored(_ id: Int64, at date: Date, _ evaluation: Evaluation) -> StoredEvaluation {
        StoredEvaluation(id: id, createdAt: date, evaluation: evaluation)
    }

    /// The session the golden report is rendered from.
    static let session: SessionTranscript = {
        var older = evaluation(churn, churnFollowUp, duration: 30)
        older.engine = "mock-interview-engine/0.9"
        older.rubricHash = "0ld0ld0ld0ld0ld0"
        older.score = 21.5
        let turns = [
            TurnRecord(
                id: 101, sessionID: 12, sequence: 0, questionID: "q1", nodeID: "open", prompt: churn.prompt,
                askedAt: at(2), firstInputAt: at(6.2), submittedAt: at(101.2), answer: churnOpening, outcome: .answered,
                evaluations: [stored(1001, at: at(101.3), evaluation(churn, churnOpening, duration: 95))]
            ),
            TurnRecord(
                id: 102, sessionID: 12, sequence: 1, questionID: "q1", nodeID: "probe-monitoring", prompt: followUpPrompt,
                why: followUpReason, askedAt: at(101.4), firstInputAt: at(104), submittedAt: at(134), answer: churnFollowUp,
                outcome: .answered, hintsUsed: 1,
                evaluations: [
                    stored(1002, at: at(134.1), older),
                    stored(1005, at: Date(timeIntervalSince1970: 1_742_031_000), evaluation(churn, churnFollowUp, duration: 30)),
                ]
            ),
            TurnRecord(
                id: 103, sessionID: 12, sequence: 2, questionID: "q2", nodeID: "open", prompt: imbalance.prompt,
                askedAt: at(135), firstInputAt: at(140.5), submittedAt: at(260), answer: hostileAnswer, outcome: .answered,
                evaluations: [stored(1003, at: at(260.1), evaluation(imbalance, hostileAnswer, duration: 119.5))]
            ),
            TurnRecord(
                id: 104, sessionID: 12, sequence: 3, questionID: "q3", nodeID: "open",
                prompt: "Explain the bias–variance trade-off. (Stored prompt; q3 is no longer in the bank.)",
                askedAt: at(261), submittedAt: at(275.5), outcome: .skipped
            ),
        ]
        let record = SessionRecord(id: 12, startedAt: start, endedAt: at(1084), status: .completed, candidate: "Ada <Lovelace>", questionIDs: ["q1", "q2", "q3"], feedback: .end)
        return SessionTranscript(session: record, turns: turns)
    }()

    /// A one-question session at `date`.
    static func earlier(id: Int64, date: Date, answers: [(Question, String)]) -> SessionTranscript {
        let turns = answers.enumerated().map { index, pair in
            let asked = at(Double(index) * 200 + 1, from: date)
            return TurnRecord(
                id: id * 100 + Int64(index), sessionID: id, sequence: index, questionID: pair.0.id, nodeID: "open", prompt: pair.0.prompt,
                askedAt: asked, firstInputAt: at(3, from: asked), submittedAt: at(90, from: asked), answer: pair.1, outcome: .answered,
                evaluations: [stored(id * 1000 + Int64(index), at: at(91, from: asked), evaluation(pair.0, pair.1, duration: 87))]
            )
        }
        let record = SessionRecord(id: id, startedAt: date, endedAt: at(600, from: date), status: .completed, questionIDs: answers.map(\.0.id))
        return SessionTranscript(session: record, turns: turns)
    }

    /// The question scores of `earlierSessions`, as the store keeps them.
    static let history: [ProgressData.Point] = earlierSessions.flatMap(ProgressData.Point.points(of:))

    /// Sessions 3 and 7 (before), and 15 (after, which the report must ignore), out of order.
    static let earlierSessions: [SessionTranscript] = [
        earlier(id: 15, date: Date(timeIntervalSince1970: 1_742_549_400), answers: [(churn, "I'd monitor everything on a dashboard, investigate data drift with PSI, fix the feature pipeline, retrain on recent data and finally ship it in shadow mode.")]),
        earlier(id: 3, date: Date(timeIntervalSince1970: 1_740_830_400), answers: [
            (churn, "I'd retrain it, I guess."),
            (imbalance, "Maybe oversample the minority class."),
        ]),
        earlier(id: 7, date: Date(timeIntervalSince1970: 1_741_435_200), answers: [(churn, "First I'd investigate data drift by comparing distributions. Then I'd retrain on fresh data.")]),
    ]
}
