import Foundation

/// Tenant kinds, [SPEC] `tenantKind`.
enum TenantKind: String, Sendable, CaseIterable {
    case root, partner, folder, customer, unit

    /// Kinds a tenant of this kind may have as children (simulator choice following the console hierarchy, §3.1
    /// [SPEC] `tenantKind`: partners and folders hold partners, folders and customers; customers and units hold units).
    var allowedChildKinds: Set<TenantKind> {
        switch self {
        case .root: [.partner, .folder, .customer]
        case .partner, .folder: [.partner, .folder, .customer]
        case .customer, .unit: [.unit]
        }
    }
}

/// Pricing modes, [SPEC] `pricingMode`.
enum PricingMode: String, Sendable, CaseIterable {
    case trial, production, suspended
}

/// A contact (tenant or user), stored as the validated `contactPut` fields plus identity and timestamps.
struct Contact: Sendable {
    let id: String
    let createdAt: Date
    var updatedAt: Date
    /// Fields from the request (`email`, `firstname`, `types`, …).
    var fields: [String: JSON]

    var email: String? { fields["email"]?.stringValue }
    var firstName: String? { fields["firstname"]?.stringValue }
    var lastName: String? { fields["lastname"]?.stringValue }
}

/// A tenant of the simulated DC ([SPEC] schema `tenant`).
struct Tenant: Sendable {
    let id: String
    /// Stable numeric id used by agent APIs and registration tokens (REG-5, [PLAYBOOK]).
    let numericID: Int
    var version: Int
    let createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?
    var productionStartDate: Date?
    var name: String
    var customerType = "default"
    /// `nil` only for the root tenant.
    var parentID: String?
    var kind: TenantKind
    var contact: Contact
    var enabled: Bool
    var customerID: String?
    var internalTag: String?
    var language: String
    var ownerID: String?
    var updateLockEnabled = false
    var updateLockOwnerID: String?
    var ancestralAccess = true
    var mfaEnabled = false
    var pricingMode: PricingMode
    var pricingVersion = 1
    var currency: String? = "EUR"
    /// A user's personal tenant (USR-2, [DOC-USERS]); hidden from listings and search.
    var isPersonal = false
    var enhancedSecurity = false
    var externalOperationStatus: String?

    var isDeleted: Bool { deletedAt != nil }
}
