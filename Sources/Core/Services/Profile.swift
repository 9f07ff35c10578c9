/// A service profile: what an MSP gives every customer of one kind.
///
/// Stored as `profiles/NAME.json` in the configuration directory (format documented in the
/// README). A template tenant is turned into the same structure (``TemplateProfileBuilder``), so
/// both paths share one resolver.
public struct ServiceProfile: Sendable, Hashable {
    /// The profile's name (its file name without `.json`).
    public var name: String
    public var description: String?
    /// The one edition of the customer's Cyber Protection items (acronis-api.md §4.2).
    public var edition: Edition
    /// The offering items to enable, in file order.
    public var items: [Item]
    /// How storage (infra) items choose their infrastructure, unless an item says otherwise.
    public var storage: StoragePolicy
    /// `production` only when the profile says so explicitly: it cannot be undone (§3.5).
    public var pricing: PricingMode
    /// Require two-factor authentication for the customer's users (§3.7).
    public var requireMFA: Bool

    /// One offering item of a profile.
    public struct Item: Sendable, Hashable {
        public var name: String
        /// Soft quota; `nil` is unlimited.
        public var quota: QuotaAmount?
        /// Hard allowance above the soft quota; `nil` is none.
        public var overage: QuotaAmount?
        /// Overrides the profile's storage policy for this (infra) item.
        public var storage: StoragePolicy?

        public init(name: String, quota: QuotaAmount? = nil, overage: QuotaAmount? = nil, storage: StoragePolicy? = nil) {
            self.name = name
            self.quota = quota
            self.overage = overage
            self.storage = storage
        }
    }

    public init(
        name: String, description: String? = nil, edition: Edition, items: [Item], storage: StoragePolicy = .onlyOne,
        pricing: PricingMode = .trial, requireMFA: Bool = false
    ) {
        self.name = name
        self.description = description
        self.edition = edition
        self.items = items
        self.storage = storage
        self.pricing = pricing
        self.requireMFA = requireMFA
    }
}

/// How a storage (infra) offering item picks its infrastructure component when the partner offers
/// several (acronis-api.md §4.6: resolve from policy at run time, fail closed when more than one
/// candidate matches).
public enum StoragePolicy: Sendable, Hashable, CustomStringConvertible {
    /// The component with this exact name.
    case infraName(String)
    /// The component with this id (used when copying a template tenant).
    case infraID(String)
    /// The one platform-owned (Acronis-hosted) component.
    case platformOwned
    /// The one partner-owned component.
    case partnerOwned
    /// The only component offered; more than one is an error.
    case onlyOne

    public var description: String {
        switch self {
        case .infraName(let name): "the storage named \"\(name)\""
        case .infraID(let id): "the storage with id \(id)"
        case .platformOwned: "the platform-owned (Acronis-hosted) storage"
        case .partnerOwned: "the partner-owned storage"
        case .onlyOne: "the only storage offered"
        }
    }

    func matches(_ infra: Infra) -> Bool {
        switch self {
        case .infraName(let name): infra.name == name
        case .infraID(let id): infra.id == id
        case .platformOwned: infra.platformOwned
        case .partnerOwned: !infra.platformOwned
        case .onlyOne: true
        }
    }
}
