extension String {
    /// The text without leading and trailing white space: the characters Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes (Unicode's White_Space property, and
    /// the zero-width space), without its round trip through NSString. Loading the question bank trims
    /// every scalar, and that round trip was a quarter of start-up.
    var trimmingWhiteSpace: String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
        guard let first = unicodeScalars.firstIndex(where: { !isSpace($0) }),
              let last = unicodeScalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        let end = unicodeScalars.index(after: last)
        return first == startIndex && end == endIndex ? self : String(self[first..<end])
    }
}
