/// An answer to the same question that a person has already judged correct or incorrect; grading
/// compares new answers with these (the nearest-neighbour features of model M1).
public struct LabelledExample: Sendable, Hashable, Codable {
    public var answer: String
    public var correct: Bool

    public init(answer: String, correct: Bool) {
        self.answer = answer
        self.correct = correct
    }
}
