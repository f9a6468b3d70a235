/// One interview question: its prompt, the rubric that scores answers to it, the dialogue tree the
/// interviewer walks, and the calibration examples that pin the rubric to human judgement.
public struct Question: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var topic: String
    public var prompt: String
    public var rubric: Rubric
    public var dialogue: DialogueTree
    public var examples: [CalibrationExample]
    /// Where the question was loaded from, for messages; `nil` for questions built in code.
    public var sourcePath: String?
    /// A hash of the file's bytes, stored with every evaluation so old scores can be told apart.
    public var contentHash: String

    public init(
        id: String, title: String, topic: String, prompt: String, rubric: Rubric,
        dialogue: DialogueTree, examples: [CalibrationExample] = [], sourcePath: String? = nil,
        contentHash: String
    ) {
        self.id = id
        self.title = title
        self.topic = topic
        self.prompt = prompt
        self.rubric = rubric
        self.dialogue = dialogue
        self.examples = examples
        self.sourcePath = sourcePath
        self.contentHash = contentHash
    }
}

/// An answer with the score band a good interviewer would give it.
public struct CalibrationExample: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case strong, partial, weak
        case offTopic = "off-topic"
        case keywords, rejecting
        /// Confident, fluent, wrong advice in the right vocabulary.
        case wrong
        /// Long, empty sentences that name the topics without saying anything.
        case padded
    }

    public var kind: Kind
    public var band: ClosedRange<Double>
    public var answer: String
    /// The line of the example in its file, for test failure messages.
    public var line: Int

    public init(kind: Kind, band: ClosedRange<Double>, answer: String, line: Int = 0) {
        self.kind = kind
        self.band = band
        self.answer = answer
        self.line = line
    }
}
