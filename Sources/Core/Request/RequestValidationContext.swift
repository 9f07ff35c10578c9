/// What the configuration offers a request: the partner accounts and the profiles it may name.
public struct RequestValidationContext: Sendable, Hashable {
    /// The names of the configured partner accounts. A request names one of them in `partner`; it may leave
    /// `partner` out when there is exactly one.
    public var partners: [String]
    /// The names of the profiles in the configuration directory (`profiles/NAME.json`, without `.json`).
    public var profiles: [String]

    /// Creates a context from the configured partner account names and profile names.
    public init(partners: [String], profiles: [String]) {
        self.partners = partners
        self.profiles = profiles
    }
}
