/// Response of `POST /idp/token` (schema `token`). The access token is a secret.
public struct TokenGrant: Decodable, Sendable {
    public var accessToken: String
    public var tokenType: String
    /// Lifetime in seconds; optional in the schema.
    public var expiresIn: Int64?
    /// Expiry as Unix seconds; optional in the schema.
    public var expiresOn: Int64?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case expiresOn = "expires_on"
    }
}

/// The API client behind a set of credentials (schema `client`).
public struct APIClientInfo: Decodable, Sendable, Hashable {
    public var clientID: String
    /// The partner tenant the client belongs to.
    public var tenantID: String
    public var type: String?
    public var status: String?

    enum CodingKeys: String, CodingKey {
        case type, status
        case clientID = "client_id"
        case tenantID = "tenant_id"
    }
}
