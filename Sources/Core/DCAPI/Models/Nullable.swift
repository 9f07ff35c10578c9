/// A value that is sent as an explicit JSON `null` when absent.
///
/// Swift's synthesized `Encodable` omits `nil` optionals. Some Acronis fields give `null` a meaning
/// (a quota `value` of `null` is *unlimited*) or are required to be present even when `null`
/// (schema `quota` requires `value`, `overage` and `version`), so they use this wrapper.
public enum Nullable<Wrapped: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    case null
    case value(Wrapped)

    public init(_ optional: Wrapped?) {
        self = optional.map(Nullable.value) ?? .null
    }

    /// The wrapped value, or `nil` for `null`.
    public var optional: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}
