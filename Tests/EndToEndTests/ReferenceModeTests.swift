import Foundation
import Testing

@Suite("evaluate against model answers, run as a user runs it")
struct ReferenceModeTests {
    func object(_ line: some StringProtocol) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    @Test("--reference-file grades stdin and prints one JSON object with score, decision and quoted evidence")
    func referenceFile() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.txt")
        try "The bulb lights because the switch is closed and the circuit is complete.\n".write(to: model, atomically: true, encoding: .utf8)
        let answer = "The circuit is complete since the switch is closed, so the bulb lights up."
        let result = try Executable.run(["evaluate", "--reference-file", model.path, "--json"], input: [answer])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(object(result.stdout))
        let score = try #require(json["score"] as? Double)
        #expect((0...100).contains(score))
        #expect(score > 50)
        #expect(json["correct"] as? Bool == true)
        #expect((json["stages"] as? [Any])?.isEmpty == true)
        #expect((json["components"] as? [[String: Any]])?.map { $0["name"] as? String } == ["coverage", "structure", "length", "delivery"])
        let grading = try #require(json["grading"] as? [String: Any])
        #expect(grading["profile"] as? String == "sciEntsBank")
        #expect(grading["model"] as? String == "M0")
        let concepts = try #require(json["concepts"] as? [String: Any])
        let found = try #require(concepts["found"] as? [[String: Any]])
        #expect(found.count >= 5)
        let scalars = Array(answer.unicodeScalars)
        for concept in found {
            for evidence in concept["evidence"] as? [[String: Any]] ?? [] {
                let start = try #require(evidence["start"] as? Int), end = try #require(evidence["end"] as? Int)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == evidence["text"] as? String)
            }
        }
    }

    @Test("--reference repeated grades against the closest model answer, with a readable breakdown")
    func repeatedReference() throws {
        let result = try Executable.run(
            ["evaluate", "--reference", "Terminal 1 and the positive terminal are separated by the gap",
             "--reference", "The gap separates terminal 1 from the positive terminal"],
            input: ["terminal 1 is separated from the positive terminal by a gap"]
        )
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("correct against 2 model answers"))
        #expect(result.stdout.contains("/100"))
        #expect(result.stdout.contains("Covered"))
        #expect(result.stdout.contains("profile beetle"), "two short model answers choose the beetle profile")
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test("a negated answer is reported as negated")
    func negated() throws {
        let result = try Executable.run(["evaluate", "--reference", "the switch is closed", "--json"], input: ["the switch is not closed"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(object(result.stdout))
        let concepts = try #require(json["concepts"] as? [String: Any])
        let negated = try #require(concepts["negated"] as? [[String: Any]])
        #expect(negated.map { $0["id"] as? String } == ["close"])
    }

    @Test("--jsonl takes \"reference\" as a string or a list, keeps the order, and reports bad lines by number")
    func batch() throws {
        let lines = [
            #"{"id": "a", "reference": "The switch is closed.", "answer": "The switch is closed."}"#,
            #"{"id": "b", "reference": ["the bulb is in a closed path with the battery", "the battery and bulb form a closed path"], "question_text": "Why does the bulb light?", "answer": "there is a closed path from the battery through the bulb", "examples": [{"answer": "a closed path", "label": "correct"}, {"answer": "the battery is dead", "label": "incorrect"}]}"#,
            #"{"id": "c", "question": "q1", "answer": "I would check for data drift and retrain."}"#,
            #"{"id": "d", "reference": ["The switch is closed."]}"#,
            #"{"id": "e", "reference": "x", "answer": "y", "examples": [{"answer": "z", "label": "maybe"}]}"#,
            #"{"id": "f", "reference": 7, "answer": "y"}"#,
            #"{"id": "g", "reference": "The switch is closed.", "answer": "The switch is open."}"#,
        ]
        let result = try Executable.run(["evaluate", "--jsonl", "-"], input: [lines.joined(separator: "\n") + "\n"])
        #expect(result.status == 1)
        let outputs = result.stdout.split(separator: "\n").map { object($0) }
        #expect(outputs.count == 7)
        #expect(outputs.map { $0?["id"] as? String } == ["a", "b", "c", "d", "e", nil, "g"])
        #expect(outputs[0]?["score"] is Double)
        #expect(outputs[0]?["correct"] as? Bool == true)
        #expect(outputs[1]?["score"] is Double)
        #expect((outputs[1]?["grading"] as? [String: Any])?["model"] as? String == "M1")
        #expect((outputs[1]?["grading"] as? [String: Any])?["references"] as? Int == 2)
        #expect(outputs[2]?["score"] is Double, "a rubric line among reference lines is scored as before")
        #expect(outputs[2]?["correct"] == nil)
        #expect(outputs[3]?["line"] as? Int == 4)
        #expect((outputs[3]?["error"] as? String)?.contains("answer") == true)
        #expect(outputs[4]?["line"] as? Int == 5)
        #expect((outputs[4]?["error"] as? String)?.contains("maybe") == true)
        #expect(outputs[5]?["line"] as? Int == 6)
        #expect((outputs[5]?["error"] as? String)?.contains("reference") == true)
        #expect(outputs[6]?["score"] is Double)
        #expect(result.stderr.contains("3 of 7 lines"))
    }

    @Test("--question and --reference are exclusive, with a message that says what to type")
    func exclusive() throws {
        let result = try Executable.run(["evaluate", "--question", "q1", "--reference", "The switch is closed."], input: ["x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--reference-file model.txt"))
        let jsonl = try Executable.run(["evaluate", "--jsonl", "-", "--reference", "x"], input: [""])
        #expect(jsonl.status == 64)
        #expect(jsonl.stderr.contains("\"reference\""))
    }

    @Test("without WordNet it still grades and warns once")
    func withoutWordNet() throws {
        let lines = [
            #"{"id": 1, "reference": "The switch is closed.", "answer": "The switch is not open."}"#,
            #"{"id": 2, "reference": "The switch is closed.", "answer": "The switch is closed."}"#,
        ]
        let result = try Executable.run(["evaluate", "--jsonl", "-"], input: [lines.joined(separator: "\n")], environment: ["WNSEARCHDIR": "/nonexistent/wordnet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.components(separatedBy: "WordNet not found").count == 2, "one warning: \(result.stderr)")
        let outputs = result.stdout.split(separator: "\n").map { object($0) }
        #expect(outputs.count == 2)
        #expect((outputs[0]?["notes"] as? [String])?.contains("WordNet not found: synonyms and antonyms not used.") == true)
        #expect((outputs[0]?["grading"] as? [String: Any])?["wordnet"] as? Bool == false)
    }

    @Test("WordNet's tables are cached privately: later runs grade the same from the cache, a damaged cache is rebuilt, an unusable folder is done without")
    func wordNetCache() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("cache/mock-interview").path
        let arguments = ["evaluate", "--reference", "The switch is closed, so the bulb is lit.", "--json"]
        let answer = "The switch is open, so the bulb is dark."
        func grade(cache path: String, environment: [String: String] = [:]) throws -> String {
            let result = try Executable.run(arguments, input: [answer], environment: ["MOCK_INTERVIEW_CACHE": path].merging(environment) { $1 })
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.isEmpty, "no warning: \(result.stderr)")
            return result.stdout
        }
        let manager = FileManager.default
        func cacheFiles() throws -> [String] { try manager.contentsOfDirectory(atPath: cache).sorted() }
        func mode(_ path: String) throws -> Int? { try manager.attributesOfItem(atPath: path)[.posixPermissions] as? Int }

        let first = try grade(cache: cache)
        let files = try cacheFiles()
        #expect(files.count == 1 && files[0].hasPrefix("wordnet-") && files[0].hasSuffix(".bin"), "\(files)")
        let file = cache + "/" + files[0]
        #expect(try mode(cache) == 0o700)
        #expect(try mode(file) == 0o600)
        let written = try Data(contentsOf: URL(fileURLWithPath: file))

        let without = try Executable.run(arguments, input: [answer], environment: ["WNSEARCHDIR": "/nonexistent/wordnet", "MOCK_INTERVIEW_CACHE": cache])
        #expect(without.stdout != first, "WordNet's antonyms change the grade, so the cache carries them")

        #expect(try grade(cache: cache) == first)
        #expect(try cacheFiles() == files)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == written)

        try Data(written.prefix(written.count / 2)).write(to: URL(fileURLWithPath: file))
        #expect(try grade(cache: cache) == first, "a truncated cache is not used")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == written, "and is written again whole")

        let blocked = directory.appendingPathComponent("not-a-folder").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocked))
        #expect(try grade(cache: blocked) == first, "a cache that cannot be made is done without")
        #expect(try Data(contentsOf: URL(fileURLWithPath: blocked)) == Data("x".utf8))
    }
}
