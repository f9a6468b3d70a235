/// Reads an `Evaluation` from the JSON its synthesised `Codable` writes with default keys (the
/// session store's `evaluations.evaluation` column), several times faster than `JSONDecoder`: a report
/// reads a few hundred, and `JSONDecoder` was most of its time.
///
/// It reads the shape `Evaluation`'s synthesised `Codable` writes and gives `nil` for anything it is
/// not sure of — a missing key, a duplicate, a number it would have to round, an escape it does not
/// know — and the caller then decodes with `JSONDecoder`, so every result and every error is the one
/// `JSONDecoder` gives. Unknown keys are skipped, as the synthesised decoder skips them.
public struct EvaluationJSONReader {
    /// Thrown inside the reader when it cannot be sure; never leaves it.
    struct Unsure: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The evaluation in `text`, or `nil` when `JSONDecoder` must decide.
    public static func evaluation(from text: String) -> Evaluation? {
        var text = text
        return text.withUTF8 { buffer -> Evaluation? in
            var reader = EvaluationJSONReader(buffer)
            do {
                let evaluation = try reader.evaluation()
                reader.skipWhitespace()
                return reader.position == buffer.count ? evaluation : nil
            } catch {
                return nil
            }
        }
    }

    // MARK: The types

    private mutating func evaluation() throws(Unsure) -> Evaluation {
        var question: String?, score: Double?, components: [ComponentScore]?, concepts: ConceptResults?
        var stages: [StageResult]?, words: Int?, sentences: Int?, delivery: DeliveryReport?, notes: [String]?
        var engine: String?, rubricHash: String?, flags: [RedFlag]?, focus: [String]?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "question": try reader.set(&question, reader.string())
            case "score": try reader.set(&score, reader.double())
            case "components": try reader.set(&components, reader.array { (reader) throws(Unsure) in try reader.component() })
            case "concepts": try reader.set(&concepts, reader.conceptResults())
            case "stages": try reader.set(&stages, reader.array { (reader) throws(Unsure) in try reader.stage() })
            case "words": try reader.set(&words, reader.int())
            case "sentences": try reader.set(&sentences, reader.int())
            case "delivery": try reader.set(&delivery, reader.deliveryReport())
            case "notes": try reader.set(&notes, reader.array { (reader) throws(Unsure) in try reader.string() })
            case "engine": try reader.set(&engine, reader.string())
            case "rubricHash": try reader.set(&rubricHash, reader.string())
            case "flags": try reader.set(&flags, reader.array { (reader) throws(Unsure) in try reader.redFlag() })
            case "focus": try reader.set(&focus, reader.array { (reader) throws(Unsure) in try reader.string() })
            default: try reader.skipValue()
            }
        }
        guard let question, let score, let components, let concepts, let stages, let words, let sentences,
              let delivery, let notes, let engine, let rubricHash else { throw Unsure() }
        return Evaluation(
            question: question, score: score, components: components, concepts: concepts, stages: stages,
            words: words, sentences: sentences, delivery: delivery, flags: flags ?? [], focus: focus ?? [],
            notes: notes, engine: engine, rubricHash: rubricHash)
    }

    private mutating func redFlag() throws(Unsure) -> RedFlag {
        var id: String?, label: String?, penalty: Double?, evidence: [Evidence]?, correction: String?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "id": try reader.set(&id, reader.string())
            case "label": try reader.set(&label, reader.string())
            case "penalty": try reader.set(&penalty, reader.double())
            case "evidence": try reader.set(&evidence, reader.array { (reader) throws(Unsure) in try reader.evidence() })
            case "correction": try reader.set(&correction, reader.string())
            default: try reader.skipValue()
            }
        }
        guard let id, let label, let penalty, let evidence, let correction else { throw Unsure() }
        return RedFlag(id: id, label: label, penalty: penalty, evidence: evidence, correction: correction)
    }

    private mutating func component() throws(Unsure) -> ComponentScore {
        var name: ComponentScore.Name?, value: Double?, weight: Double?, points: Double?, maxPoints: Double?, detail: String?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "name": try reader.set(&name, reader.enumeration(ComponentScore.Name.self))
            case "value": try reader.set(&value, reader.double())
            case "weight": try reader.set(&weight, reader.double())
            case "points": try reader.set(&points, reader.double())
            case "maxPoints": try reader.set(&maxPoints, reader.double())
            case "detail": try reader.set(&detail, reader.string())
            default: try reader.skipValue()
            }
        }
        guard let name, let value, let weight, let points, let maxPoints, let detail else { throw Unsure() }
        return ComponentScore(name: name, value: value, weight: weight, points: points, maxPoints: maxPoints, detail: detail)
    }

    private mutating func evidence() throws(Unsure) -> Evidence {
        var start: Int?, end: Int?, text: String?, phrase: String?, similarity: Double?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "start": try reader.set(&start, reader.int())
            case "end": try reader.set(&end, reader.int())
            case "text": try reader.set(&text, reader.string())
            case "phrase": try reader.set(&phrase, reader.string())
            case "similarity": try reader.set(&similarity, reader.double())
            default: try reader.skipValue()
            }
        }
        guard let start, let end, let text, let phrase else { throw Unsure() }
        return Evidence(start: start, end: end, text: text, phrase: phrase, similarity: similarity)
    }

    private mutating func conceptResults() throws(Unsure) -> ConceptResults {
        var found: [FoundConcept]?, missed: [MissedConcept]?, negated: [NegatedConcept]?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "found": try reader.set(&found, reader.array { (reader) throws(Unsure) in try reader.foundConcept() })
            case "missed": try reader.set(&missed, reader.array { (reader) throws(Unsure) in try reader.missedConcept() })
            case "negated": try reader.set(&negated, reader.array { (reader) throws(Unsure) in try reader.negatedConcept() })
            default: try reader.skipValue()
            }
        }
        guard let found, let missed, let negated else { throw Unsure() }
        return ConceptResults(found: found, missed: missed, negated: negated)
    }

    private mutating func foundConcept() throws(Unsure) -> FoundConcept {
        var id: String?, label: String?, weight: Double?, points: Double?, evidence: [Evidence]?, credit: Double?, questionPoints: Double?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "id": try reader.set(&id, reader.string())
            case "label": try reader.set(&label, reader.string())
            case "weight": try reader.set(&weight, reader.double())
            case "credit": try reader.set(&credit, reader.double())
            case "points": try reader.set(&points, reader.double())
            case "questionPoints": try reader.set(&questionPoints, reader.double())
            case "evidence": try reader.set(&evidence, reader.array { (reader) throws(Unsure) in try reader.evidence() })
            default: try reader.skipValue()
            }
        }
        guard let id, let label, let weight, let points, let evidence else { throw Unsure() }
        return FoundConcept(id: id, label: label, weight: weight, credit: credit ?? 1, points: points, questionPoints: questionPoints, evidence: evidence)
    }

    private mutating func missedConcept() throws(Unsure) -> MissedConcept {
        var id: String?, label: String?, weight: Double?, pointsLost: Double?, required: Bool?, tip: String?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "id": try reader.set(&id, reader.string())
            case "label": try reader.set(&label, reader.string())
            case "weight": try reader.set(&weight, reader.double())
            case "pointsLost": try reader.set(&pointsLost, reader.double())
            case "required": try reader.set(&required, reader.bool())
            case "tip": try reader.set(&tip, reader.string())
            default: try reader.skipValue()
            }
        }
        guard let id, let label, let weight, let pointsLost, let required, let tip else { throw Unsure() }
        return MissedConcept(id: id, label: label, weight: weight, pointsLost: pointsLost, required: required, tip: tip)
    }

    private mutating func negatedConcept() throws(Unsure) -> NegatedConcept {
        var id: String?, label: String?, evidence: [Evidence]?, tip: String?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "id": try reader.set(&id, reader.string())
            case "label": try reader.set(&label, reader.string())
            case "evidence": try reader.set(&evidence, reader.array { (reader) throws(Unsure) in try reader.evidence() })
            case "tip": try reader.set(&tip, reader.string())
            default: try reader.skipValue()
            }
        }
        guard let id, let label, let evidence, let tip else { throw Unsure() }
        return NegatedConcept(id: id, label: label, evidence: evidence, tip: tip)
    }

    private mutating func stage() throws(Unsure) -> StageResult {
        var id: String?, label: String?, status: StageResult.Status?
        // Optional fields: absent and null both give nil, as `decodeIfPresent` does.
        var sentence: Int??, evidence: Evidence??
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "id": try reader.set(&id, reader.string())
            case "label": try reader.set(&label, reader.string())
            case "status": try reader.set(&status, reader.enumeration(StageResult.Status.self))
            case "sentence": try reader.set(&sentence, reader.orNull { (reader) throws(Unsure) in try reader.int() })
            case "evidence": try reader.set(&evidence, reader.orNull { (reader) throws(Unsure) in try reader.evidence() })
            default: try reader.skipValue()
            }
        }
        guard let id, let label, let status else { throw Unsure() }
        return StageResult(id: id, label: label, status: status, sentence: sentence ?? nil, evidence: evidence ?? nil)
    }

    private mutating func deliveryReport() throws(Unsure) -> DeliveryReport {
        var fillers: [DeliveryReport.Count]?, hedges: [DeliveryReport.Count]?, keywordShare: Double?
        var wordsPerMinute: Double??, durationSeconds: Double??
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "fillers": try reader.set(&fillers, reader.array { (reader) throws(Unsure) in try reader.count() })
            case "hedges": try reader.set(&hedges, reader.array { (reader) throws(Unsure) in try reader.count() })
            case "wordsPerMinute": try reader.set(&wordsPerMinute, reader.orNull { (reader) throws(Unsure) in try reader.double() })
            case "durationSeconds": try reader.set(&durationSeconds, reader.orNull { (reader) throws(Unsure) in try reader.double() })
            case "keywordShare": try reader.set(&keywordShare, reader.double())
            default: try reader.skipValue()
            }
        }
        guard let fillers, let hedges, let keywordShare else { throw Unsure() }
        return DeliveryReport(
            fillers: fillers, hedges: hedges, wordsPerMinute: wordsPerMinute ?? nil,
            durationSeconds: durationSeconds ?? nil, keywordShare: keywordShare)
    }

    private mutating func count() throws(Unsure) -> DeliveryReport.Count {
        var word: String?, count: Int?
        try object { (reader, key) throws(Unsure) in
            switch key {
            case "word": try reader.set(&word, reader.string())
            case "count": try reader.set(&count, reader.int())
            default: try reader.skipValue()
            }
        }
        guard let word, let count else { throw Unsure() }
        return DeliveryReport.Count(word: word, count: count)
    }

    // MARK: Structure

    /// Stores a field's value; a key that comes twice is left to `JSONDecoder`.
    private func set<T>(_ field: inout T?, _ value: T) throws(Unsure) {
        guard field == nil else { throw Unsure() }
        field = value
    }

    /// Calls `body` with each key of an object, the reader then at the key's value.
    private mutating func object(_ body: (inout EvaluationJSONReader, String) throws(Unsure) -> Void) throws(Unsure) {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try body(&self, key)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw Unsure()
            }
        }
    }

    private mutating func array<T>(_ element: (inout EvaluationJSONReader) throws(Unsure) -> T) throws(Unsure) -> [T] {
        try expect(UInt8(ascii: "["))
        var values: [T] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return values
        }
        while true {
            skipWhitespace()
            values.append(try element(&self))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return values
            default: throw Unsure()
            }
        }
    }

    /// `null`, or a value read by `value`.
    private mutating func orNull<T>(_ value: (inout EvaluationJSONReader) throws(Unsure) -> T) throws(Unsure) -> T? {
        if peek() == UInt8(ascii: "n") {
            try literal("null")
            return nil
        }
        return try value(&self)
    }

    /// Skips any JSON value (of a key the types do not have).
    private mutating func skipValue() throws(Unsure) {
        switch peek() {
        case UInt8(ascii: "{"): try object { (reader, _) throws(Unsure) in try reader.skipValue() }
        case UInt8(ascii: "["): _ = try array { (reader) throws(Unsure) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    // MARK: Scalars

    private mutating func enumeration<T: RawRepresentable>(_ type: T.Type) throws(Unsure) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Unsure() }
        return value
    }

    private mutating func bool() throws(Unsure) -> Bool {
        if peek() == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// An integer written as one (no fraction or exponent) that fits an `Int`.
    private mutating func int() throws(Unsure) -> Int {
        let (text, isInteger) = try number()
        guard isInteger, let value = Int(text) else { throw Unsure() }
        return value
    }

    private mutating func double() throws(Unsure) -> Double {
        let (text, _) = try number()
        guard let value = Double(text), value.isFinite else { throw Unsure() }
        return value
    }

    /// The text of a number in JSON's grammar, and whether it is written as an integer.
    private mutating func number() throws(Unsure) -> (text: String, isInteger: Bool) {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw Unsure() }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw Unsure() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            isInteger = false
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw Unsure() }
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self), isInteger)
    }

    private mutating func digits() -> Int {
        let start = position
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        return position - start
    }

    /// A string; escapes other than JSON's own, unpaired surrogates, control characters and invalid
    /// UTF-8 are left to `JSONDecoder`.
    private mutating func string() throws(Unsure) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw Unsure() }
            position += 1
        }
        guard peek() != nil else { throw Unsure() }
        if peek() == UInt8(ascii: "\"") {
            let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            position += 1
            guard let text else { throw Unsure() }
            return text
        }
        var utf8 = Array(bytes[start..<position])
        while true {
            guard let byte = peek() else { throw Unsure() }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Unsure() }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = peek() else { throw Unsure() }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try hexQuad()
                    if (0xD800...0xDBFF).contains(value) {
                        try expect(UInt8(ascii: "\\"))
                        try expect(UInt8(ascii: "u"))
                        let low = try hexQuad()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unsure() }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) else { throw Unsure() }
                    utf8.append(contentsOf: encoded)
                default:
                    throw Unsure()
                }
            default:
                guard byte >= 0x20 else { throw Unsure() }
                utf8.append(byte)
            }
        }
    }

    private mutating func hexQuad() throws(Unsure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw Unsure() }
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Unsure()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func literal(_ word: StaticString) throws(Unsure) {
        let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + text.count <= bytes.count, bytes[position..<position + text.count].elementsEqual(text) else { throw Unsure() }
        position += text.count
    }

    private mutating func expect(_ byte: UInt8) throws(Unsure) {
        guard peek() == byte else { throw Unsure() }
        position += 1
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }
}
