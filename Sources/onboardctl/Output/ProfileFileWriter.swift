import Foundation
import Glibc

/// Writes an exported profile to a file: complete or not at all (a temporary file in the same folder, renamed into
/// place), mode 0644 whatever the umask, since profiles are read by the daemon's own user.
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
        guard descriptor >= 0 else { throw failure(path, errno) }
        var isOpen = true
        do throws(CLIError) {
            try check(fchmod(descriptor, 0o644), path)
            try writeAll(Array(content.utf8), to: descriptor, path: path)
            try check(fsync(descriptor), path)
            isOpen = false
            try check(close(descriptor), path)
            try check(rename(temporary, path), path)
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: CInt, path: String) throws(CLIError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw failure(path, code)
            }
            offset += written
        }
    }

    private static func check(_ result: CInt, _ path: String) throws(CLIError) {
        if result != 0 { throw failure(path, errno) }
    }

    private static func failure(_ path: String, _ code: CInt) -> CLIError {
        .cannotCreate("cannot write \(path): \(String(cString: strerror(code))); check that the folder exists and is writable")
    }
}
