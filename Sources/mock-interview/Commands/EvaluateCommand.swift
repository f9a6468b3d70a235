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
            Against model answers instead of a rubric (repeat --reference-file / --reference for several):
              mock-interview evaluate --reference-file model.txt < answer.txt
              echo "The switch is not open." | mock-interview evaluate --reference "The switch is closed."
            A follow-up's answer is scored against the concepts that follow-up asks for:
              mock-interview evaluate --question q4 --node dig-smote < answer.txt
            Batch mode reads JSON Lines {"id": …, "question": "q1", "answer": …} (optionally "node") and writes one result per line:
              mock-interview evaluate --jsonl answers.jsonl
            A batch line may carry "reference" (a string or a list of strings) instead of "question", \
            with optional "question_text" and "examples" ([{"answer": …, "label": "correct"|"incorrect"}]).

            Profiles (reference mode): sciEntsBank suits open questions with one model answer, beetle \
            narrow questions with several short ones. Without --profile: beetle for two or more model \
            answers averaging at most \(ReferenceProfile.shortReferenceWords) words, else sciEntsBank.
            """
    )

    @Option(name: .shortAndLong, help: "The question to score against (q1…q5, or any id in the bank).")
    var question: String?

    @Option(help: ArgumentHelp("With --question: score the answer as a reply to this follow-up (a node of the question's dialogue), against the concepts it asks for.", valueName: "node"))
    var node: String?

    @Option(name: .customLong("reference-file"), help: ArgumentHelp("Grade against the model answer in this file (repeatable).", valueName: "file"))
    var referenceFiles: [String] = []

    @Option(name: .customLong("reference"), help: ArgumentHelp("Grade against this model answer (repeatable).", valueName: "text"))
    var references: [String] = []

    @Option(help: ArgumentHelp("With --reference*: the question as asked; words the answer only repeats from it count less.", valueName: "text"))
    var questionText: String?

    @Option(help: ArgumentHelp("With --reference* or --jsonl: the tuned weights, sciEntsBank or beetle (default: chosen from the model answers).", valueName: "profile"))
    var profile: ReferenceProfile.Name?

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

    var referenceMode: Bool { !referenceFiles.isEmpty || !references.isEmpty }

    func validate() throws {
        if question != nil && referenceMode {
            throw ValidationError("--question scores against a rubric, --reference/--reference-file against model answers: use one, e.g. evaluate --reference-file model.txt < answer.txt")
        }
        if jsonl == nil && question == nil && !referenceMode {
            throw ValidationError("Name the question to score against, e.g. --question q1, or give a model answer with --reference-file FILE or --reference TEXT (or use --jsonl FILE for a batch).")
        }
        if jsonl != nil && (question != nil || answerFile != nil) {
            throw ValidationError("--jsonl reads the question and answer from each line; drop --question and --answer-file.")
        }
        if jsonl != nil && (referenceMode || questionText != nil) {
            throw ValidationError("--jsonl reads the model answers from each line's \"reference\" (and \"question_text\"); drop --reference, --reference-file and --question-text.")
        }
        if node != nil && question == nil {
            throw ValidationError("--node names a follow-up of a rubric question: add --question, e.g. evaluate --question q4 --node dig-smote.")
        }
        if questionText != nil && !referenceMode {
            throw ValidationError("--question-text goes with --reference or --reference-file; a rubric question (--question) has its own text.")
        }
        if profile != nil && !referenceMode && jsonl == nil {
            throw ValidationError("--profile applies to grading against model answers: add --reference-file FILE or --reference TEXT (or use --jsonl FILE).")
        }
        if let duration, !(duration > 0) {
            throw ValidationError("--duration must be a positive number of seconds.")
        }
    }

    func run() throws {
        try reporting {
            if let jsonl {
                var batch = BatchEvaluation(rubrics: Locations.rubrics(rubrics), profile: profile)
                let failures = try batch.run(path: jsonl)
                if failures > 0 { throw ExitCode.failure }
                return
            }
            if referenceMode {
                try gradeAgainstReferences()
                return
            }
            guard let id = question else { return }
            let bank = try CompiledBank.load(from: Locations.rubrics(rubrics))
            let question = try bank.select([id])[0]
            if let node, question.dialogue.node(node) == nil {
                throw Failure("\(id) has no node '\(node)'; its nodes are: \(question.dialogue.nodes.map(\.id).joined(separator: ", "))")
            }
            let answer = try readAnswer()
            let evaluation = Evaluator(question: question, similarWords: WordNetCache.similarWords()).evaluate(answer, duration: duration, node: node)
            if json {
                Output.write(try Output.json(evaluation, pretty: false) + "\n")
            } else {
                Output.write(BreakdownText.render(evaluation, title: question.title, palette: Output.palette))
            }
        }
    }

    private func gradeAgainstReferences() throws {
        var models: [String] = []
        for path in referenceFiles {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure("cannot read the model answer \(path); check the path")
            }
            models.append(String(decoding: data, as: UTF8.self))
        }
        models += references
        if models.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            throw Failure("a model answer is empty; give its text with --reference TEXT or a file with --reference-file FILE")
        }
        let answer = try readAnswer()
        let grader = ReferenceGrader(
            question: ReferenceQuestion(references: models, question: questionText),
            profile: profile.map(ReferenceProfile.named), corpus: .uniform,
            analyzer: ReferenceAnalyzer(lexicon: Self.loadWordNet())
        )
        let grade = grader.grade(answer, duration: duration)
        if json {
            Output.write(try Output.json(ReferenceResult(id: nil, grade: grade), pretty: false) + "\n")
        } else {
            let against = models.count == 1 ? "the model answer" : "\(models.count) model answers"
            let title = "\(grade.correct ? "correct" : "incorrect") against \(against)"
            Output.write(BreakdownText.render(grade.evaluation, title: title, palette: Output.palette))
        }
    }

    /// WordNet from `$WNSEARCHDIR` or `/usr/share/wordnet`; a warning (once) when it is not there.
    static func loadWordNet() -> WordNetLexicon? {
        let directory = WordNetLexicon.directory()
        let lexicon = WordNetCache.lexicon(directory: directory)
        if lexicon == nil {
            Output.warning("WordNet not found in \(directory) (Debian package wordnet-base; scripts/setup installs it): grading without synonyms, antonyms and comparatives")
        }
        return lexicon
    }

    private func readAnswer() throws -> String {
        let answer: String
        if let answerFile {
            guard let data = FileManager.default.contents(atPath: answerFile) else {
                throw Failure("cannot read \(answerFile); check the path")
            }
            answer = String(decoding: data, as: UTF8.self)
        } else {
            if isatty(STDIN_FILENO) == 1 {
                FileHandle.standardError.write(Data("Type or paste the answer, then Ctrl-D:\n".utf8))
            }
            answer = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        if answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Failure("the answer is empty; pipe it on stdin or pass --answer-file FILE")
        }
        return answer
    }
}

extension ReferenceProfile.Name: ExpressibleByArgument {}
