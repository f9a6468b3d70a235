import Foundation
import Testing

/// Answers written in Markdown and HTML, with scripts, backticks and pipes: the reports show them as
/// text and keep exactly the structure they have for the same words without the markup.
@Suite("markup in answers cannot change a report", .enabled(if: SQLite.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm"), "needs sqlite3 and cmark-gfm"))
struct ReportInjectionTests {
    static let hostileAnswers = [
        "I would check data drift <script>alert(document.cookie)</script> between training and production.\n<img src=x onerror=alert(1)> then retrain on recent data.",
        "| concept | score |\n|---|---|\n| drift | 100 |\nThen monitor precision and recall with alerts on a dashboard.",
        "```\n</blockquote><script>alert(2)</script>\n```\n# Heading injected\n---\n* list item\n1. numbered\n> quoted",
        "[click here](javascript:alert(3)) and <a href=\"javascript:alert(4)\">link</a> <javascript:alert(5)> https://example.invalid/x?a=1&b=<b>\ntraining serving skew, renamed column \\\n<!-- comment --> &lt;script&gt; &#60;script&#62; `code` ``double`` **bold** _em_ ~~strike~~",
        "<style>body{display:none}</style><iframe src=//x></iframe><svg onload=alert(6)> | pipe | in | a | line |\n\n\n<table><tr><td>cell</td></tr></table>",
        "    indented code block line\n\ttabbed line\n- [ ] task item\n+ plus item\n<details open><summary>x</summary>y</details> precision recall threshold",
    ]
    static let hostileCandidate = "<script>alert('name')</script> | **Ada** `x`"

    /// The same words without the markup: what the report's structure must match.
    static func plain(_ text: String) -> String {
        String(text.map { "<>&|`*_#[](){}\\~=!+-:/\"';?".contains($0) ? " " : $0 })
    }

    /// The sequence of element names an HTML document opens and closes.
    static func structure(_ html: String) -> [String] {
        let tags = try! NSRegularExpression(pattern: "</?([a-zA-Z][a-zA-Z0-9]*)")
        return tags.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]).lowercased() }
    }

    /// cmark-gfm with GitHub's table, strikethrough and task-list extensions. Not autolink: it turns a
    /// bare http(s) or www address typed in an answer into a link, as GitHub does, which is harmless.
    static func cmark(_ markdown: String) throws -> String {
        let run = try Measured.run(executable: "/usr/bin/cmark-gfm", ["--extension", "table", "--extension", "strikethrough", "--extension", "tasklist"], input: Data(markdown.utf8))
        #expect(run.status == 0, "\(run.summary)")
        return run.stdoutText
    }

    /// Records a session of `answers` and returns its Markdown, HTML and JSON reports and the nodes asked.
    static func session(_ answers: [String], candidate: String, in directory: URL, name: String) throws -> (markdown: String, html: String, json: String, nodes: [[String]]) {
        let database = directory.appendingPathComponent("\(name).sqlite").path
        let input = answers.map { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n") + "\n\n" }.joined() + ":quit\n"
        let run = try Measured.run(["start", "--questions", "q1,q4", "--feedback", "each", "--candidate", candidate, "--db", database], input: Data(input.utf8), timeout: 30)
        #expect(run.status == 0, "\(run.summary)")
        let markdown = try Measured.run(["report", "last", "--db", database]).stdoutText
        let html = try Measured.run(["report", "last", "--format", "html", "--db", database]).stdoutText
        let json = try Measured.run(["report", "last", "--format", "json", "--db", database]).stdoutText
        let nodes = try SQLite.query(database, "SELECT question_id, node_id, outcome FROM turns ORDER BY sequence")
        return (markdown, html, json, nodes)
    }

    /// The elements inside each blockquote (where answers are quoted), in order.
    static func blockquoteContents(_ html: String) -> [[String]] {
        html.components(separatedBy: "<blockquote>").dropFirst().map { part in
            structure(String(part.components(separatedBy: "</blockquote>")[0]))
        }
    }

    /// Opening tags with their attributes, for checks on what the page would run or load.
    static func openingTags(_ html: String) -> [String] {
        let tags = try! NSRegularExpression(pattern: "<[a-zA-Z][^>]*>")
        return tags.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
    }

    @Test("in the Markdown (read by cmark-gfm) and HTML reports, answers full of markup are paragraphs of text: the headings, tables and quotes are those of the same answers without markup")
    func structureIsUnchanged() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = try Self.session(Self.hostileAnswers, candidate: Self.hostileCandidate, in: directory, name: "hostile")
        let control = try Self.session(Self.hostileAnswers.map(Self.plain), candidate: Self.plain(Self.hostileCandidate), in: directory, name: "control")
        try #require(hostile.nodes == control.nodes, "both sessions must take the same path for the comparison to mean anything")
        #expect(hostile.nodes.count >= 4)

        let hostileCmark = try Self.cmark(hostile.markdown), controlCmark = try Self.cmark(control.markdown)
        for (label, hostileHTML, controlHTML) in [("cmark-gfm", hostileCmark, controlCmark), ("the HTML report", hostile.html, control.html)] {
            let skeleton: (String) -> [String] = { Self.structure($0).filter { ["<h1", "<h2", "<h3", "<h4", "<table", "<tr", "<blockquote", "<pre"].contains($0) } }
            #expect(skeleton(hostileHTML) == skeleton(controlHTML), "\(label): headings, table rows and quotes differ from the control's")
            let quotes = Self.blockquoteContents(hostileHTML)
            let answered = hostile.nodes.filter { $0[2] == "answered" }.count
            #expect(quotes.count == answered, "\(label): one quote per answer (\(answered)), found \(quotes.count)")
            for quote in quotes {
                #expect(Set(quote).isSubset(of: ["<p", "</p"]), "\(label): an answer rendered as \(Set(quote).sorted())")
            }
        }
        // The tables are exactly the ones the report writes: one per delimiter row at the start of a line.
        let delimiterRows = hostile.markdown.split(separator: "\n").filter { $0.hasPrefix("|---") || $0.hasPrefix("| ---") || $0.hasPrefix("|:") }.count
        let tables = Self.structure(hostileCmark).filter { $0 == "<table" }.count
        #expect(tables >= 1 && tables == delimiterRows, "cmark-gfm reads \(tables) tables; the report writes \(delimiterRows)")
        #expect(Self.structure(hostile.html).filter { $0 == "<table" }.count == tables)
        #expect(Self.structure(controlCmark).filter { $0 == "<table" }.count == tables)
        print("report structure: \(tables) tables and \(Self.blockquoteContents(hostileCmark).count) quoted answers in both reports")
    }

    @Test("report --format html carries no script, handler, frame, style or javascript: link from an answer, and shows the text escaped")
    func htmlIsInert() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = try Self.session(Self.hostileAnswers, candidate: Self.hostileCandidate, in: directory, name: "hostile")
        let html = hostile.html
        let lower = html.lowercased()
        #expect(!lower.contains("<script"), "the HTML report contains a script element")
        for tag in Self.openingTags(html) {
            let attributes = tag.lowercased()
            #expect(!attributes.contains("javascript:") && attributes.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil && !attributes.contains(" src="),
                    "a tag that runs or loads something: \(tag)")
        }
        #expect(lower.components(separatedBy: "<style").count == 2, "only the page's own stylesheet")
        #expect(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"), "the answer is shown as text")
        #expect(html.contains("Content-Security-Policy"), "and scripts are forbidden by policy in any case")
        let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "pre", "code", "ul", "ol", "li", "strong", "em", "br", "hr"]
        let used = Set(Self.structure(html).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "</")) })
        #expect(used.isSubset(of: allowed), "unexpected elements: \(used.subtracting(allowed).sorted())")
        #expect(!hostile.markdown.lowercased().contains("<script"), "the Markdown report carries no raw tag either")
    }

    @Test("the JSON report holds every answer exactly as typed")
    func jsonKeepsText() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = try Self.session(Self.hostileAnswers, candidate: Self.hostileCandidate, in: directory, name: "hostile")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(hostile.json.utf8)) as? [String: Any])
        let text = String(describing: object)
        #expect(text.contains("alert(document.cookie)"))
        let database = directory.appendingPathComponent("hostile.sqlite").path
        let stored = try SQLite.query(database, "SELECT answer FROM turns WHERE outcome = 'answered' ORDER BY sequence").map { $0[0] }
        let sent = Self.hostileAnswers.map { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n") }
        #expect(stored == Array(sent.prefix(stored.count)))
    }
}
