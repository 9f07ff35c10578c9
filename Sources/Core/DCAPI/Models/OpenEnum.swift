/// A string-valued enumeration that accepts values it does not know.
///
/// Acronis adds enum values over time (new tenant kinds, pricing modes, roles). A closed Swift
/// `enum` would make decoding fail on the first new value, which is a known failure of existing
/// Acronis clients, so wire enums are structs with well-known static values instead.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String
{
    init(rawValue: String)
}

extension OpenStringEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
}

/// Tenant kind (schema `tenantKind`).
public struct TenantKind: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let root: Self = "root"
    public static let partner: Self = "partner"
    public static let folder: Self = "folder"
    public static let customer: Self = "customer"
    public static let unit: Self = "unit"
}

/// Tenant pricing mode (schema `pricingMode`). `trial` → `production` cannot be undone.
public struct PricingMode: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let trial: Self = "trial"
    public static let production: Self = "production"
    public static let suspended: Self = "suspended"
}

/// Offering-item edition, e.g. `pck_per_workload`. `*` selects all editions in queries.
public struct Edition: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let perWorkload: Self = "pck_per_workload"
    public static let perGigabyte: Self = "pck_per_gigabyte"
    /// The legacy default the API applies when no edition is given (acronis-api.md §9.1).
    public static let standard: Self = "standard"
    /// Query value for "every edition".
    public static let all: Self = "*"
}

/// Role of an access policy (schema `userRole`).
public struct RoleID: OpenStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let companyAdmin: Self = "company_admin"
    public static let partnerAdmin: Self = "partner_admin"
    public static let readonlyAdmin: Self = "readonly_admin"
    public static let protectionAdmin: Self = "protection_admin"
    public static let backupUser: Self = "backup_user"
}
