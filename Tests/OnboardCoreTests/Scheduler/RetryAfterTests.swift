import Foundation
import OnboardCore
import Testing

@Suite("RetryAfter")
struct RetryAfterTests {
    /// Sun, 06 Nov 1994 08:49:00 GMT, 37 s before the RFC 9110 example date.
    let now = Date(timeIntervalSince1970: 784_111_777 - 37)

    @Test(
        "delay-seconds",
        arguments: [("120", 120), ("0", 0), (" 7 ", 7), ("300", 300), ("007", 7)]
    )
    func delaySeconds(value: String, seconds: Int) {
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(seconds))
    }

    @Test("delay-seconds are clamped to the maximum", arguments: ["301", "86400", "99999999999999999999999999"])
    func clamped(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(300))
        #expect(RetryAfter.delay(from: value, now: now, maximum: .seconds(60)) == .seconds(60))
    }

    @Test(
        "absent or garbage gives nil",
        arguments: [
            nil, "", "   ", "-5", "+5", "1.5", "5s", "abc", "0x10", "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 6 Nov 1994 08:49:37 GMT",
            "Funday, 06-Nov-94 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Sun Nov  6 08:49 1994",
            "Sun, 06 Xyz 1994 08:49:37 GMT",
        ] as [String?]
    )
    func garbage(value: String?) {
        #expect(RetryAfter.delay(from: value, now: now) == nil)
    }

    @Test(
        "HTTP-date in all three forms",
        arguments: [
            "Sun, 06 Nov 1994 08:49:37 GMT",  // IMF-fixdate
            "Sunday, 06-Nov-94 08:49:37 GMT",  // obsolete RFC 850
            "Sun Nov  6 08:49:37 1994",  // obsolete asctime
        ]
    )
    func httpDate(value: String) {
        #expect(RetryAfter.httpDate(value, now: now) == Date(timeIntervalSince1970: 784_111_777))
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(37))
    }

    @Test("an HTTP-date in the past means no delay")
    func pastDate() {
        #expect(RetryAfter.delay(from: "Sat, 05 Nov 1994 08:49:37 GMT", now: now) == .zero)
    }

    @Test("an HTTP-date far in the future is clamped")
    func futureDateClamped() {
        #expect(RetryAfter.delay(from: "Wed, 01 Jan 2048 00:00:00 GMT", now: now) == .seconds(300))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:51:00 GMT", now: now) == .seconds(120))
    }

    @Test("leap day and leap second")
    func leapDates() {
        let leapDay = RetryAfter.httpDate("Thu, 29 Feb 2024 12:00:00 GMT", now: now)
        #expect(leapDay == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(RetryAfter.httpDate("Thu, 29 Feb 2023 12:00:00 GMT", now: now) == nil)
        #expect(
            RetryAfter.httpDate("Sat, 31 Dec 2016 23:59:60 GMT", now: now) == Date(timeIntervalSince1970: 1_483_228_800)
        )
    }

    @Test("RFC 850 two-digit years: more than 50 years ahead means the previous century")
    func twoDigitYears() {
        let in2025 = Date(timeIntervalSince1970: 1_750_000_000)  // June 2025
        let in2030 = RetryAfter.httpDate("Tuesday, 01-Jan-30 00:00:00 GMT", now: in2025)
        #expect(in2030 == Date(timeIntervalSince1970: 1_893_456_000))
        let in1980 = RetryAfter.httpDate("Tuesday, 01-Jan-80 00:00:00 GMT", now: in2025)
        #expect(in1980 == Date(timeIntervalSince1970: 315_532_800))
    }
}
