import Testing
@testable import InterviewKit

@Suite("Dialogue linter")
struct DialogueLinterTests {
    /// Lints a dialogue over the sample rubric, with node `n` on line `n + 1`.
    func lint(_ nodes: [DialogueNode]) -> [Diagnostic] {
        let numbered = nodes.enumerated().map { index, node in
            var node = node
            node.line = index + 1
            return node
        }
        return DialogueLinter().lint(Sample.question(dialogue: numbered), file: "tree.yaml")
    }

    func node(_ id: String, _ edges: DialogueEdge...) -> DialogueNode {
        DialogueNode(id: id, prompt: id == "open" ? nil : "About \(id)?", edges: edges)
    }

    func edge(_ target: String, if clauses: DialogueCondition.Clause...) -> DialogueEdge {
        DialogueEdge(condition: clauses.isEmpty ? nil : DialogueCondition(clauses), target: target == "end" ? .end : .node(target), line: 99)
    }

    @Test("a tree whose every node is reachable and can end has no diagnostics")
    func validTree() {
        let diagnostics = lint([
            node("open", edge("probe", if: .missed(["monitoring"])), edge("dig", if: .mentions(["retrain"])), edge("end")),
            node("probe", edge("dig", if: .stageMissing("fix"), .scoreBelow(50)), edge("end")),
            node("dig", edge("probe", if: .notVisited("probe"), .covered(["drift"])), edge("end")),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("a cycle with a way out is fine")
    func cycleWithExit() {
        let diagnostics = lint([
            node("open", edge("a", if: .missed(["drift"])), edge("end")),
            node("a", edge("b")),
            node("b", edge("a", if: .missed(["drift"])), edge("end")),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    }

    @Test("a goto to a node that does not exist names it and lists the nodes")
    func unknownGoto() throws {
        let diagnostics = lint([node("open", edge("wrap", if: .missed(["drift"])), edge("end"))])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.map(\.code) == [.unknownGoto])
        #expect(diagnostic.line == 99)
        #expect(diagnostic.message == "goto 'wrap' names no node; nodes are: open, end")
    }

    @Test("a node no edge leads to is unreachable")
    func unreachable() {
        let diagnostics = lint([node("open", edge("end")), node("orphan", edge("end"))])
        #expect(diagnostics.map(\.code) == [.unreachableNode])
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.message.contains("'orphan'") == true)
    }

    @Test("a node reachable only from an unreachable node is unreachable too")
    func unreachableChain() {
        let diagnostics = lint([node("open", edge("end")), node("orphan", edge("child")), node("child", edge("end"))])
        #expect(diagnostics.map(\.code) == [.unreachableNode, .unreachableNode])
        #expect(diagnostics.map(\.line) == [2, 3])
    }

    @Test("a node whose edges all lead nowhere can never end, nor can the nodes that only lead to it")
    func noPathToEnd() {
        let diagnostics = lint([
            node("open", edge("a", if: .missed(["drift"])), edge("end")),
            node("a", edge("b")),
            node("b", edge("gone")),
        ])
        #expect(diagnostics.filter { $0.code == .noPathToEnd }.map(\.line) == [2, 3])
        #expect(diagnostics.contains { $0.code == .unknownGoto })
    }

    @Test("a cycle without exit is reported once, naming its nodes in order")
    func cycleWithoutExit() throws {
        let diagnostics = lint([
            node("open", edge("lead-in", if: .missed(["drift"])), edge("end")),
            node("lead-in", edge("a")),
            node("a", edge("b")),
            node("b", edge("c")),
            node("c", edge("a")),
        ])
        let cycles = diagnostics.filter { $0.code == .cycleWithoutExit }
        #expect(cycles.count == 1)
        #expect(cycles.first?.message.contains("a → b → c → a") == true)
        #expect(cycles.first?.line == 3)
        #expect(diagnostics.filter { $0.code == .noPathToEnd }.map(\.line) == [2], "the node leading into the cycle cannot end either")
    }

    @Test("a node whose last edge has a condition has no fallback")
    func missingFallback() {
        let diagnostics = lint([node("open", edge("end", if: .missed(["drift"])))])
        #expect(diagnostics.map(\.code) == [.missingFallback])
        #expect(diagnostics.first?.message.contains("node 'open'") == true)
    }

    @Test("a condition naming an unknown concept, stage or node is reported, naming it", arguments: [
        (DialogueCondition.Clause.missed(["drfit"]), DiagnosticCode.unknownConceptInCondition, "concept 'drfit'"),
        (.covered(["drift", "retrian"]), .unknownConceptInCondition, "concept 'retrian'"),
        (.stagePresent("diagnosis"), .unknownStageInCondition, "stage 'diagnosis'"),
        (.stageMissing("monitoring"), .unknownStageInCondition, "stage 'monitoring'"),
        (.visited("prob"), .unknownNodeInCondition, "node 'prob'"),
        (.notVisited("prob"), .unknownNodeInCondition, "node 'prob'"),
    ])
    func unknownNames(clause: DialogueCondition.Clause, code: DiagnosticCode, name: String) {
        let diagnostics = lint([node("open", edge("end", if: clause), edge("end"))])
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.first?.message.contains(name) == true, "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.line == 99)
    }

    @Test("two nodes with one id are reported at the second")
    func duplicateNode() {
        let diagnostics = lint([node("open", edge("probe", if: .missed(["drift"])), edge("end")), node("probe", edge("end")), node("probe", edge("end"))])
        #expect(diagnostics.map(\.code) == [.duplicateID])
        #expect(diagnostics.first?.line == 3)
    }

    @Test("diagnostics carry the file they were linted for")
    func file() {
        let diagnostics = lint([node("open", edge("gone"))])
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.file == "tree.yaml" })
    }
}
