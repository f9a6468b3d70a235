/// A problem found in a question file, reported like a compiler does: file, line, column, a stable
/// code and a message that says what to fix.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var code: DiagnosticCode
    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ code: DiagnosticCode, _ message: String, file: String, line: Int, column: Int = 1, severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue) [\(code.rawValue)]: \(message)"
    }
}

/// The stable codes of lint diagnostics; documented in Rubrics/README.md.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    case yamlSyntax = "MI001"
    case wrongType = "MI002"
    case missingField = "MI003"
    case unknownField = "MI004"
    case invalidValue = "MI005"
    case emptyPhrase = "MI006"
    case duplicateID = "MI007"
    case unknownStage = "MI008"
    case unreadableFile = "MI009"
    case unknownGoto = "MI010"
    case unreachableNode = "MI011"
    case noPathToEnd = "MI012"
    case cycleWithoutExit = "MI013"
    case unknownConceptInCondition = "MI014"
    case unknownStageInCondition = "MI015"
    case missingFallback = "MI016"
    case unknownNodeInCondition = "MI017"
    case unknownCondition = "MI018"
    case duplicateQuestion = "MI019"
    case tooLarge = "MI020"
    case invalidExample = "MI021"
    case unknownConceptInAsks = "MI022"
    case misconceptionInStrongExample = "MI023"
    case exampleOutOfBand = "MI024"
    case followUpWithoutAsks = "MI025"

    /// What the code means, for `rubric lint --explain` and the docs.
    public var summary: String {
        switch self {
        case .yamlSyntax: "the file is not valid YAML"
        case .wrongType: "a field has the wrong type"
        case .missingField: "a required field is missing"
        case .unknownField: "a field the format does not know (often a typo)"
        case .invalidValue: "a value out of range or badly formed"
        case .emptyPhrase: "an empty phrase, cue or list"
        case .duplicateID: "two concepts, stages or nodes share an id"
        case .unknownStage: "a concept names a stage that does not exist"
        case .unreadableFile: "the file cannot be read or is not UTF-8"
        case .unknownGoto: "an edge goes to a node that does not exist"
        case .unreachableNode: "no path from the opening node reaches this node"
        case .noPathToEnd: "the interview can never end from this node"
        case .cycleWithoutExit: "nodes that lead only to each other"
        case .unknownConceptInCondition: "a condition names an unknown concept"
        case .unknownStageInCondition: "a condition names an unknown stage"
        case .missingFallback: "a node's last edge has a condition, so no edge may apply"
        case .unknownNodeInCondition: "a visited/not_visited condition names an unknown node"
        case .unknownCondition: "a condition key the format does not know"
        case .duplicateQuestion: "two files define the same question id"
        case .tooLarge: "the file is too large or too deeply nested"
        case .invalidExample: "a calibration example is malformed"
        case .unknownConceptInAsks: "a follow-up's 'asks' names an unknown concept"
        case .misconceptionInStrongExample: "a misconception's pattern fires on a strong calibration example"
        case .exampleOutOfBand: "a calibration example scores outside its band (warning)"
        case .followUpWithoutAsks: "a follow-up has no 'asks', so its answer is scored against the whole rubric (warning)"
        }
    }
}
