import Foundation
import Ink
import InterviewKit

/// The feedback report as one self-contained HTML page: the Markdown report rendered by Ink, with
/// inline CSS, no scripts and no external assets.
///
/// Answers stay inert: the Markdown escapes them into character references, which Ink copies
/// through as text, and the page's Content-Security-Policy forbids scripts in any case. Mermaid
/// blocks appear as preformatted text next to their plain-text chart.
public enum HTMLReport {
    /// Parameters as for `MarkdownReport.render(_:history:questions:)`.
    public static func render(_ transcript: SessionTranscript, history: [ProgressData.Point] = [], questions: [Question] = []) -> String {
        let summary = SessionSummary(transcript, history: history, questions: questions)
        return page(markdown: MarkdownReport.render(summary), title: MarkdownReport.title(summary))
    }

    /// A page from Markdown this module rendered (`MarkdownReport`, `ProgressReport.markdown`).
    /// `title` is plain text; it is escaped here.
    public static func page(markdown: String, title: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .blockquotes) { input in
            blockquote(markdown: input.markdown)
        })
        let body = parser.html(from: markdown)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(escaped(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// Ink runs a blockquote's lines into one paragraph; this keeps the paragraphs of an answer
    /// apart, rendering each with Ink again (so the text is exactly as safe as Ink makes it).
    static func blockquote(markdown: Substring) -> String {
        var paragraphs: [[Substring]] = [[]]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var content = line
            if content.first == ">" {
                content = content.dropFirst()
                if content.first == " " { content = content.dropFirst() }
            }
            if content.allSatisfy({ $0 == " " }) {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(content)
            }
        }
        let parser = MarkdownParser()
        let html = paragraphs.filter { !$0.isEmpty }.map { parser.html(from: $0.joined(separator: "\n")) }
        return "<blockquote>" + html.joined() + "</blockquote>"
    }

    /// Text for HTML content or a quoted attribute, sanitised of control characters.
    static func escaped(_ text: String) -> String {
        var output = ""
        for character in TerminalText.sanitised(text) {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "\n", "\t": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    static let stylesheet = """
    :root { color-scheme: light dark; --line: #8884; --soft: #8881; }
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
    main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
    h1 { font-size: 1.8rem; margin-bottom: 0.5rem; }
    h2 { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--line); }
    h4 { margin-bottom: 0.25rem; }
    table { border-collapse: collapse; margin: 0.75rem 0; font-size: 0.92rem; }
    th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; vertical-align: top; }
    th { background: var(--soft); }
    blockquote { margin: 0.5rem 0; padding: 0.25rem 1rem; border-left: 4px solid #4a90d9; background: var(--soft); }
    blockquote p { margin: 0.5rem 0; overflow-wrap: anywhere; }
    pre { padding: 0.75rem; background: var(--soft); border: 1px solid var(--line); overflow-x: auto; line-height: 1.25; }
    code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
    """
}
