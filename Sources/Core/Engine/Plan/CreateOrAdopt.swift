/// Whether a plan creates something new or adopts what an earlier try of the same onboarding
/// created.
///
/// Encoded flat, with the action as a member: `{"action": "create", …creation fields}` or
/// `{"action": "adopt", …adoption fields}`.
public enum CreateOrAdopt<Creation: Sendable & Hashable & Codable, Adoption: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// A new object is created.
    case create(Creation)
    /// An object created by an earlier try is adopted.
    case adopt(Adoption)

    private enum CodingKeys: String, CodingKey { case action }
    private enum Action: String, Codable { case create, adopt }

    public init(from decoder: any Decoder) throws {
        switch try decoder.container(keyedBy: CodingKeys.self).decode(Action.self, forKey: .action) {
        case .create: self = .create(try Creation(from: decoder))
        case .adopt: self = .adopt(try Adoption(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .create(let creation):
            try container.encode(Action.create, forKey: .action)
            try creation.encode(to: encoder)
        case .adopt(let adoption):
            try container.encode(Action.adopt, forKey: .action)
            try adoption.encode(to: encoder)
        }
    }
}
