import Foundation

/// Tenant operations (TEN-1 … TEN-8).
extension SimState {
    /// Properties of [SPEC] `tenantPost` (`additionalProperties: false`; TEN-1 unknown keys → 400).
    static let tenantPostKeys: Set<String> = [
        "name", "parent_id", "kind", "contact", "company_billing_contact", "enabled", "customer_id", "internal_tag",
        "language", "default_idp_id", "update_lock", "ancestral_access", "settings",
    ]

    /// Properties of [SPEC] `tenantPut` (`additionalProperties: false`).
    static let tenantPutKeys: Set<String> = [
        "name", "customer_type", "parent_id", "kind", "contact", "enabled", "customer_id", "version", "brand_id",
        "internal_tag", "language", "default_idp_id", "update_lock", "ancestral_access", "external_operation_status",
    ]

    /// Longest `internal_tag` ([DOC-TENANT]: ≤ 256 characters).
    static let maximumInternalTagLength = 256

    /// Sort key for tenants (numeric id, zero-padded).
    static func sortKey(_ tenant: Tenant) -> String { String(tenant.numericID).leftPadded(to: 12) }

    /// Rejects a name already used (TEN-2, [DOC-ERR] 1004; status and scope per knobs `dupNameStatus` and
    /// `dupNameScope`, §10 #1, #2). Names compare case-insensitively.
    func checkNameIsFree(_ name: String, parentID: String, excluding: String?, _ op: Operation) throws {
        let wanted = name.lowercased()
        let clash = allTenants.first { tenant in
            guard !tenant.isDeleted, !tenant.isPersonal, tenant.id != excluding, tenant.name.lowercased() == wanted else {
                return false
            }
            switch op.config.dupNameScope {
            case .perParent: return tenant.parentID == parentID
            case .global: return true
            }
        }
        if let clash {
            let scope = op.config.dupNameScope == .global ? "in this data centre" : "under parent '\(parentID)'"
            throw APIError(
                status: op.config.dupNameStatus,
                code: 1004,
                "Tenant name '\(name)' is already used \(scope) (by tenant '\(clash.id)')"
            )
        }
    }

    /// Reads the `update_lock` object (`{enabled}`).
    private func updateLock(_ body: JSONObjectReader) throws -> Bool? {
        guard let lock = try body.object("update_lock") else { return nil }
        try lock.rejectUnknownKeys(allowed: ["enabled"])
        guard let enabled = try lock.bool("enabled") else {
            throw APIError.badRequest("'enabled' is required in 'update_lock'")
        }
        return enabled
    }

    private func internalTag(_ body: JSONObjectReader) throws -> String?? {
        guard body.has("internal_tag") else { return .none }
        let tag = try body.string("internal_tag", nullable: true)
        if let tag, tag.count > Self.maximumInternalTagLength {
            throw APIError.badRequest(
                "'internal_tag' may have at most \(Self.maximumInternalTagLength) characters (it has \(tag.count))"
            )
        }
        return .some(tag)
    }

