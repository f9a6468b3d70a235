import Foundation
import InterviewKit

/// `evaluate --jsonl`: one JSON object in, one out, line by line; a bad line becomes an error object
/// naming its line number and the rest go on.
struct BatchEvaluation {
    let bank: QuestionBank
    private var evaluators: [String: Evaluator] = [:]

    init(bank: QuestionBank) {
        self.bank = bank
    }

    struct Line: Decodable {
        var id: JSONValue?
        var question: String?
        var answer: String?
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
        var failures = 0
        var number = 0
        var output = Data()
        for line in LineSequence(handle: input) {
            number += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) { continue }
            do {
                let result = try evaluate(line, decoder: decoder)
                output.append(try encoder.encode(result))
            } catch let error as LineFailure {
                failures += 1
                output.append(try encoder.encode(LineError(line: number, id: error.id, error: error.message)))
            }
            output.append(UInt8(ascii: "\n"))
            if output.count > 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
        if failures > 0 {
            Output.error("\(failures) of \(number) lines could not be scored; see the objects with an \"error\" field")
        }
        return failures
    }

    struct LineFailure: Error {
        var id: JSONValue?
        var message: String
    }

    private mutating func evaluate(_ bytes: [UInt8], decoder: JSONDecoder) throws(LineFailure) -> Result {
        let line: Line
        do {
            line = try decoder.decode(Line.self, from: Data(bytes))
        } catch {
            throw LineFailure(message: "not a JSON object with \"id\", \"question\" and \"answer\": \(Self.describe(error))")
        }
        guard let id = line.question else {
            throw LineFailure(id: line.id, message: "missing \"question\" (one of \(bank.ids.joined(separator: ", ")))")
        }
        guard let answer = line.answer else {
            throw LineFailure(id: line.id, message: "missing \"answer\" (a string)")
        }
        guard let evaluator = evaluator(for: id) else {
            throw LineFailure(id: line.id, message: "unknown question '\(id)'; known: \(bank.ids.joined(separator: ", "))")
        }
        return Result(id: line.id, evaluation: evaluator.evaluate(answer, duration: line.duration))
    }

    private mutating func evaluator(for id: String) -> Evaluator? {
        if let cached = evaluators[id] { return cached }
        guard let question = bank.question(id) else { return nil }
        let evaluator = Evaluator(question: question)
        evaluators[id] = evaluator
        return evaluator
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
