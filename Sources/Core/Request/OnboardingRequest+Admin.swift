extension OnboardingRequest {
    /// The customer's admin user: created in the customer tenant, given its roles, then activated.
    ///
    /// - Important: ``password`` is a ``Secret``. Its `description` is redacted, and so are this type's
    ///   `description`, `debugDescription` and mirror (what `dump` prints). The `Codable` form, however, contains the
    ///   password in clear text, deliberately, so that the request can be stored: treat encoded requests as secret.
    public struct Admin: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The roles given when the request names none.
        public static let defaultRoles = ["company_admin"]

        /// The login: 1–64 ASCII letters, digits and `. _ - + @`, starting with a letter or digit.
        public let login: String
        /// The user's e-mail address.
        public let email: String
        /// The user's first name, if given.
        public let firstname: String?
        /// The user's last name, if given.
        public let lastname: String?
        /// The role ids to grant in the customer tenant, sorted and without duplicates (acronis-api.md §5.3).
        public let roles: [String]
        /// How the user is activated. Defaults to ``Activation/password``.
        public let activation: Activation
        /// The password the request gave, if any. Only ever present with ``Activation/password``; when it is
        /// absent the engine generates one (``PasswordGenerator``).
        public let password: Secret?

        init(
            login: String,
            email: String,
            firstname: String?,
            lastname: String?,
            roles: [String],
            activation: Activation,
            password: Secret?
        ) {
            self.login = login
            self.email = email
            self.firstname = firstname
            self.lastname = lastname
            self.roles = roles
            self.activation = activation
            self.password = password
        }

        enum CodingKeys: String, CodingKey {
            case login, email, firstname, lastname, roles, activation, password
        }

        /// Decodes an admin, password included, without validating it (see ``OnboardingRequest``).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            login = try container.decode(String.self, forKey: .login)
            email = try container.decode(String.self, forKey: .email)
            firstname = try container.decodeIfPresent(String.self, forKey: .firstname)
            lastname = try container.decodeIfPresent(String.self, forKey: .lastname)
            roles = try container.decode([String].self, forKey: .roles)
            activation = try container.decode(Activation.self, forKey: .activation)
            password = try container.decodeIfPresent(String.self, forKey: .password).map(Secret.init)
        }

        /// Encodes the admin, **including the password in clear text** (see the type's note).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(login, forKey: .login)
            try container.encode(email, forKey: .email)
            try container.encodeIfPresent(firstname, forKey: .firstname)
            try container.encodeIfPresent(lastname, forKey: .lastname)
            try container.encode(roles, forKey: .roles)
            try container.encode(activation, forKey: .activation)
            try container.encodeIfPresent(password?.revealed, forKey: .password)
        }

        /// A summary with the password redacted.
        public var description: String {
            var parts = ["login: \(login)", "email: \(email)"]
            if let firstname { parts.append("firstname: \(firstname)") }
            if let lastname { parts.append("lastname: \(lastname)") }
            parts.append("roles: \(roles.joined(separator: ","))")
            parts.append("activation: \(activation.rawValue)")
            parts.append("password: \(password == nil ? "none (generated later)" : "<redacted>")")
            return "Admin(\(parts.joined(separator: ", ")))"
        }

        /// The same as ``description``: the password is redacted.
        public var debugDescription: String { description }

        /// Mirrors every property, with the password replaced by `<redacted>`.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "login": login, "email": email, "firstname": firstname as Any, "lastname": lastname as Any,
                    "roles": roles, "activation": activation,
                    "password": password == nil ? Optional<String>.none as Any : "<redacted>",
                ],
                displayStyle: .struct
            )
        }
    }
}
