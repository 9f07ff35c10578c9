/// A JSON-RPC 2.0 request, as it travels on the control socket.
///
/// On the wire it is one JSON object on one line:
///
/// ```json
/// {"id":1,"jsonrpc":"2.0","method":"job.get","params":{"id":"ob_42"}}
/// ```
///
/// `params` is always an object (absent means empty); positional (array) parameters are refused with
/// ``RPCError/invalidParams``. A request without `id` is a notification: the server runs it and sends no response.
public struct RPCRequest: Sendable, Hashable, Encodable {
    /// The request id, echoed in the response; `nil` for a notification.
    public var id: RPCID?
    /// The method name, e.g. `job.get`.
    public var method: String
    /// The named parameters.
    public var params: [String: JSONValue]

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - id: The id to echo; `nil` makes the request a notification that gets no response.
    ///   - method: The method name.
    ///   - params: The named parameters. Defaults to none.
    public init(id: RPCID?, method: String, params: [String: JSONValue] = [:]) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// Whether the sender expects a response.
    public var isNotification: Bool { id == nil }

    private enum CodingKeys: String, CodingKey {
        case jsonrpc, id, method, params
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(method, forKey: .method)
        if !params.isEmpty {
            try container.encode(params, forKey: .params)
        }
    }
}

extension RPCRequest {
    /// Validates a parsed JSON value as a request (JSON-RPC 2.0 §4).
    ///
    /// - Returns: The request, or the error to answer with and the id to answer to (`.null` when the id itself is
    ///   unusable). A notification with an invalid shape still gets an error, as JSON-RPC requires for invalid
    ///   requests.
    static func validate(_ value: JSONValue) -> Result<RPCRequest, RPCFailure> {
        guard case .object(let members) = value else {
            if case .array = value {
                return .failure(
                    RPCFailure(
                        id: .null,
                        error: .invalidRequest.with(
                            message: "batch requests (JSON arrays) are not supported; send one request object per line"
                        )
                    )
                )
            }
            return .failure(
                RPCFailure(
                    id: .null,
                    error: .invalidRequest.with(message: "a request must be a JSON object, one per line")
                )
            )
        }
        var id: RPCID?
        if let rawID = members["id"] {
            guard let parsed = RPCID(rawID) else {
                return .failure(
                    RPCFailure(
                        id: .null,
                        error: .invalidRequest.with(message: "\"id\" must be a string, a whole number or null")
                    )
                )
            }
            id = parsed
        }
        let answerID = id ?? .null
        guard members["jsonrpc"] == .string("2.0") else {
            return .failure(
                RPCFailure(
                    id: answerID,
                    error: .invalidRequest.with(message: "\"jsonrpc\" must be \"2.0\"; add \"jsonrpc\":\"2.0\"")
                )
            )
        }
        guard case .string(let method)? = members["method"], !method.isEmpty else {
            return .failure(
                RPCFailure(
                    id: answerID,
                    error: .invalidRequest.with(message: "\"method\" must be a non-empty string, e.g. \"daemon.info\"")
                )
            )
        }
        var params: [String: JSONValue] = [:]
        switch members["params"] {
        case nil, .null?:
            break
        case .object(let object)?:
            params = object
        case .array?:
            return .failure(
                RPCFailure(
                    id: answerID,
                    error: .invalidParams.with(
                        message: "\"params\" must be an object of named parameters, not an array",
                        details: ["method": .string(method)]
                    )
                )
            )
        default:
            return .failure(
                RPCFailure(
                    id: answerID,
                    error: .invalidRequest.with(message: "\"params\" must be an object")
                )
            )
        }
        return .success(RPCRequest(id: id, method: method, params: params))
    }
}

/// An error together with the id it answers.
struct RPCFailure: Error, Sendable {
    var id: RPCID
    var error: RPCError
}
