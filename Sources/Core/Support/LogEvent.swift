import Logging

/// The kinds of event the library logs for the daemon's journal, in the metadata key `event`.
///
/// onboardd's journal handler (`OnboardSystemd.OnboardEvent`) turns each into a fixed `MESSAGE_ID`, so operators can
/// run `journalctl MESSAGE_ID=…`; the raw values must stay equal to `OnboardEvent`'s (a test in `DaemonTests` checks).
/// The library does not depend on the systemd layer, hence this small mirror.
public enum LogEvent: String, Sendable, CaseIterable {
    case submitted
    case stepDone = "step_done"
    case succeeded
    case failed
    case tokenRefreshed = "token_refreshed"
    case rateLimited = "rate_limited"

    /// The metadata key: `event`.
    public static let metadataKey = "event"

    /// `[event: raw value]`, to merge into a log call's metadata.
    public var metadata: Logger.Metadata { [Self.metadataKey: .string(rawValue)] }
}
