/// One moment of a replayed session: who said or did what, and when.
public struct ReplayEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A question begins; the text is its marker, "Q1: Churn model degraded in production".
        case question
        /// The interviewer's prompt, preceded by why it followed up, if it said.
        case interviewer
        /// The candidate's answer as submitted.
        case candidate
        /// The score and concepts of the answer just before (only when asked for).
        case evaluation
        /// Something that happened rather than was said: a skip, an unanswered prompt, the end.
        case notice
    }

    public var kind: Kind
    /// Seconds from the session start, as recorded (never negative).
    public var offset: Double
    public var questionID: String?
    /// Sanitised for the terminal (see `TerminalText`); may span lines.
    public var text: String

    public init(kind: Kind, offset: Double, questionID: String? = nil, text: String) {
        self.kind = kind
        self.offset = offset
        self.questionID = questionID
        self.text = text
    }
}
