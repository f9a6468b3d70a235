/// The question bank in a compact binary form, for a cache: parsing the YAML files is most of what a
/// start does before its first prompt, and reading this back is a small fraction of it.
///
/// The bytes are a format line, then every question's fields in a fixed order: integers and lengths as
/// little-endian 64-bit words, numbers as their IEEE bit patterns, text as UTF-8 after its length.
/// `decode` refuses anything it cannot read whole (a damaged, truncated or foreign file): a cache is
/// never half read. The cache's key, not this format, says whether the files have changed.
public enum QuestionArchive {
    /// The first bytes; a new layout of the archive gets a new line.
    static let magic = Array("mock-interview question bank 1\n".utf8)

    public static func encode(_ questions: [Question]) -> [UInt8] {
        var writer = ArchiveWriter(bytes: magic)
        writer.array(questions) { $0.question($1) }
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8]) -> [Question]? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ArchiveReader(bytes: bytes, position: magic.count)
        guard let questions = reader.array({ $0.question() }), reader.position == bytes.count else { return nil }
        return questions
    }
}

struct ArchiveWriter {
    var bytes: [UInt8]

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    mutating func question(_ value: Question) {
        string(value.id); string(value.title); string(value.topic); string(value.prompt)
        rubric(value.rubric)
        array(value.dialogue.nodes) { $0.node($1) }
        array(value.examples) { writer, example in
            writer.string(example.kind.rawValue)
            writer.double(example.band.lowerBound); writer.double(example.band.upperBound)
            writer.string(example.answer); writer.int(example.line)
        }
        optional(value.sourcePath) { $0.string($1) }
        string(value.contentHash)
    }

    mutating func rubric(_ value: Rubric) {
        array(value.concepts) { writer, concept in
            writer.string(concept.id); writer.string(concept.label); writer.double(concept.weight)
            writer.string(concept.kind.rawValue); writer.optional(concept.stage) { $0.string($1) }
            writer.bool(concept.required); writer.strings(concept.phrases); writer.strings(concept.abbreviations)
            writer.string(concept.tip)
        }
        array(value.misconceptions) { writer, misconception in
            writer.string(misconception.id); writer.string(misconception.label); writer.double(misconception.penalty)
            writer.array(misconception.patterns) { writer, groups in writer.array(groups) { $0.strings($1) } }
            writer.strings(misconception.unless); writer.string(misconception.correction); writer.int(misconception.line)
        }
        array(value.stages) { writer, stage in
            writer.string(stage.id); writer.string(stage.label); writer.strings(stage.cues)
        }
        int(value.length.min); int(value.length.max)
        double(value.weights.coverage); double(value.weights.structure); double(value.weights.length); double(value.weights.delivery)
    }

    mutating func node(_ value: DialogueNode) {
        string(value.id); optional(value.prompt) { $0.string($1) }; optional(value.hint) { $0.string($1) }
        strings(value.asks); int(value.line)
        array(value.edges) { writer, edge in
            writer.optional(edge.condition) { writer, condition in writer.array(condition.clauses) { $0.clause($1) } }
            switch edge.target {
            case let .node(id): writer.bool(true); writer.string(id)
            case .end: writer.bool(false)
            }
            writer.optional(edge.why) { $0.string($1) }
            writer.int(edge.line)
        }
    }

    mutating func clause(_ value: DialogueCondition.Clause) {
        switch value {
        case let .covered(ids): int(0); strings(ids)
        case let .missed(ids): int(1); strings(ids)
        case let .stagePresent(id): int(2); string(id)
        case let .stageMissing(id): int(3); string(id)
        case let .scoreBelow(bound): int(4); double(bound)
        case let .scoreAtLeast(bound): int(5); double(bound)
        case let .wordsBelow(bound): int(6); int(bound)
        case let .mentions(phrases): int(7); strings(phrases)
        case let .visited(id): int(8); string(id)
        case let .notVisited(id): int(9); string(id)
        }
    }
}

/// Reads what `ArchiveWriter` wrote; every read gives `nil` past the end or on a value out of range.
struct ArchiveReader {
    let bytes: [UInt8]
    var position: Int

    mutating func int() -> Int? {
        guard position + 8 <= bytes.count else { return nil }
        var raw: UInt64 = 0
        for offset in (0..<8).reversed() { raw = raw << 8 | UInt64(bytes[position + offset]) }
        position += 8
        return Int(Int64(bitPattern: raw))
    }

    mutating func double() -> Double? {
        guard let raw = int() else { return nil }
        return Double(bitPattern: UInt64(bitPattern: Int64(raw)))
    }

