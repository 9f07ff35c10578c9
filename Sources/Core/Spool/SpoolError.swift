#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an operation of the spool layer failed: a file-system call that should have worked did not.
///
/// These are the daemon's problems, not the submitter's: a file that is wrong (a symlink, too large, bad JSON) is not
/// an error but a ``SpoolRejection``, and a file that vanished before it could be read is simply skipped. A
/// `SpoolError` means the spool itself is broken or misconfigured (missing folder, wrong owner, full disk), so the
/// request file stays where it was and a later pass retries it.
///
/// Follows the SSWG error pattern (`ServiceGroupError`, `HTTPClientError`): a struct wrapping a private code, with one
/// `static let` per code, so new codes can be added without breaking anyone's `switch`. Two errors are equal when
/// their codes are equal; the context (``errno``, ``path``, ``operation``) is ignored, so
/// `catch let error as SpoolError where error == .io` works.
public struct SpoolError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: String, Hashable, Sendable {
        case io
        case inotify
        case invalidName
        case watcherClosed
    }

    private var code: Code

    /// The `errno` of the failing call, read right after the call, or `nil` if the spool layer raised the error.
    public internal(set) var errno: Int32?
    /// The path the call was about, if any.
    public internal(set) var path: String?
    /// The call or step that failed, e.g. `rename` or `open`.
    public internal(set) var operation: String?
    /// Extra explanation, if any.
    public internal(set) var message: String?

    private init(code: Code) {
        self.code = code
    }

    /// A file-system call on the spool failed (`open`, `read`, `rename`, `fsync`, `mkdir`, …); see ``errno``.
    public static let io = SpoolError(code: .io)
    /// `inotify_init1` or `inotify_add_watch` failed, e.g. because `fs.inotify.max_user_watches` or
    /// `max_user_instances` is exhausted.
    public static let inotify = SpoolError(code: .inotify)
    /// A name that is not a plain file name (empty, `.`, `..`, containing `/` or NUL) was passed where a spool
    /// file name or an onboarding id was expected.
    public static let invalidName = SpoolError(code: .invalidName)
    /// The watcher was closed, or was never able to start.
    public static let watcherClosed = SpoolError(code: .watcherClosed)

    public static func == (lhs: SpoolError, rhs: SpoolError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        var text = "spool: "
        text += operation ?? code.rawValue
        if let path { text += " \(path)" }
        text += " failed"
        if let errno { text += ": \(Self.errnoText(errno))" }
        if let message { text += ": \(message)" }
        if let hint { text += ". \(hint)" }
        return text
    }

    private var hint: String? {
        switch (code, errno) {
        case (.inotify, .some(EMFILE)), (.inotify, .some(ENOSPC)):
            return "Raise fs.inotify.max_user_instances or fs.inotify.max_user_watches (sysctl)"
        case (_, .some(EACCES)), (_, .some(EPERM)):
            return "Check the spool folders' owner and modes (tmpfiles.d: onboardd:onboard, see packaging/)"
        case (_, .some(ENOSPC)):
            return "Free disk space on the file system that holds the spool"
        case (_, .some(ENOENT)):
            return "Check that the spool folders exist (onboardd creates them at start-up)"
        default:
            return nil
        }
    }

    // MARK: - Building errors

    /// A copy of this error with the failing call's context. Pass `errno` read right after the call.
    func with(operation: String, path: String? = nil, errno: Int32? = nil, message: String? = nil) -> SpoolError {
        var copy = self
        copy.operation = operation
        copy.path = path
        copy.errno = errno
        copy.message = message
        return copy
    }

    /// `strerror(code)` followed by the symbolic name where known, e.g. `Permission denied (EACCES)`.
    static func errnoText(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        let names: [Int32: String] = [
            EACCES: "EACCES", EPERM: "EPERM", ENOENT: "ENOENT", ELOOP: "ELOOP", EEXIST: "EEXIST", ENOSPC: "ENOSPC",
            EMFILE: "EMFILE", ENFILE: "ENFILE", EIO: "EIO", EXDEV: "EXDEV", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR",
            ENXIO: "ENXIO", EROFS: "EROFS", EINVAL: "EINVAL", EAGAIN: "EAGAIN",
        ]
        return names[code].map { "\(text) (\($0))" } ?? "\(text) (errno \(code))"
    }
}
