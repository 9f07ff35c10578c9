import Foundation

/// Dates and durations as people read them in tables: local wall-clock time, and short durations such as `3m05s`.
///
/// The daemon sends UTC instants (ISO 8601); the CLI shows them in the machine's time zone unless told otherwise,
/// and `--json` keeps the daemon's ISO 8601 strings untouched.
struct TimeFormatting: Sendable {
    /// The zone to show wall-clock times in. Defaults to the process's (`TZ`, else `/etc/localtime`).
    var timeZone: TimeZone = .current

    /// `2025-06-01 14:03:22` in ``timeZone``.
    func timestamp(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0,
            parts.second ?? 0)
    }

    /// `14:03:22` in ``timeZone``.
    func timeOfDay(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `5m ago`, `in 30s`, or `now` (within a second), relative to `now`.
    static func relative(_ date: Date, to now: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        if abs(seconds) < 1 { return "now" }
        let text = coarseDuration(abs(seconds))
        return seconds < 0 ? "\(text) ago" : "in \(text)"
    }

    /// A duration with two units at most, for step times and pauses: `0.4s`, `12s`, `3m05s`, `2h03m`, `3d04h`.
    /// Negative durations count as zero.
    static func duration(_ seconds: Double) -> String {
        let seconds = max(0, seconds)
        if seconds < 10 {
            let tenths = (seconds * 10).rounded() / 10
            return tenths == tenths.rounded() ? "\(Int(tenths))s" : String(format: "%.1fs", tenths)
        }
        let whole = Int(seconds.rounded())
        switch whole {
        case ..<60: return "\(whole)s"
        case ..<3600: return String(format: "%dm%02ds", whole / 60, whole % 60)
        case ..<86_400: return String(format: "%dh%02dm", whole / 3600, whole % 3600 / 60)
        default: return String(format: "%dd%02dh", whole / 86_400, whole % 86_400 / 3600)
        }
    }

    /// A duration in its largest unit only, for ages: `45s`, `5m`, `3h`, `2d`.
    static func coarseDuration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded(.down))
        switch whole {
        case ..<60: return "\(whole)s"
        case ..<3600: return "\(whole / 60)m"
        case ..<86_400: return "\(whole / 3600)h"
        default: return "\(whole / 86_400)d"
        }
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
