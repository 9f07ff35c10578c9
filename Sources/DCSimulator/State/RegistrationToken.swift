import Foundation

/// An agent registration token ([SPEC] schema `registrationToken`, §6).
struct RegistrationToken: Sendable {
    let id: Int
    /// `[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}` (REG-1, [SPEC]).
    let token: String
    let createdAt: Date
    let expiresAt: Date
    /// UUID of the tenant the token registers machines into.
    let tenantID: String
    let scopes: [String]
}
