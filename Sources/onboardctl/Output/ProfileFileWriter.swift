import Foundation
import Glibc

/// Writes an exported profile to a file: complete or not at all (a temporary file renamed into place), mode 0644
/// whatever the umask, since profiles are read by the daemon's own user.
enum ProfileFileWriter {
    /// Writes `content` to `path`.
    ///
    /// - Parameter replacing: Whether an existing file may be replaced.
    /// - Throws: ``CLIError`` (73, `EX_CANTCREAT`) if the file exists and `replacing` is `false`, or it cannot be written.
    static func write(_ content: String, to path: String, replacing: Bool) throws(CLIError) {
        if !replacing, access(path, F_OK) == 0 {
            throw .cannotCreate("\(path) exists; choose another file, or pass --force to replace it")
        }
        let url = URL(filePath: path)
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        var ok = fchmod(descriptor, 0o644) == 0
        let bytes = Array(content.utf8)
        var offset = 0
        while ok, offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            ok = written > 0
            if ok { offset += written }
        }
        ok = ok && fsync(descriptor) == 0
        let error = failure(path)
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let renameError = ok ? failure(path) : error
            unlink(temporary)
            throw renameError
        }
    }

    private static func failure(_ path: String) -> CLIError {
        .cannotCreate("cannot write \(path): \(String(cString: strerror(errno))); check the folder exists and is writable")
    }
}
