import Glibc
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The daemon's control socket: JSON-RPC 2.0 over a Unix-domain stream socket, one JSON object per line.
///
/// The server owns the transport: binding (a path, or an inherited socket-activation fd), NDJSON framing with a
/// bounded line length, a bounded number of connections, peer credentials (`SO_PEERCRED`), access tiers, a time
/// limit per call, in-order answers per connection, notifications for streaming calls, and shutdown. The methods
/// themselves come from a ``ControlRequestHandler``.
///
/// ```swift
/// let server = ControlSocketServer(
///     configuration: .init(endpoint: .path("/run/onboardd.sock", mode: 0o660, group: "onboard")),
///     handler: DaemonMethods(),
///     policy: ControlAccessPolicy(operatorGroup: "onboard", adminGroup: "onboard-admin"),
///     logger: logger
/// )
/// try await server.run()  // until cancelled or graceful shutdown
/// ```
///
/// Wire examples (`→` client to daemon, `←` daemon to client):
///
/// ```
/// → {"jsonrpc":"2.0","id":1,"method":"daemon.info"}
/// ← {"id":1,"jsonrpc":"2.0","result":{"protocol":1}}
/// → {"jsonrpc":"2.0","id":2,"method":"logs.tail","params":{"job":"ob_1","follow":true}}
/// ← {"jsonrpc":"2.0","method":"logs.entry","params":{"message":"tenant created"}}
/// ← {"id":2,"jsonrpc":"2.0","result":{"entries":1}}
/// → {"jsonrpc":"2.0","id":3,"method":"job.credentials","params":{"id":"ob_1"}}
/// ← {"error":{"code":-32003,"data":{"type":"io.onboard.PermissionDenied",…},"message":"user alice (uid 1000) may
///    not call job.credentials (credentials access): run it as root, …"},"id":3,"jsonrpc":"2.0"}
/// ```
public struct ControlSocketServer: Service {
    private let configuration: Configuration
    private let handler: any ControlRequestHandler
    private let policy: ControlAccessPolicy
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// Creates a server; nothing is bound until ``run(onListening:)``.
    ///
    /// - Parameters:
    ///   - configuration: Endpoint and limits.
    ///   - handler: The method table.
    ///   - policy: Who may call what.
    ///   - eventLoopGroup: NIO event loops. Defaults to `MultiThreadedEventLoopGroup.singleton`.
    ///   - logger: Receives connection-level events; write calls are logged at `info` with the peer's uid.
    public init(
        configuration: Configuration,
        handler: some ControlRequestHandler,
        policy: ControlAccessPolicy = ControlAccessPolicy(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.handler = handler
        self.policy = policy
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Listens and serves until the task is cancelled or a graceful shutdown is triggered (`ServiceGroup`).
    public func run() async throws {
        try await run(onListening: {})
    }

    /// Listens and serves until the task is cancelled or a graceful shutdown is triggered.
    ///
    /// On return the listener is closed, every connection is closed (their calls cancelled), and a socket file this
    /// server bound is removed.
    ///
    /// - Parameter onListening: Called once the socket accepts connections, e.g. to report readiness (`READY=1`
    ///   comes after the socket listens).
    /// - Throws: ``RPCError/unavailable`` if the socket can't be bound, with the reason and the fix.
    public func run(onListening: @escaping @Sendable () -> Void) async throws {
        let pending = PendingControlConnections()
        let serverChannel = try await bind(parkingIn: pending)
        let boundPath: String?
        if case .path(let path, _, _) = configuration.endpoint { boundPath = path } else { boundPath = nil }
        defer {
            if let boundPath { Self.removeSocketFile(at: boundPath) }
        }
        logger.info("control socket listening", metadata: ["endpoint": "\(configuration.endpoint)"])
        do {
            try await cancelWhenGracefulShutdown {
                try await serve(serverChannel, pending: pending, onListening: onListening)
            }
        } catch is CancellationError {
            // Shutdown is a normal return.
        }
        await pending.closeAll()
        logger.info("control socket closed")
    }

    // MARK: Serving

    private func serve(
        _ serverChannel: NIOAsyncChannel<AcceptedConnection, Never>,
        pending: PendingControlConnections,
        onListening: @Sendable () -> Void
    ) async throws {
        let active = ConnectionCounter()
        try await serverChannel.executeThenClose { connections in
            onListening()
            try await withThrowingDiscardingTaskGroup { group in
                for try await accepted in connections {
                    guard let channel = pending.take(accepted.key) else { continue }
                    let count = active.value.add(1, ordering: .relaxed).newValue
                    group.addTask {
                        defer { active.value.subtract(1, ordering: .relaxed) }
                        await self.serve(channel, peer: accepted.peer, activeConnections: count)
                    }
                }
            }
        }
    }

    private func serve(
        _ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>,
        peer: PeerCredentials?,
        activeConnections: Int
    ) async {
        guard activeConnections <= configuration.maximumConnections else {
            logger.warning(
                "control connection refused: too many connections",
                metadata: ["limit": "\(configuration.maximumConnections)"]
            )
            await Self.reject(
                channel,
                with: .busy.with(
                    message: "onboardd already serves \(configuration.maximumConnections) control connections; "
                        + "retry in a moment",
                    details: ["maximumConnections": .integer(configuration.maximumConnections)]
                )
            )
            return
        }
        guard let peer else {
            await Self.reject(
                channel,
                with: .internalError.with(
                    message: "onboardd cannot read the caller's credentials (SO_PEERCRED); report a bug"
                )
            )
            return
        }
        logger.debug("control connection", metadata: ["peer": "\(peer)"])
        let connection = ControlConnection(
            channel: channel,
            peer: peer,
            handler: handler,
            policy: policy,
            configuration: configuration,
            logger: logger
        )
        await connection.run()
    }

    private static func reject(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, with error: RPCError) async {
        try? await channel.executeThenClose { _, outbound in
            try await outbound.write(RPCWireFormat.responseLine(.error(error, id: .null)))
        }
    }

    // MARK: Binding

    private final class ConnectionCounter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// What the child-channel initialiser hands to the accept loop.
    private struct AcceptedConnection: Sendable {
        /// The key of the connection in ``PendingControlConnections``.
        var key: ObjectIdentifier
        var peer: PeerCredentials?
    }

    private func bind(parkingIn pending: PendingControlConnections) async throws
        -> NIOAsyncChannel<AcceptedConnection, Never>
    {
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 128)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AcceptedConnection> = { channel in
            PeerCredentials.read(from: channel)
                .map { Optional($0) }
                .recover { _ in nil }
                .flatMapThrowing { peer in
                    AcceptedConnection(key: try pending.park(channel), peer: peer)
                }
        }
        switch configuration.endpoint {
        case .path(let path, let mode, let group):
            try Self.prepareSocketPath(path)
            let channel: NIOAsyncChannel<AcceptedConnection, Never>
            do {
                channel = try await bootstrap.bind(
                    unixDomainSocketPath: path,
                    cleanupExistingSocketFile: false,
                    childChannelInitializer: initializer
                )
            } catch {
                throw RPCError.unavailable.with(
                    message: "cannot bind the control socket \(path): \(error); check that the directory exists "
                        + "and is writable by the onboardd user",
                    details: ["path": .string(path)]
                )
            }
            do {
                try Self.applyOwnership(path: path, mode: mode, group: group)
            } catch {
                try? await channel.channel.close()
                Self.removeSocketFile(at: path)
                throw error
            }
            return channel
        case .inheritedDescriptor(let descriptor):
            do {
                return try await bootstrap.bind(descriptor, childChannelInitializer: initializer)
            } catch {
                throw RPCError.unavailable.with(
                    message: "cannot listen on the inherited socket fd \(descriptor): \(error); check the "
                        + "onboardd.socket unit (ListenStream=, a stream socket)",
                    details: ["fd": .integer(Int(descriptor))]
                )
            }
        }
    }

    /// Refuses to replace anything but a stale socket: a live one belongs to another process, and a regular file
    /// is someone's data.
    private static func prepareSocketPath(_ path: String) throws(RPCError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw RPCError.unavailable.with(
                message: "\(path) exists and is not a socket; remove it or choose another socket path",
                details: ["path": .string(path)]
            )
        }
        switch UnixStreamSocket.connect(to: path) {
        case .success(let socket):
            socket.close()
            throw RPCError.unavailable.with(
                message: "another process already listens on \(path); stop it (is onboardd already running?) "
                    + "or choose another socket path",
                details: ["path": .string(path)]
            )
        case .failure:
            // ECONNREFUSED: nobody listens; the file is stale.
            unlink(path)
        }
    }

    private static func applyOwnership(path: String, mode: mode_t, group: String?) throws(RPCError) {
        if let group {
            guard let gid = SystemGroupMembershipResolver.groupID(named: group) else {
                throw RPCError.unavailable.with(
                    message: "group \(group) does not exist; create it (packaging/sysusers.d) or change the socket "
                        + "group in the onboardd configuration",
                    details: ["group": .string(group)]
                )
            }
            guard chown(path, uid_t.max, gid) == 0 else {
                let code = errno
                throw RPCError.unavailable.with(
                    message: "cannot give \(path) to group \(group): \(String(cString: strerror(code))); "
                        + "run onboardd as root or as a member of \(group)",
                    details: ["path": .string(path)]
                )
            }
        }
        guard chmod(path, mode) == 0 else {
            let code = errno
            throw RPCError.unavailable.with(
                message: "cannot set mode \(String(mode, radix: 8)) on \(path): \(String(cString: strerror(code)))",
                details: ["path": .string(path)]
            )
        }
    }

    private static func removeSocketFile(at path: String) {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK {
            unlink(path)
        }
    }
}
