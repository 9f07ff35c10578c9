import NIOCore
import Synchronization

/// Accepted connections between the child-channel initialiser and the accept loop.
///
/// A `NIOAsyncChannel` must be closed through `executeThenClose`; dropping one before its channel became active
/// traps in SwiftNIO ("Deinited NIOAsyncWriter without calling finish()"). When the accept loop is cancelled, the
/// server's inbound stream drops the connections it still buffers, so the initialiser parks every new connection
/// here as well, and the accept loop takes it from here. After the loop ends, ``closeAll()`` closes whatever was
/// left, and refuses connections that are still being initialised.
final class PendingControlConnections: Sendable {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    private struct State {
        var isClosed = false
        var connections: [ObjectIdentifier: Connection] = [:]
    }

    private let state = Mutex(State())

    init() {}

    /// Wraps `channel` and parks it. Must run on the channel's event loop.
    ///
    /// - Returns: The key to ``take(_:)`` it with.
    /// - Throws: `ChannelError.ioOnClosedChannel` once ``closeAll()`` ran; the caller closes the channel.
    func park(_ channel: any Channel) throws -> ObjectIdentifier {
        try state.withLock { state in
            guard !state.isClosed else { throw ChannelError.ioOnClosedChannel }
            let key = ObjectIdentifier(channel)
            state.connections[key] = try Connection(wrappingChannelSynchronously: channel)
            return key
        }
    }

    /// The parked connection for `key`, or `nil` if ``closeAll()`` already took it.
    func take(_ key: ObjectIdentifier) -> Connection? {
        state.withLock { $0.connections.removeValue(forKey: key) }
    }

    /// Refuses further connections and closes the ones not taken.
    func closeAll() async {
        let leftovers = state.withLock { state in
            state.isClosed = true
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for connection in leftovers {
            try? await connection.executeThenClose { _, _ in }
        }
    }
}
