/// Writes an `Evaluation` as the JSON `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`
/// and default keys — byte for byte — several times faster: the session store encodes one with every
/// answer it records, and `JSONEncoder` was most of that time. `EvaluationJSONReader` reads it back.
///
/// Gives `nil` where `JSONEncoder` would throw (a number that is not finite), so the caller can let
/// `JSONEncoder` report it.
public struct EvaluationJSONWriter {
    /// How keys are spelled: as the properties are (`rubricHash`: the store's form, `JSONEncoder`'s
    /// default), or in snake case with acronyms kept whole (`rubric_hash`: the form the commands print).
    public enum KeyStyle: Sendable {
        case camelCase, snakeCase
    }

    private var utf8: [UInt8] = []
    private var valid = true
    private let style: KeyStyle
    /// Members to add to the evaluation's object, spelled and encoded already, in key order.
    private var extras: [(key: [UInt8], json: [UInt8])]
    private var depth = 0

    private init(style: KeyStyle, extras: [(key: String, json: String)]) {
        self.style = style
        self.extras = extras.map { (Array($0.key.utf8), Array($0.json.utf8)) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        utf8.reserveCapacity(4096)
    }

    /// The JSON text of `evaluation`, or `nil` when `JSONEncoder` must be asked.
    public static func json(_ evaluation: Evaluation) -> String? {
        json(evaluation, keys: .camelCase)
    }

    /// The JSON text of `evaluation` with its keys in `style` and the `extra` members (a key, spelled
    /// as it is to appear, and its JSON text) among the evaluation's own in sorted order: the bytes
    /// `JSONEncoder` writes with `.sortedKeys` for a type that encodes the evaluation and then those
    /// members into the same object. `nil` when `JSONEncoder` must be asked.
    public static func json(_ evaluation: Evaluation, keys style: KeyStyle, adding extra: [(key: String, json: String)] = []) -> String? {
        var writer = EvaluationJSONWriter(style: style, extras: extra)
        writer.write(evaluation)
        return writer.valid ? String(decoding: writer.utf8, as: UTF8.self) : nil
    }

    // MARK: The types, keys in sorted order

    private mutating func write(_ value: Evaluation) {
        open()
        key("components", first: true); array(value.components) { $0.write($1) }
        key("concepts"); write(value.concepts)
        key("delivery"); write(value.delivery)
        key("engine"); string(value.engine)
        key("flags"); array(value.flags) { $0.write($1) }
        key("focus"); array(value.focus) { $0.string($1) }
        key("notes"); array(value.notes) { $0.string($1) }
        key("question"); string(value.question)
        key("rubricHash"); string(value.rubricHash)
        key("score"); double(value.score)
        key("sentences"); int(value.sentences)
        key("stages"); array(value.stages) { $0.write($1) }
        key("words"); int(value.words)
        writeExtras(before: nil)
        close()
    }

    private mutating func write(_ value: ComponentScore) {
        open()
        key("detail", first: true); string(value.detail)
        key("maxPoints"); double(value.maxPoints)
        key("name"); string(value.name.rawValue)
        key("points"); double(value.points)
        key("value"); double(value.value)
        key("weight"); double(value.weight)
        close()
    }

    private mutating func write(_ value: Evidence) {
        open()
        key("end", first: true); int(value.end)
        key("phrase"); string(value.phrase)
        if let similarity = value.similarity { key("similarity"); double(similarity) }
        key("start"); int(value.start)
        key("text"); string(value.text)
        close()
    }

    private mutating func write(_ value: ConceptResults) {
        open()
        key("found", first: true); array(value.found) { $0.write($1) }
        key("missed"); array(value.missed) { $0.write($1) }
        key("negated"); array(value.negated) { $0.write($1) }
        close()
    }

    private mutating func write(_ value: FoundConcept) {
        open()
        key("credit", first: true); double(value.credit)
        key("evidence"); array(value.evidence) { $0.write($1) }
        key("id"); string(value.id)
        key("label"); string(value.label)
        key("points"); double(value.points)
        if let questionPoints = value.questionPoints { key("questionPoints"); double(questionPoints) }
        key("weight"); double(value.weight)
        close()
    }

    private mutating func write(_ value: RedFlag) {
        open()
        key("correction", first: true); string(value.correction)
        key("evidence"); array(value.evidence) { $0.write($1) }
        key("id"); string(value.id)
        key("label"); string(value.label)
        key("penalty"); double(value.penalty)
        close()
    }

    private mutating func write(_ value: MissedConcept) {
        open()
        key("id", first: true); string(value.id)
        key("label"); string(value.label)
        key("pointsLost"); double(value.pointsLost)
        key("required"); literal(value.required ? "true" : "false")
        key("tip"); string(value.tip)
        key("weight"); double(value.weight)
        close()
    }

    private mutating func write(_ value: NegatedConcept) {
        open()
        key("evidence", first: true); array(value.evidence) { $0.write($1) }
        key("id"); string(value.id)
        key("label"); string(value.label)
        key("tip"); string(value.tip)
        close()
    }

    private mutating func write(_ value: StageResult) {
        open()
        // An optional that is nil is left out, as the synthesised `encodeIfPresent` leaves it out.
        var first = true
        if let evidence = value.evidence { key("evidence", first: true); write(evidence); first = false }
        key("id", first: first); string(value.id)
        key("label"); string(value.label)
        if let sentence = value.sentence { key("sentence"); int(sentence) }
        key("status"); string(value.status.rawValue)
        close()
    }

    private mutating func write(_ value: DeliveryReport) {
        open()
        var first = true
        if let duration = value.durationSeconds { key("durationSeconds", first: true); double(duration); first = false }
        key("fillers", first: first); array(value.fillers) { $0.write($1) }
        key("hedges"); array(value.hedges) { $0.write($1) }
        key("keywordShare"); double(value.keywordShare)
        if let wordsPerMinute = value.wordsPerMinute { key("wordsPerMinute"); double(wordsPerMinute) }
        close()
    }

    private mutating func write(_ value: DeliveryReport.Count) {
        open()
        key("count", first: true); int(value.count)
        key("word"); string(value.word)
        close()
    }

    // MARK: JSON

    private mutating func open() {
        utf8.append(UInt8(ascii: "{"))
        depth += 1
    }

    private mutating func close() {
        utf8.append(UInt8(ascii: "}"))
        depth -= 1
    }

    private mutating func key(_ name: StaticString, first: Bool = false) {
        let raw = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var first = first
        if depth == 1 && !extras.isEmpty {
            var spelled: [UInt8] = []
            spell(raw, into: &spelled)
            if writeExtras(before: spelled, first: first) { first = false }
        }
        if !first { utf8.append(UInt8(ascii: ",")) }
        utf8.append(UInt8(ascii: "\""))
        spell(raw, into: &utf8)
        utf8.append(UInt8(ascii: "\""))
        utf8.append(UInt8(ascii: ":"))
    }

    /// Writes the extra members whose keys sort before `key` (all that are left when `nil`); returns
    /// whether it wrote any.
    @discardableResult
    private mutating func writeExtras(before key: [UInt8]?, first: Bool = false) -> Bool {
        var wrote = false
        while let next = extras.first, key.map({ next.key.lexicographicallyPrecedes($0) }) ?? true {
            if !(first && !wrote) { utf8.append(UInt8(ascii: ",")) }
            utf8.append(UInt8(ascii: "\""))
            utf8.append(contentsOf: next.key)
            utf8.append(UInt8(ascii: "\""))
            utf8.append(UInt8(ascii: ":"))
            utf8.append(contentsOf: next.json)
            extras.removeFirst()
            wrote = true
        }
        return wrote
    }

    /// A key in the writer's style (`SnakeCase` for the commands' form).
    private func spell(_ raw: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        if style == .snakeCase {
            SnakeCase.append(raw, to: &output)
        } else {
            output.append(contentsOf: raw)
        }
    }

    private mutating func array<T>(_ values: [T], _ element: (inout EvaluationJSONWriter, T) -> Void) {
        utf8.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { utf8.append(UInt8(ascii: ",")) }
            element(&self, value)
        }
        utf8.append(UInt8(ascii: "]"))
    }

