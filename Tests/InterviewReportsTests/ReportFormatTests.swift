import Foundation
import Testing
@testable import InterviewReports

@Suite("Report formats")
struct ReportFormatTests {
    @Test("dates are written in UTC, whatever the machine's time zone", arguments: [
        (0.0, "1970-01-01 00:00 UTC", "1970-01-01T00:00:00.000Z"),
        (1_741_944_600.25, "2025-03-14 09:30 UTC", "2025-03-14T09:30:00.250Z"),
        (951_825_600, "2000-02-29 12:00 UTC", "2000-02-29T12:00:00.000Z"),
        (-1.5, "1969-12-31 23:59 UTC", "1969-12-31T23:59:58.500Z"),
        (4_102_444_799.999, "2099-12-31 23:59 UTC", "2099-12-31T23:59:59.999Z"),
    ])
    func dates(_ seconds: Double, _ display: String, _ iso: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(ReportFormat.dateTime(date) == display)
        #expect(ReportFormat.iso8601(date) == iso)
    }

    @Test("clock offsets read like a stopwatch, in tenths", arguments: [
        (0.0, "00:00.0"), (12.46, "00:12.4"), (59.99, "00:59.9"), (61, "01:01.0"), (3723.4, "1:02:03.4"), (-3, "00:00.0"), (0.3, "00:00.3"),
    ])
    func clock(_ seconds: Double, _ expected: String) {
        #expect(ReportFormat.clock(seconds) == expected)
    }

    @Test("durations read in words", arguments: [
        (0.0, "0 s"), (45.4, "45 s"), (1084, "18 min 04 s"), (3720, "1 h 02 min"),
    ])
    func durations(_ seconds: Double, _ expected: String) {
        #expect(ReportFormat.duration(seconds) == expected)
    }

    @Test("numbers have a fixed number of decimals and a real minus sign when signed", arguments: [
        (61.0, "61.0", "+61.0"), (8.15, "8.2", "+8.2"), (-4.44, "-4.4", "−4.4"), (0.04, "0.0", "0.0"), (-0.04, "0.0", "0.0"), (Double.nan, "—", "—"),
    ])
    func numbers(_ value: Double, _ fixed: String, _ signed: String) {
        #expect(ReportFormat.fixed(value) == fixed)
        #expect(ReportFormat.signed(value) == signed)
    }
}
