/// The follow-ups of one question: nodes that ask something, joined by edges whose conditions look
/// at what the answers so far covered or missed.
public struct DialogueTree: Sendable, Hashable {
    public var nodes: [DialogueNode]

    public init(nodes: [DialogueNode]) {
        self.nodes = nodes
    }

    /// The opening node, which asks the question's prompt.
    public var start: DialogueNode? { nodes.first }

    public func node(_ id: String) -> DialogueNode? { nodes.first { $0.id == id } }
}

/// One thing the interviewer asks, and where the conversation goes after the answer.
public struct DialogueNode: Sendable, Hashable, Identifiable {
    public var id: String
    /// `nil` on the opening node: it asks the question's prompt.
    public var prompt: String?
    public var hint: String?
    /// The concepts a follow-up asks for: its answer is scored against these, not the whole rubric.
    /// Empty on the opening node (and on a follow-up that asks for everything).
    public var asks: [String]
    public var edges: [DialogueEdge]
    public var line: Int

    public init(id: String, prompt: String? = nil, hint: String? = nil, asks: [String] = [], edges: [DialogueEdge], line: Int = 0) {
        self.id = id
        self.prompt = prompt
        self.hint = hint
        self.asks = asks
        self.edges = edges
        self.line = line
    }
}

/// A way out of a node: taken when its condition holds (always, without one).
public struct DialogueEdge: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case node(String)
        case end
    }

    public var condition: DialogueCondition?
    public var target: Target
    /// Said to the candidate when the edge is taken ("You haven't said how you would notice…").
    public var why: String?
    public var line: Int

    public init(condition: DialogueCondition? = nil, target: Target, why: String? = nil, line: Int = 0) {
        self.condition = condition
        self.target = target
        self.why = why
        self.line = line
    }
}

/// A conjunction of tests over the question so far.
public struct DialogueCondition: Sendable, Hashable {
    public enum Clause: Sendable, Hashable {
        case covered([String])
        case missed([String])
        case stagePresent(String)
        case stageMissing(String)
        case scoreBelow(Double)
        case scoreAtLeast(Double)
        case wordsBelow(Int)
        case mentions([String])
        case visited(String)
        case notVisited(String)
    }

    public var clauses: [Clause]

    public init(_ clauses: [Clause]) {
        self.clauses = clauses
    }
}
