extension OnboardingPlan {
    /// The customer's services: edition, items with quotas, storages and why, tenant settings, and
    /// (for a tenant that exists already) the exact `PUT offering_items` that would be sent.
    public struct ServicesPlan: Sendable, Hashable, Codable {
        /// Where the services come from: `profile "NAME"` or `template tenant "NAME"`.
        public var source: String
        /// The profile's name (`template:NAME` for a template tenant).
        public var profile: String
        /// The edition of the customer's Cyber Protection items.
        public var edition: String
        /// The items to enable, in profile order.
        public var items: [PlannedItem]
        /// The storage chosen for each storage item, and why.
        public var storage: [PlannedStorage]
        /// The exact updates of `PUT /tenants/{id}/offering_items` when the tenant exists already
        /// (empty: nothing to change); `nil` for a tenant still to be created, which gets every item.
        public var updates: [PlannedItemUpdate]?
        /// The pricing mode.
        public var pricing: PricingPlan
        /// Two-factor authentication.
        public var mfa: MFAPlan

        public init(
            source: String, profile: String, edition: String, items: [PlannedItem], storage: [PlannedStorage],
            updates: [PlannedItemUpdate]?, pricing: PricingPlan, mfa: MFAPlan
        ) {
            self.source = source
            self.profile = profile
            self.edition = edition
            self.items = items
            self.storage = storage
            self.updates = updates
            self.pricing = pricing
            self.mfa = mfa
        }
    }

    /// One offering item to enable.
    public struct PlannedItem: Sendable, Hashable, Codable {
        /// The offering item's name, e.g. `pw_base_servers`.
        public var name: String
        /// Its application (Cyber Protection, …).
        public var applicationID: String
        /// `bytes`, `quantity`, `seconds`, `n/a`, as the catalogue states it.
        public var measurementUnit: String?
        /// Soft quota in the item's unit; `nil` is unlimited.
        public var quota: Int64?
        /// Hard allowance above the soft quota; `nil` is none.
        public var overage: Int64?
        /// The quota for people: `25`, `500GiB`, `unlimited`.
        public var quotaText: String
        /// The overage for people, when there is one.
        public var overageText: String?
        /// The storage of a storage item.
        public var infraID: String?
        /// That storage's name.
        public var infraName: String?

        public init(
            name: String, applicationID: String, measurementUnit: String?, quota: Int64?, overage: Int64?, quotaText: String,
            overageText: String?, infraID: String?, infraName: String?
        ) {
            self.name = name
            self.applicationID = applicationID
            self.measurementUnit = measurementUnit
            self.quota = quota
            self.overage = overage
            self.quotaText = quotaText
            self.overageText = overageText
            self.infraID = infraID
            self.infraName = infraName
        }

        enum CodingKeys: String, CodingKey {
            case name, quota, overage
            case applicationID = "application_id"
            case measurementUnit = "measurement_unit"
            case quotaText = "quota_text"
            case overageText = "overage_text"
            case infraID = "infra_id"
            case infraName = "infra_name"
        }
    }

    /// The storage chosen for one storage (infra) item.
    public struct PlannedStorage: Sendable, Hashable, Codable {
        /// The storage item, e.g. `pw_base_storage`.
        public var item: String
        /// The chosen storage's id.
        public var infraID: String
        /// The chosen storage's name.
        public var infraName: String
        /// What it provides, e.g. `backup`; a customer may have one storage per capability.
        public var capabilities: [String]
        /// Whether it is hosted by Acronis rather than by the partner.
        public var platformOwned: Bool
        /// Its location; a customer's storages must share one.
        public var locationID: String?
        /// The policy that chose it, in words: `the platform-owned (Acronis-hosted) storage`.
        public var policy: String
        /// The other storages offered for the item.
        public var alternatives: [String]
        /// One sentence: which storage, chosen how, what else was offered (``StorageChoice/reason``).
        public var reason: String

        public init(
            item: String, infraID: String, infraName: String, capabilities: [String], platformOwned: Bool, locationID: String?,
            policy: String, alternatives: [String], reason: String
        ) {
            self.item = item
            self.infraID = infraID
            self.infraName = infraName
            self.capabilities = capabilities
            self.platformOwned = platformOwned
            self.locationID = locationID
            self.policy = policy
            self.alternatives = alternatives
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey {
            case item, capabilities, policy, alternatives, reason
            case infraID = "infra_id"
            case infraName = "infra_name"
            case platformOwned = "platform_owned"
            case locationID = "location_id"
        }
    }

    /// One entry of the `PUT offering_items` body, exactly as it would be sent.
    public struct PlannedItemUpdate: Sendable, Hashable, Codable {
        /// The item's application.
        public var applicationID: String
        /// The item's name.
        public var name: String
        /// 1 enable, 0 disable.
        public var status: Int
        /// The storage of a storage item.
        public var infraID: String?
        /// The quota sent, with the version read from the tenant.
        public var quota: Quota?

        public init(applicationID: String, name: String, status: Int, infraID: String?, quota: Quota?) {
            self.applicationID = applicationID
            self.name = name
            self.status = status
            self.infraID = infraID
            self.quota = quota
        }

        /// The plan's form of an update built by ``OfferingItemsDiff``.
        init(_ update: OfferingItemUpdate) {
            self.init(applicationID: update.applicationID, name: update.name, status: update.status, infraID: update.infraID, quota: update.quota)
        }

        enum CodingKeys: String, CodingKey {
            case name, status, quota
            case applicationID = "application_id"
            case infraID = "infra_id"
        }
    }

    /// The tenant's pricing mode.
    public struct PricingPlan: Sendable, Hashable, Codable {
        /// What the profile asks for: `trial` or `production`.
        public var mode: String
        /// The tenant's mode now; `nil` for a tenant still to be created (new tenants start in trial).
        public var current: String?
        /// Whether onboard would change it (only ever trial → production, which cannot be undone).
        public var changes: Bool

        public init(mode: String, current: String?, changes: Bool) {
            self.mode = mode
            self.current = current
            self.changes = changes
        }
    }

    /// Two-factor authentication of the customer's users.
    public struct MFAPlan: Sendable, Hashable, Codable {
        /// Whether the profile requires it.
        public var required: Bool
        /// Whether the tenant has it now; `nil` for a tenant still to be created (off at creation).
        public var currentlyEnabled: Bool?
        /// Whether onboard would turn it on (it never turns it off).
        public var changes: Bool

        public init(required: Bool, currentlyEnabled: Bool?, changes: Bool) {
            self.required = required
            self.currentlyEnabled = currentlyEnabled
            self.changes = changes
        }

        enum CodingKeys: String, CodingKey {
            case required, changes
            case currentlyEnabled = "currently_enabled"
        }
    }
}
