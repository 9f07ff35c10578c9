/// What an onboarding would do, read from the DC without writing anything: the dry run of a request
/// (``OnboardingPlanner``).
///
/// It lists the tenant to create or adopt, the offering items with their quotas, the storage
/// chosen for each storage item and why, the tenant settings, the admin user, roles, activation
/// and registration token, and every problem that would stop the onboarding, all at once.
///
/// A plan never holds a secret: no password (only whether one is given or generated) and no
/// registration token (it does not exist yet). Its `Codable` form (snake_case keys) is what the
/// `plan` method returns; ``humanReadable`` is what an operator reads before submitting.
public struct OnboardingPlan: Sendable, Hashable, Codable {
    /// The request's idempotency key.
    public var key: String
    /// The partner account the customer would be created under.
    public var partner: String
    /// The customer name of the request.
    public var customerName: String
    /// The tenant to create or adopt; `nil` when it cannot be planned (see ``problems``).
    public var tenant: TenantAction?
    /// Edition, items, storage and settings; `nil` when they cannot be planned (see ``problems``).
    public var services: ServicesPlan?
    /// The admin user to create or adopt; `nil` when the login cannot be used (see ``problems``).
    public var admin: AdminAction?
    /// The roles the admin gets in the customer tenant.
    public var roles: [RoleAssignment]
    /// How the admin is activated.
    public var activation: ActivationPlan
    /// The agent registration token to issue.
    public var registrationToken: RegistrationTokenPlan
    /// Everything that would stop the onboarding, each with its fix. Empty when the request can be submitted.
    public var problems: [PlanProblem]

    public init(
        key: String, partner: String, customerName: String, tenant: TenantAction?, services: ServicesPlan?, admin: AdminAction?,
        roles: [RoleAssignment], activation: ActivationPlan, registrationToken: RegistrationTokenPlan, problems: [PlanProblem]
    ) {
        self.key = key
        self.partner = partner
        self.customerName = customerName
        self.tenant = tenant
        self.services = services
        self.admin = admin
        self.roles = roles
        self.activation = activation
        self.registrationToken = registrationToken
        self.problems = problems
    }

    /// Whether nothing stops the onboarding.
    public var isClean: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case key, partner, tenant, services, admin, roles, activation, problems
        case customerName = "customer_name"
        case registrationToken = "registration_token"
    }
}
