/// JSON keys as the commands spell them: snake case with acronyms kept whole. An upper-case letter
/// after a lower-case one or a digit starts a new word, and every letter is lower-cased
/// (`questionIDs` → `question_ids`, `rubricHash` → `rubric_hash`; Foundation's `convertToSnakeCase`
/// gives `question_i_ds`). `EvaluationJSONWriter` and the commands' `JSONEncoder` both spell keys
/// through it, so the bytes they write agree.
public enum SnakeCase {
    /// `camel` in snake case.
    public static func of(_ camel: String) -> String {
        if camel.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(camel.utf8.count + 4)
            append(camel.utf8, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        // Other scripts by their Unicode case, word boundaries by the same rule.
        var out = ""
        var previous: Character?
        for character in camel {
            if character.isUppercase {
                if let previous, previous.isLowercase || previous.isNumber { out += "_" }
                out += character.lowercased()
            } else {
                out.append(character)
            }
            previous = character
        }
        return out
    }

    /// The ASCII key `camel` in snake case, appended to `output` as UTF-8 (as bytes: no Unicode
    /// property look-ups, which were a seventh of an `evaluate --jsonl` batch).
    @inlinable
    public static func append(_ camel: some Sequence<UInt8>, to output: inout [UInt8]) {
        var previous: UInt8?
        for byte in camel {
            if (0x41...0x5A).contains(byte) {
                if let previous, (0x61...0x7A).contains(previous) || (0x30...0x39).contains(previous) { output.append(UInt8(ascii: "_")) }
                output.append(byte | 0x20)
            } else {
                output.append(byte)
            }
            previous = byte
        }
    }
}
