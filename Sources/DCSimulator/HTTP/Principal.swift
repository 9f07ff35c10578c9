/// The authenticated caller of an API request.
enum Principal: Sendable, Hashable {
    /// A token issued to an API client through `grant_type=client_credentials` (AUTH-1).
    case apiClient(clientID: String, tenantID: String)
    /// A token issued to a user through `grant_type=password` (USR-6 needs user tokens to exist).
    case user(userID: String, tenantID: String)

    /// The tenant whose subtree the caller may touch (GEN-2, [DOC-CODES]).
    var tenantID: String {
        switch self {
        case .apiClient(_, let tenantID), .user(_, let tenantID): tenantID
        }
    }

    /// The API client id, for API-client tokens.
    var clientID: String? {
        if case .apiClient(let clientID, _) = self { return clientID }
        return nil
    }

    /// The user id, for user tokens.
    var userID: String? {
        if case .user(let userID, _) = self { return userID }
        return nil
    }

    /// A stable key for per-caller fault state such as the rate-limit bucket.
    var key: String {
        switch self {
        case .apiClient(let clientID, _): "client:\(clientID)"
        case .user(let userID, _): "user:\(userID)"
        }
    }
}
