import Hummingbird

/// `GET /clients/{client_id}` (AUTH-4): the client with `tenant_id` = its partner tenant.
struct ClientRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("clients/:client_id") { _, context in
            let clientID = try context.parameters.require("client_id")
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    guard let client = state.clients[clientID] else {
                        throw APIError.notFound("API client '\(clientID)' was not found")
                    }
                    let caller = try op.requireCaller()
                    guard caller.clientID == clientID || state.isInSubtree(client.tenantID, of: caller.tenantID) else {
                        throw APIError.forbidden("Access denied: API client '\(clientID)' belongs to another tenant")
                    }
                    return state.render(client)
                }
            )
        }
    }
}
