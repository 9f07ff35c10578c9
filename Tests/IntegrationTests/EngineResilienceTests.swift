import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("Onboarding engine: crashes, faults, load", .timeLimit(.minutes(5)))
struct EngineResilienceTests {
    /// A write of each step, delayed by the simulator so the engine can be stopped while it is in flight.
    static let boundaries: [(step: OnboardingStep, method: String, prefix: String)] = [
        (.createTenant, "POST", "/tenants"),
        (.configureServices, "PUT", "/tenants/"),
        (.createAdmin, "POST", "/users"),
        (.assignRoles, "PUT", "/users/"),
        (.activateAdmin, "POST", "/users/"),
        (.createRegistrationToken, "POST", "/tenants/"),
    ]

    @Test("stopped in the middle of every step and restarted on the same database: completes with one tenant and one user",
          arguments: boundaries.map(\.step))
    func restartMidStep(step: OnboardingStep) async throws {
        let boundary = try #require(Self.boundaries.first { $0.step == step })
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            try await simulator.configure(["failNext": [[
                "method": boundary.method, "pathPrefix": boundary.prefix, "action": "delay", "delayMs": 1500, "count": 1,
            ]]])

            // First life: stop while the step's write is held by the DC (as a SIGTERM or kill would).
            let id = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                try await waitUntil("the \(step.rawValue) write to be in flight", within: .seconds(20)) {
                    let config = try JSONSerialization.jsonObject(with: try await simulator.configJSON()) as? [String: Any]
                    return (config?["failNext"] as? [Any])?.isEmpty == true
                }
                return id
            }
            // The DC finishes the held write after the crash: the restarted engine must adopt, not duplicate.
            try await waitUntil("the held write to complete in the DC") {
                try await simulator.requestLog().contains { $0.fault == "fail_next_delay" }
            }
            let store = try await harness.openStore()
            #expect(try await store.record(id: id)?.progress.state == .running, "the interrupted step is still marked running")
            await store.database.close()

            // Second life.
            let record = try await harness.withRunningEngine { _, store in try await harness.waitForTerminal([id], store: store)[0] }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            #expect(try await harness.tenants(named: request.customer.name).count == 1)
            #expect(try await harness.users(login: request.admin.login).count == 1)
            let tokens = try await simulator.state()["registration_tokens"] as? [[String: Any]] ?? []
            #expect(tokens.filter { $0["tenant_id"] as? String == record.personalTenantID }.count == 1, "one registration token")
        }
    }

    @Test("a 429 storm and tokens expiring every 2 s: every onboarding completes")
    func stormAndTokenExpiry() async throws {
        try await withSimulator(["--rate-limit-rps", "25", "--rate-limit-burst", "5", "--retry-after-seconds", "1", "--token-lifetime-sec", "2"]) {
            simulator in
            let harness = try EngineHarness(simulator: simulator)
            let requests = try (0..<8).map { _ in try harness.request() }
            let records = try await harness.withRunningEngine { engine, store in
                var ids: [String] = []
                for request in requests { ids.append(try await engine.submit(request, submitterUID: nil, source: "test").record.id) }
                return try await harness.waitForTerminal(ids, store: store, within: .seconds(120))
            }
            for record in records where record.progress.state != .succeeded {
                Issue.record("\(record.progress.state) at \(record.progress.step): \(record.progress.lastFailure?.description ?? "-")")
            }
            let log = try await simulator.requestLog()
            #expect(log.contains { $0.status == 429 }, "the storm happened")
            #expect(log.filter { $0.path == "/api/2/idp/token" }.count > 1, "tokens were renewed")
            for request in requests {
                #expect(try await harness.tenants(named: request.customer.name).count == 1)
            }
        }
    }

    @Test("a permanent failure is reported, and retry completes it without duplicates")
    func retryAfterFailure() async throws {
        try await withSimulator(["--fail-next", "POST /users 403 1"]) { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                let failed = try await harness.waitForTerminal([id], store: store)[0]
                #expect(failed.progress.state == .failed)
                #expect(failed.progress.step == .createAdmin)
                #expect(failed.progress.lastFailure?.code == "dc_forbidden")
                _ = try await engine.retry(id: id)
                let done = try await harness.waitForTerminal([id], store: store)[0]
                #expect(done.progress.state == .succeeded)
                let kinds = try await store.events(of: id).map(\.kind)
                #expect(kinds.contains(.failed) && kinds.contains(.retried) && kinds.last == .succeeded)
            }
            #expect(try await harness.tenants(named: request.customer.name).count == 1)
            #expect(try await harness.users(login: request.admin.login).count == 1)
        }
    }

    @Test("cancel stops before the next step and says what was already created")
    func cancelMidway() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            try await simulator.configure(["failNext": [["method": "POST", "pathPrefix": "/users", "action": "delay", "delayMs": 1000, "count": 1]]])
            try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                try await waitUntil("the admin to be in creation") {
                    try await store.record(id: id)?.progress.step == .createAdmin
                }
                _ = try await engine.cancel(id: id)
                let record = try await harness.waitForTerminal([id], store: store)[0]
                #expect(record.progress.state == .cancelled)
                #expect(record.progress.step == .assignRoles, "it stopped before the next step")
                let last = try #require(try await store.events(of: id).last)
                #expect(last.kind == .cancelled)
                #expect(last.message.contains("already created: tenant \(record.tenantID ?? "?")"))
                #expect(await #expect(throws: EngineError.self) { try await engine.cancel(id: id) } != nil)
            }
        }
    }

    @Test("100 concurrent onboardings all succeed with no duplicates")
    func hundredConcurrent() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let requests = try (0..<100).map { _ in try harness.request() }
            let started = ContinuousClock.now
            let records = try await harness.withRunningEngine { engine, store in
                var ids: [String] = []
                for request in requests { ids.append(try await engine.submit(request, submitterUID: nil, source: "test").record.id) }
                return try await harness.waitForTerminal(ids, store: store, within: .seconds(240))
            }
            let elapsed = ContinuousClock.now - started
            #expect(records.count == 100)
            #expect(records.allSatisfy { $0.progress.state == .succeeded }, "\(records.compactMap(\.progress.lastFailure).prefix(3))")
            let tenants = try await simulator.state()["tenants"] as? [[String: Any]] ?? []
            let names = Set(requests.map(\.customer.name))
            #expect(tenants.filter { names.contains($0["name"] as? String ?? "") }.count == 100, "one tenant per onboarding")
            let users = try await simulator.state()["users"] as? [[String: Any]] ?? []
            let logins = Set(requests.map(\.admin.login))
            #expect(users.filter { logins.contains($0["login"] as? String ?? "") }.count == 100, "one user per onboarding")
            let calls = try await simulator.requestLog().count
            print("100 onboardings: \(elapsed), \(calls) API calls, \(Double(calls) / 100) per onboarding")
        }
    }
}
