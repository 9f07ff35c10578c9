/// The facts about a user that its password must not contain (acronis-api.md §5.4).
///
/// ``OnboardingRequest/passwordContext`` builds one from a request.
public struct PasswordContext: Sendable, Hashable {
    /// The user's login.
    public var login: String
    /// The user's e-mail address. Its local part (before `@`) is checked too.
    public var email: String
    /// The user's first name, if known.
    public var firstname: String?
    /// The user's last name, if known.
    public var lastname: String?
    /// The name of the tenant the user belongs to (the customer name).
    public var tenantName: String

    /// Creates a context; names default to unknown.
    public init(login: String, email: String, firstname: String? = nil, lastname: String? = nil, tenantName: String) {
        self.login = login
        self.email = email
        self.firstname = firstname
        self.lastname = lastname
        self.tenantName = tenantName
    }
}
