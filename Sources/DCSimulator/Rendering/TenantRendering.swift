import Foundation

/// Level of detail of `GET /tenants` items ([SPEC] `tenantBatch`, parameter `lod`).
enum TenantDetail: String, Sendable {
    case stamps, basic, full
}

extension SimState {
    /// The zero UUID, used as `parent_id` of the root tenant.
    static let noParentID = "00000000-0000-0000-0000-000000000000"

    /// A contact as [SPEC] schema `items` (and `items_2`): the stored fields plus `id`, timestamps, `types`, `email`,
    /// `firstname` and `lastname`, which the batch schema requires.
    func render(_ contact: Contact) -> JSON {
        var object = contact.fields
        object["id"] = .string(contact.id)
        object["created_at"] = Timestamp.json(contact.createdAt)
        object["updated_at"] = Timestamp.json(contact.updatedAt)
        if object["types"] == nil { object["types"] = [] }
        if object["email"] == nil || object["email"] == .null { object["email"] = "" }
        if object["firstname"] == nil { object["firstname"] = .null }
        if object["lastname"] == nil { object["lastname"] = .null }
        return .object(object)
    }

    /// `true` if the tenant has visible (non-deleted, non-personal) children.
    func hasChildren(_ tenantID: String) -> Bool {
        tenants.values.contains { history in
            guard let child = history.current else { return false }
            return child.parentID == tenantID && !child.isDeleted && !child.isPersonal
        }
    }

    /// A tenant as [SPEC] schema `tenant` (TEN-1 "a full tenant").
    func render(_ tenant: Tenant) -> JSON {
        .object(tenantFields(tenant))
    }

    private func tenantFields(_ tenant: Tenant) -> [String: JSON] {
        var fields: [String: JSON] = [
            "id": .string(tenant.id),
            "version": .int(tenant.version),
            "created_at": Timestamp.json(tenant.createdAt),
            "updated_at": Timestamp.json(tenant.updatedAt),
            "deleted_at": Timestamp.json(tenant.deletedAt),
            "production_start_date": Timestamp.json(tenant.productionStartDate),
            "name": .string(tenant.name),
            "customer_type": .string(tenant.customerType),
            "parent_id": .string(tenant.parentID ?? Self.noParentID),
            "kind": .string(tenant.kind.rawValue),
            "contact": render(tenant.contact),
            "contacts": tenant.contact.email.map { _ in [render(tenant.contact)] } ?? [],
            "enabled": .bool(tenant.enabled),
            "customer_id": JSON(tenant.customerID),
            "brand_id": .int(SimulatorSeed.brandNumericID),
            "brand_uuid": .string(SimulatorSeed.brand),
            "brand_enabled": false,
            "internal_tag": JSON(tenant.internalTag),
            "language": .string(tenant.language),
            "owner_id": JSON(tenant.ownerID),
            "has_children": .bool(hasChildren(tenant.id)),
            "default_idp_id": .string(SimulatorSeed.defaultIdentityProvider),
            "update_lock": ["enabled": .bool(tenant.updateLockEnabled), "owner_id": JSON(tenant.updateLockOwnerID)],
            "ancestral_access": .bool(tenant.ancestralAccess),
            "mfa_status": tenant.mfaEnabled ? "enabled" : "disabled",
            "pricing_mode": .string(tenant.pricingMode.rawValue),
        ]
        // Omitted while null: the [SPEC] enum lists no null value.
        if let status = tenant.externalOperationStatus { fields["external_operation_status"] = .string(status) }
        return fields
    }

    /// A tenant as an item of [SPEC] `tenantBatch` at the given level of detail.
    ///
    /// The `stamps` and `basic` schemas have `additionalProperties: false`, so they carry exactly their fields.
    func renderBatchItem(_ tenant: Tenant, detail: TenantDetail, offeringItems: [JSON]) -> JSON {
        var object: [String: JSON] = [
            "id": .string(tenant.id),
            "parent_id": .string(tenant.parentID ?? Self.noParentID),
            "version": .int(tenant.version),
            "created_at": Timestamp.json(tenant.createdAt),
            "updated_at": Timestamp.json(tenant.updatedAt),
            "deleted_at": Timestamp.json(tenant.deletedAt),
            "contacts": tenant.contact.email.map { _ in [render(tenant.contact)] } ?? [],
            "offering_items": .array(offeringItems),
        ]
        switch detail {
        case .stamps:
            break
        case .basic:
            object["name"] = .string(tenant.name)
            object["kind"] = .string(tenant.kind.rawValue)
            object["enabled"] = .bool(tenant.enabled)
        case .full:
            object.merge(tenantFields(tenant)) { current, _ in current }
            object["barrier"] = 0
        }
        return .object(object)
    }

    /// [SPEC] `tenantPricingSettings` (TEN-7).
    func renderPricing(_ tenant: Tenant) -> JSON {
        [
            "mode": .string(tenant.pricingMode.rawValue),
            "currency": JSON(tenant.currency),
            "version": .int(tenant.pricingVersion),
            "production_start_date": Timestamp.json(tenant.productionStartDate),
        ]
    }

    /// [SPEC] `mfaTenantStatus` (TEN-8, [DOC-MFA]).
    func renderMFA(_ tenant: Tenant) -> JSON {
        let users = allUsers.filter { $0.tenantID == tenant.id && !$0.isDeleted }
        return [
            "mfa_status": tenant.mfaEnabled ? "enabled" : "disabled",
            "update_allowed": true,
            "users_count": .int(users.count),
            "users_with_totp_enabled_count": 0,
        ]
    }
}
