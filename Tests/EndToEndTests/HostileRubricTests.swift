import Foundation
import Testing

/// Malformed and hostile question files: `rubric lint` rejects each with FILE:LINE:COLUMN and a
/// message, within a few seconds, without a trap, and prints nothing that a terminal would execute.
@Suite("hostile rubric files")
struct HostileRubricTests {
    /// A file that lints clean; most cases below break one thing in it.
    static let valid = """
        id: q9
        title: Feature store outage
        topic: MLOps
        prompt: Your feature store goes down for an hour. What happens, and how would you design for it?
        length:
          min: 80
          max: 350
        weights:
          coverage: 0.65
          structure: 0.2
          length: 0.1
          delivery: 0.05
        concepts:
          - id: fallback
            label: Serve a fallback when features are missing
            weight: 3
            stage: design
            phrases: [fallback, default values, cached features]
            tip: Say what the model serves when its features are missing.
          - id: alerting
            label: Alert on stale features
            weight: 2
            phrases: [alert, stale features]
            tip: Name the signal that tells you the store is down.
        structure:
          - id: design
            label: Design
            cues: [design, I would build]
        dialogue:
          - id: open
            next:
              - if: { missed: alerting }
                goto: probe
                why: You haven't said how you would notice.
              - goto: end
          - id: probe
            prompt: How would you find out that features have gone stale?
            next:
              - goto: end

        """

    static func replacing(_ old: String, with new: String) -> Data {
        precondition(valid.contains(old), "fixture text not found: \(old)")
        return Data(valid.replacingOccurrences(of: old, with: new).utf8)
    }

    static func text(_ string: String) -> Data { Data(string.utf8) }

