/// Contact details of a tenant (schema `contactPut` when sent, `tenant.contact` when read).
public struct TenantContact: Codable, Sendable, Hashable {
    public var email: String?
    public var firstname: String?
    public var lastname: String?
    public var phone: String?
    public var country: String?
    public var language: String?
    /// Contact roles: `legal`, `primary`, `billing`, `technical`, `management`.
    public var types: [String]?

    public init(
        email: String? = nil, firstname: String? = nil, lastname: String? = nil, phone: String? = nil,
        country: String? = nil, language: String? = nil, types: [String]? = nil
    ) {
        self.email = email
        self.firstname = firstname
        self.lastname = lastname
        self.phone = phone
        self.country = country
        self.language = language
        self.types = types
    }
}

/// Contact details of a user (schema `userPost.contact`: `email` is required, there are no `types`).
public struct UserContact: Codable, Sendable, Hashable {
    public var email: String
    public var firstname: String?
    public var lastname: String?
    public var phone: String?
    public var language: String?

    public init(email: String, firstname: String? = nil, lastname: String? = nil, phone: String? = nil, language: String? = nil) {
        self.email = email
        self.firstname = firstname
        self.lastname = lastname
        self.phone = phone
        self.language = language
    }
}
