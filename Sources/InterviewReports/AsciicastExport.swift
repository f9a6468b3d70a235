import Foundation
import InterviewKit

/// A stored session as an asciinema recording (asciicast v2), for `asciinema play` or a web
/// player: a JSON header line, then one `[time, "o", text]` line per event with "\r\n" line
/// endings and a `[time, "m", "Q1: …"]` marker where each question starts.
///
/// The events and their text are those of `TranscriptReplay` (sanitised, so the file holds no
/// escape sequence from an answer); pauses longer than `idleLimit` seconds are shortened to it.
/// See https://docs.asciinema.org/manual/asciicast/v2/.
public enum AsciicastExport {
    public static func render(
        _ transcript: SessionTranscript, questions: [Question] = [], evaluations: Bool = false,
        idleLimit: Double? = 3, width: Int = 100, height: Int = 40
    ) -> String {
        let session = transcript.session
        let title = "mock-interview session \(session.id) (\(ReportFormat.dateTime(session.startedAt)))"
        let timestamp = session.startedAt.timeIntervalSince1970
        var lines = [
            "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp.isFinite ? Int64(timestamp.rounded(.down)) : 0), \"title\": \(json(title)), \"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}}",
        ]
        let events = TranscriptReplay.events(transcript, questions: questions, evaluations: evaluations)
        var time = 0.0
        for (event, delay) in zip(events, TranscriptReplay.delays(events, idleLimit: idleLimit)) {
            time += delay
            let stamp = ReportFormat.fixed(time, digits: 3)
            var output = TranscriptReplay.text(of: event).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
            if event.kind == .question {
                lines.append("[\(stamp), \"m\", \(json(event.text))]")
                output = "\r\n" + output
            }
            lines.append("[\(stamp), \"o\", \(json(output))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal; controls, quotes, backslashes and the JavaScript line separators are
    /// escaped.
    static func json(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
