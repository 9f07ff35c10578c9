import Foundation

/// An access policy (role assignment) of a user ([SPEC] `accessPoliciesList` items).
struct AccessPolicy: Sendable {
    let id: String
    var version: Int
    let createdAt: Date
    var updatedAt: Date
    let trusteeID: String
    let issuerID: String
    let tenantID: String
    let roleID: String
}

/// A user of the simulated DC ([SPEC] schema `user`).
struct User: Sendable {
    let id: String
    var version: Int
    let tenantID: String
    var login: String
    var contact: Contact
    var activated: Bool
    var enabled: Bool
    let createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?
    var language: String
    /// The personal tenant of users in customer tenants (USR-2, [DOC-USERS]).
    let personalTenantID: String?
    var businessTypes: [String]
    var notifications: [String]
    var externalID: String?
    var disableAfter: String?
    /// The password set through `POST /users/{id}/password` or the seed; used by `grant_type=password`.
    /// Never rendered, logged or dumped.
    var password: String?
    /// When `send-activation-email` was last called (USR-5).
    var activationEmailSentAt: Date?
    var accessPolicies: [AccessPolicy]

    var isDeleted: Bool { deletedAt != nil }
}
