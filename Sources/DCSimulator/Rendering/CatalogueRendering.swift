import Foundation

extension SimState {
    /// An offering item as [SPEC] schema `items_3` (`additionalProperties: false`).
    func renderItem(_ item: CatalogueItem, state: ItemState, tenantID: String) -> JSON {
        var object: [String: JSON] = [
            "application_id": .string(item.applicationID),
            "name": .string(item.name),
            "edition": JSON(item.edition),
            "usage_name": .string(item.usageName),
            "tenant_id": .string(tenantID),
            "updated_at": Timestamp.json(state.updatedAt),
            "deleted_at": .null,
            "status": .int(state.status),
            "locked": .bool(state.locked),
            "type": .string(item.type.rawValue),
            "measurement_unit": .string(item.measurementUnit),
        ]
        if let quota = state.quota {
            object["quota"] = ["value": JSON(quota.value), "overage": JSON(quota.overage), "version": .int(quota.version)]
        }
        if let infraID = item.infraID { object["infra_id"] = .string(infraID) }
        return .object(object)
    }

    /// An infrastructure component as [SPEC] schema `infra` (OI-8).
    func render(_ infra: Infra) -> JSON {
        var object: [String: JSON] = [
            "id": .string(infra.id),
            "owner_tenant_id": .string(infra.ownerTenantID),
            "location_id": .string(infra.locationID),
            "platform_owned": .bool(infra.platformOwned),
            "name": .string(infra.name),
            "url": .string(infra.url),
            "capabilities": JSON(infra.capabilities),
            "backend_type": JSON(infra.backendType),
            "version": .int(infra.version),
            "readonly": .bool(infra.readonly),
        ]
        if let contentURL = infra.contentURL { object["content_url"] = .string(contentURL) }
        return .object(object)
    }

    /// An application as [SPEC] schema `application`.
    func render(_ application: Application) -> JSON {
        [
            "id": .string(application.id),
            "name": .string(application.name),
            "type": .string(application.type),
            "usages": JSON(application.usages),
            "api_base_url": .string(application.apiBaseURL),
        ]
    }

    /// An API client as [SPEC] schema `client` (AUTH-4). The secret is never rendered.
    func render(_ client: APIClient) -> JSON {
        [
            "client_id": .string(client.clientID),
            "tenant_id": .string(client.tenantID),
            "client_secret_expires_at": 0,
            "type": "api_client",
            "data": ["client_name": .string(client.name)],
            "token_endpoint_auth_method": "client_secret_basic",
            "created_at": Timestamp.json(client.createdAt),
            "created_by": .string(client.createdBy),
            "last_access_at": Timestamp.json(client.lastAccessAt),
            "last_access_from_ip": JSON(client.lastAccessFromIP),
            "status": "enabled",
        ]
    }

    /// A registration token as [SPEC] schema `registrationToken` (REG-1).
    func render(_ token: RegistrationToken) -> JSON {
        [
            "id": .int(token.id),
            "token": .string(token.token),
            "created_at": Timestamp.json(token.createdAt),
            "expires_at": Timestamp.json(token.expiresAt),
            "tenant_id": .string(String(tenant(token.tenantID)?.numericID ?? tenants[token.tenantID]?.current?.numericID ?? 0)),
            "tenant_uuid": .string(token.tenantID),
            "scopes": JSON(token.scopes),
        ]
    }
}
