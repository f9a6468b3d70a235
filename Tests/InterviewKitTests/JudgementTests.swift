import Foundation
import Testing
@testable import InterviewKit

/// The blind development set (Fixtures/Judgement/development): answers written by people who saw only
/// the prompts, each of a kind with a known place in a human ranking. The engine must order them as a
/// senior interviewer would. (The untouched set is for `Benchmarks/judgement/figures.py`; it is not
/// read here, so no test can be tuned against it.)
@Suite("Judgement on the blind development set")
struct JudgementTests {
    struct Answer: Decodable, Sendable {
        var id: String
        var question: String
        var kind: String
        var writer: String?
        var node: String?
        var answer: String
    }

    static let folder = Paths.fixtures.appendingPathComponent("Judgement/development")

    static func load(_ name: String) -> [Answer] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }

    static let answers = ["writer-a.jsonl", "writer-b.jsonl", "writer-c.jsonl"].flatMap(load)
    static let followUps = load("follow-ups.jsonl")

    static let scores: [String: Double] = {
        var scores: [String: Double] = [:]
        for answer in answers + followUps {
            guard let evaluator = RealBank.evaluators[answer.question] else { continue }
            scores[answer.id] = evaluator.evaluate(answer.answer, node: answer.node).score
        }
        return scores
    }()

    /// Each writer's answers to one question, by kind.
    static func groups() -> [String: [String: Answer]] {
        var groups: [String: [String: Answer]] = [:]
        for answer in answers { groups["\(answer.writer ?? "?")/\(answer.question)", default: [:]][answer.kind] = answer }
        return groups
    }

    @Test("the development set is all there: 3 writers × 5 questions × 11 kinds, and 40 follow-ups × 3")
    func complete() {
        #expect(Self.answers.count == 165)
        #expect(Self.followUps.count == 120)
        #expect(Self.scores.count == 285, "every answer names a question of the bank")
    }

    @Test("orderings hold for every writer and question", arguments: [
        ("strong-textbook", "partial-a"), ("strong-textbook", "partial-b"), ("strong-plain", "partial-a"), ("strong-plain", "partial-b"),
        ("partial-a", "weak"), ("partial-b", "weak"), ("partial-a", "wrong"), ("partial-b", "wrong"),
        ("partial-a", "padded"), ("partial-b", "padded"), ("strong-textbook", "rejecting"), ("strong-plain", "rejecting"),
        ("strong-textbook", "off-topic"), ("strong-plain", "off-topic"),
    ])
    func ordering(higher: String, lower: String) throws {
        for (group, kinds) in Self.groups().sorted(by: { $0.key < $1.key }) {
            let high = try #require(kinds[higher]), low = try #require(kinds[lower])
            let a = try #require(Self.scores[high.id]), b = try #require(Self.scores[low.id])
            #expect(a > b, "\(group): \(higher) \(a) ≤ \(lower) \(b)")
        }
    }

    @Test("a strong answer in plain words scores within 15 points of one in textbook terms")
    func plainLanguage() throws {
        for (group, kinds) in Self.groups().sorted(by: { $0.key < $1.key }) {
            let textbookAnswer = try #require(kinds["strong-textbook"]), plainAnswer = try #require(kinds["strong-plain"])
            let textbook = try #require(Self.scores[textbookAnswer.id]), plain = try #require(Self.scores[plainAnswer.id])
            #expect(abs(textbook - plain) <= 15, "\(group): textbook \(textbook), plain \(plain)")
        }
    }

    @Test("wrong, padded, rejecting, keyword and template answers score at most 30", arguments: ["wrong", "padded", "rejecting", "keywords", "template"])
    func gamingCapped(kind: String) throws {
        for answer in Self.answers where answer.kind == kind {
            let score = try #require(Self.scores[answer.id])
            #expect(score <= 30, "\(answer.id) scored \(score)")
        }
    }

    @Test("a follow-up's strong answer beats its wrong one and never reads as a miss")
    func followUps() throws {
        var byNode: [String: [String: Double]] = [:]
        for answer in Self.followUps { byNode["\(answer.question)/\(answer.node ?? "")", default: [:]][answer.kind] = Self.scores[answer.id] }
        for (node, kinds) in byNode.sorted(by: { $0.key < $1.key }) {
            let strong = try #require(kinds["strong"]), partial = try #require(kinds["partial"]), wrong = try #require(kinds["wrong"])
            #expect(strong >= 60, "\(node): strong \(strong)")
            #expect(strong >= partial && partial > wrong, "\(node): \(strong) / \(partial) / \(wrong)")
        }
    }
}
