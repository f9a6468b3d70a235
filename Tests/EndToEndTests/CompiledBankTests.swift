import Foundation
import Testing

/// The compiled question bank in the cache: used when the files are unchanged, never when they are not.
@Suite("the compiled question bank")
struct CompiledBankTests {
    static func copyBank(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for id in ["q1", "q2", "q3", "q4", "q5"] {
            try FileManager.default.copyItem(atPath: Executable.rubrics + "/\(id).yaml", toPath: folder.appendingPathComponent("\(id).yaml").path)
        }
    }

    @Test("an edited question file is read anew; a damaged cache is rebuilt; the cache is private")
    func freshness() throws {
        let root = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let bank = root.appendingPathComponent("Rubrics")
        try Self.copyBank(to: bank)
        let cache = root.appendingPathComponent("cache")
        let environment = ["MOCK_INTERVIEW_CACHE": cache.path, "MOCK_INTERVIEW_SYNONYMS": "off"]
        let answer = "I would compare the customers coming in now with the zebra cohort we trained on."
        func score() throws -> String {
            let run = try Executable.run(["evaluate", "--question", "q1", "--json", "--rubrics", bank.path], input: [answer], environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let first = try score()
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("bank-") }
        #expect(cached.count == 1, "\(cached)")
        let attributes = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(cached[0]).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try score() == first, "the cached bank scores as the files do")

        // A phrase that only this answer says: the edited file must be read, not the cache.
        let q1 = bank.appendingPathComponent("q1.yaml")
        var text = try String(contentsOf: q1, encoding: .utf8)
        text = text.replacingOccurrences(of: "    phrases:\n", with: "    phrases:\n      - zebra cohort\n", options: [], range: text.range(of: "    phrases:\n"))
        try text.write(to: q1, atomically: true, encoding: .utf8)
        let edited = try score()
        #expect(edited != first)
        #expect(edited.contains("zebra cohort"))

        // Garbage in the cache file: ignored and written again.
        let now = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("bank-") }
        #expect(now.count == 1, "the earlier copy is replaced: \(now)")
        try Data("damaged".utf8).write(to: cache.appendingPathComponent(now[0]))
        #expect(try score() == edited)
    }
}
