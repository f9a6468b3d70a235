import Foundation
import InterviewKit

/// `evaluate --jsonl`: one JSON object in, one out, line by line; a bad line becomes an error object
/// naming its line number and the rest go on.
///
/// A line names a rubric question (`"question"`) or carries model answers (`"reference"`). Question
/// lines are scored as they stream in. Reference grading needs IDF statistics of the whole batch, so
/// from the first reference line on the lines are kept in a private temporary file while the
/// statistics are gathered, and scored, in order, once the input has ended: memory stays bounded by the
/// vocabulary and the distinct questions, not by the batch.
struct BatchEvaluation {
    let rubrics: String
    let profile: ReferenceProfile.Name?
    private var bank: QuestionBank?
    private var evaluators: [String: Evaluator] = [:]
    /// WordNet's synonyms, looked up when the first rubric line needs them (`.some(nil)`: not installed).
    private var similarWords: SimilarWords??
    private var analyzer: ReferenceAnalyzer?
    private var graders: [ReferenceQuestion: ReferenceGrader] = [:]
    private static let maximumCachedGraders = 1024

    init(rubrics: String, profile: ReferenceProfile.Name? = nil) {
        self.rubrics = rubrics
        self.profile = profile
    }

    struct Line: Decodable {
        var id: JSONValue?
        var question: String?
        var node: String?
        var answer: String?
        var duration: Double?
        var reference: ReferenceTexts?
        var questionText: String?
        var examples: [Example]?

        enum CodingKeys: String, CodingKey {
            case id, question, node, answer, duration, reference, examples
            case questionText = "question_text"
        }

        struct Example: Decodable {
            var answer: String
            var label: String
        }
    }

