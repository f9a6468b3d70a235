import Foundation
import Yams

/// Turns the text of one question file into a `Question`, collecting every problem it finds as a
/// `Diagnostic` with the line and column it came from.
///
/// The file is composed into Yams nodes (which keep their marks) and read by hand rather than
/// decoded, so schema errors point at a line, unknown fields are caught, and a hostile file (aliases
/// that explode, deep nesting) is cut off by a budget instead of hanging the program.
public struct QuestionParser: Sendable {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 1 << 20
    /// Nesting deeper than this is refused before parsing (libyaml and Yams recurse).
    public static let maximumDepth = 64
    /// The most YAML nodes a file may expand to, aliases included.
    public static let maximumNodes = 100_000
    /// Checking a file stops after this many problems (a file of 60,000 stray keys would otherwise
    /// print 60,000 lines and take seconds).
    public static let maximumDiagnostics = 100

    public init() {}

    public struct Result: Sendable {
        public var question: Question?
        public var diagnostics: [Diagnostic]
    }

    public func parse(_ text: String, path: String) -> Result {
        var reader = NodeReader(file: path)
        if text.utf8.count > Self.maximumFileSize {
            reader.report(.tooLarge, "file is \(text.utf8.count) bytes; question files are limited to \(Self.maximumFileSize) bytes", line: 1)
            return Result(question: nil, diagnostics: reader.diagnostics)
        }
        if let line = Self.lineExceedingDepth(in: text) {
            reader.report(.tooLarge, "nesting deeper than \(Self.maximumDepth) levels; a question file needs at most 5", line: line)
            return Result(question: nil, diagnostics: reader.diagnostics)
        }
        let root: Node
        do {
            // `.basic`: no implicit typing. The reader interprets each scalar by the field it fills,
            // and Yams's default resolver would run seven regular expressions on every mapping key
            // (to hash it for the duplicate check), most of a start-up's time.
            guard let composed = try Yams.compose(yaml: text, .basic) else {
                reader.report(.missingField, "the file is empty; a question needs id, title, topic, prompt, length, weights, concepts and dialogue (see Rubrics/README.md)", line: 1)
                return Result(question: nil, diagnostics: reader.diagnostics)
            }
            root = composed
        } catch let error as YamlError {
            let (line, column, problem) = Self.describe(error)
            reader.report(.yamlSyntax, "\(problem); fix the YAML syntax here", line: line, column: column)
            return Result(question: nil, diagnostics: reader.diagnostics)
        } catch {
            reader.report(.yamlSyntax, "\(error)", line: 1)
            return Result(question: nil, diagnostics: reader.diagnostics)
        }
        let question = reader.question(from: root, hash: ContentHash.of(text), path: path)
        if reader.budgetExceeded {
            return Result(question: nil, diagnostics: reader.diagnostics)
        }
        return Result(question: reader.diagnostics.isEmpty ? question : nil, diagnostics: reader.diagnostics)
    }

    /// The first line whose flow brackets or indentation go deeper than `maximumDepth`.
    static func lineExceedingDepth(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { lineExceedingDepth(in: $0) }
    }

    private static func lineExceedingDepth(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0
        var line = 1
        var atLineStart = true
        var indent = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                atLineStart = true
                indent = 0
                continue
            case UInt8(ascii: " ") where atLineStart:
                indent += 1
                if indent / 2 > maximumDepth { return line }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
            atLineStart = false
        }
        return nil
    }

    static func describe(_ error: YamlError) -> (line: Int, column: Int, problem: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return (mark.line, mark.column, prefix + problem)
        case let .reader(problem, _, _, _):
            return (1, 1, "cannot read the text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return (1, 1, "\(error)")
        }
    }
}

