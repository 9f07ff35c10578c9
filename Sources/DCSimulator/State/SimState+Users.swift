import Foundation

/// User operations (USR-1 … USR-7).
extension SimState {
    /// Properties of [SPEC] `userPost` (`additionalProperties: false`).
    static let userPostKeys: Set<String> = [
        "tenant_id", "login", "external_id", "idp_id", "contact", "enabled", "language", "business_types",
        "notifications", "use_existing_identity", "origin_id", "origin_external_id", "disable_after",
    ]

    /// Properties of `userPost.contact` ([SPEC]).
    static let userPostContactKeys: Set<String> = [
        "email", "address1", "address2", "country", "state", "city", "zipcode", "phone", "firstname", "lastname",
        "title", "website", "industry", "organization_size", "aan", "fax", "language",
    ]

    /// Properties of [SPEC] `userPut` (`additionalProperties: false`).
    static let userPutKeys: Set<String> = [
        "login", "external_id", "idp_id", "contact", "enabled", "language", "notifications", "version",
        "disable_after",
    ]

    /// [SPEC] `userNotifications`.
    static let notificationKinds = [
        "maintenance", "quota", "reports", "backup_error", "backup_warning", "backup_info", "backup_daily_report",
        "backup_critical", "device_control_warning", "certificate_management_error",
        "certificate_management_warning", "certificate_management_info",
    ]

    /// Notifications of new users when the request names none.
    static let defaultNotifications = ["quota", "reports", "backup_error", "backup_warning", "backup_daily_report"]

    /// The non-deleted user with `login` (case-insensitive), anywhere in the DC.
    func user(withLogin login: String) -> User? {
        let wanted = login.lowercased()
        return allUsers.first { !$0.isDeleted && $0.login.lowercased() == wanted }
    }

    /// `GET /users/check_login` (USR-1): `nil` = free (204); 409 taken; 406 invalid ([SPEC]).
    func checkLogin(_ username: String?) throws {
        guard let username, LoginRules.isValid(username) else {
            throw APIError(
                status: 406,
                "'username' is missing or invalid: logins use letters, digits and . _ - + @ (at most 255 characters)"
            )
        }
        if user(withLogin: username) != nil {
            throw APIError(status: 409, "The login '\(username)' is already taken")
        }
    }

    private func notifications(_ body: JSONObjectReader) throws -> [String]? {
        guard let values = try body.stringArray("notifications") else { return nil }
        if let bad = values.first(where: { !Self.notificationKinds.contains($0) }) {
            throw APIError.badRequest("'notifications' may contain \(Self.notificationKinds.joined(separator: ", ")); got '\(bad)'")
        }
        return values
    }

    /// `true` if users of `tenant` get a personal tenant: customers and their units ([DOC-USERS]).
    func getsPersonalTenant(_ tenant: Tenant) -> Bool {
        if tenant.isPersonal { return false }
        if tenant.kind == .customer { return true }
        return tenant.kind == .unit && ancestors(of: tenant.id).contains { $0.kind == .customer }
    }

