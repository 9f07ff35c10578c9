import Glibc

/// Where ``ControlSocketServer`` listens.
public enum ControlSocketEndpoint: Sendable, Hashable {
    /// Bind a Unix-domain socket at `path`.
    ///
    /// A stale socket file (nothing listens on it) is removed first; if another process still listens there, or
    /// the path is not a socket, binding fails rather than stealing or deleting it. After binding, the file gets
    /// `mode` and, if `group` is set, that group (`chown(path, -1, gid)`). The file is removed again when the
    /// server stops.
    ///
    /// - Parameters:
    ///   - path: The socket path, at most 107 bytes, e.g. `/run/onboardd.sock`.
    ///   - mode: The file mode. `0o660` lets owner and group connect.
    ///   - group: The group to own the socket file, e.g. `onboard`; `nil` keeps the process's group.
    case path(String, mode: mode_t = 0o660, group: String? = nil)

    /// Adopt an inherited socket (systemd socket activation, `LISTEN_FDS`): an `AF_UNIX` stream socket that is
    /// already bound (listening or not). The server never unlinks its path; systemd owns it.
    case inheritedDescriptor(CInt)
}
