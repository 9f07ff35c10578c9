/// The configuration with what it points at: each partner's client secret and the service profiles. This is what the
/// daemon runs with, and what a reload replaces.
public struct LoadedConfiguration: Sendable {
    /// The file it was read from.
    public var path: String
    public var configuration: DaemonConfiguration
    /// Client secrets by partner name.
    public var secrets: [String: Secret]
    /// Profiles by name (file name without `.json`).
    public var profiles: [String: ServiceProfile]

    public init(path: String, configuration: DaemonConfiguration, secrets: [String: Secret], profiles: [String: ServiceProfile]) {
        self.path = path
        self.configuration = configuration
        self.secrets = secrets
        self.profiles = profiles
    }

    /// The partner names and profile names requests are validated against.
    public var validationContext: RequestValidationContext {
        RequestValidationContext(partners: configuration.partners.map(\.name), profiles: profiles.keys.sorted())
    }

    /// The credentials of a configured partner.
    public func credentials(of partner: DaemonConfiguration.Partner) -> PartnerCredentials? {
        secrets[partner.name].map { PartnerCredentials(dataCenterURL: partner.dataCenterURL, clientID: partner.clientID, clientSecret: $0) }
    }
}
