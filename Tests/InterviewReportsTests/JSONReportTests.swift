import Foundation
import InterviewKit
import Testing
@testable import InterviewReports

@Suite("JSON report")
struct JSONReportTests {
    let json: String
    let object: [String: Any]

    init() throws {
        json = try JSONReport.render(SampleSession.session, history: SampleSession.history, questions: SampleSession.bank)
        object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("the report is one JSON object whose keys are written in sorted order")
    func sortedKeys() throws {
        let topLevel = json.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
            return line.dropFirst(3).split(separator: "\"").first.map(String.init)
        }
        #expect(topLevel == ["history", "level", "overall", "practiseNext", "questions", "schema", "session"])
        #expect(object["schema"] as? String == "mock-interview-report/1")
    }

    @Test("dates are UTC ISO-8601 with milliseconds")
    func dates() throws {
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["startedAt"] as? String == "2025-03-14T09:30:00.000Z")
        #expect(session["endedAt"] as? String == "2025-03-14T09:48:04.000Z")
        let turns = try #require(questions.first?["turns"] as? [[String: Any]])
        #expect(turns.first?["submittedAt"] as? String == "2025-03-14T09:31:41.200Z")
    }

    @Test("it carries the per-question results, overall score and level the Markdown report shows")
    func results() throws {
        let expected = SampleSession.session.questionResults
        #expect(questions.map { $0["id"] as? String } == ["q1", "q2", "q3"])
        #expect(questions.map { $0["score"] as? Double } == expected.map(\.score))
        let overall = try #require(SampleSession.session.overallScore)
        #expect(object["overall"] as? Double == overall)
        #expect(object["level"] as? String == QuestionResult.level(for: overall))
        #expect(questions[2]["inBank"] as? Bool == false)
        let recovered = try #require(questions[0]["recovered"] as? [[String: Any]])
        #expect(recovered.compactMap { ($0["concept"] as? [String: Any])?["id"] as? String } == ["monitoring"])
    }

    @Test("every stored evaluation is kept, so a rescored answer shows both engines")
    func evaluations() throws {
        let turns = try #require(questions[0]["turns"] as? [[String: Any]])
        let followUp = turns[1]
        #expect(followUp["rescored"] as? Bool == true)
        let engines = (followUp["evaluations"] as? [[String: Any]])?.compactMap { ($0["evaluation"] as? [String: Any])?["engine"] as? String }
        #expect(engines == ["mock-interview-engine/0.9", Evaluator.engineVersion + Evaluator.withoutSynonyms])
    }

    @Test("the practise-next list is ranked by points lost, and history has only earlier sessions")
    func practiseAndHistory() throws {
        let practise = try #require(object["practiseNext"] as? [[String: Any]])
        #expect(practise.compactMap { $0["conceptID"] as? String } == ["safe-rollout", "monitoring"])
        let history = try #require(object["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["sessionID"] as? Int } == [3, 3, 7, 12, 12, 12])
        #expect(history.compactMap { $0["current"] as? Bool } == [false, false, false, true, true, true])
    }

    @Test("the answer is stored exactly, hostile characters and all, and the output is the same every time")
    func exactAndStable() throws {
        let turns = try #require(questions[1]["turns"] as? [[String: Any]])
        #expect(turns.first?["answer"] as? String == SampleSession.hostileAnswer)
        let again = try JSONReport.render(SampleSession.session, history: SampleSession.history.reversed(), questions: SampleSession.bank)
        #expect(again == json)
    }

    var questions: [[String: Any]] { object["questions"] as? [[String: Any]] ?? [] }
}
