import Foundation
import Testing
@testable import InterviewKit

@Suite("Question bank")
struct QuestionBankTests {
    let bank = QuestionBank(questions: ["q10", "q2", "warm-up", "q1"].map { Sample.question(id: $0) })

    @Test("questions sort as q1, q2, …, q10, then other ids")
    func order() {
        #expect(bank.ids == ["q1", "q2", "q10", "warm-up"])
    }

    @Test("selecting questions keeps the order asked for")
    func select() throws {
        #expect(try bank.select(["q2", "q1"]).map(\.id) == ["q2", "q1"])
    }

    @Test("selecting an unknown question names it and lists the known ones")
    func selectUnknown() {
        #expect {
            try bank.select(["q9"])
        } throws: { error in
            "\(error)" == "q9: unknown question; known: q1, q2, q10, warm-up. See `mock-interview rubric lint`."
        }
    }

    @Test("loading a folder with a broken file throws every diagnostic")
    func loadInvalid() {
        #expect {
            try QuestionBank.load(from: Paths.fixture("bad/mi019-duplicate-question"))
        } throws: { error in
            guard case let BankError.invalid(diagnostics) = error else { return false }
            return diagnostics.map(\.code) == [.duplicateQuestion]
        }
    }

    @Test("loading a folder without question files says where to point")
    func loadEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-bank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try QuestionBank.load(from: folder.path)
        } throws: { error in
            guard case BankError.empty = error else { return false }
            return "\(error)".contains("--rubrics")
        }
    }

    @Test("loading a valid folder gives its questions")
    func loadValid() throws {
        let bank = try QuestionBank.load(from: Paths.fixture("valid"))
        #expect(bank.ids == ["full-example", "tiny"])
    }
}
