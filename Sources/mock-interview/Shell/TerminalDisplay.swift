import Foundation
import InterviewKit

/// Shows the interview in the terminal (or plainly, in a pipe): the interviewer's lines, notices and
/// verdicts.
struct TerminalDisplay {
    let palette: Palette
    let interactive: Bool
    let width = 92

    func greet(questions: [Question], candidate: String?, resumed: Bool) {
        let name = candidate.map { ", \($0)" } ?? ""
        let count = questions.count
        if resumed {
            say(palette.bold("Welcome back\(name).") + " Picking up where the interview stopped.")
        } else {
            say(palette.bold("Hello\(name). I'm your interviewer today.") + " \(count) question\(count == 1 ? "" : "s"), with follow-ups: \(questions.map(\.id).joined(separator: ", ")).")
        }
        say("Answer in your own words, on as many lines as you like; \(palette.bold("an empty line submits the answer")).")
        say("Commands start with ':' — :help lists them (:hint, :skip, :repeat, :time, :edit, :quit).")
        if interactive { say("Ctrl-C clears what you are typing; Ctrl-D ends the interview.") }
    }

    func show(_ event: InterviewEvent) {
        switch event {
        case let .prompt(prompt, repeated):
            if !repeated { say("") }
            if prompt.isOpening && !repeated {
                say(palette.accent(palette.bold("Question \(prompt.questionNumber) of \(prompt.questionCount) · \(prompt.questionTitle)")))
            }
            if let why = prompt.why, !repeated {
                say(palette.dim(why))
            }
            say(wrap("Interviewer: ", prompt.text))
        case let .hint(text):
            say(palette.warn("Hint: ") + (text ?? "Think about what a senior engineer would check first, then what they would change, then how they would know it worked."))
        case let .time(session, question):
            say(palette.dim("Time so far: \(Self.clock(session)) in the interview, \(Self.clock(question)) on this question."))
        case .help:
            say(palette.bold("Answering:") + " type on as many lines as you need; an empty line submits.")
            for command in MetaCommand.allCases {
                say("  :\(command.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(command.summary)")
            }
            say("  Ctrl-C   clear the answer being typed" + (interactive ? "" : " (terminal only)"))
            say("  Ctrl-D   end the interview (saved; `mock-interview resume last` continues it)")
        case let .unknownCommand(text):
            let guess = MetaCommand.suggestion(for: text).map { " Did you mean :\($0.rawValue)?" } ?? ""
            say(palette.warn("Unknown command \(text).") + guess + " Commands: " + MetaCommand.allCases.map { ":" + $0.rawValue }.joined(separator: " ") + ". Your answer was not recorded.")
        case .emptyAnswer:
            say(palette.dim("(Nothing to submit yet. Type your answer; an empty line after it submits. :help for commands.)"))
        case .cancelled:
            say(palette.dim("(Answer cleared. The question again:)"))
        case let .skipped(questionID):
            say(palette.dim("Skipped the rest of \(questionID)."))
        case .answerSaved:
            break
        case let .editorFailed(message):
            say(palette.warn("Cannot open the editor: ") + message)
        case let .editedDraftSubmitted(words):
            say(palette.dim("Answer from the editor: \(words) words."))
        case let .verdict(question, result, last):
            say("")
            var line = palette.bold("Verdict on \(question.id): \(BreakdownText.format(result.score))/100")
            if !result.recovered.isEmpty { line += palette.dim(" (includes half credit for \(result.recovered.count) point\(result.recovered.count == 1 ? "" : "s") you added in follow-ups)") }
            say(line)
            for flag in result.flags {
                let quote = flag.evidence.first.map { " — \"\(BreakdownText.excerpt($0.text))\"" } ?? ""
                say("  " + palette.bad("⚑ ") + flag.label + palette.dim(" (−\(BreakdownText.format(flag.penalty)))" + quote))
                say(wrap("      ", flag.correction))
            }
            if let last {
                let missed = last.concepts.missed.sorted { $0.pointsLost > $1.pointsLost }.prefix(2)
                for concept in missed where !result.recovered.contains(where: { $0.id == concept.id }) {
                    say("  " + palette.bad("✗ ") + concept.label)
                    say(wrap("      ", concept.tip))
                }
            }
        case .finished:
            break
        }
    }

    func summary(_ results: [QuestionResult], overall: Double?, status: SessionStatus, questions: [Question], sessionID: Int64, database: String, report: String?) {
        say("")
        say(palette.bold(status == .completed ? "That's the end of the interview. Thank you!" : "Interview ended early; everything you answered is saved."))
        for result in results where result.answered > 0 || result.skipped {
            let title = questions.first { $0.id == result.questionID }?.title ?? result.questionID
            let score = BreakdownText.format(result.score).padding(toLength: 5, withPad: " ", startingAt: 0)
            say("  \(result.questionID.padding(toLength: 4, withPad: " ", startingAt: 0)) \(score) \(title)\(result.skipped ? palette.dim(" (skipped)") : "")")
        }
        if let overall {
            say(palette.bold("  Overall \(BreakdownText.format(overall))/100") + " — " + QuestionResult.level(for: overall))
        }
        say("")
        say("Session \(sessionID) is saved in \(database).")
        if let report { say("Full feedback: \(report)") }
        if status != .completed { say("Continue it with: \(Locations.command("resume \(sessionID)", database: database))") }
        say("See it again with: \(Locations.command("replay \(sessionID)", database: database))")
        say("All sessions: \(Locations.command("list", database: database))")
    }

    func say(_ text: String) {
        print(text)
        fflush(nil)
    }

    func wrap(_ label: String, _ text: String) -> String {
        let lead = palette.bold(label)
        let indent = String(repeating: " ", count: label.count)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                if current.count + word.count + 1 > width - label.count, !current.isEmpty {
                    lines.append(current)
                    current = String(word)
                } else {
                    current += current.isEmpty ? String(word) : " " + word
                }
            }
            lines.append(current)
        }
        return lines.enumerated().map { index, line in (index == 0 ? lead : indent) + line }.joined(separator: "\n")
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) : String(format: "%d:%02d", total / 60, total % 60)
    }
}
