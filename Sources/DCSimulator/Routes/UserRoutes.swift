import Hummingbird

/// Users: `GET/POST /users`, `check_login`, `me`, `GET/PUT/DELETE /users/{id}`, access policies
/// (USR-1 … USR-3, USR-7).
struct UserRoutes: Sendable {
    let simulator: DCSimulator

    func register(on api: RouterGroup<SimRequestContext>) {
        api.get("users") { request, context in
            let op = simulator.operation(context)
            let query = request.queryDictionary
            return JSONResponse.ok(try simulator.withState { try $0.listUsers(query, op) })
        }

        api.post("users") { request, context in
            var request = request
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            let user = try simulator.withState { state in state.render(try state.createUser(body, op)) }
            // Knob `createUserStatus` (USR-2; [SPEC] 200, §10 #14).
            return JSONResponse.make(status: .init(code: op.config.createUserStatus), body: user)
        }

        api.get("users/check_login") { request, _ in
            let username = request.query("username")
            try simulator.withState { try $0.checkLogin(username) }
            return JSONResponse.noContent()
        }

        api.get("users/me") { _, context in
            let caller = try context.caller()
            return JSONResponse.ok(
                try simulator.withState { state in
                    guard let userID = caller.userID, let user = state.user(userID) else {
                        throw APIError.forbidden("GET /users/me needs a user access token; an API client token has no user")
                    }
                    return state.renderMe(user)
                }
            )
        }

        api.get("users/:user_id") { request, context in
            let id = try context.parameters.require("user_id").lowercased()
            let op = simulator.operation(context)
            let allowDeleted = try Paging.bool(request.query("allow_deleted"), name: "allow_deleted")
            return JSONResponse.ok(
                try simulator.withState { state in state.render(try state.readableUser(id, op, allowDeleted: allowDeleted)) }
            )
        }

        api.put("users/:user_id") { request, context in
            var request = request
            let id = try context.parameters.require("user_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(try simulator.withState { state in state.render(try state.updateUser(id, body, op)) })
        }

        api.delete("users/:user_id") { request, context in
            let id = try context.parameters.require("user_id").lowercased()
            let op = simulator.operation(context)
            let version = request.query("version")
            try simulator.withState { try $0.deleteUser(id, versionText: version, op) }
            return JSONResponse.noContent()
        }

        api.get("users/:user_id/access_policies") { _, context in
            let id = try context.parameters.require("user_id").lowercased()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    let user = try state.readableUser(id, op)
                    return ["items": .array(user.accessPolicies.map(state.render)), "timestamp": Timestamp.json(op.now)]
                }
            )
        }

        api.put("users/:user_id/access_policies") { request, context in
            var request = request
            let id = try context.parameters.require("user_id").lowercased()
            let body = try await request.jsonObject()
            let op = simulator.operation(context)
            return JSONResponse.ok(
                try simulator.withState { state in
                    let user = try state.replaceAccessPolicies(id, body, op)
                    return ["items": .array(user.accessPolicies.map(state.render)), "timestamp": Timestamp.json(op.now)]
                }
            )
        }
    }
}
