import Foundation

/// Offering items, editions, storages and application bindings (OI-1 … OI-8).
extension SimState {
    /// Properties of an item in [SPEC] `tenantOfferingItemsPut` (knob `strictItemFields` rejects anything else).
    static let putItemKeys: Set<String> = ["application_id", "name", "status", "infra_id", "quota"]

    /// The state of an item never set on a tenant: disabled, quota per knob `initialQuotaVersion` (OI-3, §10 #8).
    static func defaultState(_ config: SimulatorConfiguration, at: Date) -> ItemState {
        ItemState(
            status: 0,
            quota: config.initialQuotaVersion.version.map { Quota(value: nil, overage: nil, version: $0) },
            updatedAt: at
        )
    }

    /// Items the parent of `tenant` offers to it: the parent's enabled items (the root offers the whole catalogue).
    func offeredKeys(to tenant: Tenant, items source: (String) -> TenantItems) -> Set<ItemKey> {
        guard let parentID = tenant.parentID else { return Set(catalogue.keys) }
        return Set(source(parentID).filter { $0.value.status == 1 }.keys)
    }

    /// Applies the [SPEC] `edition` filter: default `standard`; `*` = all editions; items without an edition are
    /// always included (OI-1).
    static func matchesEdition(_ item: CatalogueItem, _ edition: String) -> Bool {
        edition == "*" || item.edition == nil || item.edition == edition
    }

    /// Filters shared by the two GET endpoints.
    private func filtered(
        _ entries: [(CatalogueItem, ItemState)],
        _ query: [String: String]
    ) throws -> [(CatalogueItem, ItemState)] {
        let edition = query["edition"] ?? "standard"
        var result = entries.filter { Self.matchesEdition($0.0, edition) }
        if let usages = query["usage_names"] {
            let wanted = Set(usages.split(separator: ",").map { String($0) })
            result = result.filter { wanted.contains($0.0.usageName) }
        }
        if let statusText = query["status"] {
            guard let status = Int(statusText), status == 0 || status == 1 else {
                throw APIError.badRequest("'status' must be 0 or 1, got '\(statusText)'")
            }
            result = result.filter { $0.1.status == status }
        }
        if let type = query["type"] {
            guard OfferingItemType(rawValue: type) != nil else {
                throw APIError.badRequest("'type' must be one of count, feature, infra; got '\(type)'")
            }
            result = result.filter { $0.0.type.rawValue == type }
        }
        if let infra = query["infra_uuid"] {
            result = result.filter { $0.0.infraID == infra.lowercased() }
        }
        return result
    }

    /// `GET /tenants/{id}/offering_items` (OI-1): every item the parent offers, with this tenant's state
    /// (disabled if never set), filtered by edition (default `standard`), root key `items`.
    func listOfferingItems(_ id: String, _ query: [String: String], _ op: Operation) throws -> JSON {
        let tenant = try readableTenant(id, op)
        let stored = visibleItems(id, op)
        let keys = offeredKeys(to: tenant) { visibleItems($0, op) }.union(stored.keys)
        let entries: [(CatalogueItem, ItemState)] = keys.sorted().compactMap { key in
            guard let item = catalogue[key] else { return nil }
            return (item, stored[key] ?? Self.defaultState(op.config, at: tenant.createdAt))
        }
        let items = try filtered(entries, query).map { renderItem($0.0, state: $0.1, tenantID: id) }
        return ["items": .array(items), "timestamp": Timestamp.json(op.now)]
    }

    /// `GET /tenants/{id}/offering_items/available_for_child` (OI-1): only what the parent has enabled, filtered
    /// by edition (default `standard`), shaped for a fresh child (quota per `initialQuotaVersion`).
    func availableForChild(_ id: String, _ query: [String: String], _ op: Operation) throws -> JSON {
        let tenant = try readableTenant(id, op)
        if let kind = query["kind"], TenantKind(rawValue: kind) == nil {
            throw APIError.badRequest("'kind' must be one of \(TenantKind.allCases.map(\.rawValue).joined(separator: ", ")); got '\(kind)'")
        }
        let enabled = visibleItems(tenant.id, op).filter { $0.value.status == 1 }
        let entries: [(CatalogueItem, ItemState)] = enabled.keys.sorted().compactMap { key in
            guard let item = catalogue[key] else { return nil }
            let fresh = Self.defaultState(op.config, at: op.now)
            return (item, ItemState(status: 1, quota: fresh.quota, updatedAt: enabled[key]!.updatedAt))
        }
        let items = try filtered(entries, query).map { renderItem($0.0, state: $0.1, tenantID: id) }
        return ["items": .array(items), "timestamp": Timestamp.json(op.now)]
    }

