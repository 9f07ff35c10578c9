/// How much a control-socket method may do, for ``ControlAccessPolicy``.
///
/// Tiers are ordered: ``credentials`` includes ``write``, which includes ``read``.
public enum MethodTier: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Looks at state: `job.get`, `job.list`, `logs.tail`, `daemon.info`.
    case read
    /// Changes state: `job.submit`, `job.cancel`, `job.retry`, `daemon.reload`.
    case write
    /// Reveals secrets: `job.credentials` (initial passwords, registration tokens).
    case credentials

    public static func < (lhs: MethodTier, rhs: MethodTier) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .read: "read"
        case .write: "write"
        case .credentials: "credentials"
        }
    }
}