    /// `POST /tenants` (TEN-1, TEN-2). Returns the created tenant.
    ///
    /// - Parameter checkAccess: `false` for the `/_sim/tenants` hook that injects tenants "created by someone else".
    mutating func createTenant(_ body: JSONObjectReader, _ op: Operation, checkAccess: Bool = true) throws -> Tenant {
        try body.rejectUnknownKeys(allowed: Self.tenantPostKeys)
        let name = try body.requiredString("name")
        guard let parentID = try body.uuid("parent_id") else {
            throw APIError.badRequest("'parent_id' is required in the request body")
        }
        guard body.has("kind") else { throw APIError.badRequest("'kind' is required in the request body") }
        let kindText = try body.enumeration("kind", TenantKind.allCases.map(\.rawValue))!
        let kind = TenantKind(rawValue: kindText)!
        let parent: Tenant
        if checkAccess {
            parent = try accessibleTenant(parentID, op)
        } else {
            guard let found = tenant(parentID) else { throw APIError.tenantNotFound(parentID) }
            parent = found
        }
        guard parent.kind.allowedChildKinds.contains(kind), !parent.isPersonal else {
            throw APIError.badRequest(
                "A tenant of kind '\(kind.rawValue)' cannot be created under a '\(parent.kind.rawValue)' tenant; allowed: \(parent.kind.allowedChildKinds.map(\.rawValue).sorted().joined(separator: ", "))"
            )
        }
        guard parent.enabled else {
            // 1003 "parent tenant is disabled" ([DOC-ERR]).
            throw APIError(status: 400, code: 1003, "The parent tenant '\(parentID)' is disabled")
        }
        var contactFields: [String: JSON] = [:]
        if let contact = try body.object("contact") {
            contactFields = try ContactRules.validate(contact, requireEmail: false)
        }
        if let billing = try body.object("company_billing_contact") {
            _ = try ContactRules.validate(billing, requireEmail: false)
        }
        let enabled = try body.bool("enabled") ?? true
        let customerID = try body.string("customer_id")
        let tag = try internalTag(body) ?? nil
        let language = try body.string("language") ?? "en"
        _ = try body.uuid("default_idp_id")
        let lock = try updateLock(body) ?? false
        let ancestralAccess = try body.bool("ancestral_access") ?? true
        var enhancedSecurity = false
        if let settings = try body.object("settings") {
            enhancedSecurity = try settings.bool("enhanced_security") ?? false
        }
        try checkNameIsFree(name, parentID: parentID, excluding: nil, op)

        let id = rng.uuid()
        let tenant = Tenant(
            id: id,
            numericID: allocateNumericTenantID(),
            version: 1,
            createdAt: op.now,
            updatedAt: op.now,
            deletedAt: nil,
            productionStartDate: nil,
            name: name,
            parentID: parentID,
            kind: kind,
            contact: makeContact(contactFields, at: op.now),
            enabled: enabled,
            customerID: customerID,
            internalTag: tag,
            language: language,
            ownerID: nil,
            updateLockEnabled: lock,
            updateLockOwnerID: lock ? op.caller?.tenantID : nil,
            ancestralAccess: ancestralAccess,
            // New customers start in trial ([SH-EX] 04, [PY-EX]; TEN-1).
            pricingMode: .trial,
            enhancedSecurity: enhancedSecurity
        )
        store(tenant, at: op.now)
        store(items: [:], of: id, at: op.now)
        bindings[id] = []
        return tenant
    }

