import Testing
@testable import InterviewReports

@Suite("Terminal sanitising")
struct TerminalTextTests {
    @Test("escape sequences and control characters are removed; tab and line feed stay", arguments: [
        ("plain text, unchanged", "plain text, unchanged"),
        ("a\u{1B}[31mred\u{1B}[0m z", "ared z"),
        ("\u{1B}[2J\u{1B}[H\u{1B}[?1049hcleared", "cleared"),
        ("\u{1B}]0;window title\u{07}after", "after"),
        ("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{1B}P+q544e\u{1B}\\ dcs", " dcs"),
        ("\u{1B}(B\u{1B}7\u{1B}8\u{1B}c reset", " reset"),
        ("\u{9B}2J\u{9D}0;x\u{9C} eight-bit", " eight-bit"),
        ("unterminated \u{1B}]0;title\nnext line", "unterminated \nnext line"),
        ("back\u{08}\u{08}space and bell\u{07} and nul\u{00}", "backspace and bell and nul"),
        ("del\u{7F}ete", "delete"),
        ("windows\r\nold mac\rnel\u{85}ls\u{2028}ps\u{2029}vt\u{0B}ff\u{0C}end", "windows\nold mac\nnel\nls\nps\nvt\nff\nend"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("\u{202E}desrever\u{202C} \u{2066}isolate\u{2069}", "desrever isolate"),
        ("trailing escape \u{1B}", "trailing escape "),
        ("emoji 👍🏽 and é stay", "emoji 👍🏽 and é stay"),
    ])
    func sanitises(_ input: String, _ expected: String) {
        #expect(TerminalText.sanitised(input) == expected)
    }

    @Test("no control character but tab and line feed survives 2,000 random control-heavy strings")
    func fuzz() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [Unicode.Scalar] = (0..<0x20).compactMap(Unicode.Scalar.init) + ["[", "]", "\\", ";", "0", "9", "m", "P", "A", " ", "é"]
            + [0x7F, 0x85, 0x9B, 0x9C, 0x9D, 0x202E, 0x2028].compactMap(Unicode.Scalar.init)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(next() % 40) { text.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            let clean = TerminalText.sanitised(String(text))
            let bad = clean.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || scalar.value == 0x2028
            }
            #expect(bad.isEmpty, "\(String(text).debugDescription) → \(clean.debugDescription)")
        }
    }
}
