/// Turns stored text (answers, prompts, labels, tips, names) into Markdown that renders as exactly
/// that text, in cmark-gfm and in Ink alike.
///
/// Every character either parser could read as markup becomes a character reference: `<`, `>`, `&`
/// as `&lt;` `&gt;` `&amp;`, and `\` `` ` `` `*` `_` `~` `[` `]` `|` `#` as numeric references
/// (`&#42;`), as well as any ASCII punctuation that opens a line and the `.` or `)` after a line's
/// leading digits (list markers). Backslash escapes are not used: Ink drops every backslash, so
/// `\\` would lose the character and a backslash at the end of a line turns into a line break that
/// pulls the next line's `>` into the text. References are read as literal text by both parsers,
/// and Ink copies them through untouched. A combining mark that would fuse with a reference or
/// with the start of a line (and so hide it from Ink, which reads whole characters) is written as a
/// reference too.
///
/// Control characters and escape sequences are removed first (see `TerminalText`), lines are
/// trimmed and tabs become spaces, so no indentation can open a code block and no trailing spaces
/// can make a hard break.
enum MarkdownText {
    /// One line of text for a paragraph, a list item, a heading or a table cell.
    static func inline(_ text: String) -> String {
        lines(of: text).filter { !$0.isEmpty }.map(escapeLine).joined(separator: " ")
    }

    /// The text as blockquote lines (`> …`), its paragraphs separated by `>` lines; `nil` when the
    /// text has no visible content.
    static func blockquote(_ text: String) -> String? {
        var paragraphs: [[String]] = [[]]
        for line in lines(of: text) {
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(escapeLine(line))
            }
        }
        let kept = paragraphs.filter { !$0.isEmpty }
        guard !kept.isEmpty else { return nil }
        return kept.map { $0.map { "> " + $0 }.joined(separator: "\n") }.joined(separator: "\n>\n")
    }

    /// Sanitised, trimmed lines with tabs as spaces.
    static func lines(of text: String) -> [String] {
        // Split on the byte: a line feed is always a character of its own.
        TerminalText.sanitised(text)
            .replacingTabs()
            .utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0).trimmingSpaces() }
    }

    static func escapeLine(_ line: String) -> String {
        // Written as UTF-8 bytes: reports quote whole answers, and appending scalar by scalar to a
        // string was most of a report's rendering.
        var output: [UInt8] = []
        output.reserveCapacity(line.utf8.count + 16)
        var previousWasReference = true // the start of a line counts as a reference boundary
        var inLeadingDigits = true
        for (offset, scalar) in line.unicodeScalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            let reference: String?
            if let always = alwaysEscaped(scalar) {
                reference = always
            } else if offset == 0, scalar.isASCII, isASCIIPunctuation(scalar) {
                reference = numericReference(scalar)
            } else if inLeadingDigits, offset > 0, scalar == "." || scalar == ")" {
                reference = numericReference(scalar)
            } else if previousWasReference, !scalar.isASCII, extendsGrapheme(scalar) {
                reference = numericReference(scalar)
            } else {
                reference = nil
            }
            if !isDigit { inLeadingDigits = false }
            if let reference {
                output.append(contentsOf: reference.utf8)
                previousWasReference = true
            } else {
                if scalar.isASCII {
                    output.append(UInt8(truncatingIfNeeded: scalar.value))
                } else if let encoded = UTF8.encode(scalar) {
                    output.append(contentsOf: encoded)
                }
                previousWasReference = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The reference of a character that is markup wherever it stands, or `nil`.
    static func alwaysEscaped(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "<": "&lt;"
        case ">": "&gt;"
        case "&": "&amp;"
        case "\\", "`", "*", "_", "~", "[", "]", "|", "#": numericReference(scalar)
        default: nil
        }
    }

    static func numericReference(_ scalar: Unicode.Scalar) -> String {
        "&#\(scalar.value);"
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Whether the scalar joins the character before it (combining marks, ZWJ, variation selectors).
    static func extendsGrapheme(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Tabs as spaces. Both are ASCII, so the UTF-8 bytes are replaced one for one.
    func replacingTabs() -> String {
        guard utf8.contains(UInt8(ascii: "\t")) else { return String(self) }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\t") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// Without leading and trailing spaces (the only whitespace left after sanitising and tabs).
    /// A space is one ASCII byte, so the first byte that is not one starts a scalar and the byte after
    /// the last one ends a scalar.
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(self[first..<bytes.index(after: last)])
    }
}
