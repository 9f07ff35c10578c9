import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File descriptors passed by systemd socket activation (`$LISTEN_FDS`, `$LISTEN_PID`, `$LISTEN_FDNAMES`).
///
/// ```swift
/// let passed = try ListenFDs.take()
/// if let control = passed.first(where: { $0.name == "onboardd" && $0.isUnixStreamListener }) {
///     // ServerBootstrap(...).withBoundSocket(control.fileDescriptor)
/// } else {
///     // bind(unixDomainSocketPath:) ourselves
/// }
/// ```
public enum ListenFDs {
    /// The first passed descriptor: `SD_LISTEN_FDS_START`, 3.
    public static let firstDescriptor: Int32 = 3

    /// One passed descriptor.
    public struct Descriptor: Sendable, Hashable {
        /// The descriptor, ≥ 3. `sd_listen_fds` has set `FD_CLOEXEC` on it.
        public var fileDescriptor: Int32
        /// Its `FileDescriptorName=` from `$LISTEN_FDNAMES`; systemd's default is the socket unit's name, and
        /// libsystemd reports `unknown` when no names were passed.
        public var name: String
        /// Whether it is an `AF_UNIX` `SOCK_STREAM` socket (`sd_is_socket_unix`).
        public var isUnixStream: Bool
        /// Whether it is an `AF_UNIX` `SOCK_STREAM` socket in listening state, the kind the control server accepts.
        public var isUnixStreamListener: Bool

        /// Creates a descriptor description from known facts.
        public init(fileDescriptor: Int32, name: String, isUnixStream: Bool, isUnixStreamListener: Bool) {
            self.fileDescriptor = fileDescriptor
            self.name = name
            self.isUnixStream = isUnixStream
            self.isUnixStreamListener = isUnixStreamListener
        }

        /// Inspects a descriptor with `sd_is_socket_unix`.
        public init(inspecting fileDescriptor: Int32, name: String) {
            self.init(
                fileDescriptor: fileDescriptor,
                name: name,
                isUnixStream: sd_is_socket_unix(fileDescriptor, Int32(SOCK_STREAM.rawValue), -1, nil, 0) > 0,
                isUnixStreamListener: sd_is_socket_unix(fileDescriptor, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0
            )
        }
    }

    /// Returns the descriptors passed to this process and unsets the three variables, so child processes do not
    /// inherit them.
    ///
    /// Returns an empty array when the process was not socket-activated, including when `$LISTEN_PID` names
    /// another process. Call it once, early; a second call finds nothing.
    ///
    /// - Throws: ``SystemdError/listenFDs(errno:)`` when the variables are malformed.
    public static func take() throws(SystemdError) -> [Descriptor] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(1, &names)
        defer {
            if let names {
                for index in 0..<Int(max(count, 0)) { free(names[index]) }
                free(names)
            }
        }
        guard count >= 0 else { throw .listenFDs(errno: -count) }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return Descriptor(inspecting: self.firstDescriptor + index, name: name)
        }
    }
}