    /// `POST /users` (USR-2): `tenant_id` required; `contact` needs `email`; users in customer tenants get a fresh
    /// personal tenant; `activated:false`, integer `version`.
    mutating func createUser(_ body: JSONObjectReader, _ op: Operation) throws -> User {
        try body.rejectUnknownKeys(allowed: Self.userPostKeys)
        guard body.has("tenant_id") else { throw APIError.badRequest("'tenant_id' is required in the request body") }
        let tenantID = try body.requiredString("tenant_id").lowercased()
        guard UUIDText.isValid(tenantID) else { throw APIError.badRequest("'tenant_id' must be a UUID, got '\(tenantID)'") }
        var contactFields: [String: JSON] = [:]
        if let contact = try body.object("contact") {
            contactFields = try ContactRules.validate(contact, allowedKeys: Self.userPostContactKeys, requireEmail: true)
        }
        let tenant = try accessibleTenant(tenantID, op)
        guard !tenant.isPersonal else { throw APIError.badRequest("Users cannot be created in a personal tenant") }
        let email = contactFields["email"]?.stringValue
        guard let login = try body.string("login") ?? email else {
            throw APIError.badRequest("'login' is required when no contact e-mail is given")
        }
        guard LoginRules.isValid(login) else {
            throw APIError.badRequest("'login' '\(login)' is invalid: use letters, digits and . _ - + @")
        }
        if user(withLogin: login) != nil {
            // Taken logins conflict like check_login's 409 (USR-1, [SPEC]).
            throw APIError(status: 409, "The login '\(login)' is already taken (check it with GET /users/check_login)")
        }
        let enabled = try body.bool("enabled") ?? true
        let language = try body.string("language") ?? "en"
        let businessTypes = try body.stringArray("business_types") ?? []
        if let bad = businessTypes.first(where: { $0 != "buyer" }) {
            throw APIError.badRequest("'business_types' may only contain 'buyer'; got '\(bad)'")
        }
        let notificationList = try notifications(body) ?? Self.defaultNotifications
        let externalID = try body.string("external_id")
        _ = try body.uuid("idp_id")
        _ = try body.bool("use_existing_identity")
        _ = try body.string("origin_id")
        _ = try body.string("origin_external_id")
        let disableAfter = try body.string("disable_after")

        var personalTenantID: String?
        if getsPersonalTenant(tenant) {
            let personal = Tenant(
                id: rng.uuid(),
                numericID: allocateNumericTenantID(),
                version: 1,
                createdAt: op.now,
                updatedAt: op.now,
                deletedAt: nil,
                productionStartDate: tenant.productionStartDate,
                name: login,
                parentID: tenant.id,
                kind: .unit,
                contact: makeContact([:], at: op.now),
                enabled: true,
                customerID: nil,
                internalTag: nil,
                language: language,
                pricingMode: tenant.pricingMode,
                isPersonal: true
            )
            store(personal, at: op.now)
            store(items: [:], of: personal.id, at: op.now)
            personalTenantID = personal.id
        }
        let user = User(
            id: rng.uuid(),
            version: 1,
            tenantID: tenant.id,
            login: login,
            contact: makeContact(contactFields, at: op.now),
            activated: false,
            enabled: enabled,
            createdAt: op.now,
            updatedAt: op.now,
            deletedAt: nil,
            language: language,
            personalTenantID: personalTenantID,
            businessTypes: businessTypes,
            notifications: notificationList,
            externalID: externalID,
            disableAfter: disableAfter,
            password: nil,
            activationEmailSentAt: nil,
            accessPolicies: []
        )
        store(user, at: op.now)
        return user
    }

