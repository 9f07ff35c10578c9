#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A fake `$NOTIFY_SOCKET`: an `AF_UNIX` `SOCK_DGRAM` socket bound in a fresh temporary directory.
///
/// `sd_notify` sends synchronously, so every datagram is already queued when it returns; ``drain()`` reads them
/// without waiting.
final class NotifySocketListener {
    let directory: String
    let path: String
    private let fd: Int32

    init() throws {
        var template = Array("/tmp/onboard-notify-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestSetupError("mkdtemp: errno \(errno)") }
        self.directory = String(cString: made)
        self.path = self.directory + "/notify.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSetupError("socket: errno \(errno)") }
        self.fd = fd
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(self.path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw TestSetupError("bind \(self.path): errno \(errno)")
        }
    }

    /// Every datagram received so far, in order, as text.
    func drain() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(self.fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count >= 0 else { return messages }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
    }

    deinit {
        close(self.fd)
        unlink(self.path)
        rmdir(self.directory)
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Sets environment variables for the duration of `body` and restores the previous values afterwards.
///
/// The environment is process-global: only call this from tests inside the `.serialized` ``EnvironmentTests``.
func withEnvironment<T>(_ values: [String: String?], _ body: () async throws -> T) async rethrows -> T {
    var previous: [String: String?] = [:]
    for (name, value) in values {
        previous[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in previous {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try await body()
}

/// `getenv` as a Swift string.
func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
