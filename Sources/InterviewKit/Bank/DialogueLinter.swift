/// Checks that a question's dialogue tree can be walked: every goto lands, every node is reachable
/// and can reach the end, and conditions name concepts, stages and nodes that exist.
public struct DialogueLinter: Sendable {
    public init() {}

    public func lint(_ question: Question, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ message: String, line: Int) {
            diagnostics.append(Diagnostic(code, message, file: file, line: line))
        }
        let tree = question.dialogue
        let rubric = question.rubric
        var index: [String: Int] = [:]
        for (position, node) in tree.nodes.enumerated() {
            if index[node.id] != nil {
                report(.duplicateID, "node id '\(node.id)' is used twice; node ids must be unique", line: node.line)
            } else {
                index[node.id] = position
            }
        }
        let nodeList = tree.nodes.map(\.id).joined(separator: ", ")
        let conceptList = rubric.concepts.map(\.id).joined(separator: ", ")
        let stageList = rubric.stages.map(\.id).joined(separator: ", ")

        for node in tree.nodes {
            for id in node.asks where rubric.concept(id) == nil {
                report(.unknownConceptInAsks, "node '\(node.id)' asks for concept '\(id)', which the rubric does not define; concepts are: \(conceptList)", line: node.line)
            }
            if let last = node.edges.last, last.condition != nil {
                report(.missingFallback, "the last edge of node '\(node.id)' has a condition, so the interview can get stuck; add `- goto: end` (or another node) without `if` at the end", line: last.line)
            }
            for edge in node.edges {
                if case let .node(target) = edge.target, index[target] == nil {
                    report(.unknownGoto, "goto '\(target)' names no node; nodes are: \(nodeList), end", line: edge.line)
                }
                for clause in edge.condition?.clauses ?? [] {
                    switch clause {
                    case let .covered(ids), let .missed(ids):
                        for id in ids where rubric.concept(id) == nil {
                            report(.unknownConceptInCondition, "condition names concept '\(id)', which the rubric does not define; concepts are: \(conceptList)", line: edge.line)
                        }
                    case let .stagePresent(id), let .stageMissing(id):
                        if rubric.stage(id) == nil {
                            report(.unknownStageInCondition, "condition names stage '\(id)', which 'structure' does not define; stages are: \(stageList.isEmpty ? "(none)" : stageList)", line: edge.line)
                        }
                    case let .visited(id), let .notVisited(id):
                        if index[id] == nil {
                            report(.unknownNodeInCondition, "condition names node '\(id)', which the dialogue does not define; nodes are: \(nodeList)", line: edge.line)
                        }
                    case .scoreBelow, .scoreAtLeast, .wordsBelow, .mentions:
                        break
                    }
                }
            }
        }

        let successors: [[Int]] = tree.nodes.map { node in
            node.edges.compactMap { edge in
                if case let .node(target) = edge.target { return index[target] }
                return nil
            }
        }
        let endsDirectly = tree.nodes.map { node in node.edges.contains { $0.target == .end } }

        // Reachable from the opening node.
        var reachable = Set<Int>()
        var stack = tree.nodes.isEmpty ? [] : [0]
        while let next = stack.popLast() {
            guard reachable.insert(next).inserted else { continue }
            stack.append(contentsOf: successors[next])
        }
        for (position, node) in tree.nodes.enumerated() where !reachable.contains(position) && index[node.id] == position {
            report(.unreachableNode, "node '\(node.id)' is unreachable: no edge from the opening node '\(tree.nodes[0].id)' leads to it; add a goto or remove it", line: node.line)
        }

        // Can reach `end`: walk the reversed graph from the nodes that end directly.
        var predecessors = Array(repeating: [Int](), count: tree.nodes.count)
        for (from, targets) in successors.enumerated() {
            for target in targets { predecessors[target].append(from) }
        }
        var canEnd = Set<Int>()
        stack = endsDirectly.indices.filter { endsDirectly[$0] }
        while let next = stack.popLast() {
            guard canEnd.insert(next).inserted else { continue }
            stack.append(contentsOf: predecessors[next])
        }
        let stuck = Set(tree.nodes.indices.filter { !canEnd.contains($0) && index[tree.nodes[$0].id] == $0 })
        var reportedInCycle = Set<Int>()
        for position in stuck.sorted() where !reportedInCycle.contains(position) {
            let cycle = Self.cycle(through: position, successors: successors, within: stuck)
            if cycle.isEmpty {
                report(.noPathToEnd, "the interview can never end from node '\(tree.nodes[position].id)': none of its edges leads to `end`, directly or through other nodes", line: tree.nodes[position].line)
            } else {
                reportedInCycle.formUnion(cycle)
                let names = (cycle + [cycle[0]]).map { tree.nodes[$0].id }.joined(separator: " → ")
                report(.cycleWithoutExit, "the cycle \(names) has no exit: add an edge from one of its nodes towards `end`", line: tree.nodes[cycle[0]].line)
            }
        }
        return diagnostics
    }

    /// A cycle through `start` that stays inside `within`, as node positions, or empty.
    static func cycle(through start: Int, successors: [[Int]], within: Set<Int>) -> [Int] {
        var path: [Int] = []
        var onPath = Set<Int>()
        var visited = Set<Int>()
        func search(_ node: Int) -> Bool {
            path.append(node)
            onPath.insert(node)
            visited.insert(node)
            for next in successors[node] where within.contains(next) {
                if next == start { return true }
                if !visited.contains(next), search(next) { return true }
            }
            path.removeLast()
            onPath.remove(node)
            return false
        }
        return search(start) ? path : []
    }
}
