/// An error from a libsystemd call.
///
/// Follows the SSWG error pattern: a private code exposed through static values, so new cases do not break a
/// caller's `switch`.
public struct SystemdError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case listenFDs
    }

    private let code: Code
    /// The `errno` value libsystemd reported (the negated return value).
    public let errno: Int32

    private init(_ code: Code, errno: Int32) {
        self.code = code
        self.errno = errno
    }

    /// `sd_listen_fds_with_names` failed, e.g. because `$LISTEN_FDS` is malformed.
    public static func listenFDs(errno: Int32) -> SystemdError { SystemdError(.listenFDs, errno: errno) }

    /// Whether two errors are the same kind, ignoring `errno`.
    public func isSameKind(as other: SystemdError) -> Bool { self.code == other.code }

    public var description: String {
        switch self.code {
        case .listenFDs: "sd_listen_fds_with_names failed (errno \(self.errno)): check LISTEN_FDS/LISTEN_PID"
        }
    }
}
