import Logging

/// A syslog priority, the value of journald's `PRIORITY=` field and of the `<N>` prefix on stderr lines.
///
/// swift-log levels map as follows. `emergency` and `alert` are never produced: they mean the whole system is
/// unusable or needs immediate action, which a single service cannot decide; `critical` is the ceiling.
///
/// | swift-log `Logger.Level` | Priority |
/// |---|---|
/// | `trace` | 7 `debug` |
/// | `debug` | 7 `debug` |
/// | `info` | 6 `info` |
/// | `notice` | 5 `notice` |
/// | `warning` | 4 `warning` |
/// | `error` | 3 `err` |
/// | `critical` | 2 `crit` |
public enum SyslogPriority: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// System is unusable (never produced by onboard).
    case emergency = 0
    /// Action must be taken immediately (never produced by onboard).
    case alert = 1
    /// Critical condition: swift-log `critical`.
    case critical = 2
    /// Error: swift-log `error`.
    case error = 3
    /// Warning: swift-log `warning`.
    case warning = 4
    /// Normal but significant: swift-log `notice`.
    case notice = 5
    /// Informational: swift-log `info`.
    case info = 6
    /// Debug: swift-log `debug` and `trace`.
    case debug = 7

    /// The priority for a swift-log level (see the table above).
    public init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
