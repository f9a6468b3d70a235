import Foundation
import Testing
@testable import InterviewReports

@Suite("Asciicast export")
struct AsciicastExportTests {
    let cast = AsciicastExport.render(SampleSession.session, questions: SampleSession.bank, evaluations: true, idleLimit: 2)

    var lines: [Substring] { cast.split(separator: "\n") }

    func event(_ line: Substring) throws -> (time: Double, type: String, data: String) {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
        try #require(array.count == 3)
        return (try #require(array[0] as? Double), try #require(array[1] as? String), try #require(array[2] as? String))
    }

    @Test("the first line is the asciicast v2 header")
    func header() throws {
        let header = try #require(lines.first)
        #expect(header.hasPrefix("{\"version\": 2, \"width\": 100, \"height\": 40, \"timestamp\": 1741944600, \"title\": "))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "mock-interview session 12 (2025-03-14 09:30 UTC)")
        #expect(object["env"] as? [String: String] == ["TERM": "xterm-256color", "SHELL": "/bin/sh"])
    }

    @Test("every other line is a [time, type, text] event, in time order, with \\r\\n line endings")
    func events() throws {
        var previous = 0.0
        for line in lines.dropFirst() {
            let event = try event(line)
            #expect(event.time >= previous)
            previous = event.time
            #expect(["o", "m"].contains(event.type))
            if event.type == "o" {
                #expect(event.data.hasSuffix("\r\n"))
                #expect(!event.data.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            }
        }
    }

    @Test("a marker names each question where it starts")
    func markers() throws {
        let markers = try lines.dropFirst().map(event).filter { $0.type == "m" }.map(\.data)
        #expect(markers == ["Q1: Churn model degraded in production", "Q2: \(SampleSession.imbalance.title)", "Q3: q3"])
    }

    @Test("pauses longer than the idle limit are cut to it")
    func idleLimit() throws {
        let times = try lines.dropFirst().map { try event($0).time }
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 <= 2.000_001 })
        let uncapped = AsciicastExport.render(SampleSession.session, idleLimit: nil)
        let last = try #require(uncapped.split(separator: "\n").last)
        #expect(try event(last).time == 1084)
    }

    @Test("no escape sequence from an answer reaches the file, raw or JSON-escaped")
    func sanitised() {
        #expect(!cast.contains("\u{1B}"))
        #expect(!cast.lowercased().contains("\\u001b"))
        #expect(!cast.lowercased().contains("\\u0007"))
        #expect(cast.contains("red and a bell and an OSC done"))
    }

    @Test("asciinema cat prints the transcript text",
          .enabled(if: ExternalTool.asciinema.isInstalled && ExternalTool.script.isInstalled, "needs /usr/bin/asciinema and util-linux script"))
    func asciinemaReadsIt() throws {
        let file = try TemporaryFile(contents: cast, suffix: ".cast")
        defer { file.remove() }
        // `asciinema cat` opens /dev/tty, so it runs under `script`, which gives it a terminal.
        let output = try ExternalTool.script.run(["-qec", "asciinema cat '\(file.path)'", "/dev/null"])
        #expect(output.status == 0, "\(output.stderr)")
        let printed = output.stdout.replacingOccurrences(of: "\r", with: "")
        #expect(printed.contains("── Q1: Churn model degraded in production ──\nInterviewer: Your churn model scored well on the holdout set"))
        #expect(printed.contains("\nYou: I'd set up a dashboard to monitor the prediction distribution every day"))
        #expect(printed.contains("<script>alert(1)</script> The problem is that accuracy hides the minority class"))
        #expect(printed.contains("  ↳ Score 68.3 / 100, 4 of 4 concepts"))
        #expect(printed.contains("The interview is over."))
    }
}
