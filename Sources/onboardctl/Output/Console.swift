import Glibc
import Synchronization

/// Where `onboardctl` writes: results to standard output, messages and errors to standard error.
///
/// Every call writes whole lines with one `write(2)` each under a lock, so progress lines printed from several
/// I/O threads at once (`submit --wait`) never interleave mid-line. Write errors are ignored (a closed pipe ends
/// the process through `SIGPIPE`, as for any Unix filter).
final class Console: Sendable {
    /// The process's console.
    static let shared = Console()

    private let lock = Mutex(())

    /// Whether standard output is a terminal (pretty JSON) or a pipe or file (compact JSON).
    var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes `text` to standard output, adding a final newline if it has none.
    func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes `text` to standard error, adding a final newline if it has none.
    func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes `text` to standard output exactly as it is (no newline added), e.g. a file's contents.
    func raw(_ text: String) {
        let bytes = Array(text.utf8)
        lock.withLock { _ in Self.writeAll(bytes, to: STDOUT_FILENO) }
    }

    private func write(_ text: String, to descriptor: CInt) {
        var bytes = Array(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        lock.withLock { _ in Self.writeAll(bytes, to: descriptor) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: CInt) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
