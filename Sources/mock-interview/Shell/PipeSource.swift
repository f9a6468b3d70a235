import Foundation
import InterviewKit

/// Reads answers from stdin when it is not a terminal: plain lines, the same empty-line terminator
/// and meta-commands, no prompts, no escape codes.
struct PipeSource: LineSource {
    mutating func next(continuation: Bool) -> LineEvent {
        guard let line = readLine(strippingNewline: true) else { return .end }
        let cleaned = line.hasSuffix("\r") ? String(line.dropLast()) : line
        return .line(cleaned, firstInputAt: Date())
    }

    mutating func edit(_ draft: String) -> Result<String, EditorError> {
        .failure(EditorError(":edit needs a terminal; in a piped answer, write it on consecutive lines"))
    }

    mutating func remember(_ answer: String) {}
}