    /// `PUT /tenants/{id}/offering_items` (OI-2 … OI-7). Atomic: any rejection leaves every item unchanged.
    mutating func putOfferingItems(_ id: String, _ body: JSONObjectReader, _ op: Operation) throws -> JSON {
        let tenant = try writableChildTenant(id, op, action: "change the offering items")
        // OI-2: root key `offering_items`; `items` (the GET key) and other keys → 400 ([SPEC], [SH-EX] 04).
        if body.has("items") && !body.has("offering_items") {
            throw APIError.badRequest(
                "The PUT body needs the root key 'offering_items'; 'items' is only used in GET responses"
            )
        }
        try body.rejectUnknownKeys(allowed: ["offering_items", "check_usage"])
        _ = try body.bool("check_usage")
        guard let entries = try body.array("offering_items") else {
            throw APIError.badRequest("'offering_items' (an array) is required")
        }
        let offered = offeredKeys(to: tenant) { storedItems($0) }
        let current = storedItems(id)
        var next = current
        var touched: [ItemKey] = []

        for (index, entry) in entries.enumerated() {
            let item = try JSONObjectReader(entry, context: "offering_items[\(index)]")
            if op.config.strictItemFields {
                // Knob `strictItemFields` (§10 #7): reject extra fields inside items.
                try item.rejectUnknownKeys(allowed: Self.putItemKeys)
            }
            guard let applicationID = try item.uuid("application_id") else {
                throw APIError.badRequest("'application_id' is required in offering_items[\(index)]")
            }
            let name = try item.requiredString("name")
            let infraID = try item.uuid("infra_id")
            var status = 1
            if let value = try item.int("status") {
                guard value == 0 || value == 1 else {
                    throw APIError.badRequest("'status' in offering_items[\(index)] must be 0 or 1, got \(value)")
                }
                status = value
            }
            let key = try resolveItemKey(
                applicationID: applicationID,
                name: name,
                infraID: infraID,
                offered: offered,
                parentID: tenant.parentID ?? ""
            )
            guard !touched.contains(key) else {
                throw APIError.badRequest("offering_items[\(index)] repeats item '\(key)'")
            }
            touched.append(key)
            let existing = next[key] ?? Self.defaultState(op.config, at: op.now)
            var quota = existing.quota
            if let quotaReader = try item.object("quota") {
                quota = try applyQuota(quotaReader, to: existing.quota, item: key, strict: op.config.strictItemFields)
            } else if quota == nil {
                quota = Quota(value: nil, overage: nil, version: 0)
            }
            next[key] = ItemState(status: status, quota: quota, locked: existing.locked, updatedAt: op.now)
        }

        if op.config.omittedItemsPolicy == .disable {
            // Knob `omittedItemsPolicy` = disable (§10 #7).
            for (key, state) in next where state.status == 1 && !touched.contains(key) {
                next[key]!.status = 0
                next[key]!.updatedAt = op.now
                touched.append(key)
            }
        }

        if tenant.kind == .customer || tenant.kind == .unit {
            try checkOneEditionPerApplication(next, op)
            try checkOneInfraPerCapability(next, op)
        }

        store(items: next, of: id, at: op.now)
        // OI-7: enabling an item binds its application ([DOC-TUT]).
        for (key, state) in next where state.status == 1 {
            bindings[id, default: []].insert(key.applicationID)
        }
        let rendered: [JSON] = touched.sorted().compactMap { key in
            catalogue[key].map { renderItem($0, state: next[key]!, tenantID: id) }
        }
        return ["items": .array(rendered), "timestamp": Timestamp.json(op.now)]
    }

    /// Finds the item a PUT entry means; 1021 if the parent does not offer it (OI-6, [DOC-ERR]).
    private func resolveItemKey(
        applicationID: String,
        name: String,
        infraID: String?,
        offered: Set<ItemKey>,
        parentID: String
    ) throws -> ItemKey {
        let candidates = offered.filter { $0.applicationID == applicationID && $0.name == name }
        if let infraID {
            let key = ItemKey(applicationID: applicationID, name: name, infraID: infraID)
            if candidates.contains(key) { return key }
            let plain = ItemKey(applicationID: applicationID, name: name, infraID: nil)
            if candidates.contains(plain) { return plain }
        } else if candidates.count == 1 {
            return candidates.first!
        } else if candidates.count > 1 {
            throw APIError.badRequest(
                "'infra_id' is required for item '\(name)': the parent offers it on \(candidates.count) infrastructure components (\(candidates.compactMap(\.infraID).sorted().joined(separator: ", ")))"
            )
        }
        let which = infraID.map { "'\(name)' on infra '\($0)'" } ?? "'\(name)'"
        throw APIError(
            status: 400,
            code: 1021,
            "Offering item \(which) of application '\(applicationID)' is not available: the parent tenant '\(parentID)' does not offer it (see GET /tenants/\(parentID)/offering_items/available_for_child)"
        )
    }

