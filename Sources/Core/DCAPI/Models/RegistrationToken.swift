/// An agent registration token (schema `registrationToken`).
public struct RegistrationToken: Decodable, Sendable, Hashable {
    public var id: Int64
    /// `XXXX-XXXX-XXXX`. A secret: never log it.
    public var token: String
    public var createdAt: String?
    public var expiresAt: String
    /// The tenant's numeric id, as a string (agent APIs use numeric ids).
    public var tenantID: String
    public var tenantUUID: String?
    public var scopes: [String]

    enum CodingKeys: String, CodingKey {
        case id, token, scopes
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case tenantID = "tenant_id"
        case tenantUUID = "tenant_uuid"
    }
}

/// Body of `POST /tenants/{id}/registration_tokens` (schema `registrationTokenPostV2`).
public struct RegistrationTokenRequest: Encodable, Sendable, Hashable {
    /// Lifetime in seconds; at most one year.
    public var expiresIn: Int
    public var scopes: [String]

    /// The longest lifetime the API accepts (acronis-api.md §6.1).
    public static let maximumLifetimeSeconds = 365 * 24 * 3600

    /// The official form: issued in the user's personal tenant, with an empty tenant id in the
    /// scope (acronis-api.md §6.3).
    public static func backupAgentAdmin(expiresIn: Int) -> Self {
        Self(expiresIn: expiresIn, scopes: ["urn:acronis.com:tenant-id::backup_agent_admin"])
    }

    public init(expiresIn: Int, scopes: [String]) {
        self.expiresIn = expiresIn
        self.scopes = scopes
    }

    enum CodingKeys: String, CodingKey {
        case scopes
        case expiresIn = "expires_in"
    }
}
