extension OnboardingPlan {
    /// What happens to the admin user: created (`{"action": "create", …}`) or adopted (`{"action": "adopt", …}`).
    public typealias AdminAction = CreateOrAdopt<AdminCreationPlan, AdminAdoptionPlan>

    /// The user ``AdminAction/create(_:)`` would create.
    public struct AdminCreationPlan: Sendable, Hashable, Codable {
        /// The login (`admin.login`).
        public var login: String
        /// The user's e-mail address.
        public var email: String
        /// The user's first name, if given.
        public var firstname: String?
        /// The user's last name, if given.
        public var lastname: String?

        public init(login: String, email: String, firstname: String?, lastname: String?) {
            self.login = login
            self.email = email
            self.firstname = firstname
            self.lastname = lastname
        }
    }

    /// The user ``AdminAction/adopt(_:)`` would adopt.
    public struct AdminAdoptionPlan: Sendable, Hashable, Codable {
        /// The user's id.
        public var id: String
        /// Its login as the DC stores it.
        public var login: String
        /// Whether the user is active already (then activation is skipped).
        public var activated: Bool

        public init(id: String, login: String, activated: Bool) {
            self.id = id
            self.login = login
            self.activated = activated
        }
    }

    /// One role of the admin in the customer tenant.
    public struct RoleAssignment: Sendable, Hashable, Codable {
        /// The role id, e.g. `company_admin`.
        public var role: String
        /// Whether an adopted user has it already (then it is not sent again).
        public var alreadyAssigned: Bool

        public init(role: String, alreadyAssigned: Bool) {
            self.role = role
            self.alreadyAssigned = alreadyAssigned
        }

        enum CodingKeys: String, CodingKey {
            case role
            case alreadyAssigned = "already_assigned"
        }
    }

    /// How the admin user is activated. Never holds the password.
    public struct ActivationPlan: Sendable, Hashable, Codable {
        /// The ways a user is activated.
        public enum Method: String, Sendable, Hashable, Codable {
            /// onboard generates a strong password and sets it; the operator reads it with the credentials call.
            case generatedPassword = "password_generated"
            /// onboard sets the password the request gives.
            case givenPassword = "password_given"
            /// The DC sends the user an activation e-mail.
            case email
        }

        /// How the user is activated.
        public var method: Method
        /// Where the activation e-mail goes (``Method/email`` only).
        public var email: String?
        /// Whether an adopted user is active already, so nothing is done.
        public var alreadyActive: Bool

        public init(method: Method, email: String?, alreadyActive: Bool) {
            self.method = method
            self.email = email
            self.alreadyActive = alreadyActive
        }

        enum CodingKeys: String, CodingKey {
            case method, email
            case alreadyActive = "already_active"
        }
    }
}