    /// `PUT /users/{id}` (USR-7): `version` required, stale → 409/1001.
    mutating func updateUser(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> User {
        try body.rejectUnknownKeys(allowed: Self.userPutKeys)
        guard body.has("version") else {
            throw APIError.badRequest("'version' is required: send the user's current version (read it with GET first)")
        }
        let version = try body.int("version")!
        var user = try accessibleUser(id, op)
        guard version == user.version else {
            throw APIError.versionConflict("user '\(id)'", sent: version, current: user.version)
        }
        if let login = try body.string("login"), login != user.login {
            guard LoginRules.isValid(login) else { throw APIError.badRequest("'login' '\(login)' is invalid") }
            if let other = self.user(withLogin: login), other.id != id {
                throw APIError(status: 409, "The login '\(login)' is already taken")
            }
            user.login = login
        }
        if let contact = try body.object("contact") {
            user.contact.fields = try ContactRules.validate(contact, requireEmail: false)
            user.contact.updatedAt = op.now
        }
        if let enabled = try body.bool("enabled") { user.enabled = enabled }
        if let language = try body.string("language") { user.language = language }
        if let list = try notifications(body) { user.notifications = list }
        if let externalID = try body.string("external_id") { user.externalID = externalID }
        _ = try body.uuid("idp_id")
        if let disableAfter = try body.string("disable_after") { user.disableAfter = disableAfter }
        user.version += 1
        user.updatedAt = op.now
        store(user, at: op.now)
        return user
    }

    /// `DELETE /users/{id}?version=` (USR-7): `version` required, stale → 409/1001; the personal tenant goes too.
    mutating func deleteUser(_ id: String, versionText: String?, _ op: Operation) throws {
        var user = try accessibleUser(id, op)
        guard let versionText else {
            throw APIError.badRequest("The query parameter 'version' is required: DELETE /users/\(id)?version=<current version>")
        }
        guard let version = Int(versionText) else {
            throw APIError.badRequest("The query parameter 'version' must be an integer, got '\(versionText)'")
        }
        guard version == user.version else {
            throw APIError.versionConflict("user '\(id)'", sent: version, current: user.version)
        }
        user.deletedAt = op.now
        user.updatedAt = op.now
        user.version += 1
        store(user, at: op.now)
        if let personalID = user.personalTenantID, var personal = tenant(personalID) {
            personal.deletedAt = op.now
            personal.version += 1
            store(personal, at: op.now)
        }
    }

    /// `GET /users` ([SPEC] `userBatch`, PAG-1): filtered by `uuids`, `tenant_id`, `subtree_root_tenant_id` or
    /// `external_ids` (one of them, or `after`, is required: simulator choice mirroring TEN-3).
    func listUsers(_ query: [String: String], _ op: Operation) throws -> JSON {
        let filterNames = ["uuids", "tenant_id", "subtree_root_tenant_id", "external_ids"]
        var filters: [String: String]
        var after: String?
        var limit: Int
        if let cursorText = query["after"] {
            let cursor = try PageCursor(decoding: cursorText)
            filters = cursor.filters
            after = cursor.last
            limit = try Paging.limit(query["limit"], default: cursor.limit)
        } else {
            filters = query.filter { filterNames.contains($0.key) || $0.key == "allow_deleted" }
            guard filters.keys.contains(where: { filterNames.contains($0) }) else {
                throw APIError.badRequest(
                    "GET /users needs a filter: 'uuids', 'tenant_id', 'subtree_root_tenant_id' or 'external_ids' (or 'after')"
                )
            }
            limit = try Paging.limit(query["limit"], default: op.config.pageSize)
        }
        let allowDeleted = try Paging.bool(filters["allow_deleted"], name: "allow_deleted")
        let withPolicies = try Paging.bool(query["with_access_policies"], name: "with_access_policies")
        let lod = query["lod"] ?? "full"
        guard ["stamps", "basic", "full"].contains(lod) else {
            throw APIError.badRequest("'lod' must be one of stamps, basic, full; got '\(lod)'")
        }
        let caller = try op.requireCaller()
        var matches = users.keys.compactMap { visibleUser($0, op, allowDeleted: allowDeleted) }
            .filter { isInSubtree($0.tenantID, of: caller.tenantID) }
        if let uuids = filters["uuids"] {
            let ids = uuids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for id in ids where !UUIDText.isValid(id) {
                throw APIError.badRequest("'uuids' contains '\(id)', which is not a UUID")
            }
            for id in ids { if users[id]?.current != nil { _ = try readableUser(id, op, allowDeleted: true) } }
            matches = matches.filter { ids.contains($0.id) }
        }
        if let tenantID = filters["tenant_id"] {
            _ = try readableTenant(tenantID.lowercased(), op)
            matches = matches.filter { $0.tenantID == tenantID.lowercased() }
        }
        if let rootID = filters["subtree_root_tenant_id"] {
            _ = try readableTenant(rootID.lowercased(), op)
            matches = matches.filter { isInSubtree($0.tenantID, of: rootID.lowercased()) }
        }
        if let externalIDs = filters["external_ids"] {
            let wanted = Set(externalIDs.split(separator: ",").map(String.init))
            matches = matches.filter { $0.externalID.map(wanted.contains) ?? false }
        }
        matches.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let key: (User) -> String = { "\(Timestamp.string($0.createdAt))|\($0.id)" }
        let page = Paging.page(matches, key: key, filters: filters, after: after, limit: limit)
        let items: [JSON] = page.items.map { user in
            switch lod {
            case "stamps": renderBatchStamp(user, basic: false, withAccessPolicies: withPolicies)
            case "basic": renderBatchStamp(user, basic: true, withAccessPolicies: withPolicies)
            default: renderBatchItem(user, withAccessPolicies: withPolicies)
            }
        }
        return ["paging": page.pagingJSON, "timestamp": Timestamp.json(op.now), "items": .array(items)]
    }

    /// `PUT /users/{id}/access_policies` (USR-3): replaces the whole set; unknown `role_id` → 400.
    mutating func replaceAccessPolicies(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> User {
        var user = try accessibleUser(id, op)
        let caller = try op.requireCaller()
        guard let entries = try body.array("items") else {
            throw APIError.badRequest("'items' (an array of access policies) is required")
        }
        var policies: [AccessPolicy] = []
        for (index, entry) in entries.enumerated() {
            let policy = try JSONObjectReader(entry, context: "items[\(index)]")
            let roleID = try policy.requiredString("role_id")
            guard Roles.all.contains(roleID) else {
                throw APIError.badRequest(
                    "Unknown role_id '\(roleID)' in items[\(index)]; known roles: \(Roles.all.sorted().joined(separator: ", "))"
                )
            }
            let tenantID = try policy.uuid("tenant_id") ?? user.tenantID
            guard tenants[tenantID]?.current.map({ !$0.isDeleted }) ?? false else {
                throw APIError.badRequest("items[\(index)].tenant_id '\(tenantID)' is not a tenant")
            }
            guard isInSubtree(tenantID, of: user.tenantID) else {
                throw APIError.badRequest(
                    "items[\(index)].tenant_id '\(tenantID)' must be the user's tenant '\(user.tenantID)', its personal tenant or a tenant below it"
                )
            }
            if let trustee = try policy.string("trustee_id"), trustee.lowercased() != id {
                throw APIError.badRequest("items[\(index)].trustee_id '\(trustee)' is not this user ('\(id)')")
            }
            if let type = try policy.string("trustee_type"), type != "user" {
                throw APIError.badRequest("items[\(index)].trustee_type must be 'user', got '\(type)'")
            }
            if let existing = user.accessPolicies.first(where: { $0.roleID == roleID && $0.tenantID == tenantID }) {
                policies.append(existing)
            } else if !policies.contains(where: { $0.roleID == roleID && $0.tenantID == tenantID }) {
                policies.append(
                    AccessPolicy(
                        id: rng.uuid(),
                        version: 1,
                        createdAt: op.now,
                        updatedAt: op.now,
                        trusteeID: id,
                        issuerID: caller.clientID ?? caller.userID ?? "",
                        tenantID: tenantID,
                        roleID: roleID
                    )
                )
            }
        }
        user.accessPolicies = policies
        user.updatedAt = op.now
        store(user, at: op.now)
        return user
    }

    /// USR-6: password and activation calls need an API-client token (status per knob `userTokenOnPasswordStatus`)
    /// and a user in a sub-tenant of the caller ([DOC-ACT]).
    private func activationTarget(_ id: String, _ op: Operation, action: String) throws -> User {
        let caller = try op.requireCaller()
        guard caller.clientID != nil else {
            throw APIError(
                status: op.config.userTokenOnPasswordStatus,
                code: op.config.userTokenOnPasswordStatus == 403 ? 1002 : op.config.userTokenOnPasswordStatus,
                "\(action) can only be called with an API client token; this request uses a user token"
            )
        }
        let user = try accessibleUser(id, op)
        guard user.tenantID != caller.tenantID else {
            throw APIError.forbidden("Access denied: \(action) works only for users in sub-tenants of the API client's tenant")
        }
        return user
    }

    /// `POST /users/{id}/password` (USR-4, USR-6): sets the password and activates the user.
    mutating func setPassword(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws {
        try body.rejectUnknownKeys(allowed: ["password"])
        guard let password = try body.string("password") else {
            throw APIError.badRequest("'password' is required")
        }
        var user = try activationTarget(id, op, action: "Setting a password")
        let personal = PasswordPolicy.Personal(
            login: user.login,
            email: user.contact.email,
            firstName: user.contact.firstName,
            lastName: user.contact.lastName,
            tenantName: tenant(user.tenantID)?.name
        )
        if let weakness = PasswordPolicy.weakness(of: password, personal: personal) {
            throw APIError.badRequest(weakness)
        }
        user.password = password
        user.activated = true
        user.version += 1
        user.updatedAt = op.now
        store(user, at: op.now)
    }

    /// `POST /users/{id}/send-activation-email` (USR-5, USR-6): records the e-mail; `activated` stays false.
    mutating func sendActivationEmail(_ id: String, _ op: Operation) throws {
        var user = try activationTarget(id, op, action: "Sending the activation e-mail")
        guard !(user.contact.email ?? "").isEmpty else {
            throw APIError.badRequest("User '\(id)' has no contact e-mail to send the activation e-mail to")
        }
        user.activationEmailSentAt = op.now
        store(user, at: op.now)
    }

    /// Test hook (USR-5): the user followed the activation link.
    mutating func completeActivation(_ id: String, password: String?, _ op: Operation) throws -> User {
        guard var user = user(id) else { throw APIError.notFound("User '\(id)' was not found") }
        user.activated = true
        if let password { user.password = password }
        user.version += 1
        user.updatedAt = op.now
        store(user, at: op.now)
        return user
    }
}
