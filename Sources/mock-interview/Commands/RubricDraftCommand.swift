import ArgumentParser
import Foundation
import InterviewKit

struct RubricDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft a question file from a model answer, to edit and lint."
    )

    @Option(help: ArgumentHelp("The model answer to draft from.", valueName: "file"))
    var from: String

    @Option(help: "The new question's id (lower-case letters, digits, '-').")
    var id: String = "custom"

    @Option(help: "The question to ask (default: a placeholder to edit).")
    var prompt: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the draft here instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard QuestionDraft.isValidID(id) else {
            throw ValidationError("--id may hold only lower-case letters, digits and '-' (for example: feature-store).")
        }
    }

    func run() throws {
        try reporting {
            guard let data = FileManager.default.contents(atPath: from) else {
                throw Failure("cannot read \(from); give the path of a text file with the model answer")
            }
            let answer = String(decoding: data, as: UTF8.self)
            let yaml = try QuestionDraft(modelAnswer: answer, id: id, prompt: prompt).yaml()
            if let output {
                if FileManager.default.fileExists(atPath: output) {
                    throw Failure("\(output) already exists; choose another -o path or delete it first")
                }
                guard FileManager.default.createFile(atPath: output, contents: Data(yaml.utf8)) else {
                    throw Failure("cannot write \(output); check the folder exists and is writable")
                }
                print("Draft written to \(output). Edit it, then check it: mock-interview rubric lint \(output)")
            } else {
                Output.write(yaml)
            }
        }
    }
}
