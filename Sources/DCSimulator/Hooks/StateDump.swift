import Foundation

/// The `GET /_sim/state` dump: tenants, users, offering items per tenant, infra and a token count. It never
/// contains secrets (client secrets, passwords, bearer tokens or registration-token values).
enum StateDump {
    static func make(_ state: SimState, now: Date) -> JSON {
        let tenants: [JSON] = state.allTenants.map { tenant in
            let items: [JSON] = state.storedItems(tenant.id).sorted { $0.key < $1.key }.map { key, itemState in
                let item = state.catalogue[key]
                var object: [String: JSON] = [
                    "application_id": .string(key.applicationID),
                    "name": .string(key.name),
                    "edition": JSON(item?.edition),
                    "status": .int(itemState.status),
                    "quota": itemState.quota.map {
                        ["value": JSON($0.value), "overage": JSON($0.overage), "version": .int($0.version)]
                    } ?? .null,
                ]
                if let infraID = key.infraID { object["infra_id"] = .string(infraID) }
                return .object(object)
            }
            return [
                "id": .string(tenant.id),
                "numeric_id": .int(tenant.numericID),
                "name": .string(tenant.name),
                "kind": .string(tenant.kind.rawValue),
                "parent_id": JSON(tenant.parentID),
                "version": .int(tenant.version),
                "enabled": .bool(tenant.enabled),
                "personal": .bool(tenant.isPersonal),
                "pricing_mode": .string(tenant.pricingMode.rawValue),
                "mfa_status": tenant.mfaEnabled ? "enabled" : "disabled",
                "customer_id": JSON(tenant.customerID),
                "internal_tag": JSON(tenant.internalTag),
                "created_at": Timestamp.json(tenant.createdAt),
                "deleted_at": Timestamp.json(tenant.deletedAt),
                "applications": JSON((state.bindings[tenant.id] ?? []).sorted()),
                "offering_items": .array(items),
            ]
        }
        let users: [JSON] = state.allUsers.map { user in
            [
                "id": .string(user.id),
                "login": .string(user.login),
                "email": JSON(user.contact.email),
                "tenant_id": .string(user.tenantID),
                "personal_tenant_id": JSON(user.personalTenantID),
                "version": .int(user.version),
                "activated": .bool(user.activated),
                "enabled": .bool(user.enabled),
                "activation_email_sent": .bool(user.activationEmailSentAt != nil),
                "has_password": .bool(user.password != nil),
                "deleted_at": Timestamp.json(user.deletedAt),
                "access_policies": .array(
                    user.accessPolicies.map { ["role_id": .string($0.roleID), "tenant_id": .string($0.tenantID)] }
                ),
            ]
        }
        let registrationTokens: [JSON] = state.registrationTokens.map { token in
            [
                "id": .int(token.id),
                "tenant_id": .string(token.tenantID),
                "scopes": JSON(token.scopes),
                "expires_at": Timestamp.json(token.expiresAt),
            ]
        }
        let liveTokens = state.accessTokens.values.filter { $0.expiresAt > now }.count
        return [
            "now": Timestamp.json(now),
            "tenants": .array(tenants),
            "users": .array(users),
            "infra": .array(state.infras.values.sorted { $0.id < $1.id }.map(state.render)),
            "clients": .array(
                state.clients.values.sorted { $0.clientID < $1.clientID }.map {
                    ["client_id": .string($0.clientID), "tenant_id": .string($0.tenantID)]
                }
            ),
            "registration_tokens": .array(registrationTokens),
            "tokens": ["count": .int(liveTokens)],
        ]
    }
}
