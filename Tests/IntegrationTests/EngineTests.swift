import DCSimulator
import Foundation
import Logging
import Testing

@testable import OnboardCore

@Suite("Onboarding engine against onboard-dcsim", .timeLimit(.minutes(3)))
struct EngineTests {
    @Test("per-workload profile: the example request succeeds; password kept; install commands render")
    func perWorkload() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let example = try String(contentsOf: EngineHarness.repositoryRoot.appending(path: "examples/contoso-per-workload.json"), encoding: .utf8)
            let request = try harness.request(example)
            let (record, credentials, instructions) = try await harness.withRunningEngine { engine, store in
                let submitted = try await engine.submit(request, submitterUID: 1000, source: "test").record
                await #expect(throws: EngineError.self, "no credentials before the steps ran") { try await engine.credentials(id: submitted.id) }
                let done = try await harness.waitForTerminal([submitted.id], store: store)[0]
                return (done, try await engine.credentials(id: submitted.id), try await engine.installInstructions(id: submitted.id))
            }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            // Fabrikam GmbH carries the same CRM id in customer_id, written by another tool: not ours.
            #expect(record.tenantID != SimulatorSeed.fabrikamCustomer)
            #expect(try await harness.tenants(named: "Contoso Ltd").count == 1)
            let user = try #require(try await harness.users(login: "contoso.admin").first)
            #expect(user["activated"] as? Bool == true)

            let password = try #require(credentials.adminPassword)
            #expect(PasswordPolicy.problems(password: password.revealed, context: request.passwordContext).isEmpty)
            let token = try #require(credentials.registrationToken)
            #expect(instructions.map(\.platform) == [.windows, .linux, .macos])
            #expect(instructions[1].steps.contains { $0.command.contains("--rain=\(simulator.baseURL.absoluteString)") })
            #expect(instructions[1].steps.contains { $0.command.contains("--token=\(token.revealed)") })
            let events = try await harness.withRunningEngine { _, store in try await store.events(of: record.id) }
            #expect(!events.map(\.message).joined().contains(password.revealed), "no secret in the log")
            #expect(!events.map(\.message).joined().contains(token.revealed), "no secret in the log")

            // The tenant carries our key, and the enabled items are exactly the profile's.
            let tenant = try #require(try await harness.tenants(named: "Contoso Ltd").first)
            #expect(tenant["customer_id"] as? String == "crm-4711")
            let items = (tenant["offering_items"] as? [[String: Any]] ?? []).filter { $0["status"] as? Int == 1 }.compactMap { $0["name"] as? String }
            #expect(Set(items).isSuperset(of: ["pw_base_workstations", "pw_base_servers", "pw_base_vms", "pw_base_m365_seats", "pw_base_storage"]))
        }
    }

    @Test("per-gigabyte profile: partner-owned storage and two-factor authentication")
    func perGigabyte() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request(services: #"{"profile": "standard-per-gigabyte"}"#)
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            let tenant = try #require(try await harness.tenants(named: request.customer.name).first)
            #expect(tenant["mfa_status"] as? String == "enabled")
            let storage = (tenant["offering_items"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "pg_base_storage" && $0["status"] as? Int == 1 }
            #expect(storage?["infra_id"] as? String == SimulatorSeed.partnerBackupStorage)
        }
    }

    @Test("template tenant: the sample customer's services are copied; activation by e-mail")
    func templateCopy() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request(services: #"{"template_tenant": "Sample Customer (per workload)"}"#, activation: "email")
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            let state = try await harness.simulator.state()["tenants"] as? [[String: Any]] ?? []
            func enabled(_ tenant: [String: Any]?) -> Set<String> {
                Set((tenant?["offering_items"] as? [[String: Any]] ?? []).filter { $0["status"] as? Int == 1 }.map {
                    "\($0["name"] ?? "")@\($0["infra_id"] ?? "-")=\(($0["quota"] as? [String: Any])?["value"] ?? "nil")"
                })
            }
            let sample = state.first { $0["id"] as? String == SimulatorSeed.sampleCustomer }
            let copy = state.first { $0["name"] as? String == request.customer.name }
            #expect(!enabled(sample).isEmpty)
            #expect(enabled(copy) == enabled(sample))
            let user = try #require(try await harness.users(login: request.admin.login).first)
            #expect(user["activation_email_sent"] as? Bool == true)
        }
    }

    @Test("a same-named tenant that is not ours fails with a clear reason and is never adopted")
    func strangersTenant() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request(name: SimulatorSeed.fabrikamName)
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .failed)
            #expect(record.progress.lastFailure?.code == "tenant_name_taken")
            #expect(record.progress.lastFailure?.message.contains("never adopts a tenant that is not its own") == true)
            #expect(record.tenantID == nil)
            #expect(try await harness.tenants(named: SimulatorSeed.fabrikamName).count == 1)
            #expect(try await simulator.requests("POST", "/tenants").isEmpty, "nothing was created")
        }
    }

    @Test("a login taken outside our tenant fails with the fix")
    func loginTaken() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request(login: "fabrikam.admin")
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .failed)
            #expect(record.progress.step == .createAdmin)
            #expect(record.progress.lastFailure?.code == "login_taken")
            #expect(record.tenantID != nil, "the half-built tenant is recorded, not forgotten")
        }
    }

    @Test("commit then drop on create tenant and create user: adopted, exactly one of each",
          arguments: ["POST /tenants", "POST /users"])
    func commitThenDrop(route: String) async throws {
        try await withSimulator(["--drop-after-commit", route]) { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            #expect(try await harness.tenants(named: request.customer.name).count == 1)
            #expect(try await harness.users(login: request.admin.login).count == 1)
        }
    }

    @Test("the same key and content returns the existing onboarding; other content is a conflict")
    func idempotentSubmit() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            try await harness.withRunningEngine { engine, _ in
                let first = try await engine.submit(request, submitterUID: nil, source: "test")
                let again = try await engine.submit(request, submitterUID: nil, source: "test")
                guard case .created(let created) = first, case .existing(let existing) = again else {
                    Issue.record("expected created, then existing")
                    return
                }
                #expect(created.id == existing.id)
                let changed = try harness.request(key: request.key, language: "de")
                await #expect(throws: EngineError.self) { try await engine.submit(changed, submitterUID: nil, source: "test") }
            }
        }
    }
}

