/// A quota on an offering item (schema `quota`). `nil` value means unlimited.
public struct Quota: Codable, Sendable, Hashable {
    /// Soft quota; `nil` is unlimited.
    public var value: Int64?
    /// Hard allowance above the soft quota; `nil` is none set.
    public var overage: Int64?
    /// Optimistic-lock version: a `PUT` must echo the version it read, or it gets HTTP 426
    /// (acronis-api.md §4.5, [KB71376]). 0 while value and overage are both `nil`.
    public var version: Int64

    public init(value: Int64?, overage: Int64? = nil, version: Int64) {
        self.value = value
        self.overage = overage
        self.version = version
    }

    enum CodingKeys: String, CodingKey { case value, overage, version }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent(Int64.self, forKey: .value)
        overage = try container.decodeIfPresent(Int64.self, forKey: .overage)
        version = try container.decodeIfPresent(Int64.self, forKey: .version) ?? 0
    }

    /// The schema requires all three keys, so `nil` is sent as an explicit `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Nullable(value), forKey: .value)
        try container.encode(Nullable(overage), forKey: .overage)
        try container.encode(version, forKey: .version)
    }
}

/// Kind of offering item (schema `offeringItemType`).
public struct OfferingItemType: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let count: Self = "count"
    public static let feature: Self = "feature"
    /// Bound to an infrastructure component such as a backup storage (`infra_id`).
    public static let infra: Self = "infra"
}

/// An offering item as `GET …/offering_items` and `…/available_for_child` return it (schema `items_3`).
public struct OfferingItem: Decodable, Sendable, Hashable {
    public var applicationID: String
    public var name: String
    /// `nil` for items that belong to no edition; those are always listed.
    public var edition: Edition?
    public var usageName: String?
    public var tenantID: String?
    /// 1 enabled, 0 disabled.
    public var status: Int
    public var locked: Bool?
    public var quota: Quota?
    public var type: OfferingItemType?
    /// The storage or other infrastructure component of an `infra` item.
    public var infraID: String?
    /// `bytes`, `quantity`, `seconds` or `n/a`.
    public var measurementUnit: String?

    public var isEnabled: Bool { status == 1 }

    enum CodingKeys: String, CodingKey {
        case name, edition, status, locked, quota, type
        case applicationID = "application_id"
        case usageName = "usage_name"
        case tenantID = "tenant_id"
        case infraID = "infra_id"
        case measurementUnit = "measurement_unit"
    }
}

/// One item of `PUT …/offering_items` (schema `tenantOfferingItemsPut.offering_items[]`).
public struct OfferingItemUpdate: Encodable, Sendable, Hashable {
    public var applicationID: String
    public var name: String
    public var status: Int
    public var infraID: String?
    public var quota: Quota?

    public init(applicationID: String, name: String, status: Int, infraID: String? = nil, quota: Quota? = nil) {
        self.applicationID = applicationID
        self.name = name
        self.status = status
        self.infraID = infraID
        self.quota = quota
    }

    enum CodingKeys: String, CodingKey {
        case name, status, quota
        case applicationID = "application_id"
        case infraID = "infra_id"
    }
}

/// An infrastructure component, e.g. a backup storage (schema `infra`).
public struct Infra: Decodable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var ownerTenantID: String?
    public var locationID: String?
    /// `false` for storage hosted by the partner.
    public var platformOwned: Bool
    /// e.g. `backup`, `disaster_recovery`, `files_cloud`; at most one component per capability per customer.
    public var capabilities: [String]
    public var backendType: String?

    enum CodingKeys: String, CodingKey {
        case id, name, capabilities
        case ownerTenantID = "owner_tenant_id"
        case locationID = "location_id"
        case platformOwned = "platform_owned"
        case backendType = "backend_type"
    }
}

/// An application such as Cyber Protection (schema `application`).
public struct Application: Decodable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var type: String?
    public var usages: [String]?
}
