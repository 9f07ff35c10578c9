/// The `error` member of a JSON-RPC 2.0 response.
///
/// onboard always sets ``data`` to an object with a qualified error name in `type` (varlink style), which is what
/// clients switch on:
///
/// ```json
/// {"code":-32004,"data":{"type":"io.onboard.NotFound","id":"ob_42"},"message":"no onboarding ob_42; …"}
/// ```
///
/// Convert to and from ``RPCError`` with ``RPCError/errorObject`` and ``RPCError/init(_:)``.
public struct RPCErrorObject: Sendable, Hashable, Codable {
    /// The JSON-RPC error code.
    public var code: Int
    /// A sentence naming the cause and the fix.
    public var message: String
    /// Structured details; onboard puts the qualified error name in `type`.
    public var data: JSONValue?

    /// Creates an error object.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The qualified error name from `data.type`, e.g. `io.onboard.NotFound`, if present.
    public var type: String? { data?["type"]?.stringValue }
}
