/// The steps of one onboarding, in the order they run.
///
/// Every step reconciles before it acts (it first looks for what an earlier attempt may have
/// created), so running a step again after a crash or an "outcome unknown" adopts instead of
/// duplicating.
public enum OnboardingStep: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    /// Find the customer tenant by our key, or create it; a same-named tenant that is not ours fails.
    case createTenant = "create_tenant"
    /// Enable the profile's (or template's) offering items, quotas and storage.
    case configureServices = "configure_services"
    /// Pricing mode and two-factor authentication, when the profile asks for them.
    case configureTenantSettings = "configure_tenant_settings"
    /// Find the admin user by login inside our tenant, or create it.
    case createAdmin = "create_admin"
    /// Give the admin its roles (union with what it has).
    case assignRoles = "assign_roles"
    /// Set the password, or send the activation e-mail.
    case activateAdmin = "activate_admin"
    /// Create the agent registration token, once per onboarding.
    case createRegistrationToken = "create_registration_token"
    /// Check the post-conditions: tenant, items, storage, user, roles, activation, token.
    case verify

    /// The first step.
    public static var first: OnboardingStep { allCases[0] }

    /// The step after this one, or `nil` after the last.
    public var next: OnboardingStep? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What the step does, for people.
    public var description: String {
        switch self {
        case .createTenant: "create or adopt the customer tenant"
        case .configureServices: "enable offering items, quotas and storage"
        case .configureTenantSettings: "set pricing mode and two-factor authentication"
        case .createAdmin: "create or adopt the admin user"
        case .assignRoles: "assign the admin's roles"
        case .activateAdmin: "activate the admin"
        case .createRegistrationToken: "create the agent registration token"
        case .verify: "verify the result"
        }
    }
}
