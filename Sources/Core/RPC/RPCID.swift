/// A JSON-RPC 2.0 request id: a number, a string or `null`.
///
/// The server echoes it unchanged in the ``RPCResponse``. A request without an id is a notification and gets no
/// response; that is modelled as `RPCRequest.id == nil`, not as ``null``.
public enum RPCID: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Int)
    case string(String)
    /// An explicit `null` id. Allowed but discouraged by JSON-RPC 2.0; also used in responses to requests whose id
    /// could not be read.
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .null: "null"
        }
    }

    /// The id for a JSON value, or `nil` if the value can't be an id (fractions, Booleans, arrays, objects).
    init?(_ value: JSONValue) {
        switch value {
        case .integer(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .null: self = .null
        default: return nil
        }
    }
}
