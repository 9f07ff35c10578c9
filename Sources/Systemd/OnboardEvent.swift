import Logging

/// The kinds of event the daemon logs with a fixed journald `MESSAGE_ID`.
///
/// A log call names its kind in the metadata key ``metadataKey`` (`event`); the journal handler turns it into
/// `MESSAGE_ID=` and `ONBOARDD_EVENT=`, and the stderr handler prints it as `event=<raw value>`.
///
/// ```swift
/// logger.info("onboarding succeeded", metadata: [
///     OnboardEvent.metadataKey: OnboardEvent.succeeded.metadataValue,
///     "onboarding.id": "\(id)",
/// ])
/// ```
public enum OnboardEvent: String, Sendable, Hashable, CaseIterable {
    /// An onboarding request was accepted.
    case submitted
    /// One step of an onboarding finished.
    case stepDone = "step_done"
    /// An onboarding finished successfully.
    case succeeded
    /// An onboarding failed.
    case failed
    /// A spool file was quarantined in `rejected/`.
    case rejectedFile = "rejected_file"
    /// A partner API token was obtained or refreshed.
    case tokenRefreshed = "token_refreshed"
    /// A request was throttled by a data center or held back by the local limit.
    case rateLimited = "rate_limited"
    /// The daemon is ready (with `READY=1`).
    case daemonStarted = "daemon_started"
    /// Graceful shutdown began (with `STOPPING=1`).
    case daemonStopping = "daemon_stopping"
    /// Configuration and profiles were reloaded.
    case reloaded

    /// The metadata key that carries the event kind: `event`.
    public static let metadataKey = "event"

    /// The raw value as a metadata value, for `[OnboardEvent.metadataKey: kind.metadataValue]`.
    public var metadataValue: Logger.MetadataValue { .string(self.rawValue) }

    /// The fixed journald `MESSAGE_ID` of this kind.
    public var messageID: OnboardMessageID {
        switch self {
        case .submitted: .submitted
        case .stepDone: .stepDone
        case .succeeded: .succeeded
        case .failed: .failed
        case .rejectedFile: .rejectedFile
        case .tokenRefreshed: .tokenRefreshed
        case .rateLimited: .rateLimited
        case .daemonStarted: .daemonStarted
        case .daemonStopping: .daemonStopping
        case .reloaded: .reloaded
        }
    }
}
