import NIOCore
import Synchronization

/// Sends notifications to one client while a call is running, before its final response.
///
/// ``send(_:)`` never suspends: messages go into the connection's bounded outbound buffer. If the buffer is full,
/// the client is not reading fast enough; the server then drops that client's connection (never the daemon) and
/// ``send(_:)`` throws. After the handler returns, the stream is closed and ``send(_:)`` throws, so a response is
/// always the last message of its call.
public struct RPCStream: Sendable {
    private let outbox: AsyncBoundedQueue<ByteBuffer>?
    private let gate: Gate
    private let onOverflow: @Sendable () -> Void

    final class Gate: Sendable {
        private let open = Atomic<Bool>(true)
        var isOpen: Bool { open.load(ordering: .acquiring) }
        func close() { open.store(false, ordering: .releasing) }
    }

    init(outbox: AsyncBoundedQueue<ByteBuffer>, gate: Gate, onOverflow: @escaping @Sendable () -> Void) {
        self.outbox = outbox
        self.gate = gate
        self.onOverflow = onOverflow
    }

    private init() {
        self.outbox = nil
        self.gate = Gate()
        self.onOverflow = {}
    }

    /// A stream that discards everything, for calling a handler outside a connection (tests, in-process use).
    public static var discarding: RPCStream { RPCStream() }

    /// Whether ``send(_:)`` can still deliver: the call is running and the client is connected and keeping up.
    public var isActive: Bool { gate.isOpen }

    /// Queues a notification for the client.
    ///
    /// - Throws: ``RPCError/unavailable`` if the call has finished or the client has gone or was dropped because
    ///   it lagged; stop streaming then.
    public func send(_ notification: RPCNotification) throws(RPCError) {
        guard gate.isOpen else {
            throw RPCError.unavailable.with(message: "the client is gone or the call has finished; stop streaming")
        }
        guard let outbox else { return }
        let line: ByteBuffer
        do {
            line = try RPCWireFormat.encodeLine(notification)
        } catch {
            throw RPCError.internalError.with(
                message: "cannot encode notification \(notification.method) as JSON; report a bug"
            )
        }
        switch outbox.tryPush(line) {
        case .enqueued:
            return
        case .full:
            gate.close()
            onOverflow()
            throw RPCError.unavailable.with(
                message: "the client reads too slowly (outbound buffer of \(outbox.capacity) messages full); "
                    + "it was disconnected"
            )
        case .finished:
            gate.close()
            throw RPCError.unavailable.with(message: "the client has disconnected")
        }
    }

    /// Queues a notification `method` with `params` for the client.
    public func send(method: String, params: [String: JSONValue] = [:]) throws(RPCError) {
        try send(RPCNotification(method: method, params: params))
    }
}
