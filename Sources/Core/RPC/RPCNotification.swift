/// A JSON-RPC 2.0 notification from the daemon: a message without an id, sent before the final response of a
/// streaming call (`logs.tail` with `follow`, `job.wait`).
///
/// ```json
/// {"jsonrpc":"2.0","method":"logs.entry","params":{"subscription":"s1","message":"tenant created"}}
/// ```
///
/// Handlers send them through ``RPCStream``; ``ControlSocketClient`` passes them to its `onNotification` closure.
public struct RPCNotification: Sendable, Hashable, Codable {
    /// The notification name, e.g. `logs.entry`.
    public var method: String
    /// The payload.
    public var params: [String: JSONValue]

    /// Creates a notification.
    public init(method: String, params: [String: JSONValue] = [:]) {
        self.method = method
        self.params = params
    }

    private enum CodingKeys: String, CodingKey {
        case jsonrpc, method, params
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(String.self, forKey: .method)
        params = try container.decodeIfPresent([String: JSONValue].self, forKey: .params) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(method, forKey: .method)
        try container.encode(params, forKey: .params)
    }
}
