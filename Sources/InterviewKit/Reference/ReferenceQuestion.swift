/// What an answer is graded against in reference mode: one or more model answers, optionally the
/// question's text (its words count less in an answer) and labelled answers to the same question.
public struct ReferenceQuestion: Sendable, Hashable {
    /// The model answers; any one of them may be matched.
    public var references: [String]
    /// The question as asked. Words an answer merely repeats from it weigh 0.3 of their IDF.
    public var question: String?
    public var examples: [LabelledExample]

    public init(references: [String], question: String? = nil, examples: [LabelledExample] = []) {
        self.references = references
        self.question = question
        self.examples = examples
    }

    /// Whether the examples can be used (model M1): at least one correct and one incorrect.
    public var hasUsableExamples: Bool {
        examples.contains(where: \.correct) && examples.contains(where: { !$0.correct })
    }
}
