/// Result of `onboarding.credentials` (tier `credentials`): what the operator hands to the customer.
public struct CredentialsResult: Sendable, Hashable, Codable {
    public var id: String
    public var customer: String
    public var adminLogin: String
    /// The password set on the admin (generated when the request gave none); absent for e-mail activation.
    public var adminPassword: String?
    /// Whether the daemon generated ``adminPassword``.
    public var passwordGenerated: Bool
    /// The agent registration token; absent until its step has run.
    public var registrationToken: String?
    public var registrationTokenExpiresAt: String?

    public init(
        id: String, customer: String, adminLogin: String, adminPassword: String?, passwordGenerated: Bool, registrationToken: String?,
        registrationTokenExpiresAt: String?
    ) {
        self.id = id
        self.customer = customer
        self.adminLogin = adminLogin
        self.adminPassword = adminPassword
        self.passwordGenerated = passwordGenerated
        self.registrationToken = registrationToken
        self.registrationTokenExpiresAt = registrationTokenExpiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id, customer
        case adminLogin = "admin_login"
        case adminPassword = "admin_password"
        case passwordGenerated = "password_generated"
        case registrationToken = "registration_token"
        case registrationTokenExpiresAt = "registration_token_expires_at"
    }
}

/// Parameters of `onboarding.install_script` (tier `credentials`: the commands hold the registration token).
public struct InstallScriptParams: Sendable, Hashable, Codable {
    public var id: String
    /// One platform; the request's platforms when absent.
    public var os: AgentPlatform?

    public init(id: String, os: AgentPlatform? = nil) {
        self.id = id
        self.os = os
    }
}

/// Result of `onboarding.install_script`.
public struct InstallScriptResult: Sendable, Hashable, Codable {
    public var instructions: [AgentInstallInstructions]

    public init(instructions: [AgentInstallInstructions]) {
        self.instructions = instructions
    }
}
