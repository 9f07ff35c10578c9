extension OnboardingPlan {
    /// What happens to the customer tenant.
    ///
    /// Encoded flat, with the action as a member: `{"action": "create", "name": …}` or
    /// `{"action": "adopt", "id": …}`.
    public enum TenantAction: Sendable, Hashable, Codable {
        /// A new customer tenant is created under the partner (`POST /tenants`).
        case create(TenantCreationPlan)
        /// A customer tenant that onboard created for this key on an earlier try is adopted.
        case adopt(TenantAdoptionPlan)

        private enum CodingKeys: String, CodingKey { case action }
        private enum Action: String, Codable { case create, adopt }

        public init(from decoder: any Decoder) throws {
            switch try decoder.container(keyedBy: CodingKeys.self).decode(Action.self, forKey: .action) {
            case .create: self = .create(try TenantCreationPlan(from: decoder))
            case .adopt: self = .adopt(try TenantAdoptionPlan(from: decoder))
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

    /// The tenant ``TenantAction/create(_:)`` would create.
    public struct TenantCreationPlan: Sendable, Hashable, Codable {
        /// The customer name.
        public var name: String
        /// The partner tenant it is created under.
        public var parentID: String
        /// `customer_id`: the key, for PSA correlation (not proof of ownership).
        public var customerID: String
        /// `internal_tag`: onboard's marker (``TenantLookup/marker(forKey:)``), which makes the tenant ours.
        public var internalTag: String
        /// The tenant's language, e.g. `en`.
        public var language: String

        public init(name: String, parentID: String, customerID: String, internalTag: String, language: String) {
            self.name = name
            self.parentID = parentID
            self.customerID = customerID
            self.internalTag = internalTag
            self.language = language
        }

        enum CodingKeys: String, CodingKey {
            case name, language
            case parentID = "parent_id"
            case customerID = "customer_id"
            case internalTag = "internal_tag"
        }
    }

    /// The tenant ``TenantAction/adopt(_:)`` would adopt.
    public struct TenantAdoptionPlan: Sendable, Hashable, Codable {
        /// The tenant's id.
        public var id: String
        /// Its current name (it may have been renamed since onboard created it).
        public var name: String
        /// Our marker, which proved the tenant ours.
        public var internalTag: String

        public init(id: String, name: String, internalTag: String) {
            self.id = id
            self.name = name
            self.internalTag = internalTag
        }

        enum CodingKeys: String, CodingKey {
            case id, name
            case internalTag = "internal_tag"
        }
    }
}