    /// Applies a PUT quota: the version must match (426, OI-3, [KB71376]); a changed value bumps the version.
    private func applyQuota(_ reader: JSONObjectReader, to existing: Quota?, item: ItemKey, strict: Bool) throws -> Quota {
        if strict { try reader.rejectUnknownKeys(allowed: ["value", "overage", "version"]) }
        guard reader.has("version") else {
            throw APIError.badRequest("'quota.version' is required for item '\(item)'; echo the version from GET")
        }
        let version = try reader.int("version")!
        let value = try reader.int("value", nullable: true)
        let overage = try reader.int("overage", nullable: true)
        if let value, value < 0 { throw APIError.badRequest("'quota.value' of item '\(item)' must be ≥ 0") }
        if let overage, overage < 0 { throw APIError.badRequest("'quota.overage' of item '\(item)' must be ≥ 0") }
        guard let existing else {
            // Knob `initialQuotaVersion` = omit (§10 #8): the first PUT must not carry a quota.
            throw APIError(
                status: 426,
                "Quota version mismatch for item '\(item)': the item has no quota yet; omit 'quota' when enabling it for the first time"
            )
        }
        guard version == existing.version else {
            throw APIError(
                status: 426,
                "Quota version mismatch for item '\(item)': the request carries version \(version) but the current version is \(existing.version); read the offering items again"
            )
        }
        if value == existing.value && overage == existing.overage { return existing }
        return Quota(value: value, overage: overage, version: existing.version + 1)
    }

    /// OI-4: a customer may have only one edition per application ([BLOG-OI], [WHMCS]); code and status per knobs
    /// `editionViolationCode` / `editionViolationStatus` (§10 #9).
    private func checkOneEditionPerApplication(_ items: TenantItems, _ op: Operation) throws {
        var editions: [String: Set<String>] = [:]
        for (key, state) in items where state.status == 1 {
            guard let edition = catalogue[key]?.edition else { continue }
            editions[key.applicationID, default: []].insert(edition)
        }
        for (applicationID, set) in editions.sorted(by: { $0.key < $1.key }) where set.count > 1 {
            let name = applications.first { $0.id == applicationID }?.name ?? applicationID
            throw APIError(
                status: op.config.editionViolationStatus,
                code: op.config.editionViolationCode,
                "A customer tenant can have only one edition per application: '\(name)' would get items of editions \(set.sorted().joined(separator: " and "))"
            )
        }
    }

    /// OI-5: one infrastructure component per capability (1015) and one location (1031) per customer
    /// ([DOC-ERR], [WHMCS]; status per knob `infraConflictStatus`, §10 #9).
    private func checkOneInfraPerCapability(_ items: TenantItems, _ op: Operation) throws {
        let infraIDs = Set(items.filter { $0.value.status == 1 }.compactMap { $0.key.infraID })
        var byCapability: [String: Set<String>] = [:]
        for id in infraIDs {
            for capability in infras[id]?.capabilities ?? [] {
                byCapability[capability, default: []].insert(id)
            }
        }
        for (capability, ids) in byCapability.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            let names = ids.sorted().map { "'\(infras[$0]?.name ?? $0)' (\($0))" }
            throw APIError(
                status: op.config.infraConflictStatus,
                code: 1015,
                "Infrastructure component conflict: a customer can use one infrastructure component per capability, but '\(capability)' would be provided by \(names.joined(separator: " and "))"
            )
        }
        let locations = Set(infraIDs.compactMap { infras[$0]?.locationID })
        if locations.count > 1 {
            throw APIError(
                status: op.config.infraConflictStatus,
                code: 1031,
                "Location conflict: a customer's infrastructure components must share one location, but they are in \(locations.sorted().joined(separator: " and "))"
            )
        }
    }

    /// `POST /applications/{app}/bindings/tenants/{tenant}` ([SPEC], §4.1).
    mutating func bind(_ applicationID: String, to tenantID: String, _ op: Operation) throws {
        guard applications.contains(where: { $0.id == applicationID }) else {
            throw APIError.notFound("Application '\(applicationID)' was not found")
        }
        _ = try accessibleTenant(tenantID, op)
        bindings[tenantID, default: []].insert(applicationID)
    }

    /// `DELETE /applications/{app}/bindings/tenants/{tenant}` ([SPEC]); the application's items are disabled
    /// (simulator choice, the inverse of OI-7).
    mutating func unbind(_ applicationID: String, from tenantID: String, _ op: Operation) throws {
        guard applications.contains(where: { $0.id == applicationID }) else {
            throw APIError.notFound("Application '\(applicationID)' was not found")
        }
        _ = try writableChildTenant(tenantID, op, action: "unbind applications")
        bindings[tenantID, default: []].remove(applicationID)
        var stored = storedItems(tenantID)
        var changed = false
        for (key, state) in stored where key.applicationID == applicationID && state.status == 1 {
            stored[key]!.status = 0
            stored[key]!.updatedAt = op.now
            changed = true
        }
        if changed { store(items: stored, of: tenantID, at: op.now) }
    }

    /// Infrastructure components the caller may see: platform-owned ones and those owned inside its ancestry or
    /// subtree; another partner's storage → 403 (GEN-2, [DOC-CODES]).
    func visibleInfra(_ id: String, _ op: Operation) throws -> Infra? {
        let caller = try op.requireCaller()
        guard let infra = infras[id] else { return nil }
        if infra.platformOwned { return infra }
        if isInSubtree(caller.tenantID, of: infra.ownerTenantID) || isInSubtree(infra.ownerTenantID, of: caller.tenantID) {
            return infra
        }
        throw APIError.forbidden("Access denied: infrastructure component '\(id)' belongs to another partner")
    }
}
