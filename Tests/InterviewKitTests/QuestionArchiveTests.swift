import Testing
@testable import InterviewKit

@Suite("Question archive: the compiled bank")
struct QuestionArchiveTests {
    @Test("the real bank and a file with every field come back exactly as parsed")
    func roundTrip() throws {
        let full = QuestionBankLoader().load(paths: [Paths.fixture("valid/full.yaml")]).questions
        let questions = RealBank.questions + full
        #expect(!full.isEmpty)
        let decoded = try #require(QuestionArchive.decode(QuestionArchive.encode(questions)))
        #expect(decoded == questions)
    }

    @Test("a damaged, truncated or foreign archive is refused, never half read")
    func damaged() {
        let bytes = QuestionArchive.encode(RealBank.questions)
        #expect(QuestionArchive.decode(Array(bytes.dropLast(1))) == nil)
        #expect(QuestionArchive.decode(bytes + [0]) == nil)
        #expect(QuestionArchive.decode(Array("not an archive".utf8)) == nil)
        var flipped = bytes
        // A count far past the end of the bytes.
        flipped[QuestionArchive.magic.count + 7] = 0x7F
        #expect(QuestionArchive.decode(flipped) == nil)
        for cut in stride(from: QuestionArchive.magic.count, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(QuestionArchive.decode(Array(bytes.prefix(cut))) == nil)
        }
    }
}