    private mutating func literal(_ text: StaticString) {
        utf8.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func int(_ value: Int) {
        utf8.append(contentsOf: String(value).utf8)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1000]

    /// As `JSONEncoder` writes a `Double`: its `description` (the shortest digits that read back as the
    /// same value), without a trailing ".0".
    ///
    /// Scores and points have at most three decimals: for such a value under a million, the
    /// shortest decimals that read back exactly are found with integer arithmetic (IEEE division is
    /// correctly rounded, so `digits / 10^k == value` means the text "digits·10^-k" reads back as
    /// `value`, and below a million no other text of k decimals does), which is the text
    /// `description` gives. Other values go through `description`.
    private mutating func double(_ value: Double) {
        guard value.isFinite else {
            valid = false
            return
        }
        if value.magnitude < 1_000_000, !(value == 0 && value.sign == .minus) {
            for decimals in 0..<Self.powersOfTen.count {
                let scale = Self.powersOfTen[decimals]
                let digits = (value.magnitude * scale).rounded()
                guard digits / scale == value.magnitude else { continue }
                let whole = Int(digits) / Int(scale), fraction = Int(digits) % Int(scale)
                if value < 0 { utf8.append(UInt8(ascii: "-")) }
                utf8.append(contentsOf: String(whole).utf8)
                if decimals > 0 {
                    utf8.append(UInt8(ascii: "."))
                    let text = String(fraction)
                    for _ in text.utf8.count..<decimals { utf8.append(UInt8(ascii: "0")) }
                    utf8.append(contentsOf: text.utf8)
                }
                return
            }
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        utf8.append(contentsOf: text.utf8)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Quotes, backslashes and control characters escaped as `JSONEncoder` escapes them; `/` and
    /// everything else as it is.
    private mutating func string(_ value: String) {
        utf8.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\\")); utf8.append(byte)
            case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\")); utf8.append(byte)
            case 0x08: utf8.append(UInt8(ascii: "\\")); utf8.append(UInt8(ascii: "b"))
            case 0x09: utf8.append(UInt8(ascii: "\\")); utf8.append(UInt8(ascii: "t"))
            case 0x0A: utf8.append(UInt8(ascii: "\\")); utf8.append(UInt8(ascii: "n"))
            case 0x0C: utf8.append(UInt8(ascii: "\\")); utf8.append(UInt8(ascii: "f"))
            case 0x0D: utf8.append(UInt8(ascii: "\\")); utf8.append(UInt8(ascii: "r"))
            case 0..<0x20:
                utf8.append(contentsOf: "\\u00".utf8)
                utf8.append(Self.hex[Int(byte >> 4)])
                utf8.append(Self.hex[Int(byte & 0x0F)])
            default:
                utf8.append(byte)
            }
        }
        utf8.append(UInt8(ascii: "\""))
    }
}
