import Hummingbird

/// `GET/PUT /tenants/{id}/offering_items` and `GET …/available_for_child` (OI-1 … OI-7).
struct OfferingItemRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("tenants/:tenant_id/offering_items") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let query = request.queryDictionary
            return JSONResponse.ok(try simulator.withState { try $0.listOfferingItems(id, query, op) })
        }

        api.get("tenants/:tenant_id/offering_items/available_for_child") { request, context in
            let id = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            let query = request.queryDictionary
            return JSONResponse.ok(try simulator.withState { try $0.availableForChild(id, query, op) })
        }

        api.put("tenants/:tenant_id/offering_items") { request, context in
            var request = request
            let id = try context.parameters.require("tenant_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { try $0.putOfferingItems(id, body, op) })
        }
    }
}
