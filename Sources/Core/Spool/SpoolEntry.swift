import Foundation

/// One entry of `incoming/` found by ``SpoolScanner``: a candidate to read with ``SpoolFileReader``.
public struct SpoolEntry: Sendable, Hashable {
    /// The file name, a single path component not starting with `.`.
    public var name: String
    /// The entry's modification time (`lstat`), which orders the scan.
    public var modifiedAt: Date
    /// Whether the entry is a regular file. Other entries (symlinks, FIFOs, folders) are listed too, so that
    /// reading them quarantines them instead of leaving them in `incoming/` for ever.
    public var isRegularFile: Bool

    /// Creates an entry.
    public init(name: String, modifiedAt: Date, isRegularFile: Bool) {
        self.name = name
        self.modifiedAt = modifiedAt
        self.isRegularFile = isRegularFile
    }
}
