/// One customer onboarding request, format version 1, validated and normalised.
///
/// Values come from ``RequestParser/parse(json:context:)`` or ``CSVRequestImporter/parse(csv:context:)``, which
/// check every rule and fill every default, or from decoding a request that one of them produced earlier (decoding
/// trusts its input: it is meant for onboard's own store, not for user input). Normalisation means:
///
/// - ``key`` is always set: when the input has none it is derived from the partner and the customer name
///   (``derivedKey(partner:customerName:)``), and ``keyWasDerived`` is `true`.
/// - ``partner`` is always set: when the input has none and exactly one partner account is configured, it is that one.
/// - Defaults are filled: `customer.language` `en`, `admin.roles` `["company_admin"]`, `admin.activation`
///   `password`, `agent.token_valid_days` 3, `agent.platforms` all three.
/// - `admin.roles` is sorted; `agent.platforms` is in the order of ``AgentPlatform/allCases``; text is in Unicode
///   normalisation form C (the password excepted: it is kept exactly as given).
///
/// Two requests with the same ``canonicalJSON()`` ask for the same thing.
///
/// - Important: The request may carry the admin's password (``Admin/password``). `description`,
///   `debugDescription` and the mirror (`dump`) redact it, but the `Codable` form and ``canonicalJSON()`` contain it
///   in clear text: never log them.
public struct OnboardingRequest: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The only request format version this onboard reads and writes.
    public static let currentVersion = 1

    /// The format version: always ``currentVersion``.
    public let version: Int
    /// The idempotency key: the request's identity. It is written into the tenant onboard creates, so a later run
    /// recognises the tenant as its own. Submitting the same key with the same content returns the existing
    /// onboarding; the same key with different content is a conflict.
    ///
    /// A key given in the input is 1–128 characters of `A–Z a–z 0–9 . _ : -`. A derived key always contains `/`,
    /// which given keys cannot, so the two kinds never collide.
    public let key: String
    /// Whether ``key`` was derived from the partner and the customer name because the input had none.
    public let keyWasDerived: Bool
    /// The name of the configured partner account the customer is created under.
    public let partner: String
    /// The customer (tenant) to create.
    public let customer: Customer
    /// Where the customer's services come from.
    public let services: Services
    /// The customer's admin user.
    public let admin: Admin
    /// The agent registration token and install commands.
    public let agent: Agent

    init(
        key: String,
        keyWasDerived: Bool,
        partner: String,
        customer: Customer,
        services: Services,
        admin: Admin,
        agent: Agent
    ) {
        self.version = Self.currentVersion
        self.key = key
        self.keyWasDerived = keyWasDerived
        self.partner = partner
        self.customer = customer
        self.services = services
        self.admin = admin
        self.agent = agent
    }

    enum CodingKeys: String, CodingKey {
        case version, key
        case keyWasDerived = "key_was_derived"
        case partner, customer, services, admin, agent
    }

    /// What the password rules (``PasswordPolicy``) and the generator (``PasswordGenerator``) must avoid for this
    /// request's admin user.
    public var passwordContext: PasswordContext {
        PasswordContext(
            login: admin.login,
            email: admin.email,
            firstname: admin.firstname,
            lastname: admin.lastname,
            tenantName: customer.name
        )
    }

    /// A one-line summary, with the password redacted.
    public var description: String {
        let password = admin.password == nil ? "" : " password=<redacted>"
        return "OnboardingRequest(v\(version) key=\(key)\(keyWasDerived ? " (derived)" : "") partner=\(partner) "
            + "customer=\"\(customer.name)\" services=\(services) admin=\(admin.login) "
            + "activation=\(admin.activation.rawValue)\(password))"
    }

    /// The same as ``description``: the password is redacted.
    public var debugDescription: String { description }

    /// Mirrors every property; ``admin`` mirrors itself with the password redacted.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "version": version, "key": key, "keyWasDerived": keyWasDerived, "partner": partner,
                "customer": customer, "services": services, "admin": admin, "agent": agent,
            ],
            displayStyle: .struct
        )
    }
}
