import Foundation
import Testing
@testable import InterviewKit

/// A question file (or folder) with one problem, and the diagnostic it must give.
struct BadFixture: Sendable, CustomTestStringConvertible {
    var code: DiagnosticCode
    /// Relative to Fixtures/bad.
    var name: String
    var line: Int
    /// Checked where the diagnostic points inside a line (parser diagnostics).
    var column: Int?
    /// Text the message must contain: the offending value, and the fix where one is suggested.
    var mentions: [String]
    /// The file the diagnostic is reported against, if not `name` itself (a folder's second file).
    var reportedFile: String?

    var path: String { Paths.fixture("bad/" + name) }
    var testDescription: String { "\(code.rawValue) \(name)" }

    static let all: [BadFixture] = [
        BadFixture(code: .yamlSyntax, name: "mi001-syntax.yaml", line: 7, column: 2, mentions: ["did not find expected key"]),
        BadFixture(code: .wrongType, name: "mi002-wrong-type.yaml", line: 16, column: 13, mentions: ["'weight'", "concept 'monitoring'", "'heavy'", "number"]),
        BadFixture(code: .missingField, name: "mi003-missing-field.yaml", line: 14, column: 5, mentions: ["concept 'monitoring'", "'tip'"]),
        BadFixture(code: .unknownField, name: "mi004-unknown-field.yaml", line: 16, column: 5, mentions: ["'requried'", "did you mean 'required'?"]),
        BadFixture(code: .invalidValue, name: "mi005-invalid-value.yaml", line: 6, column: 3, mentions: ["min 100", "max 50"]),
        BadFixture(code: .emptyPhrase, name: "mi006-empty-phrase.yaml", line: 16, column: 24, mentions: ["'phrases'", "concept 'monitoring'", "no words"]),
        BadFixture(code: .duplicateID, name: "mi007-duplicate-concept.yaml", line: 18, column: 9, mentions: ["concept id 'monitoring'", "twice"]),
        BadFixture(code: .duplicateID, name: "mi007-duplicate-stage.yaml", line: 23, column: 9, mentions: ["stage id 'monitor'", "twice"]),
        BadFixture(code: .duplicateID, name: "mi007-duplicate-node.yaml", line: 28, mentions: ["node id 'probe'", "twice"]),
        BadFixture(code: .unknownStage, name: "mi008-unknown-stage.yaml", line: 16, column: 12, mentions: ["'monitr'", "stages are: monitor"]),
        BadFixture(code: .unreadableFile, name: "mi009-not-utf8.yaml", line: 1, column: 1, mentions: ["not valid UTF-8"]),
        BadFixture(code: .unknownGoto, name: "mi010-unknown-goto.yaml", line: 21, mentions: ["goto 'probe-monitorng'", "nodes are: open, probe-monitoring, end"]),
        BadFixture(code: .unreachableNode, name: "mi011-unreachable-node.yaml", line: 22, mentions: ["node 'orphan'", "unreachable", "'open'"]),
        BadFixture(code: .noPathToEnd, name: "mi012-no-path-to-end.yaml", line: 24, mentions: ["node 'probe'", "`end`"]),
        BadFixture(code: .cycleWithoutExit, name: "mi013-cycle-without-exit.yaml", line: 24, mentions: ["ask → ask-again → ask", "no exit"]),
        BadFixture(code: .unknownConceptInCondition, name: "mi014-unknown-concept-in-condition.yaml", line: 21, mentions: ["concept 'monitorng'", "concepts are: monitoring"]),
        BadFixture(code: .unknownStageInCondition, name: "mi015-unknown-stage-in-condition.yaml", line: 26, mentions: ["stage 'monitr'", "stages are: monitor"]),
        BadFixture(code: .missingFallback, name: "mi016-missing-fallback.yaml", line: 21, mentions: ["node 'open'", "`- goto: end`"]),
        BadFixture(code: .unknownNodeInCondition, name: "mi017-unknown-node-in-condition.yaml", line: 21, mentions: ["node 'prob'", "nodes are: open, probe"]),
        BadFixture(code: .unknownCondition, name: "mi018-unknown-condition.yaml", line: 21, column: 15, mentions: ["'mised'", "did you mean 'missed'?"]),
        BadFixture(code: .duplicateQuestion, name: "mi019-duplicate-question", line: 1, column: 1, mentions: ["question id 'tiny'", "first.yaml"], reportedFile: "second.yaml"),
        BadFixture(code: .tooLarge, name: "mi020-too-deep.yaml", line: 2, column: 1, mentions: ["nesting deeper than 64 levels"]),
        BadFixture(code: .tooLarge, name: "mi020-alias-explosion.yaml", line: 21, mentions: ["more than 100000 YAML nodes", "aliases"]),
        BadFixture(code: .invalidExample, name: "mi021-invalid-example.yaml", line: 23, column: 11, mentions: ["kind 'excellent'", "strong, partial, weak, off-topic, keywords, rejecting, wrong, padded"]),
        BadFixture(code: .unknownConceptInAsks, name: "mi022-unknown-concept-in-asks.yaml", line: 24, mentions: ["node 'probe'", "concept 'monitorng'", "concepts are: monitoring"]),
        BadFixture(code: .misconceptionInStrongExample, name: "mi023-misconception-in-strong-example.yaml", line: 19, mentions: ["misconception 'no-monitoring'", "strong example at line 37", "more specific"]),
        BadFixture(code: .exampleOutOfBand, name: "mi024-example-out-of-band.yaml", line: 30, mentions: ["off-topic example scores", "outside its band 90–100"]),
        BadFixture(code: .followUpWithoutAsks, name: "mi025-follow-up-without-asks.yaml", line: 24, mentions: ["follow-up 'probe'", "no 'asks'"]),
        BadFixture(code: .emptyPhrase, name: "mi006-empty-misconception-group.yaml", line: 23, column: 19, mentions: ["misconception 'leaky'", "empty alternative"]),
        BadFixture(code: .invalidValue, name: "mi005-misconception-penalty.yaml", line: 21, column: 14, mentions: ["penalty of misconception 'leaky'", "above 0 and at most 100", "250"]),
        BadFixture(code: .duplicateID, name: "mi007-misconception-clashes-with-concept.yaml", line: 19, column: 9, mentions: ["misconception id 'monitoring'", "a concept"]),
        BadFixture(code: .invalidValue, name: "mi005-concept-kind.yaml", line: 16, column: 11, mentions: ["kind of concept 'monitoring'", "practice, risk", "'hazard'"]),
    ]
}

