/// A tenant as the API returns it (schema `tenant`). Only the fields onboard uses are decoded;
/// unknown fields are ignored so that additions on the DC side never break decoding.
public struct Tenant: Decodable, Sendable, Hashable, Identifiable {
    public var id: String
    /// Optimistic-lock version, required on `PUT` and `DELETE` (acronis-api.md §3.4).
    public var version: Int64
    public var name: String
    public var kind: TenantKind
    public var parentID: String?
    public var enabled: Bool?
    /// Free-form id set by the creator; onboard stores its correlation key here.
    public var customerID: String?
    /// Free-form tag (≤ 256 characters); onboard stores its correlation key here too.
    public var internalTag: String?
    public var language: String?
    public var pricingMode: PricingMode?
    public var mfaStatus: String?
    public var contact: TenantContact?
    public var hasChildren: Bool?

    enum CodingKeys: String, CodingKey {
        case id, version, name, kind, enabled, language, contact
        case parentID = "parent_id"
        case customerID = "customer_id"
        case internalTag = "internal_tag"
        case pricingMode = "pricing_mode"
        case mfaStatus = "mfa_status"
        case hasChildren = "has_children"
    }
}

/// Body of `POST /tenants` (schema `tenantPost`, which forbids unknown keys).
public struct TenantCreation: Encodable, Sendable, Hashable {
    public var name: String
    public var parentID: String
    public var kind: TenantKind
    public var contact: TenantContact?
    public var customerID: String?
    public var internalTag: String?
    public var language: String?
    public var enabled: Bool?

    public init(
        name: String, parentID: String, kind: TenantKind = .customer, contact: TenantContact? = nil,
        customerID: String? = nil, internalTag: String? = nil, language: String? = nil, enabled: Bool? = nil
    ) {
        self.name = name
        self.parentID = parentID
        self.kind = kind
        self.contact = contact
        self.customerID = customerID
        self.internalTag = internalTag
        self.language = language
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, contact, language, enabled
        case parentID = "parent_id"
        case customerID = "customer_id"
        case internalTag = "internal_tag"
    }
}

/// Body of `PUT /tenants/{id}` (schema `tenantPut`): `version` is required, everything else optional.
public struct TenantUpdate: Encodable, Sendable, Hashable {
    public var version: Int64
    public var name: String?
    public var enabled: Bool?
    public var customerID: Nullable<String>?
    public var internalTag: Nullable<String>?
    public var language: String?
    public var contact: TenantContact?

    public init(
        version: Int64, name: String? = nil, enabled: Bool? = nil, customerID: Nullable<String>? = nil,
        internalTag: Nullable<String>? = nil, language: String? = nil, contact: TenantContact? = nil
    ) {
        self.version = version
        self.name = name
        self.enabled = enabled
        self.customerID = customerID
        self.internalTag = internalTag
        self.language = language
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case version, name, enabled, language, contact
        case customerID = "customer_id"
        case internalTag = "internal_tag"
    }
}

/// Pricing settings of a tenant (schema `tenantPricingSettings`).
public struct TenantPricing: Decodable, Sendable, Hashable {
    public var mode: PricingMode
    public var version: Int64
    public var currency: String?
}

/// Body of `PUT /tenants/{id}/pricing` (schema `tenantPricingSettingsPut`).
public struct TenantPricingUpdate: Encodable, Sendable, Hashable {
    public var mode: PricingMode
    public var version: Int64
    public init(mode: PricingMode, version: Int64) {
        self.mode = mode
        self.version = version
    }
}

/// Two-factor authentication status of a tenant (schema `mfaTenantStatus`).
public struct TenantMFAStatus: Decodable, Sendable, Hashable {
    /// `disabled`, `disable_in_progress` or `enabled`.
    public var mfaStatus: String
    public var updateAllowed: Bool?

    public var isEnabled: Bool { mfaStatus == "enabled" }

    enum CodingKeys: String, CodingKey {
        case mfaStatus = "mfa_status"
        case updateAllowed = "update_allowed"
    }
}

/// One hit of `GET /search` (schema `global_search`).
public struct SearchHit: Decodable, Sendable, Hashable {
    /// `tenant` or `user`.
    public var objectType: String
    public var id: String
    public var parentID: String
    public var kind: TenantKind?
    public var name: String?
    public var login: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, name, login
        case objectType = "obj_type"
        case parentID = "parent_id"
    }
}
