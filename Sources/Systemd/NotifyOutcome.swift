/// What happened to a notification handed to `sd_notify`.
///
/// Callers normally ignore it (sd_notify(3)); it is useful in a debug log line.
public enum NotifyOutcome: Sendable, Hashable {
    /// The datagram was sent to `$NOTIFY_SOCKET`.
    case sent
    /// `$NOTIFY_SOCKET` is not set: the process is not supervised by systemd (or not `Type=notify`). Nothing was sent.
    case notSupervised
    /// Sending failed with the given `errno` value.
    case failed(errno: Int32)
}