    /// `"reference"`: one model answer or a list of them.
    struct ReferenceTexts: Decodable {
        var texts: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                texts = [text]
            } else {
                texts = try container.decode([String].self)
            }
        }
    }

    /// A reference line, checked.
    struct ReferenceItem {
        var id: JSONValue?
        var question: ReferenceQuestion
        var answer: String
        var duration: Double?
    }

    struct Result: Encodable {
        var id: JSONValue?
        var evaluation: Evaluation

        func encode(to encoder: Encoder) throws {
            try evaluation.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id ?? .null, forKey: .id)
        }

        enum Key: String, CodingKey { case id }
    }

    struct LineError: Encodable {
        var line: Int
        var id: JSONValue?
        var error: String
    }

    /// Scores every line; returns how many lines failed.
    mutating func run(path: String) throws -> Int {
        let input: FileHandle
        if path == "-" {
            input = .standardInput
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw Failure("cannot read \(path); check the path (use '-' for stdin)")
            }
            input = handle
        }
        let encoder = Output.jsonEncoder()
        let decoder = JSONDecoder()
        var output = BatchOutput(encoder: encoder)
        var number = 0
        var spool: LineSpool?
        var statistics: ReferenceCorpus.Builder?
        defer { spool?.remove() }
        for line in LineSequence(handle: input) {
            number += 1
            if Self.isBlank(line) { continue }
            if spool != nil {
                try spool?.append(line, number: number)
                if let item = try? referenceItem(decode(line, decoder: decoder)) { statistics?.add(item.question, answer: item.answer) }
                continue
            }
            do {
                let decoded = try decode(line, decoder: decoder)
                if decoded.reference != nil {
                    // The first line with model answers: from here on, two passes.
                    let started = try LineSpool()
                    spool = started
                    try spool?.append(line, number: number)
                    statistics = ReferenceCorpus.Builder(analyzer: referenceAnalyzer())
                    if let item = try? referenceItem(decoded) { statistics?.add(item.question, answer: item.answer) }
                    continue
                }
                try output.write(try evaluateQuestion(decoded))
            } catch let error as LineFailure {
                try output.fail(error, line: number)
            }
        }
        if var spool, let statistics {
            let corpus = statistics.corpus()
            for (line, lineNumber) in try spool.lines() {
                do {
                    let decoded = try decode(line, decoder: decoder)
                    if decoded.reference != nil {
                        try output.write(try grade(referenceItem(decoded), corpus: corpus))
                    } else {
                        try output.write(try evaluateQuestion(decoded))
                    }
                } catch let error as LineFailure {
                    try output.fail(error, line: lineNumber)
                }
            }
        }
        output.flush()
        if output.failures > 0 {
            Output.error("\(output.failures) of \(number) lines could not be scored; see the objects with an \"error\" field")
        }
        return output.failures
    }

    static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    struct LineFailure: Error {
        var id: JSONValue?
        var message: String
    }

    private func decode(_ bytes: [UInt8], decoder: JSONDecoder) throws(LineFailure) -> Line {
        do {
            return try decoder.decode(Line.self, from: Data(bytes))
        } catch {
            throw LineFailure(message: "not a JSON object with \"id\", \"question\" (or \"reference\") and \"answer\": \(Self.describe(error))")
        }
    }

    // MARK: Rubric questions

    private mutating func evaluateQuestion(_ line: Line) throws -> Result {
        guard let id = line.question else {
            throw LineFailure(id: line.id, message: "missing \"question\" (one of \(try questionBank().ids.joined(separator: ", "))) or \"reference\" (a model answer, or a list of them)")
        }
        guard let answer = line.answer else {
            throw LineFailure(id: line.id, message: "missing \"answer\" (a string)")
        }
        guard let evaluator = try evaluator(for: id) else {
            throw LineFailure(id: line.id, message: "unknown question '\(id)'; known: \(try questionBank().ids.joined(separator: ", "))")
        }
        if let node = line.node, evaluator.question.dialogue.node(node) == nil {
            throw LineFailure(id: line.id, message: "unknown node '\(node)' in question '\(id)'; nodes are: \(evaluator.question.dialogue.nodes.map(\.id).joined(separator: ", "))")
        }
        return Result(id: line.id, evaluation: evaluator.evaluate(answer, duration: line.duration, node: line.node))
    }

    /// The question bank, loaded when the first rubric line needs it.
    private mutating func questionBank() throws -> QuestionBank {
        if let bank { return bank }
        let loaded = try CompiledBank.load(from: rubrics)
        bank = loaded
        return loaded
    }

    private mutating func evaluator(for id: String) throws -> Evaluator? {
        if let cached = evaluators[id] { return cached }
        guard let question = try questionBank().question(id) else { return nil }
        if similarWords == nil { similarWords = .some(WordNetCache.similarWords()) }
        let evaluator = Evaluator(question: question, similarWords: similarWords ?? nil)
        evaluators[id] = evaluator
        return evaluator
    }

    // MARK: Model answers

    /// The analyzer of reference lines, with WordNet loaded (or a warning) on first use.
    private mutating func referenceAnalyzer() -> ReferenceAnalyzer {
        if let analyzer { return analyzer }
        let created = ReferenceAnalyzer(lexicon: EvaluateCommand.loadWordNet())
        analyzer = created
        return created
    }

    private func referenceItem(_ line: Line) throws(LineFailure) -> ReferenceItem {
        guard let references = line.reference?.texts else {
            throw LineFailure(id: line.id, message: "missing \"reference\" (a model answer, or a list of them)")
        }
        if line.question != nil {
            throw LineFailure(id: line.id, message: "a line has \"question\" (a rubric id) or \"reference\" (model answers), not both; put the question's text in \"question_text\"")
        }
        if references.isEmpty || references.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            throw LineFailure(id: line.id, message: "\"reference\" is empty; give a model answer, or a list of non-empty ones")
        }
        guard let answer = line.answer else {
            throw LineFailure(id: line.id, message: "missing \"answer\" (a string)")
        }
        var examples: [LabelledExample] = []
        for (index, example) in (line.examples ?? []).enumerated() {
            switch example.label {
            case "correct": examples.append(LabelledExample(answer: example.answer, correct: true))
            case "incorrect": examples.append(LabelledExample(answer: example.answer, correct: false))
            default:
                throw LineFailure(id: line.id, message: "examples[\(index)].label is '\(example.label)'; use \"correct\" or \"incorrect\"")
            }
        }
        return ReferenceItem(id: line.id, question: ReferenceQuestion(references: references, question: line.questionText, examples: examples),
                             answer: answer, duration: line.duration)
    }

    private mutating func grade(_ item: ReferenceItem, corpus: ReferenceCorpus) -> ReferenceResult {
        if let grader = graders[item.question] {
            return ReferenceResult(id: item.id ?? .null, grade: grader.grade(item.answer, duration: item.duration))
        }
        if graders.count >= Self.maximumCachedGraders { graders.removeAll(keepingCapacity: true) }
        let grader = ReferenceGrader(question: item.question, profile: profile.map(ReferenceProfile.named), corpus: corpus, analyzer: referenceAnalyzer())
        graders[item.question] = grader
        return ReferenceResult(id: item.id ?? .null, grade: grader.grade(item.answer, duration: item.duration))
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.keyNotFound(_, context), let DecodingError.dataCorrupted(context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "the line is not valid JSON" : "field \"\(path)\" has the wrong type"
        default:
            return "the line is not valid JSON"
        }
    }
}

