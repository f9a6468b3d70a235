/// Makes stored text safe to print to a terminal, so nothing a candidate typed is ever replayed raw.
///
/// Removes escape sequences (CSI, OSC, DCS and the other string controls, in their 7-bit and 8-bit
/// forms), C0 controls other than tab and line feed, DEL, C1 controls and the bidirectional
/// embedding, override and isolate controls (which can make text display in an order other than the
/// one stored). Every line break (CR LF, CR, VT, FF, NEL, U+2028, U+2029) becomes `\n`.
///
/// ```swift
/// TerminalText.sanitised("fine\u{1B}[2J\u{1B}]0;owned\u{07}") // "fine"
/// ```
public enum TerminalText {
    public static func sanitised(_ text: String) -> String {
        // Most text has nothing to remove: give it back as it is, without copying it scalar by scalar.
        guard text.unicodeScalars.contains(where: needsSanitising) else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x1B:
                index = afterEscape(scalars, at: index)
                continue
            case 0x9B:
                index = afterControlSequence(scalars, from: index + 1)
                continue
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                index = afterControlString(scalars, from: index + 1)
                continue
            case 0x0D:
                output.append("\n")
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            case 0x09, 0x0A:
                output.append(scalar)
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                output.append("\n")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                break
            default:
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// Whether `sanitised` changes or drops the scalar: what its loop does not copy through as it is.
    static func needsSanitising(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Sanitised text on one line: line breaks and tabs become spaces, ends trimmed.
    static func line(_ text: String) -> String {
        sanitised(text).split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }

    /// The index after the escape sequence that starts with the ESC at `index`.
    static func afterEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        var next = index + 1
        guard next < scalars.count else { return next }
        switch scalars[next].value {
        case 0x5B: // [
            return afterControlSequence(scalars, from: next + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ] P X ^ _
            return afterControlString(scalars, from: next + 1)
        case 0x20...0x2F:
            while next < scalars.count, (0x20...0x2F).contains(scalars[next].value) { next += 1 }
            if next < scalars.count, (0x30...0x7E).contains(scalars[next].value) { next += 1 }
            return next
        case 0x30...0x7E:
            return next + 1
        default:
            return next
        }
    }

    /// The index after a control sequence's parameters, intermediates and final byte.
    static func afterControlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var next = start
        while next < scalars.count, (0x30...0x3F).contains(scalars[next].value) { next += 1 }
        while next < scalars.count, (0x20...0x2F).contains(scalars[next].value) { next += 1 }
        if next < scalars.count, (0x40...0x7E).contains(scalars[next].value) { next += 1 }
        return next
    }

    /// The index after a control string (OSC and kin): up to BEL or ST. It also stops before a line
    /// feed or another ESC, so an unterminated string cannot swallow the rest of an answer.
    static func afterControlString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var next = start
        while next < scalars.count {
            switch scalars[next].value {
            case 0x07, 0x9C:
                return next + 1
            case 0x1B:
                if next + 1 < scalars.count, scalars[next + 1] == "\\" { return next + 2 }
                return next
            case 0x0A:
                return next
            default:
                next += 1
            }
        }
        return next
    }
}
