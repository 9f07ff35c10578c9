import Foundation

/// An issued bearer token (AUTH-1, AUTH-2).
struct AccessToken: Sendable {
    /// The opaque token string. Never logged, recorded or dumped.
    let token: String
    let principal: Principal
    let issuedAt: Date
    let expiresAt: Date
}
