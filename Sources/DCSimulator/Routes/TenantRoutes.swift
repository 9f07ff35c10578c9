import Hummingbird

/// Tenants: `GET/POST /tenants`, `GET/PUT/DELETE /tenants/{id}`, `…/children`, `…/users`, `…/applications`,
/// `…/mfa/status` (TEN-1 … TEN-6, TEN-8, GEN-2, PAG-1).
struct TenantRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("tenants") { request, context in
            let op = simulator.operation(context)
            let query = request.queryDictionary
            return JSONResponse.ok(try simulator.withState { try $0.listTenants(query, op) })
        }

        api.post("tenants") { request, context in
            var request = request
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            // TEN-1: 201 with a full tenant.
            let tenant = try simulator.withState { state in state.render(try state.createTenant(body, op)) }
            return JSONResponse.make(status: .created, body: tenant)
        }

        api.get("tenants/:tenant_id") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let allowDeleted = try Paging.bool(request.query("allow_deleted"), name: "allow_deleted")
            return JSONResponse.ok(
                try simulator.withState { state in state.render(try state.readableTenant(id, op, allowDeleted: allowDeleted)) }
            )
        }

        api.put("tenants/:tenant_id") { request, context in
            var request = request
            let id = try context.parameters.require("tenant_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { state in state.render(try state.updateTenant(id, body, op)) })
        }

        api.delete("tenants/:tenant_id") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let version = request.query("version")
            try simulator.withState { state in try state.deleteTenant(id, versionText: version, op) }
            return JSONResponse.noContent()
        }

        api.get("tenants/:tenant_id/children") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let after = request.query("after")?.lowercased()
            let allowDeleted = try Paging.bool(request.query("allow_deleted"), name: "allow_deleted")
            return JSONResponse.ok(
                try simulator.withState { state in
                    let parent = try state.readableTenant(id, op)
                    // uuidList has no paging object: `after=<child uuid>` continues after that child.
                    var children = state.tenants.keys
                        .compactMap { state.visibleTenant($0, op, allowDeleted: allowDeleted) }
                        .filter { $0.parentID == parent.id && !$0.isPersonal }
                        .sorted { $0.numericID < $1.numericID }
                    if let after, let index = children.firstIndex(where: { $0.id == after }) {
                        children = Array(children[(index + 1)...])
                    }
                    return ["items": JSON(children.map(\.id))]
                }
            )
        }

        api.get("tenants/:tenant_id/users") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let grandChildren = try Paging.bool(request.query("include_grand_children"), name: "include_grand_children")
            return JSONResponse.ok(
                try simulator.withState { state in
                    let tenant = try state.readableTenant(id, op)
                    let users = state.users.keys.compactMap { state.visibleUser($0, op) }
                        .filter { grandChildren ? state.isInSubtree($0.tenantID, of: tenant.id) : $0.tenantID == tenant.id }
                        .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                    return ["items": JSON(users.map(\.id))]
                }
            )
        }

        api.get("tenants/:tenant_id/applications") { _, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    let tenant = try state.readableTenant(id, op)
                    return ["items": JSON((state.bindings[tenant.id] ?? []).sorted())]
                }
            )
        }

        api.get("tenants/:tenant_id/mfa/status") { _, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { state in state.renderMFA(try state.readableTenant(id, op)) })
        }

        api.put("tenants/:tenant_id/mfa/status") { request, context in
            var request = request
            let id = try context.parameters.require("tenant_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { state in state.renderMFA(try state.updateMFA(id, body, op)) })
        }
    }
}
