#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes whole lines to file descriptor 2.
enum StandardError {
    /// Writes the text and a newline with as few `write(2)` calls as possible (one, normally), so lines from
    /// concurrent loggers do not interleave. Errors are ignored: there is nowhere left to report them.
    ///
    /// This is a blocking write on the calling thread, like swift-log's `StreamLogHandler`; stderr is a pipe or
    /// the journal stream, which drains quickly.
    static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = writeToStandardError(buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

private func writeToStandardError(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(2, bytes, count)
}
