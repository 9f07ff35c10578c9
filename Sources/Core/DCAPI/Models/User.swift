/// A user as the API returns it (schema `user`).
public struct User: Decodable, Sendable, Hashable, Identifiable {
    public var id: String
    public var version: Int64
    public var tenantID: String
    public var login: String
    /// `true` once a password was set or the activation e-mail was followed.
    public var activated: Bool
    public var enabled: Bool
    /// Personal tenant of a user in a customer tenant; registration tokens are issued in it.
    public var personalTenantID: String?
    public var contact: TenantContact?

    enum CodingKeys: String, CodingKey {
        case id, version, login, activated, enabled, contact
        case tenantID = "tenant_id"
        case personalTenantID = "personal_tenant_id"
    }
}

/// Body of `POST /users` (schema `userPost`, which forbids unknown keys).
public struct UserCreation: Encodable, Sendable, Hashable {
    public var tenantID: String
    public var login: String
    public var contact: UserContact
    public var language: String?

    public init(tenantID: String, login: String, contact: UserContact, language: String? = nil) {
        self.tenantID = tenantID
        self.login = login
        self.contact = contact
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case login, contact, language
        case tenantID = "tenant_id"
    }
}

/// An access policy (role assignment) of a user (schema `accessPoliciesList.items[]`).
public struct AccessPolicy: Codable, Sendable, Hashable {
    public var id: String
    public var version: Int64
    public var trusteeID: String
    /// `user`, `user_group` or `client`.
    public var trusteeType: String
    public var issuerID: String
    public var tenantID: String
    public var roleID: RoleID
    public var createdAt: String?
    public var updatedAt: String?

    /// The id the official examples send for a policy that does not exist yet.
    public static let newPolicyID = "00000000-0000-0000-0000-000000000000"

    /// A new policy giving `role` on `tenantID` to `userID`.
    public init(role: RoleID, tenantID: String, userID: String) {
        self.id = Self.newPolicyID
        self.version = 0
        self.trusteeID = userID
        self.trusteeType = "user"
        self.issuerID = Self.newPolicyID
        self.tenantID = tenantID
        self.roleID = role
    }

    enum CodingKeys: String, CodingKey {
        case id, version
        case trusteeID = "trustee_id"
        case trusteeType = "trustee_type"
        case issuerID = "issuer_id"
        case tenantID = "tenant_id"
        case roleID = "role_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        version = try container.decodeIfPresent(Int64.self, forKey: .version) ?? 0
        trusteeID = try container.decode(String.self, forKey: .trusteeID)
        trusteeType = try container.decodeIfPresent(String.self, forKey: .trusteeType) ?? "user"
        issuerID = try container.decodeIfPresent(String.self, forKey: .issuerID) ?? Self.newPolicyID
        tenantID = try container.decode(String.self, forKey: .tenantID)
        roleID = try container.decode(RoleID.self, forKey: .roleID)
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt)
    }

    /// Encodes every key the schema requires; timestamps of new policies are filled by the caller.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(trusteeID, forKey: .trusteeID)
        try container.encode(trusteeType, forKey: .trusteeType)
        try container.encode(issuerID, forKey: .issuerID)
        try container.encode(tenantID, forKey: .tenantID)
        try container.encode(roleID, forKey: .roleID)
        try container.encodeIfPresent(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
        try container.encodeNil(forKey: .deletedAt)
    }
}
