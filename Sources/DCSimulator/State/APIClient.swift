import Foundation

/// An API client (OAuth client) of the DC ([SPEC] schema `client`, §2.4).
struct APIClient: Sendable {
    let clientID: String
    /// The client secret. Never rendered, logged, recorded or dumped.
    let secret: String
    /// The tenant the client belongs to (AUTH-4).
    let tenantID: String
    let name: String
    let createdAt: Date
    let createdBy: String
    var lastAccessAt: Date?
    var lastAccessFromIP: String?
}
