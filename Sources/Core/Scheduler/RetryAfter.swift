import Foundation

/// Parsing of the HTTP `Retry-After` header (RFC 9110 §10.2.3).
///
/// The value is either delay-seconds (`120`) or an HTTP-date. All three HTTP-date forms are accepted
/// (RFC 9110 §5.6.7): the preferred IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the obsolete RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`) forms. The current time is passed
/// in, so the parser is pure.
public enum RetryAfter {
    /// The delay a `Retry-After` value asks for, measured from `now` and clamped to `maximum`.
    ///
    /// - Parameters:
    ///   - value: The raw header value; `nil` when the header is absent.
    ///   - now: The current wall-clock time, used for HTTP-dates (and for the century of RFC 850 two-digit years).
    ///   - maximum: The longest delay honoured. Default 300 s: a server asking for longer is treated as asking for
    ///     that, so one bad header cannot stall a data centre for hours.
    /// - Returns: The delay, `.zero` for a date in the past, or `nil` if the header is absent or malformed.
    public static func delay(from value: String?, now: Date, maximum: Duration = .seconds(300)) -> Duration? {
        guard let value else { return nil }
        let maximum = max(maximum, .zero)
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return min(maximum, delaySeconds(trimmed.utf8, maximum: maximum))
        }
        guard let date = httpDate(trimmed, now: now) else { return nil }
        let seconds = date.timeIntervalSince(now)
        guard seconds > 0 else { return .zero }
        guard seconds < SchedulerTime.seconds(maximum) else { return maximum }
        return min(maximum, SchedulerTime.duration(seconds: seconds))
    }

    /// Parses an HTTP-date in any of the three forms of RFC 9110 §5.6.7.
    ///
    /// - Parameters:
    ///   - value: The date text, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    ///   - now: Resolves the century of an RFC 850 two-digit year: a year more than 50 years in the future means
    ///     the most recent past year with the same last two digits.
    /// - Returns: The instant, or `nil` if `value` is not an HTTP-date.
    public static func httpDate(_ value: String, now: Date) -> Date? {
        let fields = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0) }
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        switch fields.count {
        case 6:  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            guard fields[0].hasSuffix(","), shortDayNames.contains(fields[0].dropLast().lowercased()),
                fields[5] == "GMT"
            else { return nil }
            day = number(fields[1], digits: 2...2)
            month = monthNumber(fields[2])
            year = number(fields[3], digits: 4...4)
            time = timeOfDay(fields[4])
        case 4:  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            guard fields[0].hasSuffix(","), longDayNames.contains(fields[0].dropLast().lowercased()),
                fields[3] == "GMT"
            else { return nil }
            let parts = fields[1].split(separator: "-", omittingEmptySubsequences: false).map { String($0) }
            guard parts.count == 3, let twoDigitYear = number(parts[2], digits: 2...2) else { return nil }
            day = number(parts[0], digits: 2...2)
            month = monthNumber(parts[1])
            year = fullYear(twoDigitYear, now: now)
            time = timeOfDay(fields[2])
        case 5:  // asctime: Sun Nov  6 08:49:37 1994
            guard shortDayNames.contains(fields[0].lowercased()) else { return nil }
            month = monthNumber(fields[1])
            day = number(fields[2], digits: 1...2)
            time = timeOfDay(fields[3])
            year = number(fields[4], digits: 4...4)
        default:
            return nil
        }
        guard let day, let month, let year, let time, day >= 1, day <= daysInMonth(month, year: year) else {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time.hour * 3_600 + time.minute * 60 + time.second
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    // MARK: - Helpers

    private static let shortDayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let longDayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Delay-seconds, saturating just above `maximum` instead of overflowing.
    private static func delaySeconds(_ digits: String.UTF8View, maximum: Duration) -> Duration {
        let limit = min(maximum.components.seconds, Int64.max / 10 - 10) + 1
        var value: Int64 = 0
        for digit in digits {
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
            if value > limit { return .seconds(limit) }
        }
        return .seconds(value)
    }

    private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count),
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }

    private static func monthNumber(_ text: String) -> Int? {
        monthNames.firstIndex(of: text.lowercased()).map { $0 + 1 }
    }

    private static func timeOfDay(_ text: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0) }
        guard parts.count == 3,
            let hour = number(parts[0], digits: 2...2), hour < 24,
            let minute = number(parts[1], digits: 2...2), minute < 60,
            let second = number(parts[2], digits: 2...2), second <= 60  // 60: leap second
        else { return nil }
        return (hour, minute, second)
    }

    private static func fullYear(_ twoDigitYear: Int, now: Date) -> Int {
        let currentYear = civilYear(ofDaysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        var year = (currentYear / 100) * 100 + 100 + twoDigitYear
        while year > currentYear + 50 { year -= 100 }
        return year
    }

    private static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian year containing a day counted from 1970-01-01 (Hinnant's `civil_from_days`, year only).
    private static func civilYear(ofDaysSinceEpoch days: Int) -> Int {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
