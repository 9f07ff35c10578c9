import Foundation
import Testing

@testable import onboardctl

@Suite("Dates and durations")
struct TimeFormattingTests {
    @Test("timestamps are wall-clock time in the given zone")
    func timestamps() throws {
        let utc = TimeFormatting(timeZone: try #require(TimeZone(identifier: "UTC")))
        let berlin = TimeFormatting(timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
        #expect(utc.timestamp(Fixtures.noon) == "2025-06-01 12:00:00")
        #expect(berlin.timestamp(Fixtures.noon) == "2025-06-01 14:00:00")
        #expect(utc.timeOfDay(Fixtures.noon.addingTimeInterval(3_723)) == "13:02:03")
    }

    @Test(
        "durations keep two units at most",
        arguments: [
            (0.0, "0s"), (0.44, "0.4s"), (1.0, "1s"), (9.96, "10s"), (12.4, "12s"), (59.6, "1m00s"), (185, "3m05s"), (7_380, "2h03m"),
            (273_600, "3d04h"), (-5, "0s"),
        ] as [(Double, String)])
    func durations(seconds: Double, text: String) {
        #expect(TimeFormatting.duration(seconds) == text)
    }

    @Test("relative times say ago or in, and now within a second")
    func relative() {
        let now = Fixtures.noon
        #expect(TimeFormatting.relative(now.addingTimeInterval(-300), to: now) == "5m ago")
        #expect(TimeFormatting.relative(now.addingTimeInterval(30), to: now) == "in 30s")
        #expect(TimeFormatting.relative(now.addingTimeInterval(-0.5), to: now) == "now")
        #expect(TimeFormatting.relative(now.addingTimeInterval(-3 * 86_400 - 10), to: now) == "3d ago")
        #expect(TimeFormatting.relative(now.addingTimeInterval(7_200), to: now) == "in 2h")
    }
}
