import Hummingbird

/// `POST /users/{id}/password` and `POST /users/{id}/send-activation-email` (USR-4 … USR-6).
struct ActivationRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.post("users/:user_id/password") { request, context in
            var request = request
            let id = try context.parameters.require("user_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            try simulator.withState { try $0.setPassword(id, body, op) }
            return JSONResponse.noContent()
        }

        api.post("users/:user_id/send-activation-email") { request, context in
            var request = request
            let id = try context.parameters.require("user_id").lowercased()
            // The documented body is `{}` ([DOC-ACT]); an empty body is tolerated.
            if let body = try await request.jsonBody(required: false) {
                _ = try JSONObjectReader(body, context: "request body")
            }
            let op = simulator.operation(context)
            try simulator.withState { try $0.sendActivationEmail(id, op) }
            return JSONResponse.noContent()
        }
    }
}
