import Foundation
import Hummingbird

/// Test hooks under `/_sim/` (no authentication; never recorded). See `docs/simulator.md`.
struct SimHookRoutes: Sendable {
    let simulator: DCSimulator

    private func configurationError(_ body: () throws -> SimulatorConfiguration) throws -> SimulatorConfiguration {
        do {
            return try body()
        } catch let error as ConfigurationError {
            throw APIError.badRequest(error.message)
        }
    }

    func register(on hooks: RouterGroup<SimRequestContext>) {
        // OPS-1: the request log.
        hooks.get("requests") { _, _ in JSONResponse.ok(simulator.requestLogJSON()) }
        hooks.delete("requests") { _, _ in
            simulator.clearRequestLog()
            return JSONResponse.noContent()
        }

        hooks.get("state") { _, _ in JSONResponse.ok(simulator.stateDump()) }

        hooks.get("config") { _, _ in JSONResponse.ok(simulator.configuration.json) }
        hooks.patch("config") { request, _ in
            var request = request
            let patch = try await request.jsonBody() ?? [:]
            let updated = try configurationError { try simulator.updateConfiguration(patch) }
            return JSONResponse.ok(updated.json)
        }

        // Appends one deterministic fault rule (same fields as the entries of `failNext`).
        hooks.post("faults/fail-next") { request, _ in
            var request = request
            let rule = try await request.jsonBody() ?? [:]
            var rules = simulator.configuration.json["failNext"]?.arrayValue ?? []
            rules.append(rule)
            let updated = try configurationError { try simulator.updateConfiguration(["failNext": .array(rules)]) }
            return JSONResponse.ok(updated.json)
        }

        // USR-5: the user followed the activation link (optionally choosing a password).
        hooks.post("users/:user_id/complete-activation") { request, context in
            var request = request
            let id = try context.parameters.require("user_id").lowercased()
            let body = try await request.jsonBody(required: false)
            let password = body?["password"]?.stringValue
            let op = Operation(now: simulator.clock.now(), config: simulator.configuration, caller: nil)
            return JSONResponse.ok(
                try simulator.withState { state in state.render(try state.completeActivation(id, password: password, op)) }
            )
        }

        // A tenant created "by someone else" (no subtree check, not recorded).
        hooks.post("tenants") { request, _ in
            var request = request
            let body = try await request.jsonObject()
            let op = Operation(now: simulator.clock.now(), config: simulator.configuration, caller: nil)
            let tenant = try simulator.withState { state in
                state.render(try state.createTenant(body, op, checkAccess: false))
            }
            return JSONResponse.make(status: .created, body: tenant)
        }

        hooks.post("tokens/revoke") { _, _ in
            JSONResponse.ok(["revoked": .int(simulator.revokeAllTokens())])
        }

        // Moves the simulated clock forward (token expiry, lag, rate-limit refill) instead of sleeping.
        hooks.post("clock/advance") { request, _ in
            var request = request
            let body = try JSONObjectReader(try await request.jsonBody() ?? [:], context: "request body")
            try body.rejectUnknownKeys(allowed: ["seconds", "ms"])
            let seconds = Double(try body.int("seconds") ?? 0) + Double(try body.int("ms") ?? 0) / 1000
            simulator.clock.advance(by: seconds)
            return JSONResponse.ok([
                "now": Timestamp.json(simulator.clock.now()),
                "advanced_seconds": .double(simulator.clock.advancedSeconds),
            ])
        }

        hooks.post("reset") { _, _ in
            simulator.reset()
            return JSONResponse.noContent()
        }
    }
}
