import Foundation

/// The fixed formats reports use for numbers, dates and durations: the same value gives the same
/// characters on any machine, in any locale or time zone (dates are always UTC).
enum ReportFormat {
    /// `value` with exactly `digits` decimals, rounded half away from zero; "—" if not finite.
    static func fixed(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value < 0 ? "-∞" : "∞" }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// A score out of 100 with one decimal: "61.0".
    static func score(_ value: Double) -> String { fixed(value) }

    /// A signed change with one decimal and a real minus sign: "+7.5", "−4.4", "0.0".
    static func signed(_ value: Double) -> String {
        let text = fixed(abs(value))
        if text == "0.0" || text == "—" { return text }
        return (value < 0 ? "−" : "+") + text
    }

    /// A share as a whole percentage: "62%".
    static func percent(_ share: Double) -> String {
        fixed(share * 100, digits: 0) + "%"
    }

    /// "2025-03-14 09:30 UTC".
    static func dateTime(_ date: Date) -> String {
        let parts = UTCParts(date)
        return "\(parts.date) \(pad(parts.hour)):\(pad(parts.minute)) UTC"
    }

    /// "2025-03-14".
    static func day(_ date: Date) -> String { UTCParts(date).date }

    /// "2025-03-14T09:30:05.123Z".
    static func iso8601(_ date: Date) -> String {
        let parts = UTCParts(date)
        return "\(parts.date)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)).\(pad(parts.millisecond, 3))Z"
    }

    /// A duration in words: "45 s", "18 min 04 s", "1 h 02 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "—" }
        let total = Int64(max(0, seconds).rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(pad(Int(total % 60))) s" }
        return "\(total / 3600) h \(pad(Int(total % 3600 / 60))) min"
    }

    /// A short span with one decimal: "4.2 s".
    static func seconds(_ seconds: Double) -> String {
        fixed(seconds) + " s"
    }

    /// A clock offset from the session start with tenths: "00:12.4", "1:02:03.4" (truncated, like
    /// a stopwatch).
    static func clock(_ seconds: Double) -> String {
        let tenths = seconds.isFinite ? Int64((max(0, seconds) * 10 + 1e-6).rounded(.down)) : 0
        let whole = tenths / 10
        let tail = "\(pad(Int(whole % 3600 / 60))):\(pad(Int(whole % 60))).\(tenths % 10)"
        return whole >= 3600 ? "\(whole / 3600):" + tail : tail
    }

    /// Seconds from `start` to `date`, never negative.
    static func offset(_ date: Date, from start: Date) -> Double {
        max(0, date.timeIntervalSince(start))
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func pad(_ value: Int64, _ width: Int = 2) -> String { pad(Int(value), width) }
}

extension ReportFormat {
    /// A date's UTC calendar fields, computed from the Unix time with no calendar or locale.
    struct UTCParts {
        var date: String
        var hour: Int
        var minute: Int
        var second: Int
        var millisecond: Int

        init(_ date: Date) {
            let interval = date.timeIntervalSince1970
            let milliseconds = interval.isFinite ? Int64((interval * 1000).rounded()) : 0
            let perDay: Int64 = 86_400_000
            var days = milliseconds / perDay
            var within = milliseconds % perDay
            if within < 0 {
                within += perDay
                days -= 1
            }
            hour = Int(within / 3_600_000)
            minute = Int(within / 60_000 % 60)
            second = Int(within / 1000 % 60)
            millisecond = Int(within % 1000)
            // Howard Hinnant's civil_from_days.
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
            self.date = "\(ReportFormat.pad(Int(year), 4))-\(ReportFormat.pad(Int(month)))-\(ReportFormat.pad(Int(day)))"
        }
    }
}
