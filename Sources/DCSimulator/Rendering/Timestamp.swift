import Foundation

/// Timestamps in the [SPEC] `item1` form (`2026-01-12T08:00:00Z`).
enum Timestamp {
    /// Formats `date` as ISO 8601 in UTC without fractional seconds.
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// `date` as JSON, or `null`.
    static func json(_ date: Date?) -> JSON {
        date.map { .string(string($0)) } ?? .null
    }

    /// Parses an ISO 8601 timestamp, with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// An RFC 9110 IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT` (for `Retry-After`).
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
