import Glibc

/// A blocking `AF_UNIX` stream socket for the client side, with deadline-aware reads and writes (`poll(2)`).
///
/// `errno` is read right after each system call, in synchronous code.
struct UnixStreamSocket: Sendable {
    let descriptor: CInt

    /// Connects to `path`; on failure returns the `errno` of `socket(2)` or `connect(2)` (`ENAMETOOLONG` if the
    /// path does not fit `sun_path`).
    static func connect(to path: String) -> Result<UnixStreamSocket, Errno> {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { return .failure(Errno(ENAMETOOLONG)) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(Errno(errno)) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + 1)
        var result: CInt
        repeat {
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, length) }
            }
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            Glibc.close(descriptor)
            return .failure(Errno(code))
        }
        return .success(UnixStreamSocket(descriptor: descriptor))
    }

    /// Writes all of `bytes`, waiting at most until `deadline`.
    func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) -> Result<Void, SocketIOError> {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, CInt(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                if let failure = waitFor(CShort(POLLOUT), deadline: deadline) { return .failure(failure) }
            default: return .failure(.system(Errno(code)))
            }
        }
        return .success(())
    }

    /// Reads what is available (at most `maximum` bytes), waiting at most until `deadline`. An empty array means
    /// end of input.
    func read(maximum: Int, deadline: ContinuousClock.Instant?) -> Result<[UInt8], SocketIOError> {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                Glibc.recv(descriptor, raw.baseAddress!, raw.count, CInt(MSG_DONTWAIT))
            }
            if count >= 0 {
                return .success(Array(buffer.prefix(count)))
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                if let failure = waitFor(CShort(POLLIN), deadline: deadline) { return .failure(failure) }
            default: return .failure(.system(Errno(code)))
            }
        }
    }

    private func waitFor(_ events: CShort, deadline: ContinuousClock.Instant?) -> SocketIOError? {
        while true {
            var timeout: CInt = -1
            if let deadline {
                let remaining = deadline - .now
                if remaining <= .zero { return .timedOut }
                let (seconds, attoseconds) = remaining.components
                timeout = CInt(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, timeout)
            if result > 0 { return nil }
            if result == 0 { continue }  // re-check the deadline
            let code = errno
            if code == EINTR { continue }
            return .system(Errno(code))
        }
    }

    /// Interrupts blocked reads and writes from another thread (`shutdown(SHUT_RDWR)`); they see end of input.
    func interrupt() {
        shutdown(descriptor, CInt(SHUT_RDWR))
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// An `errno` value.
struct Errno: Error, Sendable, Hashable, CustomStringConvertible {
    var code: CInt
    init(_ code: CInt) { self.code = code }
    var description: String { String(cString: strerror(code)) }
}

/// Why a client read or write failed.
enum SocketIOError: Error, Sendable {
    case timedOut
    case system(Errno)
}
