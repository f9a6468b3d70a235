import ArgumentParser
import Foundation
import InterviewKit

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score an answer against a question's rubric (or a model answer).",
        discussion: """
            Reads the answer from stdin unless --answer-file is given:
              mock-interview evaluate --question q1 < answer.txt
            Batch mode reads JSON Lines {"id": …, "question": "q1", "answer": …} and writes one result per line:
              mock-interview evaluate --jsonl answers.jsonl
            """
    )

    @Option(name: .shortAndLong, help: "The question to score against (q1…q5, or any id in the bank).")
    var question: String?

    @Option(help: ArgumentHelp("Read the answer from this file instead of stdin.", valueName: "file"))
    var answerFile: String?

    @Option(help: ArgumentHelp("Score JSON Lines from this file ('-' for stdin); one result per line.", valueName: "file"))
    var jsonl: String?

    @Flag(help: "Print the evaluation as one JSON object.")
    var json = false

    @Option(help: ArgumentHelp("Seconds the answer took, for words per minute.", valueName: "seconds"))
    var duration: Double?

    @Option(help: ArgumentHelp("The folder of question files.", valueName: "dir"))
    var rubrics: String?

    func validate() throws {
        if jsonl == nil && question == nil {
            throw ValidationError("Name the question to score against, e.g. --question q1 (or use --jsonl FILE for a batch).")
        }
        if jsonl != nil && (question != nil || answerFile != nil) {
            throw ValidationError("--jsonl reads the question and answer from each line; drop --question and --answer-file.")
        }
        if let duration, !(duration > 0) {
            throw ValidationError("--duration must be a positive number of seconds.")
        }
    }

    func run() throws {
        try reporting {
            let bank = try QuestionBank.load(from: Locations.rubrics(rubrics))
            if let jsonl {
                var batch = BatchEvaluation(bank: bank)
                let failures = try batch.run(path: jsonl)
                if failures > 0 { throw ExitCode.failure }
                return
            }
            guard let id = question else { return }
            let question = try bank.select([id])[0]
            let answer = try readAnswer()
            if answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw Failure("the answer is empty; pipe it on stdin or pass --answer-file FILE")
            }
            let evaluation = Evaluator(question: question).evaluate(answer, duration: duration)
            if json {
                Output.write(try Output.json(evaluation, pretty: false) + "\n")
            } else {
                Output.write(BreakdownText.render(evaluation, title: question.title, palette: Output.palette))
            }
        }
    }

    private func readAnswer() throws -> String {
        if let answerFile {
            guard let data = FileManager.default.contents(atPath: answerFile) else {
                throw Failure("cannot read \(answerFile); check the path")
            }
            return String(decoding: data, as: UTF8.self)
        }
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data("Type or paste the answer, then Ctrl-D:\n".utf8))
        }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
