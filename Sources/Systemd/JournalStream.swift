#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The `dev:inode` pair in `$JOURNAL_STREAM`, which systemd sets when it connects stdout/stderr to the journal.
///
/// The variable is inherited by child processes whose stderr may point elsewhere, so its presence proves nothing:
/// compare it with `fstat(2)` of the descriptor (systemd.exec(5)).
public struct JournalStream: Sendable, Hashable {
    /// The device number (`st_dev`).
    public var device: UInt64
    /// The inode number (`st_ino`).
    public var inode: UInt64

    /// Creates a pair.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// Parses `dev:inode` (two decimal numbers), or returns `nil`.
    public init?(environmentValue: String) {
        let parts = environmentValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(device: device, inode: inode)
    }

    /// The pair of an open file descriptor, or `nil` if `fstat` fails.
    public init?(fileDescriptor: Int32) {
        var info = stat()
        guard fstat(fileDescriptor, &info) == 0 else { return nil }
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Whether stderr (fd 2) is the journal stream named by `$JOURNAL_STREAM`.
    public static func standardErrorIsJournal() -> Bool {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return false }
        return self.matches(environmentValue: value, standardError: JournalStream(fileDescriptor: 2))
    }

    /// Pure decision behind ``standardErrorIsJournal()``.
    ///
    /// - Parameters:
    ///   - environmentValue: The value of `$JOURNAL_STREAM`, or `nil` when unset.
    ///   - standardError: The `fstat` pair of fd 2, or `nil` when it is closed.
    public static func matches(environmentValue: String?, standardError: JournalStream?) -> Bool {
        guard let environmentValue, let expected = JournalStream(environmentValue: environmentValue),
            let standardError
        else { return false }
        return expected == standardError
    }
}
