import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sends `Type=notify` state changes and watchdog pings to systemd (sd_notify(3)).
///
/// Every call reads `$NOTIFY_SOCKET` afresh and is a no-op returning ``NotifyOutcome/notSupervised`` when it is
/// unset, so the daemon can call these methods unconditionally, also when it runs outside systemd (the demo, tests).
///
/// ```swift
/// let notifier = SystemdNotifier()
/// notifier.send([.ready, .status("ready; 0 running, 0 queued")])
/// ```
///
/// - Note: `sd_notify` is one non-blocking `sendmsg` of a small datagram on an `AF_UNIX` socket, so these methods
///   are fine to call from async code on the cooperative pool.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier. It holds no state; the target socket comes from `$NOTIFY_SOCKET` at each call.
    public init() {}

    /// Sends the given messages as one datagram, one `VAR=value` per line.
    ///
    /// - Parameter messages: The messages, in order. An empty array sends nothing and returns
    ///   ``NotifyOutcome/notSupervised``.
    /// - Returns: What `sd_notify` reported.
    @discardableResult
    public func send(_ messages: [NotifyMessage]) -> NotifyOutcome {
        guard !messages.isEmpty else { return .notSupervised }
        let text = messages.map(\.text).joined(separator: "\n")
        let result = sd_notify(0, text)
        if result > 0 { return .sent }
        if result == 0 { return .notSupervised }
        return .failed(errno: -result)
    }

    /// Sends one message as its own datagram.
    @discardableResult
    public func send(_ message: NotifyMessage) -> NotifyOutcome {
        self.send([message])
    }

    /// Sends `READY=1`: start-up (or a reload) has finished.
    @discardableResult
    public func ready() -> NotifyOutcome {
        self.send(.ready)
    }

    /// Sends `STATUS=` with the text on one line (see ``NotifyMessage/sanitizedStatus(_:)``).
    ///
    /// - Parameter status: For example `ready; 3 running, 12 queued, token valid 41m`.
    @discardableResult
    public func status(_ status: String) -> NotifyOutcome {
        self.send(.status(status))
    }

    /// Sends `STOPPING=1`: graceful shutdown has begun.
    @discardableResult
    public func stopping() -> NotifyOutcome {
        self.send(.stopping)
    }

    /// Sends `RELOADING=1` with `MONOTONIC_USEC=` set to the current `CLOCK_MONOTONIC` time in microseconds.
    ///
    /// Send ``ready()`` when the reload has finished.
    @discardableResult
    public func reloading() -> NotifyOutcome {
        self.send(.reloading(monotonicMicroseconds: Self.monotonicMicroseconds()))
    }

    /// Sends `WATCHDOG=1`. Prefer ``livenessLoop(interval:probeTimeout:probe:)``, which pings only while the
    /// daemon is actually healthy.
    @discardableResult
    public func watchdog() -> NotifyOutcome {
        self.send(.watchdog)
    }

    /// Sends `WATCHDOG=trigger`: systemd performs the configured watchdog action (restart, abort) now.
    @discardableResult
    public func watchdogTrigger() -> NotifyOutcome {
        self.send(.watchdogTrigger)
    }

    /// Sends `EXTEND_TIMEOUT_USEC=`: asks for more time during a long start-up step such as a migration.
    ///
    /// - Parameter duration: How much longer from now the current phase may take.
    @discardableResult
    public func extendTimeout(_ duration: Duration) -> NotifyOutcome {
        self.send(.extendTimeout(duration))
    }

    /// The watchdog timeout systemd enforces (`WatchdogSec=`), or `nil` when the watchdog is off for this process.
    ///
    /// Read from `$WATCHDOG_USEC` through `sd_watchdog_enabled(0, &usec)`, which also honours `$WATCHDOG_PID`:
    /// when that names another process the watchdog is not ours and this is `nil`; when it is unset the interval
    /// applies. The variables are left in place.
    public var watchdogInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(microseconds)
    }

    /// How often to ping: half of ``watchdogInterval`` (sd_watchdog_enabled(3)), or `nil` when the watchdog is off.
    public var watchdogPingInterval: Duration? {
        self.watchdogInterval.map { $0 / 2 }
    }

    /// The current `CLOCK_MONOTONIC` time in microseconds, as `MONOTONIC_USEC=` expects.
    public static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
