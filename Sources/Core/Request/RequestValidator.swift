import Foundation

/// Applies every rule of request format v1 to a parsed JSON document and builds the normalised request.
///
/// The one set of rules for both inputs: ``RequestParser`` feeds it the JSON document, ``CSVRequestImporter`` the
/// JSON equivalent of each row. Only the wording of fixes differs (a CSV fix names the column). It collects every
/// issue rather than stopping at the first.
struct RequestValidator {
    /// Where the document came from, for the wording of fixes.
    enum Source: Sendable, Hashable {
        case json
        case csv
    }

    /// The members each object of format v1 allows.
    enum Fields {
        static let root = ["version", "key", "partner", "customer", "services", "admin", "agent"]
        static let customer = ["name", "language", "contact"]
        static let contact = ["email", "firstname", "lastname", "phone"]
        static let services = ["profile", "template_tenant"]
        static let admin = ["login", "email", "firstname", "lastname", "roles", "activation", "password"]
        static let agent = ["token_valid_days", "platforms"]
    }

    static let defaultLanguage = "en"

    let context: RequestValidationContext
    let source: Source
    private(set) var issues: [RequestIssue] = []

    init(context: RequestValidationContext, source: Source) {
        self.context = context
        self.source = source
    }

    /// Validates `document`; returns the request, or `nil` with ``issues`` non-empty.
    mutating func validate(_ document: RequestJSONValue) -> OnboardingRequest? {
        guard case .object(let root) = document else {
            add(
                "",
                "is \(document.kindDescription), not a JSON object",
                "Write the request as one JSON object: {\"version\": 1, \"customer\": {…}, \"services\": {…}, "
                    + "\"admin\": {…}}."
            )
            return nil
        }
        checkMembers(root, allowed: Fields.root, path: "")
        validateVersion(root["version"])
        let givenKey = validateKey(nonNull(root["key"]))
        let partner = validatePartner(nonNull(root["partner"]))
        let customer = validateCustomer(nonNull(root["customer"]))
        let services = validateServices(nonNull(root["services"]))
        let admin = validateAdmin(nonNull(root["admin"]), root: root)
        let agent = validateAgent(nonNull(root["agent"]))

        guard issues.isEmpty, let partner, let customer, let services, let admin, let agent else {
            if issues.isEmpty {
                // Unreachable: every nil above comes with an issue. Kept so a future rule cannot pass silently.
                add("", "could not be validated", "Report this as a bug in onboard.")
            }
            return nil
        }
        let key = givenKey ?? OnboardingRequest.derivedKey(partner: partner, customerName: customer.name)
        return OnboardingRequest(
            key: key,
            keyWasDerived: givenKey == nil,
            partner: partner,
            customer: customer,
            services: services,
            admin: admin,
            agent: agent
        )
    }

    // MARK: - Top level

    private mutating func validateVersion(_ value: RequestJSONValue?) {
        let expected = OnboardingRequest.currentVersion
        guard let value = nonNull(value) else {
            reportMissing("version", example: "\(expected)", quoted: false)
            return
        }
        guard let version = value.integerValue else {
            add(
                "version",
                "must be the number \(expected), not \(preview(value, path: "version"))",
                "Set \"version\" to \(expected) (a number, without quotes)."
            )
            return
        }
        if version != expected {
            add(
                "version",
                "is \(version), but this onboard reads only request format version \(expected)",
                "Write the request in format version \(expected) (see the README) and set \"version\" to \(expected)."
            )
        }
    }

    private mutating func validateKey(_ value: RequestJSONValue?) -> String? {
        guard let value else { return nil }
        guard let key = string(value, path: "key", example: "crm-4711") else { return nil }
        let findings = RequestFieldRules.key(key)
        add("key", findings)
        return findings.isEmpty ? key : nil
    }

