#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Appends one JSON object per line to the `--record` file.
///
/// Lines are written synchronously (small appends), so a test can read the file as soon as the response arrived.
final class RecordFileWriter: Sendable {
    private let descriptor: Mutex<Int32>
    /// The file path.
    let path: String

    /// Opens (creating if needed) `path` for appending.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RecordFileError(path: path, errno: errno) }
        self.descriptor = Mutex(fd)
        self.path = path
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Appends `json` as one line.
    func append(_ json: JSON) {
        var bytes = Array(json.encodedData())
        bytes.append(UInt8(ascii: "\n"))
        descriptor.withLock { fd in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
        }
    }
}

/// The record file could not be opened.
public struct RecordFileError: Error, CustomStringConvertible, Sendable {
    /// The path that could not be opened.
    public let path: String
    /// The `errno` of the failed `open(2)`.
    public let errno: Int32
    /// A readable description.
    public var description: String { "cannot open record file '\(path)' (errno \(errno))" }
}
