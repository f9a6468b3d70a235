import Foundation
import Testing

@Suite("evaluate and rubric lint, run as a user runs them")
struct EvaluateCommandTests {
    let strong = """
        First I would find the root cause. I'd compare the distribution of each feature in production \
        against the training data, looking for data drift with PSI, and check for training-serving skew \
        in the feature pipeline. Then I would fix it: collect recent, representative data and retrain. \
        After that I would monitor the input distributions and precision and recall on a dashboard, with \
        alerts when a metric falls below a threshold. Finally I would retrain on a schedule and feed back \
        what the retention team learns.
        """

    @Test("evaluate --json prints one object with the score and its breakdown")
    func evaluateJSON() throws {
        let result = try Executable.run(["evaluate", "--question", "q1", "--json"], input: [strong])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let score = try #require(object["score"] as? Double)
        #expect((0...100).contains(score))
        #expect(score > 50)
        for key in ["components", "concepts", "stages", "words"] { #expect(object[key] != nil, "missing \(key)") }
        let concepts = try #require(object["concepts"] as? [String: Any])
        let found = try #require(concepts["found"] as? [[String: Any]])
        let evidence = try #require(found.first?["evidence"] as? [[String: Any]])
        let start = try #require(evidence.first?["start"] as? Int), end = try #require(evidence.first?["end"] as? Int)
        let quoted = try #require(evidence.first?["text"] as? String)
        let scalars = Array(strong.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == quoted)
        let missed = try #require(concepts["missed"] as? [[String: Any]])
        #expect(missed.allSatisfy { ($0["tip"] as? String)?.isEmpty == false })
    }

    @Test("the readable breakdown names covered and missed concepts", arguments: ["q1", "q2", "q3", "q4", "q5"])
    func evaluateText(question: String) throws {
        let result = try Executable.run(["evaluate", "-q", question], input: ["I think it depends on the data and the model, and I would try a few things and see what works best in practice."])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("/100"))
        #expect(result.stdout.contains("Missed"))
        #expect(!result.stdout.contains("\u{1B}["), "NO_COLOR output must carry no escape codes")
    }

    @Test("evaluate --jsonl scores each line and reports bad lines by number")
    func batch() throws {
        let lines = [
            #"{"id": "a", "question": "q1", "answer": "I would check for data drift and retrain."}"#,
            #"{"id": 2, "question": "q9", "answer": "x"}"#,
            #"this is not json"#,
            #"{"id": "d", "question": "q4", "answer": "Use SMOTE to oversample the minority class and look at precision and recall instead of accuracy."}"#,
        ]
        let result = try Executable.run(["evaluate", "--jsonl", "-"], input: [lines.joined(separator: "\n") + "\n"])
        #expect(result.status == 1)
        let outputs = result.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(outputs.count == 4)
        #expect(outputs[0]?["id"] as? String == "a")
        #expect(outputs[0]?["score"] is Double)
        #expect(outputs[1]?["line"] as? Int == 2)
        #expect((outputs[1]?["error"] as? String)?.contains("q9") == true)
        #expect(outputs[2]?["line"] as? Int == 3)
        #expect(outputs[3]?["id"] as? String == "d")
        #expect(result.stderr.contains("2 of 4 lines"))
    }

    @Test("an unknown question is a clear error with a non-zero exit")
    func unknownQuestion() throws {
        let result = try Executable.run(["evaluate", "--question", "q9"], input: ["anything"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("q9: unknown question; known: q1, q2, q3, q4, q5"))
    }

    @Test("an empty answer is refused with a message")
    func emptyAnswer() throws {
        let result = try Executable.run(["evaluate", "--question", "q1"], input: ["  \n"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the answer is empty"))
    }

    @Test("rubric lint passes the shipped bank and fails a broken file with file:line:column")
    func lint() throws {
        let clean = try Executable.run(["rubric", "lint", Executable.rubrics])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("no problems"))

        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.yaml")
        try "id: broken\ntitle: [unclosed\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = try Executable.run(["rubric", "lint", broken.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(broken.path):"))
        #expect(result.stdout.contains("error [MI001]"))
    }

    @Test("rubric draft writes a file that lint accepts")
    func draft() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.txt")
        try """
            When a feature store goes down, models lose their online features. I would serve cached features \
            or default values as a fallback so the model degrades gracefully. I would monitor feature freshness \
            and alert on stale features. Finally I would rehearse the outage in a game day.
            """.write(to: model, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("draft.yaml")
        let drafted = try Executable.run(["rubric", "draft", "--from", model.path, "--id", "feature-store", "-o", output.path])
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let lint = try Executable.run(["rubric", "lint", output.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        let again = try Executable.run(["rubric", "draft", "--from", model.path, "-o", output.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
    }
}
