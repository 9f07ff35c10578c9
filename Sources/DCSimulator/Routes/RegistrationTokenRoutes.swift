import Hummingbird

/// Registration tokens: `GET/POST /tenants/{id}/registration_tokens` and the deprecated `GET/POST
/// /registration_tokens` (REG-1 … REG-4).
struct RegistrationTokenRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.post("tenants/:tenant_id/registration_tokens") { request, context in
            var request = request
            let id = try context.parameters.require("tenant_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            // REG-1: 200 ([SPEC]).
            return JSONResponse.ok(
                try simulator.withState { state in
                    state.render(
                        try state.createRegistrationToken(tenantID: id, body, allowedKeys: ["expires_in", "scopes"], op)
                    )
                }
            )
        }

        api.get("tenants/:tenant_id/registration_tokens") { _, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    let tenant = try state.readableTenant(id, op)
                    let tokens = state.registrationTokens.filter { $0.tenantID == tenant.id }
                    return ["items": .array(tokens.map(state.render))]
                }
            )
        }

        // Deprecated form (REG-4): 201 ([SPEC]).
        api.post("registration_tokens") { request, context in
            var request = request
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            let caller = try context.caller()
            let tenantID = try body.uuid("tenant_id") ?? caller.tenantID
            let token = try simulator.withState { state in
                state.render(
                    try state.createRegistrationToken(
                        tenantID: tenantID,
                        body,
                        allowedKeys: ["tenant_id", "expires_in", "scopes"],
                        op
                    )
                )
            }
            return JSONResponse.make(status: .created, body: token)
        }

        api.get("registration_tokens") { _, context in
            let caller = try context.caller()
            return JSONResponse.ok(
                try simulator.withState { state in
                    let tokens = state.registrationTokens.filter { state.isInSubtree($0.tenantID, of: caller.tenantID) }
                    return ["items": .array(tokens.map(state.render))]
                }
            )
        }
    }
}
