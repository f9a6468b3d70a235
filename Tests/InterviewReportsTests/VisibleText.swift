import Foundation

/// What a browser would show of an HTML fragment: tags dropped, character references decoded,
/// whitespace runs collapsed to one space.
///
/// Works on Unicode scalars, not characters: a combining mark after `>` or `;` fuses with it into
/// one Swift `Character`, which would hide the tag or reference from a character-based search.
enum VisibleText {
    static func of(_ html: String) -> String {
        let text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return collapsed(decodeReferences(text))
    }

    /// Whitespace runs as one space, ends trimmed.
    static func collapsed(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
            }
        }
        return String(output)
    }

    static func decodeReferences(_ text: String) -> String {
        let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "#39": "'"]
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let end = scalars[index...].prefix(10).firstIndex(of: ";") {
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(index + 1)..<end])
                let key = String(name)
                if let value = named[key] {
                    output.append(contentsOf: value.unicodeScalars)
                    index = end + 1
                    continue
                }
                if key.hasPrefix("#"), let code = UInt32(key.dropFirst()), let scalar = Unicode.Scalar(code) {
                    output.append(scalar)
                    index = end + 1
                    continue
                }
            }
            output.append(scalars[index])
            index += 1
        }
        return String(output)
    }

    /// How often `needle` occurs in `text`, byte for byte.
    static func count(_ needle: String, in text: String) -> Int {
        let hay = Array(text.utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, hay.count >= pin.count else { return 0 }
        return (0...(hay.count - pin.count)).filter { hay[$0..<($0 + pin.count)].elementsEqual(pin) }.count
    }

    /// The start tags of an HTML document: `<script …>`, `<img …>`.
    static func tags(in html: String) -> [String] {
        let regex = try? NSRegularExpression(pattern: "<[A-Za-z][^>]*>")
        let range = NSRange(html.startIndex..., in: html)
        return (regex?.matches(in: html, range: range) ?? []).compactMap { Range($0.range, in: html).map { String(html[$0]) } }
    }
}
