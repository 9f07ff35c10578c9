import CPeerCred
import Glibc
import NIOCore

/// The process at the other end of a Unix-domain socket connection, as the kernel recorded it at `connect(2)`
/// (`SO_PEERCRED`).
///
/// The uid and gid are the peer's effective ids at connect time; supplementary groups are not part of
/// `SO_PEERCRED`, so ``ControlAccessPolicy`` resolves group membership from the user database.
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The peer's process id (at connect time; the process may have exited since).
    public var pid: pid_t
    /// The peer's effective user id.
    public var uid: uid_t
    /// The peer's effective group id.
    public var gid: gid_t

    /// Creates credentials, e.g. for tests.
    public init(pid: pid_t, uid: uid_t, gid: gid_t) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Reads the credentials of the peer of a connected Unix-domain socket with the `CPeerCred` shim.
    ///
    /// - Parameter descriptor: A connected `AF_UNIX` stream socket.
    /// - Throws: ``RPCError/internalError`` naming `errno` if `getsockopt(SO_PEERCRED)` fails.
    public init(socket descriptor: CInt) throws(RPCError) {
        var pid: pid_t = 0
        var uid: uid_t = 0
        var gid: gid_t = 0
        guard onboard_peercred(descriptor, &pid, &uid, &gid) == 0 else {
            let code = errno
            throw RPCError.internalError.with(
                message: "cannot read the peer credentials of a control connection (SO_PEERCRED: "
                    + "\(String(cString: strerror(code)))); is this an AF_UNIX stream socket?"
            )
        }
        self.init(pid: pid, uid: uid, gid: gid)
    }

    public var description: String { "pid \(pid) uid \(uid) gid \(gid)" }
}

extension PeerCredentials {
    /// `struct ucred` from `<sys/socket.h>` (Linux): `pid_t pid; uid_t uid; gid_t gid;`. glibc hides the C type
    /// without `_GNU_SOURCE`, so it is mirrored here, and its size checked before use.
    private struct KernelUcred: Sendable {
        var pid: pid_t = 0
        var uid: uid_t = 0
        var gid: gid_t = 0
    }

    /// Reads the peer credentials of an accepted NIO channel.
    ///
    /// SwiftNIO does not expose a channel's file descriptor, so ``init(socket:)`` (the `CPeerCred` shim) can't be
    /// called on it. Instead this uses the channel's `SocketOptionProvider` conformance (NIOPosix socket channels
    /// conform; cast with `as? any SocketOptionProvider`) and its `unsafeGetSocketOption(level: SOL_SOCKET, name:
    /// SO_PEERCRED)`, which runs the same `getsockopt(2)` on the channel's own fd on its event loop, into a mirror of
    /// `struct ucred`.
    ///
    /// - Returns: A future for the credentials; it fails if the channel is not a socket channel or the call fails.
    static func read(from channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        precondition(MemoryLayout<KernelUcred>.size == 12, "struct ucred is 12 bytes on Linux")
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let ucred: EventLoopFuture<KernelUcred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        return ucred.map { ucred in
            PeerCredentials(pid: ucred.pid, uid: ucred.uid, gid: ucred.gid)
        }
    }
}
