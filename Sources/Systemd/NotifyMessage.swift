/// One `VAR=value` line of the systemd notification protocol (sd_notify(3)).
///
/// The text of each case is built by pure code, so tests can compare it exactly; ``SystemdNotifier`` joins one or
/// more messages with newlines into a single datagram.
///
/// | Case | Text |
/// |---|---|
/// | ``ready`` | `READY=1` |
/// | ``status(_:)`` | `STATUS=<one line>` (see ``sanitizedStatus(_:)``) |
/// | ``stopping`` | `STOPPING=1` |
/// | ``reloading(monotonicMicroseconds:)`` | `RELOADING=1` and `MONOTONIC_USEC=<µs>` (two lines) |
/// | ``watchdog`` | `WATCHDOG=1` |
/// | ``watchdogTrigger`` | `WATCHDOG=trigger` |
/// | ``extendTimeout(_:)`` | `EXTEND_TIMEOUT_USEC=<µs>` |
public enum NotifyMessage: Sendable, Hashable {
    /// The service finished starting up (`READY=1`); also sent when a reload has finished.
    case ready
    /// A one-line human-readable status for `systemctl status` (`STATUS=`).
    case status(String)
    /// Graceful shutdown has begun (`STOPPING=1`).
    case stopping
    /// A reload has begun (`RELOADING=1`), stamped with `CLOCK_MONOTONIC` in microseconds (`MONOTONIC_USEC=`).
    ///
    /// systemd ≥ 253 requires the timestamp with `RELOADING=1`; 252 ignores it. Always send both.
    case reloading(monotonicMicroseconds: UInt64)
    /// A watchdog keep-alive ping (`WATCHDOG=1`).
    case watchdog
    /// Asks systemd to perform the watchdog action now (`WATCHDOG=trigger`, systemd ≥ 243).
    case watchdogTrigger
    /// Extends the current start, reload or stop timeout by the given amount (`EXTEND_TIMEOUT_USEC=`).
    case extendTimeout(Duration)

    /// The protocol text of this message, without a trailing newline.
    public var text: String {
        switch self {
        case .ready:
            return "READY=1"
        case .status(let status):
            return "STATUS=\(Self.sanitizedStatus(status))"
        case .stopping:
            return "STOPPING=1"
        case .reloading(let microseconds):
            return "RELOADING=1\nMONOTONIC_USEC=\(microseconds)"
        case .watchdog:
            return "WATCHDOG=1"
        case .watchdogTrigger:
            return "WATCHDOG=trigger"
        case .extendTimeout(let duration):
            return "EXTEND_TIMEOUT_USEC=\(Self.microseconds(of: duration))"
        }
    }

    /// Makes a status text safe to send as a single `STATUS=` line.
    ///
    /// Every control character (newline, carriage return, tab, NUL, …) becomes one space, because a newline would
    /// start a new protocol variable and a NUL would end the C string early. Leading and trailing spaces are removed.
    ///
    /// - Parameter status: Any text.
    /// - Returns: The text on one line.
    public static func sanitizedStatus(_ status: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in status.unicodeScalars {
            if scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            {
                result.append(" ")
            } else {
                result.append(scalar)
            }
        }
        return String(result).trimmingSpaces()
    }

    /// Whole microseconds in a duration, rounded down; negative durations count as zero.
    static func microseconds(of duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let total = Int128(seconds) * 1_000_000 + Int128(attoseconds / 1_000_000_000_000)
        return total <= 0 ? 0 : UInt64(clamping: total)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
