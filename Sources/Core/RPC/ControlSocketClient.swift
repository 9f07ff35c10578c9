import Foundation
import Synchronization

/// Calls the daemon's control socket from async code, one connection per call, on a dedicated thread.
///
/// The socket I/O is blocking POSIX (``ControlSocketConnection``), so each call runs on its own `Thread`, never
/// on the Swift concurrency pool; the caller resumes when the response arrives. Cancelling the calling task shuts
/// the socket down, which ends the call with ``RPCError/unavailable``.
///
/// ```swift
/// let client = ControlSocketClient(path: options.socket)
/// do {
///     let status = try await client.call("job.get", params: ["id": .string(id)])
/// } catch {
///     FileHandle.standardError.write(Data((error.message + "\n").utf8))
///     exit(error.exitCode)
/// }
/// ```
public struct ControlSocketClient: Sendable {
    /// The socket path.
    public var path: String
    /// How long a call may wait for its response; `nil` waits forever.
    public var timeout: Duration?

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - path: The socket path. Defaults to `/run/onboardd.sock`.
    ///   - timeout: How long a call may wait for its response. Defaults to 60 seconds; `nil` waits forever.
    public init(path: String = "/run/onboardd.sock", timeout: Duration? = .seconds(60)) {
        self.path = path
        self.timeout = timeout
    }

    /// Connects, calls `method`, and returns its result.
    ///
    /// - Parameters:
    ///   - method: The method name.
    ///   - params: Named parameters. Defaults to none.
    ///   - timeout: Overrides ``timeout`` for this call, e.g. `.some(nil)` for `--follow`.
    ///   - onNotification: Called (on the I/O thread) for each notification before the response.
    /// - Throws: ``RPCError``; its ``RPCError/exitCode`` is the exit status for `onboardctl`.
    public func call(
        _ method: String,
        params: [String: JSONValue] = [:],
        timeout: Duration?? = nil,
        onNotification: @escaping @Sendable (RPCNotification) -> Void = { _ in }
    ) async throws(RPCError) -> JSONValue {
        let path = self.path
        let limit = timeout ?? self.timeout
        let interruption = Interruption()
        let result: Result<JSONValue, RPCError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    let result: Result<JSONValue, RPCError>
                    do throws(RPCError) {
                        let connection = try ControlSocketConnection(path: path)
                        guard interruption.register(connection) else {
                            connection.close()
                            throw RPCError.unavailable.with(message: "the call to \(method) was cancelled")
                        }
                        defer {
                            interruption.unregister()
                            connection.close()
                        }
                        result = .success(
                            try connection.call(method, params: params, timeout: limit, onNotification: onNotification)
                        )
                    } catch {
                        result = .failure(
                            interruption.wasCancelled
                                ? RPCError.unavailable.with(message: "the call to \(method) was cancelled") : error
                        )
                    }
                    continuation.resume(returning: result)
                }
                thread.name = "onboard-control-client"
                thread.start()
            }
        } onCancel: {
            interruption.cancel()
        }
        return try result.get()
    }

    /// Lets a cancelling task interrupt the connection that the I/O thread is blocked on.
    private final class Interruption: Sendable {
        private struct State {
            var cancelled = false
            var connection: UnsafeConnection?
        }

        /// The connection is only touched under the lock, and ``ControlSocketConnection/interrupt()`` is
        /// `shutdown(2)`, which is safe to call while another thread blocks on the socket.
        private struct UnsafeConnection: @unchecked Sendable {
            var connection: ControlSocketConnection
        }

        private let state = Mutex(State())

        var wasCancelled: Bool { state.withLock { $0.cancelled } }

        func register(_ connection: ControlSocketConnection) -> Bool {
            state.withLock { state in
                if state.cancelled { return false }
                state.connection = UnsafeConnection(connection: connection)
                return true
            }
        }

        func unregister() {
            state.withLock { $0.connection = nil }
        }

        func cancel() {
            state.withLock { state in
                state.cancelled = true
                state.connection?.connection.interrupt()
            }
        }
    }
}
