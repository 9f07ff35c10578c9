extension OnboardingPlan {
    /// What happens to the customer tenant: created (`{"action": "create", …}`) or adopted (`{"action": "adopt", …}`).
    public typealias TenantAction = CreateOrAdopt<TenantCreationPlan, TenantAdoptionPlan>

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