    private mutating func validatePartner(_ value: RequestJSONValue?) -> String? {
        let partners = context.partners
        guard let value else {
            switch partners.count {
            case 1:
                return partners[0]
            case 0:
                add(
                    "partner",
                    "is missing, and no partner accounts are configured",
                    "Configure a partner account in onboard's configuration first."
                )
            default:
                add(
                    "partner",
                    "is missing, and several partner accounts are configured: \(list(partners))",
                    source == .json
                        ? "Add \"partner\" at the top level with one of: \(list(partners))."
                        : "Fill in the column partner with one of: \(list(partners))."
                )
            }
            return nil
        }
        guard let partner = string(value, path: "partner", example: partners.first ?? "eu2") else { return nil }
        guard partners.contains(partner) else {
            if partners.isEmpty {
                add(
                    "partner",
                    "is \"\(printable(partner))\", but no partner accounts are configured",
                    "Configure a partner account in onboard's configuration first."
                )
            } else {
                add(
                    "partner",
                    "is \"\(printable(partner))\", which is not a configured partner account",
                    RequestSuggestions.didYouMean(partner, in: partners)
                        + "Use one of the configured partner accounts: \(list(partners))."
                )
            }
            return nil
        }
        return partner
    }

    // MARK: - Customer

    private mutating func validateCustomer(_ value: RequestJSONValue?) -> OnboardingRequest.Customer? {
        let path = "customer"
        guard let value else {
            reportMissing(
                path,
                example: "{\"name\": \"Contoso Ltd\", \"contact\": {\"email\": \"it@contoso.example\"}}",
                quoted: false
            )
            return nil
        }
        guard let members = object(value, path: path, allowed: Fields.customer) else { return nil }
        let name = requiredText(
            members["name"],
            path: "customer.name",
            what: "the customer name",
            example: "Contoso Ltd"
        )
        var language: String? = Self.defaultLanguage
        if let languageValue = nonNull(members["language"]) {
            language = string(languageValue, path: "customer.language", example: "en")
            if let code = language {
                let findings = RequestFieldRules.language(code)
                add("customer.language", findings)
                if !findings.isEmpty { language = nil }
            }
        }
        let contact = validateContact(nonNull(members["contact"]))
        guard let name, let language, let contact else { return nil }
        return OnboardingRequest.Customer(name: nfc(name), language: language, contact: contact)
    }

    private mutating func validateContact(_ value: RequestJSONValue?) -> OnboardingRequest.Contact? {
        let path = "customer.contact"
        guard let value else {
            reportMissing(path, example: "{\"email\": \"it@contoso.example\"}", quoted: false)
            return nil
        }
        guard let members = object(value, path: path, allowed: Fields.contact) else { return nil }
        let email = requiredEmail(members["email"], path: "customer.contact.email", example: "it@contoso.example")
        let firstname = optionalText(members["firstname"], path: "customer.contact.firstname", what: "a first name")
        let lastname = optionalText(members["lastname"], path: "customer.contact.lastname", what: "a last name")
        var phone: String??
        if let phoneValue = nonNull(members["phone"]) {
            if let text = string(phoneValue, path: "customer.contact.phone", example: "+1 555 0100") {
                let findings = RequestFieldRules.phone(text)
                add("customer.contact.phone", findings)
                phone = findings.isEmpty ? .some(nfc(text)) : nil
            } else {
                phone = nil
            }
        } else {
            phone = .some(nil)
        }
        guard let email, let firstname, let lastname, let phone else { return nil }
        return OnboardingRequest.Contact(email: nfc(email), firstname: firstname, lastname: lastname, phone: phone)
    }

    // MARK: - Services

    private mutating func validateServices(_ value: RequestJSONValue?) -> OnboardingRequest.Services? {
        let path = "services"
        let profileHint = context.profiles.isEmpty ? "" : " (one of: \(list(context.profiles)))"
        guard let value else {
            add(
                path,
                "is missing",
                source == .json
                    ? "Add \"services\" at the top level with exactly one of {\"profile\": \"NAME\"}\(profileHint) "
                        + "and {\"template_tenant\": \"NAME-or-UUID\"}."
                    : "Fill in exactly one of the columns profile\(profileHint) and template_tenant."
            )
            return nil
        }
        guard let members = object(value, path: path, allowed: Fields.services) else { return nil }
        let profileValue = nonNull(members["profile"])
        let templateValue = nonNull(members["template_tenant"])
        switch (profileValue, templateValue) {
        case (nil, nil):
            add(
                path,
                "has neither \"profile\" nor \"template_tenant\"",
                source == .json
                    ? "Add exactly one: \"profile\": \"NAME\"\(profileHint), or \"template_tenant\": \"NAME-or-UUID\" "
                        + "(an existing customer whose services are copied)."
                    : "Fill in exactly one of the columns profile\(profileHint) and template_tenant."
            )
            return nil
        case (.some, .some):
            add(
                path,
                "has both \"profile\" and \"template_tenant\"",
                source == .json
                    ? "Keep exactly one: \"profile\" to use a profile file, or \"template_tenant\" to copy an existing "
                        + "customer's services."
                    : "Fill in only one of the columns profile and template_tenant; empty the other."
            )
            return nil
        case (let profileValue?, nil):
            return validateProfile(profileValue)
        case (nil, let templateValue?):
            guard
                let reference = string(
                    templateValue,
                    path: "services.template_tenant",
                    example: "Sample Customer (per workload)"
                )
            else { return nil }
            let findings = RequestFieldRules.text(
                reference,
                what: "the template tenant's name or UUID",
                optional: false
            )
            add("services.template_tenant", findings)
            return findings.isEmpty ? .templateTenant(nfc(reference)) : nil
        }
    }

