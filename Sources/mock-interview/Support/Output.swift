import Foundation
import InterviewKit
import InterviewReports

/// Writes to stdout and stderr, with colour only when stdout is a terminal and `NO_COLOR` is unset.
enum Output {
    static let isTerminal = isatty(STDOUT_FILENO) == 1
    static let useColor = isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    static var palette: Palette { useColor ? .ansi : .plain }

    /// Messages quote paths, rubric text and answers: they are sanitised (`TerminalText`) so that
    /// nothing they hold is executed by the terminal.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(TerminalText.sanitised(message))\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(TerminalText.sanitised(message))\n".utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Encodes values as the program's JSON: snake_case keys, sorted, ISO-8601 dates with milliseconds.
    static func jsonEncoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in SnakeCaseKey(path.last?.stringValue ?? "") }
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(from: date))
        }
        return encoder
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = true) throws -> String {
        String(decoding: try jsonEncoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}

extension Palette {
    /// ANSI styling for readline prompts: escape sequences wrapped in RL_PROMPT_START_IGNORE /
    /// RL_PROMPT_END_IGNORE so readline knows they take no columns.
    static let readlinePrompt = Palette(
        bold: { "\u{1}\u{1B}[1m\u{2}\($0)\u{1}\u{1B}[0m\u{2}" }, dim: { "\u{1}\u{1B}[2m\u{2}\($0)\u{1}\u{1B}[0m\u{2}" },
        good: { $0 }, bad: { $0 }, warn: { $0 }, accent: { $0 }
    )
}

/// A snake_case coding key that keeps acronyms whole, spelled by `SnakeCase`: `questionIDs` →
/// `question_ids` (Foundation's conversion gives `question_i_ds`), `rubricHash` → `rubric_hash`.
struct SnakeCaseKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ camel: String) {
        stringValue = SnakeCase.of(camel)
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { nil }
}
