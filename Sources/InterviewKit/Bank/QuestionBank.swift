import Foundation

/// The questions an interview can ask, loaded from a folder of YAML files.
public struct QuestionBank: Sendable {
    public private(set) var questions: [Question]

    public init(questions: [Question]) {
        self.questions = questions.sorted { Self.order($0.id, $1.id) }
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    public var ids: [String] { questions.map(\.id) }

    /// Questions sort as q1, q2, …, q10, then other ids alphabetically.
    static func order(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: .numeric) == .orderedAscending
    }

    /// Loads every `*.yaml` file in `directory`. Throws `BankError.invalid` with every diagnostic when
    /// any file is broken, so a bad rubric is never half-used.
    public static func load(from directory: String) throws(BankError) -> QuestionBank {
        let outcome = QuestionBankLoader().load(paths: [directory])
        if !outcome.errors.isEmpty {
            throw .invalid(outcome.errors)
        }
        if outcome.questions.isEmpty {
            throw .empty(directory)
        }
        return QuestionBank(questions: outcome.questions)
    }

    /// Picks the questions named by `ids`, in that order, with a helpful error for an unknown one.
    public func select(_ ids: [String]) throws(BankError) -> [Question] {
        try ids.map { (id) throws(BankError) -> Question in
            guard let question = question(id) else { throw .unknownQuestion(id, known: self.ids) }
            return question
        }
    }
}

/// Why the question bank could not be used.
public enum BankError: Error, Sendable, CustomStringConvertible {
    case invalid([Diagnostic])
    case empty(String)
    case unknownQuestion(String, known: [String])
    case notFound(String)

    public var description: String {
        switch self {
        case let .invalid(diagnostics):
            let shown = diagnostics.prefix(20).map(\.description).joined(separator: "\n")
            let more = diagnostics.count > 20 ? "\n… and \(diagnostics.count - 20) more" : ""
            return "the question bank has errors:\n\(shown)\(more)\nFix them (run `mock-interview rubric lint` to check)."
        case let .empty(directory):
            return "no question files (*.yaml) in \(directory); point --rubrics at the folder that holds q1.yaml…q5.yaml"
        case let .unknownQuestion(id, known):
            return "\(id): unknown question; known: \(known.joined(separator: ", ")). See `mock-interview rubric lint`."
        case let .notFound(path):
            return "\(path): no such file or folder; point --rubrics at the folder that holds the question files"
        }
    }
}

/// Reads question files and folders, parses and lints them, and reports every problem found.
public struct QuestionBankLoader: Sendable {
    public init() {}

    public struct Outcome: Sendable {
        public var questions: [Question]
        public var diagnostics: [Diagnostic]
        public var files: [String]

        /// The diagnostics that make a file unusable (warnings do not).
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    public func load(paths: [String]) -> Outcome {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.unreadableFile, "no such file or folder; give a question file or a folder of them", file: path, line: 1))
                continue
            }
            if isDirectory.boolValue {
                let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                let base = path.hasSuffix("/") ? path : path + "/"
                files += entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + $0 }
            } else {
                files.append(path)
            }
        }
        // Files are read, parsed and linted at once on every core (parsing is most of a start-up),
        // then merged in file order, so the outcome is the same as one after the other.
        let parsed = ConcurrentMap.map(files) { file in Self.parse(file: file) }
        var questions: [Question] = []
        var firstFile: [String: String] = [:]
        for (file, result) in zip(files, parsed) {
            diagnostics += result.diagnostics
            guard let question = result.question else { continue }
            if let earlier = firstFile[question.id] {
                diagnostics.append(Diagnostic(.duplicateQuestion, "question id '\(question.id)' is already defined in \(earlier); give each question its own id", file: file, line: 1))
                continue
            }
            firstFile[question.id] = file
            if result.isClean { questions.append(question) }
        }
        return Outcome(questions: questions, diagnostics: diagnostics, files: files)
    }

    /// One file read, parsed and linted: its question (nil when it cannot be parsed) and problems.
    private struct FileResult: Sendable {
        var question: Question?
        var diagnostics: [Diagnostic]
        /// The question parsed and also passed the dialogue lint.
        var isClean: Bool
    }

    private static func parse(file: String) -> FileResult {
        func failure(_ code: DiagnosticCode, _ message: String) -> FileResult {
            FileResult(question: nil, diagnostics: [Diagnostic(code, message, file: file, line: 1)], isClean: false)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return failure(.unreadableFile, "cannot read the file; check that it exists and you may read it")
        }
        if data.count > QuestionParser.maximumFileSize {
            return failure(.tooLarge, "file is \(data.count) bytes; question files are limited to \(QuestionParser.maximumFileSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return failure(.unreadableFile, "the file is not valid UTF-8; save it as UTF-8 text")
        }
        let result = QuestionParser().parse(text, path: file)
        guard let question = result.question else {
            return FileResult(question: nil, diagnostics: result.diagnostics, isClean: false)
        }
        let problems = DialogueLinter().lint(question, file: file)
        return FileResult(question: question, diagnostics: result.diagnostics + problems, isClean: !problems.contains { $0.severity == .error })
    }
}
