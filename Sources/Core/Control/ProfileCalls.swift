/// Result of `profile.list`.
public struct ProfileListResult: Sendable, Hashable, Codable {
    public var profiles: [ProfileSummary]
    /// The folder the profiles were read from.
    public var directory: String

    public init(profiles: [ProfileSummary], directory: String) {
        self.profiles = profiles
        self.directory = directory
    }
}

/// One configured profile.
public struct ProfileSummary: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    public var edition: String
    /// The offering items it enables, by name.
    public var items: [String]

    public init(name: String, description: String?, edition: String, items: [String]) {
        self.name = name
        self.description = description
        self.edition = edition
        self.items = items
    }

    public init(_ profile: ServiceProfile) {
        self.init(name: profile.name, description: profile.description, edition: profile.edition.rawValue, items: profile.items.map(\.name))
    }
}

/// Parameters of `profile.export`.
public struct ProfileExportParams: Sendable, Hashable, Codable {
    /// The customer to copy: its exact name or UUID, directly under the partner tenant.
    public var fromTenant: String
    /// The partner account; may be omitted when only one is configured.
    public var partner: String?
    /// The new profile's name (file name without `.json`).
    public var name: String

    public init(fromTenant: String, partner: String? = nil, name: String) {
        self.fromTenant = fromTenant
        self.partner = partner
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case partner, name
        case fromTenant = "from_tenant"
    }
}

/// Result of `profile.export`: the profile file's text; the daemon does not write it (the profiles folder belongs
/// to the administrator).
public struct ProfileExportResult: Sendable, Hashable, Codable {
    public var name: String
    public var content: String

    public init(name: String, content: String) {
        self.name = name
        self.content = content
    }
}
