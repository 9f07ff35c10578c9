import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens and reads a candidate from `incoming/` without trusting it.
///
/// The checks follow postfix's safe open (engineering notes §2.6):
///
/// 1. `lstat` the name: a symbolic link is rejected as ``SpoolRejection/symlink``, anything but a regular file as
///    ``SpoolRejection/notRegularFile(_:)``, without opening it (so a FIFO or a device is never opened).
/// 2. `open(O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)`: `ELOOP` means a symlink was swapped in since step 1,
///    `EACCES`/`EPERM` give ``SpoolRejection/unreadable(_:)`` with the system's text, `ENOENT` gives
///    ``SpoolReadResult/vanished``.
/// 3. `fstat` the open descriptor, which is authoritative: it must be `S_ISREG` and at most ``sizeLimit`` bytes
///    (``SpoolRejection/tooLarge(size:limit:)``); its `st_uid` is the submitter and its mtime is kept.
/// 4. Read at most ``sizeLimit`` + 1 bytes, so a file that grows after the `fstat` is still caught.
///
/// Any other failure (`EMFILE`, `EIO`, …) is the daemon's problem, not the file's: it throws ``SpoolError/io`` and
/// leaves the file in `incoming/` for the next pass.
///
/// Every call runs on a dedicated queue, never on Swift's cooperative pool, and reads `errno` right after each
/// system call (engineering notes §6.5).
///
/// - Note: Root bypasses file modes, so a daemon running as root never sees `EACCES`.
public struct SpoolFileReader: Sendable {
    /// The default size limit: 1 MiB.
    public static let defaultSizeLimit = 1 << 20

    /// The spool being read.
    public var layout: SpoolLayout
    /// The largest file accepted, in bytes.
    public var sizeLimit: Int

    /// A reader for `layout`'s `incoming/`.
    ///
    /// - Parameters:
    ///   - layout: The spool.
    ///   - sizeLimit: The largest file accepted, in bytes; defaults to ``defaultSizeLimit`` (1 MiB).
    public init(layout: SpoolLayout, sizeLimit: Int = SpoolFileReader.defaultSizeLimit) {
        self.layout = layout
        self.sizeLimit = sizeLimit
    }

    /// Reads the entry `name` of `incoming/` and says what it is.
    ///
    /// - Parameters:
    ///   - name: A file name in `incoming/` (from ``InotifyWatcher`` or ``SpoolScanner``).
    ///   - now: The time recorded as received; defaults to now.
    /// - Throws: ``SpoolError/invalidName`` if `name` is not a plain file name; ``SpoolError/io`` if a system call
    ///   fails for a reason that is not the file's fault.
    public func read(_ name: String, now: Date = Date()) async throws -> SpoolReadResult {
        try SpoolPOSIX.validateFileName(name)
        let path = layout.incoming(name)
        let limit = sizeLimit
        return try await BlockingIOQueue.shared.run {
            try Self.readSynchronously(path: path, name: name, limit: limit, now: now)
        }
    }

    /// The work of ``read(_:now:)``. Blocks: call on a ``BlockingIOQueue``.
    static func readSynchronously(path: String, name: String, limit: Int, now: Date) throws -> SpoolReadResult {
        func invalid(_ rejection: SpoolRejection, _ status: stat?, size: Int? = nil) -> SpoolReadResult {
            .invalid(
                SpoolInvalidFile(
                    name: name, rejection: rejection, submitterUID: status.map { UInt32($0.st_uid) },
                    size: size ?? status.map { Int($0.st_size) }, receivedAt: now, identity: status.map(Self.identity)))
        }

        guard let linkStatus = try SpoolPOSIX.lstatIfExists(path) else { return .vanished }
        switch linkStatus.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return invalid(.symlink, linkStatus)
        default: return invalid(.notRegularFile(SpoolPOSIX.fileTypeDescription(linkStatus.st_mode)), linkStatus)
        }

        let (fd, openErrno) = SpoolPOSIX.retryingEINTR { open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else {
            switch classifyOpenFailure(openErrno) {
            case .vanished: return .vanished
            case .rejected(let rejection):
                // Describe what is there now (a swapped-in symlink, say), falling back to what was seen.
                return invalid(rejection, (try? SpoolPOSIX.lstatIfExists(path)) ?? linkStatus)
            case .daemonError:
                throw SpoolError.io.with(operation: "open", path: path, errno: openErrno)
            }
        }
        defer { close(fd) }

        var status = stat()
        let (statResult, statErrno) = SpoolPOSIX.retryingEINTR { fstat(fd, &status) }
        guard statResult == 0 else { throw SpoolError.io.with(operation: "fstat", path: path, errno: statErrno) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return invalid(.notRegularFile(SpoolPOSIX.fileTypeDescription(status.st_mode)), status)
        }
        let size = Int(status.st_size)
        guard size <= limit else { return invalid(.tooLarge(size: size, limit: limit), status) }

        var contents = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        while contents.count <= limit {
            let want = min(chunk, limit + 1 - contents.count)
            let (count, readErrno) = SpoolPOSIX.retryingEINTR {
                buffer.withUnsafeMutableBytes { SpoolPOSIX.read(fd, $0.baseAddress, want) }
            }
            if count < 0 {
                if readErrno == EACCES || readErrno == EPERM {
                    return invalid(.unreadable(SpoolError.errnoText(readErrno)), status)
                }
                throw SpoolError.io.with(operation: "read", path: path, errno: readErrno)
            }
            if count == 0 { break }
            contents.append(contentsOf: buffer[..<count])
        }
        guard contents.count <= limit else {
            return invalid(.tooLarge(size: contents.count, limit: limit), status, size: contents.count)
        }
        return .file(
            SpoolFile(
                name: name, contents: contents, submitterUID: UInt32(status.st_uid),
                modifiedAt: SpoolPOSIX.modificationDate(status), receivedAt: now, identity: Self.identity(status)))
    }

    /// What a failed `open` of a spool candidate means.
    enum OpenFailure: Equatable {
        /// `ENOENT`: nothing to do.
        case vanished
        /// The file's fault: quarantine it.
        case rejected(SpoolRejection)
        /// The daemon's problem: throw, and retry on a later pass.
        case daemonError
    }

    /// Classifies the `errno` of a failed `open(O_RDONLY | O_NOFOLLOW | O_NONBLOCK)`.
    static func classifyOpenFailure(_ code: Int32) -> OpenFailure {
        switch code {
        case ENOENT: return .vanished
        case ELOOP: return .rejected(.symlink)
        case EACCES, EPERM: return .rejected(.unreadable(SpoolError.errnoText(code)))
        case ENXIO, ENODEV, EOPNOTSUPP, EISDIR:
            return .rejected(.notRegularFile("a special file (a socket, a device or a folder)"))
        default: return .daemonError
        }
    }

    /// The device and inode in `status`.
    static func identity(_ status: stat) -> SpoolFileIdentity {
        SpoolFileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
