/// A JSON-RPC 2.0 response: the ``result`` or the ``error`` for the request with the same ``id``.
///
/// ```json
/// {"id":1,"jsonrpc":"2.0","result":{"state":"succeeded"}}
/// {"error":{"code":-32601,"data":{"type":"io.onboard.MethodNotFound"},"message":"…"},"id":2,"jsonrpc":"2.0"}
/// ```
public struct RPCResponse: Sendable, Hashable, Codable {
    /// The outcome of a call.
    public enum Outcome: Sendable, Hashable {
        case result(JSONValue)
        case error(RPCErrorObject)
    }

    /// The id of the request this answers; `.null` if the request's id could not be read.
    public var id: RPCID
    /// The result or the error.
    public var outcome: Outcome

    /// Creates a response.
    public init(id: RPCID, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// A successful response.
    public static func result(_ value: JSONValue, id: RPCID) -> RPCResponse {
        RPCResponse(id: id, outcome: .result(value))
    }

    /// An error response.
    public static func error(_ error: RPCError, id: RPCID) -> RPCResponse {
        RPCResponse(id: id, outcome: .error(error.errorObject))
    }

    private enum CodingKeys: String, CodingKey {
        case jsonrpc, id, result, error
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(String.self, forKey: .jsonrpc)
        guard version == "2.0" else {
            throw DecodingError.dataCorruptedError(
                forKey: .jsonrpc,
                in: container,
                debugDescription: "expected \"2.0\""
            )
        }
        id = try container.decodeIfPresent(RPCID.self, forKey: .id) ?? .null
        if let error = try container.decodeIfPresent(RPCErrorObject.self, forKey: .error) {
            outcome = .error(error)
        } else {
            outcome = .result(try container.decodeIfPresent(JSONValue.self, forKey: .result) ?? .null)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        switch outcome {
        case .result(let value): try container.encode(value, forKey: .result)
        case .error(let error): try container.encode(error, forKey: .error)
        }
    }
}