/// Reads Yams nodes into model values, reporting what is wrong where.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var visited = 0
    private(set) var budgetExceeded = false

    init(file: String) {
        self.file = file
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, line: Int, column: Int = 1) {
        guard diagnostics.count < QuestionParser.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(code, message, file: file, line: line, column: column))
        if diagnostics.count == QuestionParser.maximumDiagnostics {
            budgetExceeded = true
            diagnostics.append(Diagnostic(.tooLarge, "\(QuestionParser.maximumDiagnostics) problems found; stopped checking this file here. Fix these and run lint again", file: file, line: line, column: column))
        }
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at node: Node) {
        report(code, message, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// Counts a node against the budget; false once the file has expanded past it.
    private mutating func visit(_ node: Node) -> Bool {
        if budgetExceeded { return false }
        visited += 1
        if visited > QuestionParser.maximumNodes {
            budgetExceeded = true
            report(.tooLarge, "the file expands to more than \(QuestionParser.maximumNodes) YAML nodes (aliases that repeat each other?); question files are small", at: node)
            return false
        }
        return true
    }

    // MARK: Fields

    /// The pairs of a mapping node, reporting unknown and duplicate keys.
    mutating func fields(of node: Node, named what: String, allowed: [String]) -> [String: Node]? {
        guard visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            report(.wrongType, "\(what) should be a mapping of fields (\(allowed.joined(separator: ", "))), found \(Self.kind(of: node))", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard visit(key) else { return nil }
            guard let name = key.scalar?.string else {
                report(.wrongType, "field names in \(what) must be plain words", at: key)
                continue
            }
            if result[name] != nil {
                report(.duplicateID, "field '\(name)' appears twice in \(what); keep one", at: key)
                continue
            }
            if !allowed.contains(name) {
                let suggestion = Self.closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                report(.unknownField, "unknown field '\(name)' in \(what)\(suggestion) (known: \(allowed.joined(separator: ", ")))", at: key)
                continue
            }
            result[name] = value
        }
        return result
    }

    mutating func string(_ node: Node?, field: String, in what: String, parent: Node, required: Bool = true) -> String? {
        guard let node else {
            if required { report(.missingField, "\(what) needs '\(field)'", at: parent) }
            return nil
        }
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node else {
            report(.wrongType, "'\(field)' in \(what) should be text, found \(Self.kind(of: node))", at: node)
            return nil
        }
        let value = scalar.string.trimmingWhiteSpace
        if value.isEmpty && required {
            report(.emptyPhrase, "'\(field)' in \(what) is empty; write the text", at: node)
            return nil
        }
        return value
    }

    mutating func number(_ node: Node?, field: String, in what: String, parent: Node, required: Bool = true) -> Double? {
        guard let node else {
            if required { report(.missingField, "\(what) needs '\(field)' (a number)", at: parent) }
            return nil
        }
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node, let value = Double(scalar.string.trimmingWhiteSpace), value.isFinite else {
            report(.wrongType, "'\(field)' in \(what) should be a number, found \(Self.describeValue(node))", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, field: String, in what: String) -> Bool? {
        guard let node else { return nil }
        guard visit(node) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.wrongType, "'\(field)' in \(what) should be true or false, found \(Self.describeValue(node))", at: node)
            return nil
        }
    }

    /// A list of non-empty strings; a single string is accepted as a list of one.
    mutating func strings(_ node: Node?, field: String, in what: String, parent: Node, required: Bool) -> [String]? {
        guard let node else {
            if required { report(.missingField, "\(what) needs '\(field)' (a list of phrases)", at: parent) }
            return nil
        }
        guard visit(node) else { return nil }
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case let .sequence(sequence): items = Array(sequence)
        default:
            report(.wrongType, "'\(field)' in \(what) should be a list of text, found \(Self.kind(of: node))", at: node)
            return nil
        }
        var values: [String] = []
        for item in items {
            guard visit(item) else { return nil }
            guard case let .scalar(scalar) = item else {
                report(.wrongType, "each entry of '\(field)' in \(what) should be text, found \(Self.kind(of: item))", at: item)
                continue
            }
            let value = scalar.string.trimmingWhiteSpace
            if value.isEmpty || Tokenizer.hasNoWords(value) {
                report(.emptyPhrase, "an entry of '\(field)' in \(what) has no words; remove it or write the phrase", at: item)
                continue
            }
            values.append(value)
        }
        if values.isEmpty && required && items.isEmpty {
            report(.emptyPhrase, "'\(field)' in \(what) is an empty list; give at least one phrase", at: node)
        }
        return values
    }

    mutating func sequence(_ node: Node?, field: String, in what: String, parent: Node, required: Bool = true) -> [Node]? {
        guard let node else {
            if required { report(.missingField, "\(what) needs '\(field)' (a list)", at: parent) }
            return nil
        }
        guard visit(node) else { return nil }
        guard case let .sequence(sequence) = node else {
            report(.wrongType, "'\(field)' in \(what) should be a list, found \(Self.kind(of: node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    // MARK: The question

    mutating func question(from root: Node, hash: String, path: String) -> Question? {
        let what = "the question"
        guard let f = fields(of: root, named: what, allowed: ["id", "title", "topic", "prompt", "length", "weights", "concepts", "misconceptions", "structure", "dialogue", "examples"]) else { return nil }
        let id = string(f["id"], field: "id", in: what, parent: root)
        if let id, let node = f["id"], !Self.isValidID(id) {
            report(.invalidValue, "question id '\(id)' may hold only lower-case letters, digits and '-'", at: node)
        }
        let title = string(f["title"], field: "title", in: what, parent: root)
        let topic = string(f["topic"], field: "topic", in: what, parent: root)
        let prompt = string(f["prompt"], field: "prompt", in: what, parent: root)
        let length = lengthBand(f["length"], parent: root)
        let weights = componentWeights(f["weights"], parent: root)
        let stages = self.stages(f["structure"], parent: root)
        let concepts = self.concepts(f["concepts"], parent: root, stages: stages ?? [])
        let misconceptions = self.misconceptions(f["misconceptions"], parent: root, conceptIDs: Set((concepts ?? []).map(\.id)))
        let dialogue = self.dialogue(f["dialogue"], parent: root)
        let examples = self.examples(f["examples"], parent: root)
        guard let id, let title, let topic, let prompt, let length, let weights, let concepts, let dialogue else { return nil }
        return Question(
            id: id, title: title, topic: topic, prompt: prompt,
            rubric: Rubric(concepts: concepts, misconceptions: misconceptions ?? [], stages: stages ?? [], length: length, weights: weights),
            dialogue: dialogue, examples: examples ?? [], sourcePath: path, contentHash: hash
        )
    }

    mutating func lengthBand(_ node: Node?, parent: Node) -> LengthBand? {
        guard let node else {
            report(.missingField, "the question needs 'length' with 'min' and 'max' words", at: parent)
            return nil
        }
        guard let f = fields(of: node, named: "length", allowed: ["min", "max"]) else { return nil }
        guard let low = number(f["min"], field: "min", in: "length", parent: node),
              let high = number(f["max"], field: "max", in: "length", parent: node) else { return nil }
        guard low > 0, high > low, high <= 100_000 else {
            report(.invalidValue, "length needs 0 < min < max (words), found min \(Self.format(low)) and max \(Self.format(high))", at: node)
            return nil
        }
        return LengthBand(min: Int(low), max: Int(high))
    }

    mutating func componentWeights(_ node: Node?, parent: Node) -> ComponentWeights? {
        guard let node else {
            report(.missingField, "the question needs 'weights' (coverage, structure, length, delivery)", at: parent)
            return nil
        }
        let names = ["coverage", "structure", "length", "delivery"]
        guard let f = fields(of: node, named: "weights", allowed: names) else { return nil }
        var values: [Double] = []
        for name in names {
            guard let value = number(f[name], field: name, in: "weights", parent: node) else { return nil }
            if value < 0 || value > 1000 {
                report(.invalidValue, "weight '\(name)' must be between 0 and 1000, found \(Self.format(value))", at: f[name] ?? node)
                return nil
            }
            values.append(value)
        }
        guard values.reduce(0, +) > 0 else {
            report(.invalidValue, "all component weights are zero; give coverage a positive weight", at: node)
            return nil
        }
        return ComponentWeights(coverage: values[0], structure: values[1], length: values[2], delivery: values[3])
    }

    mutating func stages(_ node: Node?, parent: Node) -> [Stage]? {
        guard let node else { return nil }
        guard let items = sequence(node, field: "structure", in: "the question", parent: parent) else { return nil }
        var stages: [Stage] = []
        var seen: Set<String> = []
        for item in items {
            let what = "a structure stage"
            guard let f = fields(of: item, named: what, allowed: ["id", "label", "cues"]) else { continue }
            guard let id = string(f["id"], field: "id", in: what, parent: item) else { continue }
            let name = "stage '\(id)'"
            if !seen.insert(id).inserted {
                report(.duplicateID, "stage id '\(id)' is used twice; stage ids must be unique", at: f["id"] ?? item)
            }
            let label = string(f["label"], field: "label", in: name, parent: item)
            let cues = strings(f["cues"], field: "cues", in: name, parent: item, required: true)
            if let label, let cues {
                stages.append(Stage(id: id, label: label, cues: cues))
            }
        }
        return stages
    }

    mutating func concepts(_ node: Node?, parent: Node, stages: [Stage]) -> [Concept]? {
        guard let items = sequence(node, field: "concepts", in: "the question", parent: parent) else { return nil }
        if items.isEmpty, let node {
            report(.emptyPhrase, "'concepts' is empty; a rubric needs at least one concept", at: node)
            return nil
        }
        var concepts: [Concept] = []
        var seen: Set<String> = []
        for item in items {
            let what = "a concept"
            guard let f = fields(of: item, named: what, allowed: ["id", "label", "weight", "kind", "stage", "required", "phrases", "abbreviations", "tip"]) else { continue }
            guard let id = string(f["id"], field: "id", in: what, parent: item) else { continue }
            let name = "concept '\(id)'"
            if !seen.insert(id).inserted {
                report(.duplicateID, "concept id '\(id)' is used twice; concept ids must be unique", at: f["id"] ?? item)
            }
            let label = string(f["label"], field: "label", in: name, parent: item)
            let weight = f["weight"] == nil ? 1 : number(f["weight"], field: "weight", in: name, parent: item)
            if let weight, weight <= 0 || weight > 1000, let node = f["weight"] {
                report(.invalidValue, "weight of \(name) must be a positive number up to 1000, found \(Self.format(weight))", at: node)
            }
            let stage = string(f["stage"], field: "stage", in: name, parent: item, required: false)
            if let stage, !stages.contains(where: { $0.id == stage }), let node = f["stage"] {
                let known = stages.map(\.id).joined(separator: ", ")
                report(.unknownStage, "\(name) names stage '\(stage)', which 'structure' does not define; stages are: \(known.isEmpty ? "(none)" : known)", at: node)
            }
            let required = bool(f["required"], field: "required", in: name) ?? false
            var kind = Concept.Kind.practice
            if let text = string(f["kind"], field: "kind", in: name, parent: item, required: false) {
                if let parsed = Concept.Kind(rawValue: text) {
                    kind = parsed
                } else if let node = f["kind"] {
                    report(.invalidValue, "kind of \(name) must be one of \(Concept.Kind.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'", at: node)
                }
            }
            let phrases = strings(f["phrases"], field: "phrases", in: name, parent: item, required: true)
            let abbreviations = strings(f["abbreviations"], field: "abbreviations", in: name, parent: item, required: false) ?? []
            let tip = string(f["tip"], field: "tip", in: name, parent: item)
            if let label, let weight, weight > 0, let phrases, !phrases.isEmpty, let tip {
                concepts.append(Concept(id: id, label: label, weight: weight, kind: kind, stage: stage, required: required, phrases: phrases, abbreviations: abbreviations, tip: tip))
            }
        }
        return concepts
    }

    mutating func misconceptions(_ node: Node?, parent: Node, conceptIDs: Set<String>) -> [Misconception]? {
        guard let node else { return nil }
        guard let items = sequence(node, field: "misconceptions", in: "the question", parent: parent) else { return nil }
        var misconceptions: [Misconception] = []
        var seen: Set<String> = []
        for item in items {
            let what = "a misconception"
            guard let f = fields(of: item, named: what, allowed: ["id", "label", "penalty", "when", "unless", "correction"]) else { continue }
            guard let id = string(f["id"], field: "id", in: what, parent: item) else { continue }
            let name = "misconception '\(id)'"
            if !seen.insert(id).inserted || conceptIDs.contains(id) {
                report(.duplicateID, "misconception id '\(id)' is already used by \(conceptIDs.contains(id) ? "a concept" : "another misconception"); ids must be unique", at: f["id"] ?? item)
            }
            let label = string(f["label"], field: "label", in: name, parent: item)
            let penalty = number(f["penalty"], field: "penalty", in: name, parent: item)
            if let penalty, !(penalty > 0 && penalty <= 100), let node = f["penalty"] {
                report(.invalidValue, "penalty of \(name) must be a number of points above 0 and at most 100, found \(Self.format(penalty))", at: node)
            }
            let patterns = self.patterns(f["when"], in: name, parent: item)
            let unless = strings(f["unless"], field: "unless", in: name, parent: item, required: false) ?? []
            let correction = string(f["correction"], field: "correction", in: name, parent: item)
            if let label, let penalty, penalty > 0, penalty <= 100, let patterns, !patterns.isEmpty, let correction {
                misconceptions.append(Misconception(id: id, label: label, penalty: penalty, patterns: patterns, unless: unless, correction: correction, line: item.mark?.line ?? 0))
            }
        }
        return misconceptions
    }

    /// `when:` of a misconception: a list of patterns, each a list of groups, each group alternatives
    /// written as one text separated by " | " (or as a list).
    mutating func patterns(_ node: Node?, in what: String, parent: Node) -> [[[String]]]? {
        guard let items = sequence(node, field: "when", in: what, parent: parent) else { return nil }
        if items.isEmpty, let node {
            report(.emptyPhrase, "'when' in \(what) is empty; give at least one pattern such as [oversample | SMOTE, test set]", at: node)
            return nil
        }
        var patterns: [[[String]]] = []
        for item in items {
            guard visit(item) else { return nil }
            let groupNodes: [Node]
            switch item {
            case .scalar: groupNodes = [item]
            case let .sequence(sequence): groupNodes = Array(sequence)
            default:
                report(.wrongType, "each pattern of 'when' in \(what) should be a list of groups such as [oversample | SMOTE, test set], found \(Self.kind(of: item))", at: item)
                continue
            }
            var groups: [[String]] = []
            for groupNode in groupNodes {
                guard visit(groupNode) else { return nil }
                var alternatives: [String] = []
                switch groupNode {
                case let .scalar(scalar):
                    alternatives = scalar.string.split(separator: "|").map { String($0).trimmingWhiteSpace }
                case .sequence:
                    alternatives = strings(groupNode, field: "when", in: what, parent: item, required: true) ?? []
                default:
                    report(.wrongType, "a group of a pattern in \(what) should be phrases separated by ' | ', found \(Self.kind(of: groupNode))", at: groupNode)
                    continue
                }
                if alternatives.isEmpty || alternatives.contains(where: { $0.isEmpty || Tokenizer.hasNoWords($0) }) {
                    report(.emptyPhrase, "a group of a pattern in \(what) has an empty alternative; write a phrase between each ' | '", at: groupNode)
                    continue
                }
                groups.append(alternatives)
            }
            if groups.count == groupNodes.count, !groups.isEmpty { patterns.append(groups) }
        }
        return patterns
    }

    mutating func dialogue(_ node: Node?, parent: Node) -> DialogueTree? {
        guard let items = sequence(node, field: "dialogue", in: "the question", parent: parent) else { return nil }
        if items.isEmpty, let node {
            report(.emptyPhrase, "'dialogue' is empty; it needs at least the opening node", at: node)
            return nil
        }
        var nodes: [DialogueNode] = []
        for (index, item) in items.enumerated() {
            let what = "a dialogue node"
            guard let f = fields(of: item, named: what, allowed: ["id", "prompt", "hint", "asks", "next"]) else { continue }
            guard let id = string(f["id"], field: "id", in: what, parent: item) else { continue }
            let name = "node '\(id)'"
            if id == "end" {
                report(.invalidValue, "'end' is reserved for ending the question; rename this node", at: f["id"] ?? item)
            }
            let prompt = string(f["prompt"], field: "prompt", in: name, parent: item, required: index > 0)
            let hint = string(f["hint"], field: "hint", in: name, parent: item, required: false)
            let asks = strings(f["asks"], field: "asks", in: name, parent: item, required: false) ?? []
            if !asks.isEmpty, index == 0, let node = f["asks"] {
                report(.invalidValue, "the opening node is scored against the whole rubric; remove 'asks' from \(name)", at: node)
            }
            guard let edgeNodes = sequence(f["next"], field: "next", in: name, parent: item) else { continue }
            if edgeNodes.isEmpty, let next = f["next"] {
                report(.emptyPhrase, "\(name) has an empty 'next'; add at least `- goto: end`", at: next)
            }
            var edges: [DialogueEdge] = []
            for edgeNode in edgeNodes {
                if let edge = self.edge(edgeNode, in: name) { edges.append(edge) }
            }
            nodes.append(DialogueNode(id: id, prompt: prompt, hint: hint, asks: index == 0 ? [] : asks, edges: edges, line: item.mark?.line ?? 0))
        }
        return DialogueTree(nodes: nodes)
    }

    mutating func edge(_ node: Node, in name: String) -> DialogueEdge? {
        let what = "an edge of \(name)"
        guard let f = fields(of: node, named: what, allowed: ["if", "goto", "why"]) else { return nil }
        guard let goto = string(f["goto"], field: "goto", in: what, parent: node) else { return nil }
        let why = string(f["why"], field: "why", in: what, parent: node, required: false)
        var condition: DialogueCondition?
        if let conditionNode = f["if"] {
            guard let parsed = self.condition(conditionNode, in: what) else { return nil }
            condition = parsed
        }
        return DialogueEdge(condition: condition, target: goto == "end" ? .end : .node(goto), why: why, line: node.mark?.line ?? 0)
    }

    mutating func condition(_ node: Node, in what: String) -> DialogueCondition? {
        let keys = ["covered", "missed", "stage_present", "stage_missing", "score_below", "score_at_least", "words_below", "mentions", "visited", "not_visited"]
        guard visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            report(.wrongType, "'if' in \(what) should be a mapping such as { missed: monitoring }, found \(Self.kind(of: node))", at: node)
            return nil
        }
        var clauses: [DialogueCondition.Clause] = []
        var valid = true
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { valid = false; continue }
            guard keys.contains(name) else {
                let suggestion = Self.closest(to: name, in: keys).map { "; did you mean '\($0)'?" } ?? ""
                report(.unknownCondition, "unknown condition '\(name)'\(suggestion) (known: \(keys.joined(separator: ", ")))", at: key)
                valid = false
                continue
            }
            let place = "condition '\(name)'"
            switch name {
            case "covered", "missed", "mentions":
                guard let list = strings(value, field: name, in: what, parent: key, required: true), !list.isEmpty else { valid = false; continue }
                clauses.append(name == "covered" ? .covered(list) : name == "missed" ? .missed(list) : .mentions(list))
            case "stage_present", "stage_missing", "visited", "not_visited":
                guard let id = string(value, field: name, in: what, parent: key) else { valid = false; continue }
                switch name {
                case "stage_present": clauses.append(.stagePresent(id))
                case "stage_missing": clauses.append(.stageMissing(id))
                case "visited": clauses.append(.visited(id))
                default: clauses.append(.notVisited(id))
                }
            default:
                guard let bound = number(value, field: name, in: place, parent: key) else { valid = false; continue }
                if bound < 0 {
                    report(.invalidValue, "\(place) needs a non-negative number, found \(Self.format(bound))", at: value)
                    valid = false
                    continue
                }
                switch name {
                case "score_below": clauses.append(.scoreBelow(bound))
                case "score_at_least": clauses.append(.scoreAtLeast(bound))
                default: clauses.append(.wordsBelow(Int(bound)))
                }
            }
        }
        if valid && clauses.isEmpty {
            report(.emptyPhrase, "'if' in \(what) is empty; remove it to make the edge a fallback, or name a condition", at: node)
            return nil
        }
        return valid ? DialogueCondition(clauses) : nil
    }

    mutating func examples(_ node: Node?, parent: Node) -> [CalibrationExample]? {
        guard let node else { return nil }
        guard let items = sequence(node, field: "examples", in: "the question", parent: parent) else { return nil }
        var examples: [CalibrationExample] = []
        for item in items {
            let what = "an example"
            guard let f = fields(of: item, named: what, allowed: ["kind", "band", "answer"]) else { continue }
            let kindText = string(f["kind"], field: "kind", in: what, parent: item)
            var kind: CalibrationExample.Kind?
            if let kindText {
                kind = CalibrationExample.Kind(rawValue: kindText)
                if kind == nil {
                    report(.invalidExample, "unknown example kind '\(kindText)'; kinds are \(CalibrationExample.Kind.allCases.map(\.rawValue).joined(separator: ", "))", at: f["kind"] ?? item)
                }
            }
            var band: ClosedRange<Double>?
            if let bandItems = sequence(f["band"], field: "band", in: what, parent: item) {
                let bounds = bandItems.compactMap { $0.scalar.flatMap { Double($0.string) } }
                if bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1], bounds[1] <= 100 {
                    band = bounds[0]...bounds[1]
                } else {
                    report(.invalidExample, "band should be [low, high] with 0 ≤ low ≤ high ≤ 100", at: f["band"] ?? item)
                }
            }
            let answer = string(f["answer"], field: "answer", in: what, parent: item)
            if let kind, let band, let answer {
                examples.append(CalibrationExample(kind: kind, band: band, answer: answer, line: item.mark?.line ?? 0))
            }
        }
        return examples
    }

    // MARK: Helpers

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): "the text '\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    static func describeValue(_ node: Node) -> String { kind(of: node) }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The allowed name within two edits of `name`, to suggest for a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        candidates
            .map { ($0, EditDistance.between(name, $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), for "did you mean"
/// suggestions: ":qiut" is one edit from ":quit".
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}

/// FNV-1a over the file's bytes: a stable, dependency-free fingerprint of a rubric's content.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var text = text
        let hash = text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return hash
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
