import Foundation

extension SimState {
    /// An access policy as an item of [SPEC] `accessPoliciesList`.
    func render(_ policy: AccessPolicy) -> JSON {
        [
            "id": .string(policy.id),
            "version": .int(policy.version),
            "created_at": Timestamp.json(policy.createdAt),
            "updated_at": Timestamp.json(policy.updatedAt),
            "deleted_at": .null,
            "trustee_id": .string(policy.trusteeID),
            "trustee_type": "user",
            "issuer_id": .string(policy.issuerID),
            "tenant_id": .string(policy.tenantID),
            "role_id": .string(policy.roleID),
        ]
    }

    /// MFA status of a user: `setup_required` once the tenant enforces 2FA ([DOC-MFA]).
    private func mfaStatus(of user: User) -> JSON {
        (tenant(user.tenantID)?.mfaEnabled ?? false) ? "setup_required" : "disabled"
    }

    private func commonUserFields(_ user: User) -> [String: JSON] {
        var object: [String: JSON] = [
            "id": .string(user.id),
            "version": .int(user.version),
            "tenant_id": .string(user.tenantID),
            "login": .string(user.login),
            "contact": render(user.contact),
            "activated": .bool(user.activated),
            "enabled": .bool(user.enabled),
            "access_policies": .array(user.accessPolicies.map(render)),
            "created_at": Timestamp.json(user.createdAt),
            "updated_at": Timestamp.json(user.updatedAt),
            "deleted_at": Timestamp.json(user.deletedAt),
            "language": .string(user.language),
            "personal_tenant_id": JSON(user.personalTenantID),
            "business_types": JSON(user.businessTypes),
            "notifications": JSON(user.notifications),
            "mfa_status": mfaStatus(of: user),
            "idp_id": .string(SimulatorSeed.defaultIdentityProvider),
        ]
        if let externalID = user.externalID { object["external_id"] = .string(externalID) }
        return object
    }

    /// A user as [SPEC] schema `user` (USR-2).
    func render(_ user: User) -> JSON {
        var object = commonUserFields(user)
        if let disableAfter = user.disableAfter { object["disable_after"] = .string(disableAfter) }
        return .object(object)
    }

    /// A user as a `lod=full` item of [SPEC] `userBatch` (schema `item0`).
    func renderBatchItem(_ user: User, withAccessPolicies: Bool) -> JSON {
        var object = commonUserFields(user)
        if !withAccessPolicies { object["access_policies"] = [] }
        object["origin_id"] = .null
        object["origin_external_id"] = .null
        object["disable_after"] = JSON(user.disableAfter)
        return .object(object)
    }

    /// A user as a `lod=stamps` or `lod=basic` item of [SPEC] `userBatch` (`additionalProperties: false`).
    func renderBatchStamp(_ user: User, basic: Bool, withAccessPolicies: Bool) -> JSON {
        var object: [String: JSON] = [
            "id": .string(user.id),
            "version": .int(user.version),
            "tenant_id": .string(user.tenantID),
            "created_at": Timestamp.json(user.createdAt),
            "updated_at": Timestamp.json(user.updatedAt),
            "deleted_at": Timestamp.json(user.deletedAt),
            "access_policies": withAccessPolicies ? .array(user.accessPolicies.map(render)) : [],
            "origin_id": .null,
            "origin_external_id": .null,
            "disable_after": JSON(user.disableAfter),
        ]
        if basic {
            object["personal_tenant_id"] = JSON(user.personalTenantID)
            object["login"] = .string(user.login)
            object["enabled"] = .bool(user.enabled)
        }
        return .object(object)
    }

    /// The caller's own user as [SPEC] `userMe`.
    func renderMe(_ user: User) -> JSON {
        guard case .object(var object) = renderBatchItem(user, withAccessPolicies: true) else { return .null }
        let tenant = tenant(user.tenantID)
        object["terms_accepted"] = true
        object["tenant_kind"] = .string(tenant?.kind.rawValue ?? "customer")
        object["tenant_pricing_model"] = .string(tenant?.pricingMode.rawValue ?? "trial")
        object["brand_id"] = .string(SimulatorSeed.brand)
        object["login_totp_time"] = .null
        return .object(object)
    }
}
