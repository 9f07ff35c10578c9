/// A profile resolved against what the partner can give a customer now: the exact offering items,
/// quotas and storages to enable.
public struct ResolvedServices: Sendable, Hashable {
    public var edition: Edition
    /// Items to enable (status 1), in profile order.
    public var items: [DesiredItem]
    /// The storage chosen for each infra item, and why.
    public var storageChoices: [StorageChoice]
    public var pricing: PricingMode
    public var requireMFA: Bool

    public init(edition: Edition, items: [DesiredItem], storageChoices: [StorageChoice], pricing: PricingMode, requireMFA: Bool) {
        self.edition = edition
        self.items = items
        self.storageChoices = storageChoices
        self.pricing = pricing
        self.requireMFA = requireMFA
    }
}

/// One offering item to enable on the customer.
public struct DesiredItem: Sendable, Hashable {
    public var applicationID: String
    public var name: String
    /// The chosen storage of an infra item.
    public var infraID: String?
    /// Soft quota in the item's unit; `nil` is unlimited.
    public var quota: Int64?
    /// Hard allowance; `nil` is none.
    public var overage: Int64?
    /// `bytes`, `quantity`, … as the catalogue states it.
    public var measurementUnit: String?

    public init(applicationID: String, name: String, infraID: String? = nil, quota: Int64? = nil, overage: Int64? = nil, measurementUnit: String? = nil) {
        self.applicationID = applicationID
        self.name = name
        self.infraID = infraID
        self.quota = quota
        self.overage = overage
        self.measurementUnit = measurementUnit
    }

    /// Whether `item` is this item (same name and, for infra items, same storage).
    func isSame(as item: OfferingItem) -> Bool {
        item.name == name && item.infraID == infraID
    }
}

/// Which storage an infra item got, and why.
public struct StorageChoice: Sendable, Hashable {
    public var itemName: String
    public var infra: Infra
    public var policy: StoragePolicy
    /// The other storages the partner offered for this item.
    public var alternatives: [String]

    /// One sentence for plans and logs.
    public var reason: String {
        let others = alternatives.isEmpty ? "no other storage is offered" : "also offered: \(alternatives.joined(separator: ", "))"
        return "\(itemName) → \"\(infra.name)\" (\(infra.capabilities.joined(separator: ", "))), chosen as \(policy); \(others)"
    }
}
