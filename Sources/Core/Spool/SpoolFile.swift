import Foundation

/// A request file read from `incoming/` by ``SpoolFileReader``: its bytes and where they came from.
public struct SpoolFile: Sendable, Hashable {
    /// The file name in `incoming/`.
    public var name: String
    /// The file's content, at most the reader's size limit.
    public var contents: Data
    /// The file owner's uid (`st_uid` of the opened file): the submitter, as postfix's pickup logs `uid=`.
    public var submitterUID: UInt32
    /// The file's modification time.
    public var modifiedAt: Date
    /// When the daemon read the file.
    public var receivedAt: Date
    /// The device and inode of the opened file, so the claim moves the same file it read and not one renamed over
    /// it since; `nil` skips that check.
    public var identity: SpoolFileIdentity?

    /// Creates a file value; ``SpoolFileReader`` makes these, tests and callers may too.
    public init(
        name: String, contents: Data, submitterUID: UInt32, modifiedAt: Date, receivedAt: Date,
        identity: SpoolFileIdentity? = nil
    ) {
        self.name = name
        self.contents = contents
        self.submitterUID = submitterUID
        self.modifiedAt = modifiedAt
        self.receivedAt = receivedAt
        self.identity = identity
    }

    /// The size of ``contents`` in bytes.
    public var size: Int { contents.count }
}

/// Which file a name pointed to when it was opened: its device and inode numbers.
public struct SpoolFileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
