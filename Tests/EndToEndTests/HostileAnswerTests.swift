import Foundation
import Testing

/// Answers no rubric expects: ten megabytes, invalid UTF-8, NUL and control bytes, terminal escape
/// sequences, right-to-left and emoji text, very long lines.
@Suite("hostile answers", .enabled(if: SQLite.isAvailable, "needs the sqlite3 tool"))
struct HostileAnswerTests {
    /// About `megabytes` MB of words, some of them rubric phrases.
    static func bulk(megabytes: Int) -> String {
        let words = "I would check data drift between training and production then retrain the model and monitor precision recall with alerts".split(separator: " ")
        var text = ""
        text.reserveCapacity(megabytes << 20)
        var index = 0
        while text.utf8.count < megabytes << 20 {
            text += words[index % words.count]
            text += index % 17 == 16 ? ". " : " "
            index += 1
        }
        return text
    }

    /// Bytes a terminal would act on: C0 controls but tab and line feed, DEL, C1 controls (UTF-8
    /// C2 80…C2 9F) and the bidirectional embeddings, overrides and isolates.
    static func terminalControls(in data: Data) -> [String] {
        var found: Set<String> = []
        let bytes = Array(data)
        for (index, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { found.insert(String(format: "0x%02X", byte)) }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { found.insert(String(format: "U+%04X", Int(bytes[index + 1]))) }
            if byte == 0xE2, index + 2 < bytes.count, (bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2])) || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])) {
                found.insert("bidi control")
            }
        }
        return found.sorted()
    }

    @Test("evaluate scores a 10 MB answer in bounded time and memory, and says it scored only the start")
    func tenMegabyteEvaluate() throws {
        let answer = Self.bulk(megabytes: 10)
        let run = try Measured.run(["evaluate", "--question", "q1", "--json"], input: Data(answer.utf8), timeout: 60)
        #expect(run.status == 0 && !run.timedOut, "\(run.summary)")
        #expect(run.seconds < 20, "\(run.seconds) s")
        #expect(run.peakRSSMegabytes < 400, "\(run.peakRSSMegabytes) MB")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let notes = object["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("first") && $0.contains("characters") }, "\(notes)")
        print("10 MB evaluate: \(String(format: "%.2f", run.seconds)) s, \(Int(run.peakRSSMegabytes)) MB peak RSS")
    }

    @Test("a piped interview takes a 10 MB answer in bounded time and memory, records it whole and ends normally")
    func tenMegabyteInterview() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("big.sqlite").path
        let answer = Self.bulk(megabytes: 10)
        let run = try Measured.run(["start", "--questions", "q1", "--db", database], input: Data((answer + "\n\n:quit\n").utf8), timeout: 120)
        #expect(run.status == 0 && !run.timedOut, "\(run.summary)")
        #expect(run.seconds < 60, "\(run.seconds) s") // about 10 s alone, 25 s beside the rest of the suite
        #expect(run.peakRSSMegabytes < 700, "\(run.peakRSSMegabytes) MB")
        let length = try SQLite.query(database, "SELECT length(CAST(answer AS BLOB)) FROM turns WHERE outcome = 'answered'")
        #expect(length == [[String(answer.utf8.count)]], "the whole answer is recorded")
        print("10 MB piped answer: \(String(format: "%.2f", run.seconds)) s, \(Int(run.peakRSSMegabytes)) MB peak RSS")
    }

    static let hostileLines: [(name: String, bytes: [UInt8])] = [
        ("escape sequences", Array("I would check data\u{1B}[2J\u{1B}[H drift, training\u{1B}]0;pwned\u{07} serving skew and \u{1B}[31mretrain\u{1B}[0m on \u{1B}P+q\u{1B}\\ recent data.".utf8)),
        ("8-bit controls", Array("then monitor \u{9B}2J precision \u{9D}8;;http://x\u{9C} and recall".utf8)),
        ("C0 controls", Array("alerts\u{08}\u{08}\u{08}\u{08} on a\u{0D}threshold\u{0B}\u{0C} with \u{7F}dashboards".utf8)),
        ("NUL bytes", Array("segment by\u{0}region and\u{0}plan".utf8)),
        ("invalid UTF-8", Array("shadow ".utf8) + [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80] + Array(" model rollout".utf8)),
        ("right-to-left", Array("مراقبة انحراف البيانات data drift \u{202E}niartert\u{202C} עברית \u{2067}isolate\u{2069}".utf8)),
        ("emoji and combining marks", Array("👩🏽‍💻 retrain 🚀 the model, cafe\u{0301} ñ 🏳️‍🌈 precision recall".utf8)),
        ("a 200 kB line without spaces", Array(String(repeating: "x", count: 200_000).utf8)),
    ]

    @Test("control bytes, escapes, invalid UTF-8, NUL, right-to-left and emoji text are recorded, scored and never replayed raw to the terminal")
    func hostileText() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("hostile.sqlite").path
        var input: [UInt8] = []
        for line in Self.hostileLines { input += line.bytes + Array("\n\n".utf8) }
        input += Array(":quit\n".utf8)
        let run = try Measured.run(["start", "--db", database], input: Data(input), timeout: 30)
        #expect(run.status == 0 && !run.timedOut, "\(run.summary)")
        #expect(Self.terminalControls(in: run.stdout).isEmpty, "the shell printed \(Self.terminalControls(in: run.stdout))")

        // Each answer is stored as the text that was read: invalid UTF-8 becomes U+FFFD, and NUL (which
        // SQLite's text API cannot carry) is dropped, so what is read back equals what was evaluated.
        let json = try Measured.run(["report", "last", "--format", "json", "--db", database])
        #expect(json.status == 0, "\(json.summary)")
        let stored = try SQLite.query(database, "SELECT answer, length(CAST(answer AS BLOB)) FROM turns WHERE outcome = 'answered' ORDER BY sequence")
        // Five questions take at least five turns; the rest of the lines answer follow-ups while they last.
        #expect(stored.count >= 5, "\(stored.count) answers stored")
        for (line, row) in zip(Self.hostileLines, stored) {
            let expected = String(decoding: line.bytes.filter { $0 != 0 }, as: UTF8.self)
            #expect(row[0] == expected, "\(line.name): stored \(row[0].prefix(80).debugDescription)")
            #expect(Int(row[1]) == expected.utf8.count, "\(line.name): \(row[1]) bytes stored, \(expected.utf8.count) sent")
            #expect(json.stdoutText.contains(Self.jsonFragment(expected.prefix(30))), "\(line.name): the JSON report lost the answer")
        }

        for arguments in [["replay", "last"], ["replay", "last", "--scores"], ["report", "last"], ["report", "last", "--format", "html"], ["progress"], ["list"]] {
            let output = try Measured.run(arguments + ["--db", database])
            #expect(output.status == 0, "\(arguments): \(output.summary)")
            #expect(Self.terminalControls(in: output.stdout).isEmpty, "\(arguments) printed \(Self.terminalControls(in: output.stdout))")
        }
        let replay = try Measured.run(["replay", "last", "--db", database]).stdoutText
        let visibleByLine = [["data", "drift", "retrain"], ["precision", "recall"], ["threshold", "dashboards"], ["segment by", "region", "plan"],
                             ["shadow", "\u{FFFD}", "rollout"], ["مراقبة", "עברית", "isolate"], ["👩🏽‍💻", "🚀", "café"], ["xxxxxxxx"]]
        for visible in visibleByLine.prefix(stored.count).joined() {
            #expect(replay.contains(visible), "replay lost '\(visible)'")
        }
        let cast = directory.appendingPathComponent("session.cast").path
        #expect(try Measured.run(["replay", "last", "--asciicast", cast, "--db", database]).status == 0)
        let castText = try String(contentsOfFile: cast, encoding: .utf8)
        #expect(!castText.contains("pwned\\u0007") && !castText.contains("\\u001b]0;"), "the asciicast replays the candidate's escape sequences")
    }

    static func jsonFragment(_ text: Substring) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [String(text)], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst(2).dropLast(2))
    }

    @Test("evaluate prints no control bytes from the answer, whatever it holds", arguments: Self.hostileLines.map(\.name))
    func evaluateOutputIsInert(name: String) throws {
        let line = try #require(Self.hostileLines.first { $0.name == name })
        for question in ["q1", "q4"] {
            let run = try Measured.run(["evaluate", "--question", question], input: Data(line.bytes), timeout: 20)
            #expect(run.status == 0, "\(name): \(run.summary)")
            #expect(Self.terminalControls(in: run.stdout).isEmpty, "\(name): evaluate printed \(Self.terminalControls(in: run.stdout))")
            let json = try Measured.run(["evaluate", "--question", question, "--json"], input: Data(line.bytes), timeout: 20)
            #expect(json.status == 0 && (try? JSONSerialization.jsonObject(with: json.stdout)) != nil, "\(name): \(json.summary)")
        }
    }
}
