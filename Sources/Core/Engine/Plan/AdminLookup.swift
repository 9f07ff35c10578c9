import Foundation

/// Finds out what becomes of a request's admin login: a user of our tenant to adopt, a login that is
/// free, taken by someone outside our tenant, or refused by the DC.
///
/// Read-only (`GET /users?tenant_id=…`, then `GET /users/check_login`), and shared by the step that
/// creates the admin (``OnboardingStepRunner``) and the planner (``OnboardingPlanner``).
enum AdminLookup: Sendable, Hashable {
    /// A user of our tenant has the login (ignoring case): created by an earlier try, adopted.
    case ours(User)
    /// Nobody has the login: the user is to be created.
    case available
    /// A user outside our tenant has the login.
    case taken
    /// The DC refuses the login (406); the text says why.
    case invalid(String)

    /// Looks the login up in `tenantID` (when our tenant exists already), then DC-wide.
    static func find(login: String, inTenant tenantID: String?, client: DCClient) async throws(DCAPIError) -> AdminLookup {
        if let tenantID,
            let ours = try await client.users(inTenant: tenantID).first(where: { $0.login.caseInsensitiveCompare(login) == .orderedSame })
        {
            return .ours(ours)
        }
        switch try await client.checkLogin(login) {
        case .available: return .available
        case .taken: return .taken
        case .invalid(let reason): return .invalid(reason)
        }
    }
}
