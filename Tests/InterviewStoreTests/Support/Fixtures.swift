import Foundation
import InterviewKit
@testable import InterviewStore

/// Runs `body` with a fresh folder under the system's temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.path + "/interview-store-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

enum Fixture {
    /// A moment with millisecond precision: `offset` seconds after 2026-12-01T10:15:03.042Z.
    static func date(_ offset: Double = 0) -> Date {
        Date(timeIntervalSince1970: (1_796_120_103_042 + (offset * 1000).rounded()) / 1000)
    }

    /// An evaluation with the real shape, built from its JSON form (Evaluation has no public
    /// memberwise initialiser).
    static func evaluation(
        question: String = "q1", score: Double, found: [String] = ["data-drift"],
        missed: [(id: String, label: String)] = [], rubricHash: String = "rubric-1", engine: String = "test-engine/1"
    ) throws -> Evaluation {
        let object: [String: Any] = [
            "question": question,
            "score": score,
            "components": [
                ["name": "coverage", "value": 0.5, "weight": 0.5, "points": score / 2, "maxPoints": 50, "detail": "coverage"],
                ["name": "structure", "value": 0.25, "weight": 0.2, "points": score / 4, "maxPoints": 20, "detail": "stages"],
            ],
            "concepts": [
                "found": found.map { ["id": $0, "label": $0.capitalized, "weight": 1.0, "points": 10.5,
                                      "evidence": [["start": 0, "end": 5, "text": "drift", "phrase": "drift"]]] },
                "missed": missed.map { ["id": $0.id, "label": $0.label, "weight": 2.0, "pointsLost": 7.25,
                                        "required": false, "tip": "Mention \($0.label)."] },
                "negated": [[String: Any]](),
            ],
            "stages": [
                ["id": "root-cause", "label": "Root cause", "status": "present", "sentence": 0,
                 "evidence": ["start": 0, "end": 5, "text": "cause", "phrase": "cause"]],
                ["id": "monitor", "label": "Monitor", "status": "missing"],
            ],
            "words": 42,
            "sentences": 3,
            "delivery": ["fillers": [["word": "um", "count": 2]], "hedges": [[String: Any]](), "wordsPerMinute": 131.5, "keywordShare": 0.1],
            "notes": ["a note"],
            "engine": engine,
            "rubricHash": rubricHash,
        ]
        return try JSONDecoder().decode(Evaluation.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// Runs SQL on the store's writer connection, bypassing the API (to set up states the API does
    /// not produce, such as a dead owner pid).
    static func execute(_ store: SessionStore, _ sql: String) throws {
        try store.pool.writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    static func text(_ store: SessionStore, _ sql: String) throws -> String? {
        try store.pool.read { try String.fetchOne($0, sql: sql) }
    }

    static func double(_ store: SessionStore, _ sql: String) throws -> Double? {
        try store.pool.read { try Double.fetchOne($0, sql: sql) }
    }

    static func int(_ store: SessionStore, _ sql: String) throws -> Int {
        try store.pool.read { try Int.fetchOne($0, sql: sql) } ?? -1
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
    }

    static func bytes(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }
}

/// A process id that no process has: a child that was started and has exited (and been reaped).
enum DeadProcess {
    static func pid() throws -> Int32 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["0"]
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }
}
