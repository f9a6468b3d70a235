/// Words mapped to lists of words, kept as one byte buffer of records sorted by key and looked up by
/// bisection: WordNet's tables in a form that is written to a cache file and read back as it is,
/// without building a dictionary of 100,000 entries on every run.
///
/// A record is the key's UTF-8, then each value after a unit separator (0x1F), then a record
/// separator (0x1E). Keys and values holding either separator are left out when the table is built
/// (WordNet's words never do).
struct StemTable: Sendable, Equatable {
    private static let unitSeparator: UInt8 = 0x1F
    private static let recordSeparator: UInt8 = 0x1E

    private let bytes: [UInt8]
    /// Where each record starts, in key order.
    private let starts: [UInt32]

    var count: Int { starts.count }

    /// The table of `entries`, each key's values in the order given.
    init(_ entries: [String: [String]]) {
        func clean(_ word: String) -> Bool {
            !word.utf8.contains(Self.unitSeparator) && !word.utf8.contains(Self.recordSeparator)
        }
        let sorted = entries.filter { clean($0.key) }.map { (key: Array($0.key.utf8), values: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        starts.reserveCapacity(sorted.count)
        for (key, values) in sorted {
            starts.append(UInt32(bytes.count))
            bytes += key
            for value in values where clean(value) {
                bytes.append(Self.unitSeparator)
                bytes += value.utf8
            }
            bytes.append(Self.recordSeparator)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The values of `key`, or `nil` when the table does not have it.
    func values(of key: String) -> [String]? {
        guard let start = position(of: key) else { return nil }
        var values: [String] = []
        var index = start
        while bytes[index] != Self.unitSeparator && bytes[index] != Self.recordSeparator { index += 1 }
        while bytes[index] == Self.unitSeparator {
            let begin = index + 1
            index = begin
            while bytes[index] != Self.unitSeparator && bytes[index] != Self.recordSeparator { index += 1 }
            values.append(String(decoding: bytes[begin..<index], as: UTF8.self))
        }
        return values
    }

    func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// The start of `key`'s record.
    private func position(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { key -> Int? in
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                let start = Int(starts[middle])
                switch compare(recordAt: start, with: key) {
                case .equal: return start
                case .less: low = middle + 1
                case .greater: high = middle
                }
            }
            return nil
        }
    }

    private enum Order { case less, equal, greater }

    /// The order of the key of the record at `start` against `key`, byte by byte.
    private func compare(recordAt start: Int, with key: UnsafeBufferPointer<UInt8>) -> Order {
        var index = start
        for byte in key {
            let stored = bytes[index]
            if stored == Self.unitSeparator || stored == Self.recordSeparator { return .less }
            if stored != byte { return stored < byte ? .less : .greater }
            index += 1
        }
        return bytes[index] == Self.unitSeparator || bytes[index] == Self.recordSeparator ? .equal : .greater
    }

    // MARK: Serialised form

    /// Appends the table: its record count and byte count (UInt32, little-endian), the record starts,
    /// then the records.
    func write(to output: inout [UInt8]) {
        Self.append(UInt32(starts.count), to: &output)
        Self.append(UInt32(bytes.count), to: &output)
        for start in starts { Self.append(start, to: &output) }
        output += bytes
    }

    /// Reads a table written by `write(to:)` at `offset`, moving `offset` past it; `nil` when the bytes
    /// are not such a table (a damaged or truncated cache), checked so that no look-up can read
    /// outside the records.
    init?(reading input: [UInt8], at offset: inout Int) {
        guard let count = Self.uint32(input, at: offset), let length = Self.uint32(input, at: offset + 4) else { return nil }
        let startsEnd = offset + 8 + Int(count) * 4
        let end = startsEnd + Int(length)
        guard count <= 10_000_000, length <= 1 << 30, end <= input.count else { return nil }
        var starts: [UInt32] = []
        starts.reserveCapacity(Int(count))
        var previous: UInt32?
        for position in stride(from: offset + 8, to: startsEnd, by: 4) {
            guard let start = Self.uint32(input, at: position), start < length, previous.map({ start > $0 }) ?? (start == 0) else { return nil }
            starts.append(start)
            previous = start
        }
        let bytes = Array(input[startsEnd..<end])
        // Every record ends with a record separator before the next one starts.
        for (index, start) in starts.enumerated() {
            let next = index + 1 < starts.count ? Int(starts[index + 1]) : bytes.count
            guard next > Int(start), bytes[next - 1] == Self.recordSeparator,
                  !bytes[Int(start)..<(next - 1)].contains(Self.recordSeparator) else { return nil }
        }
        if starts.isEmpty && !bytes.isEmpty { return nil }
        self.bytes = bytes
        self.starts = starts
        offset = end
    }

    static func append(_ value: UInt32, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { output += $0 }
    }

    static func uint32(_ input: [UInt8], at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= input.count else { return nil }
        return UInt32(input[offset]) | UInt32(input[offset + 1]) << 8 | UInt32(input[offset + 2]) << 16 | UInt32(input[offset + 3]) << 24
    }
}