@Suite("Question parser and loader")
struct QuestionParserTests {
    func load(_ path: String) -> QuestionBankLoader.Outcome {
        QuestionBankLoader().load(paths: [path])
    }

    /// What `rubric lint` reports for `path`: the loader's diagnostics and the calibration examples' checks.
    func lint(_ path: String) -> [Diagnostic] {
        let outcome = load(path)
        return outcome.diagnostics + outcome.questions.flatMap { AdvisoryLinter().lint($0, file: $0.sourcePath ?? "") }
    }

    func parse(_ text: String) -> QuestionParser.Result {
        QuestionParser().parse(text, path: "test.yaml")
    }

    // MARK: Valid files

    @Test("a valid minimal file yields its question and no diagnostics")
    func validMinimal() throws {
        let outcome = load(Paths.fixture("valid/minimal.yaml"))
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.description))")
        let question = try #require(outcome.questions.first)
        #expect(question.id == "tiny")
        #expect(question.rubric.length == LengthBand(min: 10, max: 100))
        #expect(question.rubric.weights == .standard)
        #expect(question.rubric.concepts.map(\.id) == ["monitoring"])
        #expect(question.rubric.concepts.first?.weight == 1, "weight defaults to 1")
        #expect(question.rubric.concepts.first?.required == false, "required defaults to false")
        #expect(question.rubric.stages.isEmpty)
        #expect(question.dialogue.start?.prompt == nil, "the opening node asks the question's prompt")
        #expect(question.dialogue.start?.edges == [DialogueEdge(target: .end, line: 21)])
        #expect(question.sourcePath == Paths.fixture("valid/minimal.yaml"))
    }

    @Test("a file using every field of the format is read in full")
    func validFull() throws {
        let path = Paths.fixture("valid/full.yaml")
        let outcome = load(path)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.description))")
        let question = try #require(outcome.questions.first)
        let fallback = try #require(question.rubric.concept("fallback"))
        #expect(fallback.weight == 3)
        #expect(fallback.stage == "design")
        #expect(fallback.required)
        #expect(fallback.phrases == ["fallback", "default values", "cached features"])
        #expect(fallback.abbreviations == ["SLA"])
        #expect(fallback.kind == .practice, "kind defaults to practice")
        #expect(question.rubric.concept("stale-reads")?.kind == .risk)
        let misconception = try #require(question.rubric.misconceptions.first)
        #expect(misconception.id == "no-impact")
        #expect(misconception.penalty == 12)
        #expect(misconception.patterns == [[["outage", "store down"], ["no effect", "does not matter"]], [["models"], ["keep working fine"]]])
        #expect(misconception.unless == ["because we cache"])
        #expect(misconception.correction.hasPrefix("Models that read live features"))
        #expect(question.dialogue.node("probe-alerting")?.asks == ["alerting"])
        #expect(question.dialogue.node("probe-retries")?.asks == ["fallback"], "a single id is a list of one")
        #expect(question.dialogue.start?.asks == [])
        #expect(question.rubric.stages.map(\.id) == ["design", "monitor"])
        #expect(question.prompt == "Your feature store goes down for an hour. What happens to the models that depend on it?")
        #expect(question.dialogue.nodes.map(\.id) == ["open", "probe-alerting", "probe-retries"])
        #expect(question.dialogue.node("probe-alerting")?.hint == "Think about freshness timestamps.")
        let open = try #require(question.dialogue.start)
        #expect(open.edges.map(\.condition) == [
            DialogueCondition([.missed(["alerting"]), .stageMissing("monitor")]),
            DialogueCondition([.mentions(["retry", "retries"]), .scoreBelow(80)]),
            nil,
        ])
        #expect(open.edges.first?.why == "You haven't said how you would find out that the store is down.")
        #expect(question.dialogue.node("probe-alerting")?.edges.first?.condition == DialogueCondition([.notVisited("probe-retries"), .wordsBelow(30)]))
        #expect(question.dialogue.node("probe-retries")?.edges.first?.condition == DialogueCondition([.covered(["fallback"]), .stagePresent("design"), .scoreAtLeast(50), .visited("probe-alerting")]))
        #expect(question.examples.map(\.kind) == [.strong, .offTopic])
        #expect(question.examples.first?.band == 60...100)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(question.contentHash == ContentHash.of(text))
    }

    @Test("the complete example in Rubrics/README.md parses, with every field the format knows")
    func readmeExample() throws {
        let readme = try String(contentsOf: Paths.rubrics.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let result = parse(String(readme[start.upperBound..<end.lowerBound]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let question = try #require(result.question)
        #expect(!question.rubric.misconceptions.isEmpty)
        #expect(question.rubric.concepts.contains { $0.kind == .risk })
        #expect(question.dialogue.nodes.dropFirst().allSatisfy { !$0.asks.isEmpty })
    }

    // MARK: One fixture per diagnostic

    @Test("each bad fixture gives its diagnostic at the offending line, naming the offending value", arguments: BadFixture.all)
    func badFixture(_ fixture: BadFixture) throws {
        let outcome = load(fixture.path)
        let diagnostics = lint(fixture.path)
        let diagnostic = try #require(diagnostics.first { $0.code == fixture.code },
                                      "no \(fixture.code.rawValue) among \(diagnostics.map(\.description))")
        #expect(diagnostic.line == fixture.line, "\(diagnostic)")
        if let column = fixture.column {
            #expect(diagnostic.column == column, "\(diagnostic)")
        }
        for text in fixture.mentions {
            #expect(diagnostic.message.contains(text), "\(diagnostic.message) should mention \(text)")
        }
        let file = fixture.reportedFile.map { fixture.path + "/" + $0 } ?? fixture.path
        #expect(diagnostic.file == file)
        let isWarning = [DiagnosticCode.followUpWithoutAsks, .exampleOutOfBand].contains(fixture.code)
        #expect(diagnostic.severity == (isWarning ? .warning : .error))
        if fixture.code != .duplicateQuestion && fixture.code != .misconceptionInStrongExample && !isWarning {
            #expect(outcome.questions.isEmpty, "a file with errors is never half-used")
        }
        if isWarning {
            #expect(!outcome.questions.isEmpty, "a warning does not keep a question out of the bank")
        }
    }

    @Test("every diagnostic code has a fixture that produces it", arguments: DiagnosticCode.allCases)
    func everyCodeHasAFixture(_ code: DiagnosticCode) {
        let fixtures = BadFixture.all.filter { $0.code == code }
        #expect(!fixtures.isEmpty, "no fixture for \(code.rawValue) (\(code.summary))")
        for fixture in fixtures {
            #expect(lint(fixture.path).contains { $0.code == code }, "\(fixture.name)")
        }
    }

    @Test("a duplicate question keeps the first file's question and drops the second")
    func duplicateQuestionKeepsFirst() {
        let outcome = load(Paths.fixture("bad/mi019-duplicate-question"))
        #expect(outcome.questions.map(\.id) == ["tiny"])
        #expect(outcome.questions.first?.title == "Tiny question")
        #expect(outcome.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["first.yaml", "second.yaml"])
    }

    // MARK: Hostile and broken input

    @Test("a file over the size limit is refused before parsing", arguments: [false, true])
    func tooLarge(throughLoader: Bool) throws {
        let valid = try String(contentsOfFile: Paths.fixture("valid/minimal.yaml"), encoding: .utf8)
        let padding = String(repeating: "# padding padding padding padding padding padding padding\n", count: QuestionParser.maximumFileSize / 58 + 10)
        let text = valid + padding
        let diagnostics: [Diagnostic]
        if throughLoader {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("mi020-too-large-\(UUID().uuidString).yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            diagnostics = load(url.path).diagnostics
        } else {
            diagnostics = parse(text).diagnostics
        }
        #expect(diagnostics.map(\.code) == [.tooLarge])
        #expect(diagnostics.first?.line == 1)
        #expect(diagnostics.first?.message.contains("\(QuestionParser.maximumFileSize) bytes") == true)
    }

    @Test("a classic billion-laughs file is parsed quickly and refused, not expanded", .timeLimit(.minutes(1)))
    func billionLaughs() throws {
        var text = try String(contentsOfFile: Paths.fixture("valid/minimal.yaml"), encoding: .utf8)
        text += "examples:\n  - kind: strong\n    band: [0, 100]\n    answer: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "  - kind: weak\n    band: [0, 100]\n    answer: &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = parse(text)
        #expect(result.question == nil)
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { [.wrongType, .tooLarge].contains($0.code) }, "\(result.diagnostics.map(\.description))")
    }

    @Test("an empty file asks for the required fields")
    func emptyFile() {
        let result = parse("")
        #expect(result.question == nil)
        #expect(result.diagnostics.map(\.code) == [.missingField])
        #expect(result.diagnostics.first?.message.contains("id, title, topic, prompt") == true)
    }

    @Test("a file whose top level is not a mapping is the wrong type")
    func topLevelList() {
        let result = parse("- id: q1\n- title: x\n")
        #expect(result.diagnostics.map(\.code) == [.wrongType])
        #expect(result.diagnostics.first?.message.contains("found a list") == true)
    }

    @Test("every problem in a file is reported, not just the first")
    func everyProblem() throws {
        var text = try String(contentsOfFile: Paths.fixture("valid/minimal.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "id: tiny", with: "id: Tiny Q")
            .replacingOccurrences(of: "topic: Testing\n", with: "")
            .replacingOccurrences(of: "phrases: [monitor]", with: "phrases: []")
            .replacingOccurrences(of: "  coverage: 0.65", with: "  coverage: -1")
        let result = parse(text)
        #expect(result.question == nil)
        #expect(Set(result.diagnostics.map(\.code)) == [.invalidValue, .missingField, .emptyPhrase])
        #expect(result.diagnostics.count == 4, "\(result.diagnostics.map(\.description))")
        #expect(result.diagnostics.contains { $0.message.contains("'Tiny Q'") })
    }

    @Test("a path that does not exist is reported, not skipped")
    func missingPath() {
        let outcome = load(Paths.fixture("no-such-folder"))
        #expect(outcome.diagnostics.map(\.code) == [.unreadableFile])
        #expect(outcome.diagnostics.first?.file == Paths.fixture("no-such-folder"))
    }

    @Test("a folder is read for its .yaml and .yml files only, in name order")
    func folderListing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try String(contentsOfFile: Paths.fixture("valid/minimal.yaml"), encoding: .utf8)
        try valid.replacingOccurrences(of: "id: tiny", with: "id: b").write(to: folder.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        try valid.replacingOccurrences(of: "id: tiny", with: "id: a").write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "not a question".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let outcome = load(folder.path)
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.yaml", "b.yml"])
        #expect(outcome.questions.map(\.id) == ["a", "b"])
    }

    // MARK: Diagnostics

    @Test("a diagnostic reads like a compiler's: file:line:column: error [code]: message")
    func diagnosticDescription() {
        let diagnostic = Diagnostic(.unknownGoto, "goto 'wrap' names no node", file: "Rubrics/q1.yaml", line: 14, column: 7)
        #expect(diagnostic.description == "Rubrics/q1.yaml:14:7: error [MI010]: goto 'wrap' names no node")
    }

    @Test("the codes run MI001 to MI025, each with a summary")
    func codes() {
        #expect(DiagnosticCode.allCases.map(\.rawValue) == (1...25).map { String(format: "MI%03d", $0) })
        #expect(DiagnosticCode.allCases.allSatisfy { !$0.summary.isEmpty })
    }

    @Test("a typo is matched to the known name within two edits", arguments: [
        ("phrase", "phrases"), ("requried", "required"), ("mised", "missed"), ("stagee", "stage"),
    ])
    func didYouMean(typo: String, expected: String) {
        let known = ["id", "label", "weight", "stage", "required", "phrases", "abbreviations", "tip", "missed", "covered"]
        #expect(NodeReader.closest(to: typo, in: known) == expected)
    }

    @Test("a name far from every known one gets no suggestion")
    func noSuggestion() {
        #expect(NodeReader.closest(to: "colour", in: ["id", "label", "weight"]) == nil)
    }
}

@Suite("trimming white space")
struct WhiteSpaceTrimmingTests {
    @Test("removes what Foundation's whitespacesAndNewlines removes, and nothing else", arguments: [
        "", " ", "\t\n", "plain", "  both ends  ", "\u{00A0}no-break\u{00A0}", "\u{2028}line separator\u{2029}",
        "\u{3000}ideographic\u{3000}", "inner  space kept", "\u{200B}zero width space\u{200B}", "\u{200C}zero width non-joiner\u{200C}",
        "é\u{0301} combining", "\r\nwindows\r\n", "🙂 emoji 🙂", "\u{85}next line\u{85}",
    ])
    func matchesFoundation(_ text: String) {
        #expect(text.trimmingWhiteSpace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
