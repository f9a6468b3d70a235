import Foundation
@testable import InterviewKit

/// Where the tests find their files: fixtures beside this file, the question bank at the repository
/// root, and the shared data folder beside the repository (as it is both here and in CI).
enum Paths {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let rubrics = repositoryRoot.appendingPathComponent("Rubrics")
    static let snowball = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/snowball-english")

    static func fixture(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }
}

/// A small question about a degraded model, built in code, for the evaluator and interviewer tests.
enum Sample {
    static let drift = Concept(
        id: "drift", label: "Check the inputs for data drift", weight: 3, stage: "diagnose",
        phrases: ["data drift", "distribution shift"], abbreviations: ["PSI"],
        tip: "Compare the production inputs with the training data."
    )
    static let retraining = Concept(
        id: "retraining", label: "Retrain on recent data", weight: 2, stage: "fix",
        phrases: ["retrain", "recent data"],
        tip: "Say which data you would retrain on."
    )
    static let monitoring = Concept(
        id: "monitoring", label: "Monitor the model and alert", weight: 2, stage: "monitor",
        phrases: ["monitor", "alert"],
        tip: "Say how you would notice the next drop."
    )
    static let rollout = Concept(
        id: "rollout", label: "Roll the new model out safely", weight: 1,
        phrases: ["canary", "shadow mode", "ab test"],
        tip: "Check the new model on live traffic before it takes over."
    )

    static let stages = [
        Stage(id: "diagnose", label: "Diagnose", cues: ["root cause", "first"]),
        Stage(id: "fix", label: "Fix", cues: ["fix"]),
        Stage(id: "monitor", label: "Monitor", cues: ["dashboard"]),
    ]

    static func rubric(
        concepts: [Concept] = [drift, retraining, monitoring, rollout], stages: [Stage] = stages,
        length: LengthBand = LengthBand(min: 20, max: 120), weights: ComponentWeights = .standard
    ) -> Rubric {
        Rubric(concepts: concepts, stages: stages, length: length, weights: weights)
    }

    static func question(
        id: String = "drift", rubric: Rubric = rubric(),
        dialogue: [DialogueNode] = [DialogueNode(id: "open", edges: [DialogueEdge(target: .end)])]
    ) -> Question {
        Question(
            id: id, title: "Model got worse", topic: "Production ML",
            prompt: "Your model got worse in production. What would you do?",
            rubric: rubric, dialogue: DialogueTree(nodes: dialogue), contentHash: "test-\(id)"
        )
    }

    /// An answer that covers every concept, in the order of the stages.
    static let strongAnswer = """
        First I would look for the root cause: I would compare the inputs with the training data to \
        check for data drift, for example with a PSI per feature.
        To fix it I would retrain the model on recent data and test it again.
        Then I would monitor the model on a dashboard and alert the team when the error rate goes up.
        The new model would go out as a canary before it takes over.
        """
}

extension String {
    /// The text of a range of Unicode-scalar offsets, as evidence ranges count them.
    func scalars(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(unicodeScalars)[range])
        return String(view)
    }
}
