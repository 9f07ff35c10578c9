import Foundation

/// An entry of `incoming/` that ``SpoolFileReader`` refused before its content could be parsed (a symlink, not a
/// regular file, too large, unreadable), with what is known about it for the quarantine report.
public struct SpoolInvalidFile: Sendable, Hashable {
    /// The entry's name in `incoming/`.
    public var name: String
    /// Why it was refused.
    public var rejection: SpoolRejection
    /// The entry owner's uid (`lstat`, or `fstat` once opened), if it could be found.
    public var submitterUID: UInt32?
    /// The entry's size in bytes, if known.
    public var size: Int?
    /// When the daemon looked at it.
    public var receivedAt: Date
    /// The device and inode seen, so the quarantine moves that same entry; `nil` skips the check.
    public var identity: SpoolFileIdentity?

    /// Creates a value; ``SpoolFileReader`` makes these, tests and callers may too.
    public init(
        name: String, rejection: SpoolRejection, submitterUID: UInt32?, size: Int? = nil, receivedAt: Date,
        identity: SpoolFileIdentity? = nil
    ) {
        self.name = name
        self.rejection = rejection
        self.submitterUID = submitterUID
        self.size = size
        self.receivedAt = receivedAt
        self.identity = identity
    }
}
