import Foundation
import Testing
@testable import InterviewReports

@Suite("HTML report")
struct HTMLReportTests {
    let html = HTMLReport.render(SampleSession.session, history: SampleSession.history, questions: SampleSession.bank)

    @Test("the page is self-contained: UTF-8, a title, inline CSS, no scripts and no external assets")
    func selfContained() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Interview feedback: session 12</title>"))
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
        #expect(!html.lowercased().contains("<script"))
        let tags = VisibleText.tags(in: html).map { $0.lowercased() }
        for forbidden in ["<link", "<iframe", "<object", "<embed", "<img", "src=", "href="] {
            #expect(!tags.contains { $0.contains(forbidden) }, "found \(forbidden)")
        }
        let style = html.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first ?? ""
        #expect(!style.contains("url(") && !style.contains("@import"))
    }

    @Test("no tag, attribute or link can come from a hostile answer")
    func hostileAnswerIsInert() {
        let tags = VisibleText.tags(in: html)
        let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p", "ul", "ol", "li",
                                    "strong", "em", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td"]
        let names = Set(tags.map { String($0.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased() })
        #expect(names.isSubset(of: allowed), "unexpected tags: \(names.subtracting(allowed))")
        #expect(!tags.contains { $0.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]) != nil })
        #expect(!tags.contains { $0.lowercased().contains("javascript:") })
        let visible = VisibleText.of(html)
        for line in SampleSession.hostileLinesAsText {
            #expect(visible.contains(line), "not visible as typed: \(line)")
        }
    }

    @Test("an answer's paragraphs stay apart in the page")
    func paragraphs() {
        #expect(html.contains("<blockquote><p>Going forward this needs a proper process.</p><p>Um, first I'd investigate the root cause."))
    }

    @Test("the breakdown tables come out as tables and the Mermaid chart as preformatted text")
    func tablesAndChart() {
        #expect(VisibleText.count("<table>", in: html) == 5)
        #expect(html.contains("<pre><code class=\"language-mermaid\">xychart-beta\n"))
        #expect(html.contains("<pre><code class=\"language-text\">Score per attempt"))
    }

    @Test("a page's title is escaped text")
    func titleEscaped() {
        let page = HTMLReport.page(markdown: "# Hi\n", title: "<script>x</script> & \"q\"")
        #expect(page.contains("<title>&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</title>"))
    }

    @Test("rendering twice gives identical bytes")
    func deterministic() {
        #expect(HTMLReport.render(SampleSession.session, history: SampleSession.history, questions: SampleSession.bank) == html)
    }
}