    private mutating func validateProfile(_ value: RequestJSONValue) -> OnboardingRequest.Services? {
        let path = "services.profile"
        let profiles = context.profiles
        guard let name = string(value, path: path, example: profiles.first ?? "standard-per-workload") else {
            return nil
        }
        guard profiles.contains(name) else {
            if profiles.isEmpty {
                add(
                    path,
                    "is \"\(printable(name))\", but no profiles are configured",
                    "Add the profile file profiles/\(printable(name)).json to the configuration directory, or use "
                        + "\(ref("services.template_tenant")) instead."
                )
            } else {
                add(
                    path,
                    "is \"\(printable(name))\", which is not a configured profile",
                    RequestSuggestions.didYouMean(name, in: profiles)
                        + "Use one of the configured profiles: \(list(profiles))."
                )
            }
            return nil
        }
        return .profile(name)
    }

    // MARK: - Admin

    private mutating func validateAdmin(
        _ value: RequestJSONValue?,
        root: [String: RequestJSONValue]
    ) -> OnboardingRequest.Admin? {
        let path = "admin"
        guard let value else {
            reportMissing(
                path,
                example: "{\"login\": \"contoso.admin\", \"email\": \"admin@contoso.example\"}",
                quoted: false
            )
            return nil
        }
        guard let members = object(value, path: path, allowed: Fields.admin) else { return nil }

        var login: String?
        if let loginValue = nonNull(members["login"]) {
            if let text = string(loginValue, path: "admin.login", example: "contoso.admin") {
                let findings = RequestFieldRules.login(text)
                add("admin.login", findings)
                login = findings.isEmpty ? text : nil
            }
        } else {
            reportMissing("admin.login", example: "contoso.admin", quoted: true)
        }
        let email = requiredEmail(members["email"], path: "admin.email", example: "admin@contoso.example")
        let firstname = optionalText(members["firstname"], path: "admin.firstname", what: "a first name")
        let lastname = optionalText(members["lastname"], path: "admin.lastname", what: "a last name")
        let roles = validateRoles(nonNull(members["roles"]))
        let activation = validateActivation(nonNull(members["activation"]))
        let password = validatePassword(
            nonNull(members["password"]),
            activation: activation,
            admin: members,
            root: root
        )

        guard let login, let email, let firstname, let lastname, let roles, let activation, let password else {
            return nil
        }
        return OnboardingRequest.Admin(
            login: login,
            email: nfc(email),
            firstname: firstname,
            lastname: lastname,
            roles: roles,
            activation: activation,
            password: password
        )
    }

