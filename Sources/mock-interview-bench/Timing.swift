#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A monotonic clock and the statistics the benchmarks report.
enum Timing {
    /// Nanoseconds on the monotonic clock.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Milliseconds `body` takes.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return Double(now() - start) / 1e6
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// One `name value` line of the benchmark's output.
    static func report(_ name: String, _ value: Double) {
        print("\(name) \(formatted(value))")
    }

    static func report(_ name: String, _ value: Int) {
        print("\(name) \(value)")
    }

    static func formatted(_ value: Double) -> String {
        var text = String(Int64((value * 1_000_000).rounded()))
        while text.count < 7 { text = "0" + text }
        let point = text.index(text.endIndex, offsetBy: -6)
        return text[..<point] + "." + text[point...]
    }
}
