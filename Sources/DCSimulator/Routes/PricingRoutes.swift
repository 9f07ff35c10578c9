import Hummingbird

/// `GET/PUT /tenants/{id}/pricing` (TEN-7).
struct PricingRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("tenants/:tenant_id/pricing") { _, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { state in state.renderPricing(try state.readableTenant(id, op)) })
        }

        api.put("tenants/:tenant_id/pricing") { request, context in
            var request = request
            let id = try context.parameters.require("tenant_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in state.renderPricing(try state.updatePricing(id, body, op)) }
            )
        }
    }
}
