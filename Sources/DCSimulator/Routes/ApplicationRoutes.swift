import Hummingbird

/// `GET /applications` and application bindings (§4.1, OI-7).
struct ApplicationRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("applications") { _, _ in
            JSONResponse.ok(try simulator.withState { state in ["items": .array(state.applications.map(state.render))] })
        }

        api.post("applications/:application_id/bindings/tenants/:tenant_id") { _, context in
            let applicationID = try context.parameters.require("application_id").lowercased()
            let tenantID = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            try simulator.withState { try $0.bind(applicationID, to: tenantID, op) }
            return JSONResponse.noContent()
        }

        api.delete("applications/:application_id/bindings/tenants/:tenant_id") { _, context in
            let applicationID = try context.parameters.require("application_id").lowercased()
            let tenantID = try context.parameters.require("tenant_id").lowercased()
            let op = simulator.operation(context)
            try simulator.withState { try $0.unbind(applicationID, from: tenantID, op) }
            return JSONResponse.noContent()
        }
    }
}
