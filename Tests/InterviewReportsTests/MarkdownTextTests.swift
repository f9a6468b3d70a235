import Foundation
import Ink
import Testing
@testable import InterviewReports

@Suite("Markdown escaping")
struct MarkdownTextTests {
    /// Text that means something to a Markdown parser, an HTML renderer or a terminal.
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<p>a paragraph</p><P>and another</P>",
        "<!-- a comment --> <?php echo 1; ?> <![CDATA[x]]>",
        "](javascript:alert(1))",
        "[click](javascript:alert(1)) [ref][1] [^note]",
        "![x](javascript:alert(1)) ![y][z]",
        "[1]: javascript:alert(1)",
        "<http://example.com> <mailto:a@b.c> www.example.com",
        "`code` and ``double `tick` code`` and ```fence",
        "a | b | c",
        "|---|---|",
        "| x | y |\n|---|---|\n| 1 | 2 |",
        "# heading",
        "###### six ######",
        "C# and F# ##",
        "> a quote\n>> nested",
        "- item\n+ item\n* item",
        "1. item\n2) item\n123456789. long",
        "***\n___\n---\n- - -",
        "*em* **strong** _em_ __strong__ ***both*** ~~del~~ ~sub~",
        "snake_case_name and 2*3*4",
        "\\*not em\\* \\\\ two backslashes, one at the end \\",
        "a line ending in a backslash\\\nand the next",
        "&amp; &lt; &#60; &#x3C; &copy; &unknown; & alone; AT&T",
        "line one\nline two\n===",
        "paragraph\n---",
        "    indented four\n\tindented by a tab",
        "~~~\nfenced\n~~~",
        "trailing spaces  \nmake no break",
        "\u{1B}[31mred\u{1B}[0m \u{1B}]0;title\u{07}bell\u{07}",
        "<\u{338} and [\u{301}x](javascript:alert(1)) and *\u{301}x*",
        "\u{301}starts with a combining mark, #\u{301} too",
        "emoji 👍🏽 and e\u{301} and 中文 and عربى",
        "{curly} (round) \"double\" 'single' $dollar ^caret %percent @at =equals +plus :colon ;semi ?question !bang",
        "",
        "   \n\t\n",
    ]

    /// What a reader must see: the sanitised text with its whitespace collapsed.
    static func expectedText(_ text: String) -> String {
        VisibleText.collapsed(TerminalText.sanitised(text))
    }

    static func tagNames(_ html: String) -> Set<String> {
        Set(VisibleText.tags(in: html).map { tag in
            String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased()
        })
    }

    @Test("an answer quoted as a blockquote renders as exactly its text in cmark-gfm", arguments: hostile)
    func blockquoteInCmark(_ text: String) throws {
        try #require(ExternalTool.cmarkGFM.isInstalled, "needs /usr/bin/cmark-gfm")
        guard let quote = MarkdownText.blockquote(text) else {
            #expect(Self.expectedText(text).isEmpty)
            return
        }
        let html = try ExternalTool.cmarkHTML("Before\n\n" + quote + "\n\nAfter\n")
        #expect(Self.tagNames(html).isSubset(of: ["p", "blockquote"]), "\(html)")
        #expect(VisibleText.of(html) == VisibleText.collapsed("Before " + Self.expectedText(text) + " After"))
    }

    @Test("an answer quoted as a blockquote renders as exactly its text in Ink", arguments: hostile)
    func blockquoteInInk(_ text: String) {
        guard let quote = MarkdownText.blockquote(text) else { return }
        let html = MarkdownParser().html(from: "Before\n\n" + quote + "\n\nAfter\n")
        #expect(Self.tagNames(html).isSubset(of: ["p", "blockquote"]), "\(html)")
        #expect(VisibleText.of(html) == VisibleText.collapsed("Before " + Self.expectedText(text) + " After"))
    }

    @Test("inline text stays inside its table cell in both parsers", arguments: hostile)
    func tableCell(_ text: String) throws {
        let cell = MarkdownText.inline(text)
        let table = "| Label | Text |\n|---|---|\n| x | \(cell) |\n"
        let ink = MarkdownParser().html(from: table)
        #expect(VisibleText.count("<td>", in: ink) == 2, "\(ink)")
        #expect(Self.tagNames(ink).isSubset(of: ["table", "thead", "tbody", "tr", "th", "td"]), "\(ink)")
        if ExternalTool.cmarkGFM.isInstalled {
            let cmark = try ExternalTool.cmarkHTML(table)
            #expect(VisibleText.count("<td>", in: cmark) == 2, "\(cmark)")
            #expect(Self.tagNames(cmark).isSubset(of: ["table", "thead", "tbody", "tr", "th", "td"]), "\(cmark)")
            #expect(VisibleText.of(cmark) == VisibleText.collapsed("Label Text x " + Self.expectedText(text)))
        }
    }

    @Test("ordinary prose keeps its punctuation readable in the Markdown source")
    func readableProse() {
        #expect(MarkdownText.inline("I'd compare distributions (PSI, KS), then retrain: 3 weeks of data.") == "I'd compare distributions (PSI, KS), then retrain: 3 weeks of data.")
    }

    @Test("paragraphs of an answer stay apart; blank lines in between collapse to one separator")
    func paragraphs() {
        #expect(MarkdownText.blockquote("one\n\n\n\ntwo\nthree\n") == "> one\n>\n> two\n> three")
    }

    /// Why the escaping uses character references: Ink drops backslashes, so a backslash-escaped
    /// backslash would vanish from the answer.
    @Test("Ink drops backslash escapes, which is why answers are escaped with character references")
    func inkDropsBackslashes() {
        #expect(!VisibleText.of(MarkdownParser().html(from: "a \\\\ b")).contains("\\"))
        #expect(VisibleText.of(MarkdownParser().html(from: MarkdownText.inline("a \\ b"))) == "a \\ b")
    }
}