/// A grade as JSON: the evaluation's fields, then `correct` and `grading` (and `id` in a batch).
struct ReferenceResult: Encodable {
    /// `nil` leaves `id` out (a single answer); a batch line always has one, `null` when absent.
    var id: JSONValue?
    var grade: ReferenceGrade

    func encode(to encoder: Encoder) throws {
        try grade.evaluation.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(grade.correct, forKey: .correct)
        try container.encode(grade.grading, forKey: .grading)
        if let id { try container.encode(id, forKey: .id) }
    }

    enum Key: String, CodingKey { case id, correct, grading }
}

/// The batch's output, buffered in large writes, counting the lines that failed.
struct BatchOutput {
    let encoder: JSONEncoder
    private var buffer = Data()
    private(set) var failures = 0

    init(encoder: JSONEncoder) {
        self.encoder = encoder
    }

    mutating func write<Value: Encodable>(_ value: Value) throws {
        buffer.append(try encoder.encode(value))
        endLine()
    }

    /// A question-mode line, written by `EvaluationJSONWriter` (the bytes `JSONEncoder` writes, several
    /// times faster: encoding was half of a batch).
    mutating func write(_ result: BatchEvaluation.Result) throws {
        try write(result.evaluation, adding: [("id", try fragment(result.id ?? .null))], else: result)
    }

    /// A reference-mode line, likewise: the evaluation by the writer, its `correct`, `grading` and `id`
    /// by `JSONEncoder`.
    mutating func write(_ result: ReferenceResult) throws {
        var extra = [("correct", result.grade.correct ? "true" : "false"), ("grading", try fragment(result.grade.grading))]
        if let id = result.id { extra.append(("id", try fragment(id))) }
        try write(result.grade.evaluation, adding: extra, else: result)
    }

    /// `evaluation` with `extra` members by the writer, or `whole` by `JSONEncoder` when the writer
    /// cannot write it (a number that is not finite).
    private mutating func write(_ evaluation: Evaluation, adding extra: [(key: String, json: String)], else whole: some Encodable) throws {
        if let json = EvaluationJSONWriter.json(evaluation, keys: .snakeCase, adding: extra) {
            buffer.append(contentsOf: json.utf8)
        } else {
            buffer.append(try encoder.encode(whole))
        }
        endLine()
    }

    private func fragment(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    mutating func fail(_ error: BatchEvaluation.LineFailure, line: Int) throws {
        failures += 1
        buffer.append(try encoder.encode(BatchEvaluation.LineError(line: line, id: error.id, error: error.message)))
        endLine()
    }

    private mutating func endLine() {
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The lines of a batch kept for its second pass, with their line numbers, in a temporary file that
/// only the user can read (answers are private).
struct LineSpool {
    let path: String
    private let handle: FileHandle
    private var numbers: [Int] = []
    private var buffer = Data()

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mock-interview-batch-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).jsonl").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw Failure("cannot create a temporary file in \(FileManager.default.temporaryDirectory.path) for the batch; set TMPDIR to a writable folder")
        }
        self.handle = handle
    }

    mutating func append(_ line: [UInt8], number: Int) throws {
        numbers.append(number)
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The kept lines, in order, each with its line number in the input.
    mutating func lines() throws -> Zip2Sequence<LineSequence, [Int]> {
        try flush()
        try handle.close()
        guard let reader = FileHandle(forReadingAtPath: path) else {
            throw Failure("cannot read back the temporary file \(path)")
        }
        return zip(LineSequence(handle: reader), numbers)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Any JSON value, kept as it came (for ids that may be numbers or strings).
enum JSONValue: Codable, Hashable {
    case string(String), number(Double), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .number(value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case let .bool(value): try container.encode(value)
        case .null: try container.encodeNil()
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

/// The lines of a file handle as bytes, read in large chunks.
struct LineSequence: Sequence, IteratorProtocol {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}
