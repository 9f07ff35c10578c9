import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, synchronous wrappers around the system calls the spool layer needs.
///
/// Every function here blocks, so call them only on a ``BlockingIOQueue`` (or another thread outside Swift's
/// cooperative pool). Each reads `errno` right after its call, before anything else can run on the thread
/// (engineering notes §6.5).
enum SpoolPOSIX {
    /// Retries `call` while it fails with `EINTR`; returns its result and the `errno` read right after it.
    static func retryingEINTR<T: BinaryInteger>(_ call: () -> T) -> (result: T, errno: Int32) {
        while true {
            let result = call()
            let code = errno
            if result == -1 && code == EINTR { continue }
            return (result, result == -1 ? code : 0)
        }
    }

    /// Throws ``SpoolError/invalidName`` unless `name` is a single path component that names a file.
    static func validateFileName(_ name: String, what: String = "spool file name") throws {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.utf8.contains(0),
            name.utf8.count <= 255
        else {
            throw SpoolError.invalidName.with(
                operation: "check \(what)", message: "\(String(reflecting: name)) is not a plain file name")
        }
    }

    /// `fsync`s the directory at `path`, making renames and creations in it durable.
    static func fsyncDirectory(_ path: String) throws {
        let (fd, openErrno) = retryingEINTR { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw SpoolError.io.with(operation: "open directory", path: path, errno: openErrno) }
        defer { close(fd) }
        let (result, syncErrno) = retryingEINTR { fsync(fd) }
        // Some file systems do not support fsync on directories; the rename itself already happened.
        guard result == 0 || syncErrno == EINVAL else {
            throw SpoolError.io.with(operation: "fsync directory", path: path, errno: syncErrno)
        }
    }

    /// The `lstat` of `path`, `nil` if it does not exist, or an error.
    static func lstatIfExists(_ path: String) throws -> stat? {
        var status = stat()
        let (result, code) = retryingEINTR { lstat(path, &status) }
        if result == 0 { return status }
        if code == ENOENT { return nil }
        throw SpoolError.io.with(operation: "lstat", path: path, errno: code)
    }

    /// Whether anything (file, symlink, directory, …) exists at `path`.
    static func exists(_ path: String) throws -> Bool {
        try lstatIfExists(path) != nil
    }

    /// Renames `source` to `destination` unless `destination` exists; returns `false` (and leaves both alone) if it
    /// does.
    ///
    /// Uses `renameat2(RENAME_NOREPLACE)` when the C library and the file system support it. The Swift Glibc
    /// overlay does not import `renameat2`, so it is looked up with `dlsym`. Otherwise it falls back to
    /// `lstat`-then-`rename`, which is safe as long as only this process creates names in the destination folder
    /// (true for `processing/`, `rejected/` and `results/`, which only onboardd may write) and calls for one folder
    /// are serialised (the spool types run them on one serial queue).
    static func renameNoReplace(_ source: String, _ destination: String) throws -> Bool {
        if let renameat2 = renameat2Function {
            let (result, code) = retryingEINTR { renameat2(AT_FDCWD, source, AT_FDCWD, destination, 1) }
            if result == 0 { return true }
            if code == EEXIST { return false }
            if code != EINVAL && code != ENOSYS {
                throw SpoolError.io.with(operation: "rename", path: "\(source) -> \(destination)", errno: code)
            }
        }
        if try exists(destination) { return false }
        try rename(source, destination)
        return true
    }

    /// `read(2)`, named so that it does not clash with methods called `read`.
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `rename(2)`, replacing `destination` if it exists.
    static func rename(_ source: String, _ destination: String) throws {
        #if canImport(Glibc)
        let (result, code) = retryingEINTR { Glibc.rename(source, destination) }
        #else
        let (result, code) = retryingEINTR { Darwin.rename(source, destination) }
        #endif
        guard result == 0 else {
            throw SpoolError.io.with(operation: "rename", path: "\(source) -> \(destination)", errno: code)
        }
    }

    /// Writes `data` to `directory/name` with `mode` by writing a dot-named temporary file in the same folder,
    /// `fsync`ing it, renaming it over `name` and `fsync`ing the folder.
    ///
    /// Readers see either the old file or the new one, never a half-written one. The mode is set with `fchmod`, so
    /// the process umask does not narrow it.
    static func writeAtomically(_ data: Data, directory: String, name: String, mode: mode_t) throws {
        try validateFileName(name)
        let temporary = directory + "/.tmp-" + UUID().uuidString.lowercased()
        let destination = directory + "/" + name
        let (fd, openErrno) = retryingEINTR {
            open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        }
        guard fd >= 0 else { throw SpoolError.io.with(operation: "create", path: temporary, errno: openErrno) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            let (chmodResult, chmodErrno) = retryingEINTR { fchmod(fd, mode) }
            guard chmodResult == 0 else {
                throw SpoolError.io.with(operation: "fchmod", path: temporary, errno: chmodErrno)
            }
            try writeAll(fd, data, path: temporary)
            let (syncResult, syncErrno) = retryingEINTR { fsync(fd) }
            guard syncResult == 0 else {
                throw SpoolError.io.with(operation: "fsync", path: temporary, errno: syncErrno)
            }
        }
        try rename(temporary, destination)
        renamed = true
        try fsyncDirectory(directory)
    }

    /// Writes all of `data` to `fd`, retrying short writes and `EINTR`.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let (written, code) = retryingEINTR {
                    write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                }
                guard written >= 0 else { throw SpoolError.io.with(operation: "write", path: path, errno: code) }
                offset += written
            }
        }
    }

    /// The modification time in `status` as a `Date`.
    static func modificationDate(_ status: stat) -> Date {
        #if canImport(Glibc)
        let time = status.st_mtim
        #else
        let time = status.st_mtimespec
        #endif
        return Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000)
    }

    /// The file type in `status`, in words, for messages: `a regular file`, `a directory`, `a FIFO`, ….
    static func fileTypeDescription(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "a special file"
        }
    }

    private typealias Renameat2 =
        @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// `renameat2` from the C library, if it has one (glibc ≥ 2.28).
    private static let renameat2Function: Renameat2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()
}
