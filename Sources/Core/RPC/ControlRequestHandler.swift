/// The daemon's method table, which ``ControlSocketServer`` dispatches to.
///
/// The server does framing, parsing, access control, time limits and ordering; the handler only implements
/// methods. For each request the server asks ``tier(of:)`` (unknown method → `-32601`), checks the peer against
/// the ``ControlAccessPolicy``, then calls ``handle(_:peer:stream:)``.
///
/// ```swift
/// struct DaemonMethods: ControlRequestHandler {
///     func tier(of method: String) -> MethodTier? {
///         switch method {
///         case "daemon.info", "job.get": .read
///         case "job.submit": .write
///         default: nil
///         }
///     }
///     func handle(_ request: RPCRequest, peer: PeerCredentials, stream: RPCStream) async throws(RPCError) -> JSONValue {
///         …
///     }
/// }
/// ```
public protocol ControlRequestHandler: Sendable {
    /// The access tier of `method`, or `nil` if there is no such method.
    func tier(of method: String) -> MethodTier?

    /// Whether `method` streams notifications until the client goes away (`logs.tail` with `follow`, `job.wait`).
    ///
    /// Streaming calls are exempt from the per-request time limit; instead they are cancelled when the client
    /// closes its side of the connection. Defaults to `false`.
    func isStreaming(_ request: RPCRequest) -> Bool

    /// Runs one call and returns its result.
    ///
    /// Calls on one connection run one at a time, in order; calls on different connections run concurrently.
    ///
    /// - Parameters:
    ///   - request: The validated request; `params` is always an object.
    ///   - peer: Who is calling, already authorised for the method's tier.
    ///   - stream: Sends notifications to this client before the response.
    /// - Returns: The result.
    /// - Throws: An ``RPCError``, sent to the client as a JSON-RPC error.
    /// - Important: Honour task cancellation: the server cancels the call when its time limit passes, when a
    ///   streaming client leaves, and on shutdown. The error response is sent at once, but the connection's next
    ///   request waits until this method returns.
    func handle(_ request: RPCRequest, peer: PeerCredentials, stream: RPCStream) async throws(RPCError) -> JSONValue
}

extension ControlRequestHandler {
    public func isStreaming(_ request: RPCRequest) -> Bool { false }
}