@Suite("Profile export against onboard-dcsim", .timeLimit(.minutes(1)))
struct ProfileExportTests {
    @Test("export from the sample customer, parse the file back, onboard with it: the same services")
    func roundTrip() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let exported = try await ProfileExporter.export(fromTenant: SimulatorSeed.sampleCustomerName, as: "sample-copy", account: harness.account)
            #expect(exported.fileText.contains("\"edition\": \"pck_per_workload\""))
            #expect(exported.fileText.contains("\"policy\": \"infra_name\""), "storages are exported by name")
            let parsed = try ProfileFile.parse(name: "sample-copy", data: Data(exported.fileText.utf8)).get()
            #expect(parsed == exported.profile)

            var profiles = harness.services.profiles
            profiles["sample-copy"] = parsed
            let engineHarness = try EngineHarness(simulator: simulator)
            let request = try RequestParser.parse(
                json: """
                    {"version": 1, "partner": "eu2", "customer": {"name": "\(uniqueName("Exported"))", "contact": {"email": "it@exported.example"}},
                     "services": {"profile": "sample-copy"}, "admin": {"login": "exported.\(UUID().uuidString.prefix(6).lowercased())", "email": "a@exported.example"}}
                    """,
                context: RequestValidationContext(partners: ["eu2"], profiles: profiles.keys.sorted()))
            let store = try await engineHarness.openStore()
            let engine = OnboardingEngine(
                store: store, partners: [engineHarness.account], services: ServiceSource(profiles: profiles),
                configuration: EngineHarness.fastEngine, logger: .init(label: "export-test"))
            let record = try await withThrowingTaskGroup(of: OnboardingRecord?.self) { group in
                group.addTask { try await engine.run(); return nil }
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                let done = try await engineHarness.waitForTerminal([id], store: store)[0]
                group.cancelAll()
                return done
            }
            await store.database.close()
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")
            let tenants = try await simulator.state()["tenants"] as? [[String: Any]] ?? []
            func enabled(_ id: String?) -> Set<String> {
                let tenant = tenants.first { $0["id"] as? String == id }
                return Set((tenant?["offering_items"] as? [[String: Any]] ?? []).filter { $0["status"] as? Int == 1 }.map {
                    "\($0["name"] ?? "")@\($0["infra_id"] ?? "-")=\(($0["quota"] as? [String: Any])?["value"] ?? "nil")"
                })
            }
            #expect(enabled(record.tenantID) == enabled(SimulatorSeed.sampleCustomer))
        }
    }
}