    /// `PUT /tenants/{id}` (TEN-5): `version` required (400), stale → 409/1001, success bumps `version`.
    mutating func updateTenant(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> Tenant {
        try body.rejectUnknownKeys(allowed: Self.tenantPutKeys)
        guard body.has("version") else {
            throw APIError.badRequest("'version' is required: send the tenant's current version (read it with GET first)")
        }
        let version = try body.int("version")!
        var tenant = try accessibleTenant(id, op)
        let caller = try op.requireCaller()
        guard version == tenant.version else {
            throw APIError.versionConflict("tenant '\(id)'", sent: version, current: tenant.version)
        }
        if let kindText = try body.enumeration("kind", TenantKind.allCases.map(\.rawValue)), kindText != tenant.kind.rawValue {
            throw APIError.badRequest("The kind of tenant '\(id)' cannot be changed from '\(tenant.kind.rawValue)' to '\(kindText)'")
        }
        if let parentID = try body.uuid("parent_id"), parentID != tenant.parentID {
            guard tenant.id != caller.tenantID else {
                throw APIError.forbidden("Access denied: a caller cannot move its own tenant")
            }
            let newParent = try accessibleTenant(parentID, op)
            // 1007 "moving a tenant under its own child", 1013 "moving under a disabled tenant" ([DOC-ERR]).
            if isInSubtree(parentID, of: id) {
                throw APIError(status: 400, code: 1007, "Tenant '\(id)' cannot be moved under its own descendant '\(parentID)'")
            }
            guard newParent.enabled else {
                throw APIError(status: 400, code: 1013, "Tenant '\(id)' cannot be moved under the disabled tenant '\(parentID)'")
            }
            guard newParent.kind.allowedChildKinds.contains(tenant.kind) else {
                throw APIError.badRequest("A '\(tenant.kind.rawValue)' tenant cannot be placed under a '\(newParent.kind.rawValue)' tenant")
            }
            tenant.parentID = parentID
        }
        if body.has("name") {
            let name = try body.requiredString("name")
            if name != tenant.name || tenant.parentID != tenants[id]?.current?.parentID {
                try checkNameIsFree(name, parentID: tenant.parentID ?? "", excluding: id, op)
            }
            tenant.name = name
        } else if tenant.parentID != tenants[id]?.current?.parentID {
            try checkNameIsFree(tenant.name, parentID: tenant.parentID ?? "", excluding: id, op)
        }
        if let customerType = try body.enumeration(
            "customer_type",
            ["default", "enterprise", "consumer", "small_office", "ti_unified"]
        ) {
            tenant.customerType = customerType
        }
        if let contact = try body.object("contact") {
            tenant.contact.fields = try ContactRules.validate(contact, requireEmail: false)
            tenant.contact.updatedAt = op.now
        }
        if let enabled = try body.bool("enabled") {
            if tenant.id == caller.tenantID && !enabled {
                throw APIError.forbidden("Access denied: a caller cannot disable its own tenant")
            }
            tenant.enabled = enabled
        }
        if body.has("customer_id") { tenant.customerID = try body.string("customer_id", nullable: true) }
        if case .some(let tag) = try internalTag(body) { tenant.internalTag = tag }
        if let language = try body.string("language") { tenant.language = language }
        _ = try body.int("brand_id", nullable: true)
        _ = try body.uuid("default_idp_id")
        if let lock = try updateLock(body) {
            tenant.updateLockEnabled = lock
            tenant.updateLockOwnerID = lock ? caller.tenantID : nil
        }
        if let ancestralAccess = try body.bool("ancestral_access") { tenant.ancestralAccess = ancestralAccess }
        if let status = try body.enumeration("external_operation_status", ["no_operation", "deleting", "recovering"]) {
            tenant.externalOperationStatus = status == "no_operation" ? nil : status
        }
        tenant.version += 1
        tenant.updatedAt = op.now
        store(tenant, at: op.now)
        return tenant
    }

    /// `DELETE /tenants/{id}?version=` (TEN-6): `version` required (400), stale → 409/1001, enabled → 1006
    /// ([DOC-ERR]); deletes the subtree (tenants and users).
    mutating func deleteTenant(_ id: String, versionText: String?, _ op: Operation) throws {
        let tenant = try writableChildTenant(id, op, action: "delete")
        guard let versionText else {
            throw APIError.badRequest("The query parameter 'version' is required: DELETE /tenants/\(id)?version=<current version>")
        }
        guard let version = Int(versionText) else {
            throw APIError.badRequest("The query parameter 'version' must be an integer, got '\(versionText)'")
        }
        guard version == tenant.version else {
            throw APIError.versionConflict("tenant '\(id)'", sent: version, current: tenant.version)
        }
        guard !tenant.enabled else {
            throw APIError(
                status: 400,
                code: 1006,
                "Tenant '\(id)' is enabled: disable it first (PUT with \"enabled\": false), then delete it"
            )
        }
        for var member in allTenants where !member.isDeleted && isInSubtree(member.id, of: id) {
            member.deletedAt = op.now
            member.updatedAt = op.now
            member.version += 1
            store(member, at: op.now)
        }
        for var user in allUsers where !user.isDeleted && isInSubtree(user.tenantID, of: id) {
            user.deletedAt = op.now
            user.updatedAt = op.now
            user.version += 1
            store(user, at: op.now)
        }
    }

    /// `GET /tenants` (TEN-3, PAG-1): exactly one of `uuids`, `parent_id`, `subtree_root_id` (or `after`);
    /// `kind` is ignored ([SPEC], [3P: Servosity #325]).
    func listTenants(_ query: [String: String], _ op: Operation) throws -> JSON {
        let filterNames = ["uuids", "parent_id", "subtree_root_id"]
        var filters: [String: String]
        var after: String?
        var limit: Int
        if let cursorText = query["after"] {
            let cursor = try PageCursor(decoding: cursorText)
            filters = cursor.filters
            after = cursor.last
            limit = try Paging.limit(query["limit"], default: cursor.limit)
        } else {
            let given = filterNames.filter { query[$0] != nil }
            guard given.count == 1 else {
                let problem = given.isEmpty ? "none was given" : "got \(given.joined(separator: " and "))"
                throw APIError.badRequest(
                    "GET /tenants needs exactly one of 'uuids', 'parent_id' or 'subtree_root_id' (or 'after'); \(problem). 'kind' is not a filter"
                )
            }
            filters = [given[0]: query[given[0]]!]
            limit = try Paging.limit(query["limit"], default: op.config.pageSize)
            for key in ["allow_deleted", "updated_since"] where query[key] != nil {
                filters[key] = query[key]
            }
        }
        let detail: TenantDetail
        if let lod = query["lod"] {
            guard let parsed = TenantDetail(rawValue: lod) else {
                throw APIError.badRequest("'lod' must be one of stamps, basic, full; got '\(lod)'")
            }
            detail = parsed
        } else {
            detail = .full
        }
        let withItems = try Paging.bool(query["with_offering_items"], name: "with_offering_items")
        let allowDeleted = try Paging.bool(filters["allow_deleted"], name: "allow_deleted")
        var updatedSince: Date?
        if let text = filters["updated_since"] {
            guard let date = Timestamp.parse(text) else {
                throw APIError.badRequest("'updated_since' must be an ISO 8601 timestamp, got '\(text)'")
            }
            updatedSince = date
        }

        let visible: [Tenant] = tenants.keys.compactMap { visibleTenant($0, op, allowDeleted: allowDeleted) }
            .filter { !$0.isPersonal }
        var matches: [Tenant]
        if let uuids = filters["uuids"] {
            let ids = uuids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard ids.count <= 100 else { throw APIError.badRequest("'uuids' may list at most 100 ids (got \(ids.count))") }
            for id in ids {
                guard UUIDText.isValid(id) else { throw APIError.badRequest("'uuids' contains '\(id)', which is not a UUID") }
                if tenants[id]?.current != nil { _ = try readableTenant(id, op, allowDeleted: true) }
            }
            let wanted = Set(ids)
            matches = visible.filter { wanted.contains($0.id) }
        } else if let parentID = filters["parent_id"] {
            guard UUIDText.isValid(parentID) else { throw APIError.badRequest("'parent_id' must be a UUID, got '\(parentID)'") }
            _ = try readableTenant(parentID.lowercased(), op)
            matches = visible.filter { $0.parentID == parentID.lowercased() }
        } else {
            let rootID = filters["subtree_root_id"]!.lowercased()
            guard UUIDText.isValid(rootID) else { throw APIError.badRequest("'subtree_root_id' must be a UUID, got '\(rootID)'") }
            _ = try readableTenant(rootID, op)
            matches = visible.filter { isInSubtree($0.id, of: rootID) }
        }
        if let updatedSince { matches = matches.filter { $0.updatedAt >= updatedSince } }
        matches.sort { $0.numericID < $1.numericID }
        let page = Paging.page(matches, key: Self.sortKey, filters: filters, after: after, limit: limit)
        let items: [JSON] = page.items.map { tenant in
            let offering: [JSON] =
                withItems
                ? visibleItems(tenant.id, op).sorted { $0.key < $1.key }.compactMap { key, state in
                    catalogue[key].map { renderItem($0, state: state, tenantID: tenant.id) }
                } : []
            return renderBatchItem(tenant, detail: detail, offeringItems: offering)
        }
        return ["paging": page.pagingJSON, "timestamp": Timestamp.json(op.now), "items": .array(items)]
    }

    /// `PUT /tenants/{id}/pricing` (TEN-7): trial → production allowed; production → trial rejected (knob
    /// `productionToTrialError`, §10 #17); `version` required, stale → 409/1001.
    mutating func updatePricing(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> Tenant {
        try body.rejectUnknownKeys(allowed: ["mode", "currency", "version"])
        var tenant = try writableChildTenant(id, op, action: "change the pricing mode")
        guard body.has("version") else {
            throw APIError.badRequest("'version' is required: send the pricing version read with GET /tenants/\(id)/pricing")
        }
        let version = try body.int("version")!
        guard version == tenant.pricingVersion else {
            throw APIError.versionConflict("the pricing of tenant '\(id)'", sent: version, current: tenant.pricingVersion)
        }
        if let modeText = try body.enumeration("mode", PricingMode.allCases.map(\.rawValue)) {
            let mode = PricingMode(rawValue: modeText)!
            if mode == .trial && tenant.pricingMode != .trial {
                throw APIError(
                    status: op.config.productionToTrialError,
                    "Tenant '\(id)' is in '\(tenant.pricingMode.rawValue)' mode; switching back to trial is not possible (trial → production cannot be undone)"
                )
            }
            if mode == .production && tenant.productionStartDate == nil { tenant.productionStartDate = op.now }
            tenant.pricingMode = mode
        }
        if body.has("currency") {
            tenant.currency = try body.enumeration(
                "currency",
                ["AUD", "BRL", "CAD", "EUR", "CNY", "GBP", "JPY", "KZT", "NZD", "RUB", "USD", "ZAR"]
            )
        }
        tenant.pricingVersion += 1
        tenant.updatedAt = op.now
        store(tenant, at: op.now)
        return tenant
    }

    /// `PUT /tenants/{id}/mfa/status` (TEN-8, [DOC-MFA]).
    mutating func updateMFA(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> Tenant {
        try body.rejectUnknownKeys(allowed: ["enabled"])
        guard let enabled = try body.bool("enabled") else { throw APIError.badRequest("'enabled' (boolean) is required") }
        var tenant = try accessibleTenant(id, op)
        tenant.mfaEnabled = enabled
        tenant.updatedAt = op.now
        store(tenant, at: op.now)
        return tenant
    }

    /// `GET /search` (TEN-4): case-insensitive substring match over tenant names, custom ids, contact names and
    /// e-mails, and user logins, e-mails and names, inside the subtree of `tenant`.
    func search(_ query: [String: String], _ op: Operation) throws -> JSON {
        guard let rootID = query["tenant"], !rootID.isEmpty else {
            throw APIError.badRequest("The query parameter 'tenant' (the tenant to search under) is required")
        }
        guard let text = query["text"], !text.isEmpty else {
            throw APIError.badRequest("The query parameter 'text' is required")
        }
        let limit = try Paging.limit(query["limit"], default: 10)
        let allowDeleted = try Paging.bool(query["allow_deleted"], name: "allow_deleted")
        let root = try readableTenant(rootID.lowercased(), op)
        let needle = text.lowercased()
        func hit(_ values: [String?]) -> Bool {
            values.contains { $0?.lowercased().contains(needle) ?? false }
        }
        func path(of tenantID: String) -> [String] {
            var names: [String] = []
            var cursor: String? = tenantID
            while let id = cursor, let tenant = tenants[id]?.current {
                names.insert(tenant.name, at: 0)
                if id == root.id { break }
                cursor = tenant.parentID
            }
            return names
        }
        var results: [JSON] = []
        let tenantHits = tenants.keys.compactMap { visibleTenant($0, op, allowDeleted: allowDeleted) }
            .filter { !$0.isPersonal && $0.id != root.id && isInSubtree($0.id, of: root.id) }
            .filter {
                hit([$0.name, $0.customerID, $0.contact.email, $0.contact.firstName, $0.contact.lastName])
            }
            .sorted { $0.numericID < $1.numericID }
        for tenant in tenantHits {
            results.append([
                "obj_type": "tenant",
                "id": .string(tenant.id),
                "parent_id": .string(tenant.parentID ?? Self.noParentID),
                "path": JSON(path(of: tenant.parentID ?? tenant.id)),
                "kind": .string(tenant.kind.rawValue),
                "name": .string(tenant.name),
                "first_name": JSON(tenant.contact.firstName),
                "last_name": JSON(tenant.contact.lastName),
                "deleted_at": Timestamp.json(tenant.deletedAt),
            ])
        }
        let userHits = users.keys.compactMap { visibleUser($0, op, allowDeleted: allowDeleted) }
            .filter { isInSubtree($0.tenantID, of: root.id) }
            .filter { hit([$0.login, $0.contact.email, $0.contact.firstName, $0.contact.lastName]) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        for user in userHits {
            results.append([
                "obj_type": "user",
                "id": .string(user.id),
                "parent_id": .string(user.tenantID),
                "path": JSON(path(of: user.tenantID)),
                "login": .string(user.login),
                "first_name": JSON(user.contact.firstName),
                "last_name": JSON(user.contact.lastName),
                "deleted_at": Timestamp.json(user.deletedAt),
            ])
        }
        return ["items": .array(Array(results.prefix(limit)))]
    }
}