    /// The corpus: a name and the bytes of the file.
    static let corpus: [(name: String, bytes: Data)] = {
        var cases: [(String, Data)] = [
            // YAML syntax
            ("unclosed-flow-sequence", replacing("phrases: [fallback, default values, cached features]", with: "phrases: [fallback, default values")),
            ("unclosed-quote", replacing("title: Feature store outage", with: "title: \"Feature store outage")),
            ("bad-indentation", replacing("  max: 350", with: "    max: 350\n   oops: 1")),
            ("tab-indentation", replacing("  min: 80", with: "\tmin: 80")),
            ("tab-before-list-item", replacing("  - id: alerting", with: "\t- id: alerting")),
            ("mapping-in-plain-scalar", replacing("topic: MLOps", with: "topic: MLOps: ops: more")),
            ("two-documents", text(valid + "---\nid: other\n")),
            ("undefined-alias", replacing("topic: MLOps", with: "topic: *nowhere")),
            ("nul-byte", replacing("topic: MLOps", with: "topic: ML\u{0}Ops")),
            ("bell-control-character", replacing("topic: MLOps", with: "topic: ML\u{7}Ops")),
            ("escape-sequence-in-bad-value", replacing("  min: 80", with: "  min: \"\\e]0;pwned\\a\\e[2J80\"")),
            ("invalid-utf8", Data(valid.utf8.prefix(200)) + Data([0xFF, 0xFE, 0xC3, 0x28]) + Data(valid.utf8.dropFirst(200))),
            ("utf16-with-bom", valid.data(using: .utf16)!),
            ("overlong-utf8-encoding", text("id: q9\ntitle: ") + Data([0xC0, 0xAF]) + text("\n")),
            // Empty and wrong shapes
            ("empty-file", Data()),
            ("only-comments", text("# a question will go here\n# later\n")),
            ("only-whitespace", text("\n\n   \n\n")),
            ("top-level-list", text("- id: q9\n- title: x\n")),
            ("top-level-scalar", text("just some words\n")),
            ("null-document", text("~\n")),
            // Wrong types
            ("id-is-a-list", replacing("id: q9", with: "id: [q9, q10]")),
            ("title-is-a-mapping", replacing("title: Feature store outage", with: "title: { text: Feature store outage }")),
            ("length-min-is-text", replacing("  min: 80", with: "  min: eighty")),
            ("weight-is-nan", replacing("  coverage: 0.65", with: "  coverage: .nan")),
            ("weight-is-infinite", replacing("    weight: 3", with: "    weight: 1e400")),
            ("required-is-not-boolean", replacing("    weight: 2\n", with: "    weight: 2\n    required: perhaps\n")),
            ("concepts-is-a-mapping", replacing("concepts:\n  - id: fallback", with: "concepts:\n  fallback:\n    id: fallback")),
            ("next-is-a-scalar", replacing("      - goto: end\n  - id: probe", with: "      - goto: end\n  - id: probe\n    nope: 1")),
            // Missing fields and values out of range
            ("missing-id", replacing("id: q9\n", with: "")),
            ("missing-dialogue", text(String(valid[..<valid.range(of: "dialogue:")!.lowerBound]))),
            ("missing-tip", replacing("    tip: Name the signal that tells you the store is down.\n", with: "")),
            ("length-min-above-max", replacing("  min: 80", with: "  min: 900")),
            ("negative-weight", replacing("  structure: 0.2", with: "  structure: -3")),
            ("all-weights-zero", replacing("  coverage: 0.65\n  structure: 0.2\n  length: 0.1\n  delivery: 0.05", with: "  coverage: 0\n  structure: 0\n  length: 0\n  delivery: 0")),
            ("id-with-capitals-and-spaces", replacing("id: q9", with: "id: Question Nine")),
            ("empty-concepts", replacing("concepts:\n  - id: fallback", with: "concepts: []\nunused:\n  - id: fallback")),
            // Empty phrases
            ("empty-phrase", replacing("phrases: [alert, stale features]", with: "phrases: [alert, \"\"]")),
            ("punctuation-only-phrase", replacing("phrases: [alert, stale features]", with: "phrases: [\"!!!\", \"...\"]")),
            ("empty-phrase-list", replacing("phrases: [alert, stale features]", with: "phrases: []")),
            ("null-phrases", replacing("phrases: [alert, stale features]", with: "phrases: ~")),
            // Duplicates and unknown names
            ("duplicate-key", replacing("topic: MLOps", with: "topic: MLOps\ntopic: Again")),
            ("duplicate-concept-id", replacing("  - id: alerting", with: "  - id: fallback")),
            ("unknown-field", replacing("topic: MLOps", with: "topic: MLOps\ntopics: typo")),
            ("merge-key", replacing("topic: MLOps", with: "base: &base { topic: MLOps }\n<<: *base")),
            ("unknown-stage", replacing("    stage: design", with: "    stage: nowhere")),
            ("unknown-goto", replacing("        goto: probe\n", with: "        goto: nowhere\n")),
            ("unknown-concept-in-condition", replacing("{ missed: alerting }", with: "{ missed: telepathy }")),
            ("unknown-condition", replacing("{ missed: alerting }", with: "{ mised: alerting }")),
            ("empty-condition", replacing("{ missed: alerting }", with: "{}")),
            ("reserved-node-id", replacing("  - id: probe\n", with: "  - id: end\n")),
            // Dialogue graphs
            ("cycle-without-exit", text(valid.replacingOccurrences(of: "      - goto: end\n  - id: probe", with: "      - goto: probe\n  - id: probe")
                .replacingOccurrences(of: "stale?\n    next:\n      - goto: end", with: "stale?\n    next:\n      - goto: open"))),
            ("unreachable-node", text(valid + "  - id: island\n    prompt: Nobody asks this.\n    next:\n      - goto: end\n")),
            ("no-fallback-edge", replacing("      - goto: end\n  - id: probe", with: "  - id: probe")),
            // Aliases and anchors
            ("alias-used-as-mapping-key", replacing("topic: MLOps", with: "topic: &t MLOps\n*t : again")),
            ("self-referencing-anchor", replacing("topic: MLOps", with: "topic: &loop [a, *loop]")),
            ("tagged-binary", replacing("topic: MLOps", with: "topic: !!binary aGVsbG8=\nnope: 1")),
        ]
        // Billion laughs: nine levels of nine aliases each.
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        cases.append(("billion-laughs-at-top-level", text(laughs)))
        cases.append(("billion-laughs-in-phrases", replacing("    phrases: [alert, stale features]", with: "    x-laughs:\n" + laughs.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n    phrases: *a9")))
        cases.append(("billion-laughs-in-field", text(valid.replacingOccurrences(of: "topic: MLOps", with: "topic: MLOps\nlaughs:\n" + laughs.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")))))
        cases.append(("aliases-under-node-budget-but-huge", text(valid.replacingOccurrences(of: "    phrases: [alert, stale features]", with: "    phrases: &p [" + (0..<500).map { "w\($0)" }.joined(separator: ", ") + "]\n    abbreviations: [*p, *p, *p, *p, *p, *p, *p, *p]"))))
        // Depth and size
        cases.append(("deep-flow-nesting", text("id: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")))
        cases.append(("deep-block-nesting", text((0..<2_000).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " x\n")))
        cases.append(("deep-compact-sequences", text("id: q9\nconcepts:\n" + String(repeating: "- ", count: 200_000) + "x\n")))
        cases.append(("deep-compact-mappings-in-sequence", text("dialogue:\n" + String(repeating: "- ? ", count: 100_000) + "x\n")))
        cases.append(("huge-file", text(valid + "# " + String(repeating: "padding ", count: 200_000) + "\n")))
        cases.append(("huge-single-line", text("id: q9\ntitle: " + String(repeating: "word ", count: 200_000) + "\n")))
        cases.append(("many-keys", text((0..<60_000).map { "k\($0): v" }.joined(separator: "\n") + "\n")))
        cases.append(("very-long-key", text(String(repeating: "k", count: 900_000) + ": v\n")))
        return cases
    }()

    @Test("the corpus has at least 40 files, each different")
    func corpusSize() {
        #expect(Self.corpus.count >= 40)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
        #expect(Set(Self.corpus.map(\.bytes)).count == Self.corpus.count)
    }

    @Test("the unbroken file the corpus is made from lints clean")
    func baseIsValid() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("q9.yaml")
        try Data(Self.valid.utf8).write(to: file)
        let run = try Measured.run(["rubric", "lint", file.path])
        #expect(run.status == 0, "\(run.stdoutText)")
    }

    @Test("rubric lint rejects every hostile file with file:line:column and a message, in bounded time, without a trap or raw control bytes",
          arguments: Self.corpus.map(\.name))
    func lintRejects(name: String) throws {
        let bytes = try #require(Self.corpus.first { $0.name == name }?.bytes)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).yaml")
        try bytes.write(to: file)
        let run = try Measured.run(["rubric", "lint", file.path], timeout: 5)
        #expect(!run.timedOut, "\(name): lint did not finish in 5 s")
        #expect(run.signal == nil, "\(name): killed by signal \(run.signal ?? 0): \(run.summary)")
        #expect(run.status == 1, "\(name): \(run.summary)\n\(run.stdoutText.prefix(400))")
        #expect(!run.stderrText.contains("Fatal error"), "\(name): \(run.stderrText)")
        let escaped = NSRegularExpression.escapedPattern(for: file.path)
        let located = try NSRegularExpression(pattern: "^\(escaped):[0-9]+:[0-9]+: error \\[MI0[0-9]{2}\\]: .{10,}$", options: .anchorsMatchLines)
        let diagnostics = located.numberOfMatches(in: run.stdoutText, range: NSRange(run.stdoutText.startIndex..., in: run.stdoutText))
        #expect(diagnostics >= 1, "\(name): no FILE:LINE:COLUMN diagnostic in:\n\(run.stdoutText.prefix(600))")
        let controls = run.stdout.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 }
        #expect(controls.isEmpty, "\(name): lint printed control bytes \(Array(Set(controls)))")
        #expect(run.peakRSSMegabytes < 512, "\(name): \(run.peakRSSMegabytes) MB")
        print("hostile rubric \(name): \(String(format: "%.2f", run.seconds)) s, \(Int(run.peakRSSMegabytes)) MB, \(diagnostics) diagnostics")
        // `start` refuses a bank holding the file, the same way.
        try FileManager.default.copyItem(atPath: Executable.rubrics + "/q1.yaml", toPath: directory.appendingPathComponent("q1.yaml").path)
        let start = try Measured.run(["start", "--rubrics", directory.path, "--db", directory.appendingPathComponent("db.sqlite").path], input: Data("x\n\n".utf8), timeout: 5)
        #expect(start.status == 1 && start.signal == nil && !start.timedOut, "\(name): start \(start.summary)")
        #expect(start.stderrText.hasPrefix("error: the question bank has errors"), "\(name): \(start.stderrText.prefix(300))")
    }
}
