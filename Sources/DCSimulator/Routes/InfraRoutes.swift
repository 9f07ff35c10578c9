import Foundation
import Hummingbird

/// `GET /infra?uuids=` and `GET /infra/{id}` (OI-8).
struct InfraRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("infra") { request, context in
            guard let uuids = request.query("uuids"), !uuids.isEmpty else {
                throw APIError.badRequest("The query parameter 'uuids' (comma-separated infrastructure ids) is required")
            }
            let ids = uuids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if let bad = ids.first(where: { !UUIDText.isValid($0) }) {
                throw APIError.badRequest("'uuids' contains '\(bad)', which is not a UUID")
            }
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    let found = try ids.compactMap { try state.visibleInfra($0, op) }
                    return ["items": .array(found.map(state.render))]
                }
            )
        }

        api.get("infra/:infra_id") { _, context in
            let id = try context.parameters.require("infra_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    guard let infra = try state.visibleInfra(id, op) else {
                        throw APIError.notFound("Infrastructure component '\(id)' was not found")
                    }
                    return state.render(infra)
                }
            )
        }
    }
}