    mutating func bool() -> Bool? {
        guard position < bytes.count, bytes[position] <= 1 else { return nil }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return String(validating: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    mutating func array<T>(_ read: (inout ArchiveReader) -> T?) -> [T]? {
        // Each element takes at least one byte: a count beyond the bytes left is damage.
        guard let count = int(), count >= 0, count <= bytes.count - position else { return nil }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func strings() -> [String]? { array { $0.string() } }

    mutating func question() -> Question? {
        guard let id = string(), let title = string(), let topic = string(), let prompt = string(),
              let rubric = rubric(), let nodes = array({ $0.node() }),
              let examples = array({ (reader: inout ArchiveReader) -> CalibrationExample? in
                  guard let kindText = reader.string(), let kind = CalibrationExample.Kind(rawValue: kindText),
                        let low = reader.double(), let high = reader.double(), low <= high,
                        let answer = reader.string(), let line = reader.int() else { return nil }
                  return CalibrationExample(kind: kind, band: low...high, answer: answer, line: line)
              }),
              let sourcePath = optional({ $0.string() }), let hash = string() else { return nil }
        return Question(id: id, title: title, topic: topic, prompt: prompt, rubric: rubric, dialogue: DialogueTree(nodes: nodes),
                        examples: examples, sourcePath: sourcePath, contentHash: hash)
    }

    mutating func rubric() -> Rubric? {
        guard let concepts = array({ (reader: inout ArchiveReader) -> Concept? in
                  guard let id = reader.string(), let label = reader.string(), let weight = reader.double(),
                        let kindText = reader.string(), let kind = Concept.Kind(rawValue: kindText),
                        let stage = reader.optional({ $0.string() }), let required = reader.bool(),
                        let phrases = reader.strings(), let abbreviations = reader.strings(), let tip = reader.string() else { return nil }
                  return Concept(id: id, label: label, weight: weight, kind: kind, stage: stage, required: required, phrases: phrases, abbreviations: abbreviations, tip: tip)
              }),
              let misconceptions = array({ (reader: inout ArchiveReader) -> Misconception? in
                  guard let id = reader.string(), let label = reader.string(), let penalty = reader.double(),
                        let patterns = reader.array({ $0.array { $0.strings() } }), let unless = reader.strings(),
                        let correction = reader.string(), let line = reader.int() else { return nil }
                  return Misconception(id: id, label: label, penalty: penalty, patterns: patterns, unless: unless, correction: correction, line: line)
              }),
              let stages = array({ (reader: inout ArchiveReader) -> Stage? in
                  guard let id = reader.string(), let label = reader.string(), let cues = reader.strings() else { return nil }
                  return Stage(id: id, label: label, cues: cues)
              }),
              let low = int(), let high = int(),
              let coverage = double(), let structure = double(), let length = double(), let delivery = double() else { return nil }
        return Rubric(concepts: concepts, misconceptions: misconceptions, stages: stages, length: LengthBand(min: low, max: high),
                      weights: ComponentWeights(coverage: coverage, structure: structure, length: length, delivery: delivery))
    }

    mutating func node() -> DialogueNode? {
        guard let id = string(), let prompt = optional({ $0.string() }), let hint = optional({ $0.string() }),
              let asks = strings(), let line = int(),
              let edges = array({ (reader: inout ArchiveReader) -> DialogueEdge? in
                  guard let condition = reader.optional({ reader in reader.array { $0.clause() }.map(DialogueCondition.init) }),
                        let toNode = reader.bool() else { return nil }
                  var target = DialogueEdge.Target.end
                  if toNode {
                      guard let id = reader.string() else { return nil }
                      target = .node(id)
                  }
                  guard let why = reader.optional({ $0.string() }), let line = reader.int() else { return nil }
                  return DialogueEdge(condition: condition, target: target, why: why, line: line)
              }) else { return nil }
        return DialogueNode(id: id, prompt: prompt, hint: hint, asks: asks, edges: edges, line: line)
    }

    mutating func clause() -> DialogueCondition.Clause? {
        switch int() {
        case 0: strings().map { .covered($0) }
        case 1: strings().map { .missed($0) }
        case 2: string().map { .stagePresent($0) }
        case 3: string().map { .stageMissing($0) }
        case 4: double().map { .scoreBelow($0) }
        case 5: double().map { .scoreAtLeast($0) }
        case 6: int().map { .wordsBelow($0) }
        case 7: strings().map { .mentions($0) }
        case 8: string().map { .visited($0) }
        case 9: string().map { .notVisited($0) }
        default: nil
        }
    }
}