    private mutating func validateRoles(_ value: RequestJSONValue?) -> [String]? {
        let path = "admin.roles"
        guard let value else { return OnboardingRequest.Admin.defaultRoles }
        guard let elements = array(value, path: path, example: "[\"company_admin\"]") else { return nil }
        guard !elements.isEmpty else {
            add(
                path,
                "is empty",
                source == .json
                    ? "List at least one role, e.g. [\"company_admin\"], or leave \"roles\" out for the default "
                        + "[\"company_admin\"]."
                    : "Write at least one role, e.g. company_admin, or empty the cell for the default company_admin."
            )
            return nil
        }
        var roles: [String] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            guard let role = string(element, path: elementPath, example: "company_admin") else {
                valid = false
                continue
            }
            if UserRoles.partnerOnly.contains(role) {
                add(
                    elementPath,
                    "is \"\(role)\", a role of partner tenants; the admin user is created in the "
                        + "customer tenant",
                    "Use \"company_admin\" for the customer's administrator."
                )
                valid = false
            } else if !UserRoles.isKnown(role) {
                add(
                    elementPath,
                    "is \"\(printable(role))\", which is not a known role",
                    RequestSuggestions.didYouMean(role, in: UserRoles.known)
                        + "Use roles from: \(UserRoles.knownList)."
                )
                valid = false
            } else if roles.contains(role) {
                add(elementPath, "repeats the role \"\(role)\"", "List each role once.")
                valid = false
            } else {
                roles.append(role)
            }
        }
        return valid ? roles.sorted() : nil
    }

    private mutating func validateActivation(_ value: RequestJSONValue?) -> OnboardingRequest.Activation? {
        let path = "admin.activation"
        guard let value else { return .password }
        guard let text = string(value, path: path, example: "password") else { return nil }
        guard let activation = OnboardingRequest.Activation(rawValue: text) else {
            let names = OnboardingRequest.Activation.allCases.map(\.rawValue)
            add(
                path,
                "is \"\(printable(text))\", which is not an activation",
                RequestSuggestions.didYouMean(text, in: names)
                    + "Use \"password\" (onboard sets a password; the default) or \"email\" (Acronis e-mails an "
                    + "activation link)."
            )
            return nil
        }
        return activation
    }

    /// The password: `.some(nil)` when absent, `.some(secret)` when valid, `nil` when invalid.
    private mutating func validatePassword(
        _ value: RequestJSONValue?,
        activation: OnboardingRequest.Activation?,
        admin: [String: RequestJSONValue],
        root: [String: RequestJSONValue]
    ) -> Secret?? {
        let path = "admin.password"
        guard let value else { return .some(nil) }
        guard case .string(let password) = value else {
            add(
                path,
                "must be a string, not \(value.kindDescription)",
                source == .json
                    ? "Write the password as a JSON string in double quotes, or leave \"password\" out to have one "
                        + "generated."
                    : "Write the password as text, or empty the cell to have one generated."
            )
            return nil
        }
        if activation == .email {
            add(
                path,
                "is set, but \(ref("admin.activation")) is \"email\": with e-mail activation the user chooses "
                    + "the password",
                source == .json
                    ? "Remove \"password\" from \"admin\", or set \"activation\" to \"password\"."
                    : "Empty the column admin_password, or set the column activation to password."
            )
            return nil
        }
        let customer = nonNull(root["customer"]).flatMap { value -> [String: RequestJSONValue]? in
            if case .object(let members) = value { return members }
            return nil
        }
        let problems = PasswordPolicy.problems(
            password: password,
            login: stringValue(admin["login"]) ?? "",
            email: stringValue(admin["email"]) ?? "",
            firstname: stringValue(admin["firstname"]),
            lastname: stringValue(admin["lastname"]),
            tenantName: stringValue(customer?["name"]) ?? ""
        )
        let fix =
            "Choose a password of at least \(PasswordPolicy.minimumLength) characters that does not contain "
            + "the login, the e-mail address or its local part, the first or last name, or the customer name (ignoring "
            + "case), or "
            + (source == .json ? "leave \"password\" out" : "empty the column admin_password")
            + " to have a strong one generated."
        for problem in problems {
            add(path, problem, fix)
        }
        return problems.isEmpty ? .some(Secret(password)) : nil
    }

    // MARK: - Agent

    private mutating func validateAgent(_ value: RequestJSONValue?) -> OnboardingRequest.Agent? {
        let path = "agent"
        let defaults = OnboardingRequest.Agent(
            tokenValidDays: OnboardingRequest.Agent.defaultTokenValidDays,
            platforms: AgentPlatform.allCases
        )
        guard let value else { return defaults }
        guard let members = object(value, path: path, allowed: Fields.agent) else { return nil }
        let days = validateTokenValidDays(nonNull(members["token_valid_days"]))
        let platforms = validatePlatforms(nonNull(members["platforms"]))
        guard let days, let platforms else { return nil }
        return OnboardingRequest.Agent(tokenValidDays: days, platforms: platforms)
    }

    private mutating func validateTokenValidDays(_ value: RequestJSONValue?) -> Int? {
        let path = "agent.token_valid_days"
        let maximum = OnboardingRequest.Agent.maximumTokenValidDays
        let rangeFix =
            "Use 1 to \(maximum) days (the API allows at most one year); the console's default is "
            + "\(OnboardingRequest.Agent.defaultTokenValidDays)."
        guard let value else { return OnboardingRequest.Agent.defaultTokenValidDays }
        guard case .number = value, let days = value.integerValue else {
            add(
                path,
                "must be a whole number of days, not \(preview(value, path: path))",
                source == .json
                    ? "Write a whole number without quotes, e.g. 3. " + rangeFix
                    : "Write a whole number, e.g. 3. " + rangeFix
            )
            return nil
        }
        if days < 1 {
            add(path, "is \(days); a token must be valid for at least 1 day", rangeFix)
            return nil
        }
        if days > maximum {
            add(
                path,
                "is \(days) days; a registration token can be valid for at most one year (\(maximum) days)",
                rangeFix
            )
            return nil
        }
        return days
    }

    private mutating func validatePlatforms(_ value: RequestJSONValue?) -> [AgentPlatform]? {
        let path = "agent.platforms"
        let names = AgentPlatform.allCases.map(\.rawValue)
        guard let value else { return AgentPlatform.allCases }
        guard let elements = array(value, path: path, example: "[\"windows\", \"linux\", \"macos\"]") else {
            return nil
        }
        guard !elements.isEmpty else {
            add(
                path,
                "is empty",
                source == .json
                    ? "List at least one of \(list(names)), or leave \"platforms\" out for all three."
                    : "Write at least one of \(names.joined(separator: ";")), or empty the cell for all three."
            )
            return nil
        }
        var platforms: [AgentPlatform] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            guard let name = string(element, path: elementPath, example: "windows") else {
                valid = false
                continue
            }
            guard let platform = AgentPlatform(rawValue: name) else {
                add(
                    elementPath,
                    "is \"\(printable(name))\", which is not a platform",
                    RequestSuggestions.didYouMean(name, in: names) + "Use \(list(names))."
                )
                valid = false
                continue
            }
            if platforms.contains(platform) {
                add(elementPath, "repeats the platform \"\(name)\"", "List each platform once.")
                valid = false
            } else {
                platforms.append(platform)
            }
        }
        // Canonical order: the order of AgentPlatform.allCases.
        return valid ? AgentPlatform.allCases.filter(platforms.contains) : nil
    }

    // MARK: - Field helpers

    private mutating func add(_ path: String, _ problem: String, _ fix: String) {
        issues.append(RequestIssue(path: path, problem: problem, fix: fix))
    }

    private mutating func add(_ path: String, _ findings: [RequestFieldRules.Finding]) {
        for finding in findings { add(path, finding.problem, finding.fix) }
    }

    /// `null` counts as absent.
    private func nonNull(_ value: RequestJSONValue?) -> RequestJSONValue? {
        if case .null? = value { return nil }
        return value
    }

    /// The members of an object; reports a wrong type, and every member that is not in `allowed`.
    private mutating func object(
        _ value: RequestJSONValue,
        path: String,
        allowed: [String]
    ) -> [String: RequestJSONValue]? {
        guard case .object(let members) = value else {
            add(
                path,
                "must be an object, not \(preview(value, path: path))",
                "Write \"\(leaf(path))\" as a JSON object with the fields \(allowed.sorted().joined(separator: ", "))."
            )
            return nil
        }
        checkMembers(members, allowed: allowed, path: path)
        return members
    }

    private mutating func checkMembers(_ members: [String: RequestJSONValue], allowed: [String], path: String) {
        let owner = path.isEmpty ? "the request" : "\"\(path)\""
        let allowedList = allowed.sorted().joined(separator: ", ")
        for name in members.keys.sorted() where !allowed.contains(name) {
            let memberPath = path.isEmpty ? name : "\(path).\(name)"
            let suggestion = RequestSuggestions.didYouMean(name, in: allowed)
            add(
                memberPath,
                "is not a field of \(owner)",
                (suggestion.isEmpty ? "Correct its name or remove it." : suggestion + "Otherwise remove it.")
                    + " The fields of \(owner) are: \(allowedList)."
            )
        }
    }

    private mutating func array(_ value: RequestJSONValue, path: String, example: String) -> [RequestJSONValue]? {
        guard case .array(let elements) = value else {
            add(
                path,
                "must be a list, not \(preview(value, path: path))",
                source == .json
                    ? "Write it as a JSON array, e.g. \(example)."
                    : "Separate several values with \";\"."
            )
            return nil
        }
        return elements
    }

    private mutating func string(_ value: RequestJSONValue, path: String, example: String) -> String? {
        guard case .string(let text) = value else {
            add(
                path,
                "must be a string, not \(preview(value, path: path))",
                "Write it as a JSON string in double quotes, e.g. \"\(example)\"."
            )
            return nil
        }
        return text
    }

    private func stringValue(_ value: RequestJSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private mutating func requiredText(
        _ value: RequestJSONValue?,
        path: String,
        what: String,
        example: String
    ) -> String? {
        guard let value = nonNull(value) else {
            reportMissing(path, example: example, quoted: true)
            return nil
        }
        guard let text = string(value, path: path, example: example) else { return nil }
        let findings = RequestFieldRules.text(text, what: what, optional: false)
        add(path, findings)
        return findings.isEmpty ? text : nil
    }

    /// `.some(nil)` when absent, `.some(text)` when valid, `nil` when invalid.
    private mutating func optionalText(_ value: RequestJSONValue?, path: String, what: String) -> String?? {
        guard let value = nonNull(value) else { return .some(nil) }
        guard let text = string(value, path: path, example: "Ann") else { return nil }
        let findings = RequestFieldRules.text(text, what: what, optional: true)
        add(path, findings)
        return findings.isEmpty ? .some(nfc(text)) : nil
    }

    private mutating func requiredEmail(_ value: RequestJSONValue?, path: String, example: String) -> String? {
        guard let value = nonNull(value) else {
            reportMissing(path, example: example, quoted: true)
            return nil
        }
        guard let text = string(value, path: path, example: example) else { return nil }
        let findings = RequestFieldRules.email(text)
        add(path, findings)
        return findings.isEmpty ? text : nil
    }

    /// Reports a missing required field with a fix that shows what to add (JSON) or which column to fill (CSV).
    private mutating func reportMissing(_ path: String, example: String, quoted: Bool) {
        let fix: String
        switch source {
        case .json:
            let (parent, name) = split(path)
            let value = quoted ? "\"\(example)\"" : example
            fix =
                parent.isEmpty
                ? "Add \"\(name)\": \(value) at the top level of the request."
                : "Add \"\(name)\": \(value) to \"\(parent)\"."
        case .csv:
            if let column = CSVRequestColumn.column(forPath: path) {
                fix = "Fill in the column \(column.name), e.g. \(example)."
            } else {
                fix = "Fill in the columns of \"\(path)\"."
            }
        }
        add(path, "is missing", fix)
    }

    // MARK: - Wording

    /// How a fix names another field: `"admin.activation"` in JSON, `the column activation` in CSV.
    private func ref(_ path: String) -> String {
        switch source {
        case .json: return "\"\(path)\""
        case .csv: return CSVRequestColumn.column(forPath: path).map { "the column \($0.name)" } ?? "\"\(path)\""
        }
    }

    /// The kind of a value, with the value itself for scalars, except under secret paths.
    private func preview(_ value: RequestJSONValue, path: String) -> String {
        if RequestJSONParser.isSecretPath(path) { return value.kindDescription }
        switch value {
        case .string(let text): return "the string \"\(printable(text))\""
        case .number(let text): return "the number \(text)"
        case .bool(let flag): return "the boolean \(flag)"
        case .null, .array, .object: return value.kindDescription
        }
    }

    private func printable(_ text: String) -> String { RequestFieldRules.printable(text) }

    private func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    private func split(_ path: String) -> (parent: String, name: String) {
        guard let dot = path.lastIndex(of: ".") else { return ("", path) }
        return (String(path[..<dot]), String(path[path.index(after: dot)...]))
    }

    private func leaf(_ path: String) -> String { split(path).name }

    private func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
}
