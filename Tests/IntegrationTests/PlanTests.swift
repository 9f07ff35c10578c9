import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

/// The dry-run planner against `onboard-dcsim`: what it plans, every rejection rule it catches
/// before anything is written, and that it never writes.
@Suite("Onboarding plan against onboard-dcsim", .timeLimit(.minutes(3)))
struct PlanTests {
    // MARK: - Clean plans

    @Test("the example request (per-workload profile): create tenant with our marker, items, hosted storage, no problems")
    func exampleRequest() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let example = try String(contentsOf: EngineHarness.repositoryRoot.appending(path: "examples/contoso-per-workload.json"), encoding: .utf8)
            let plan = try await planReadOnly(try harness.request(example), harness)

            #expect(plan.problems.isEmpty, "\(plan.problems)")
            // Fabrikam GmbH carries crm-4711 in customer_id, written by another tool: not ours, and not in the way.
            guard case .create(let tenant) = plan.tenant else { throw PlanExpectation("expected a tenant to create, got \(String(describing: plan.tenant))") }
            #expect(tenant.name == "Contoso Ltd")
            #expect(tenant.parentID == SimulatorSeed.partnerTenant)
            #expect(tenant.customerID == "crm-4711")
            #expect(tenant.internalTag == "onboard:crm-4711")
            let services = try #require(plan.services)
            #expect(services.edition == "pck_per_workload")
            #expect(services.items.map(\.name) == ["pw_base_workstations", "pw_base_servers", "pw_base_vms", "pw_base_m365_seats", "pw_base_storage"])
            #expect(services.items.map(\.quotaText) == ["25", "5", "10", "50", "500GiB"])
            #expect(services.storage.map(\.infraID) == [SimulatorSeed.hostedBackupStorage])
            #expect(services.storage.first?.reason.contains("platform-owned") == true)
            #expect(services.storage.first?.alternatives == ["Sim Partner Storage"])
            #expect(services.updates == nil)
            #expect(!services.pricing.changes && !services.mfa.changes)
            guard case .create(let admin) = plan.admin else { throw PlanExpectation("expected an admin to create") }
            #expect(admin.login == "contoso.admin")
            #expect(plan.roles == [.init(role: "company_admin", alreadyAssigned: false)])
            #expect(plan.activation.method == .generatedPassword)
            #expect(plan.registrationToken.validDays == 3 && plan.registrationToken.platforms == [.windows, .linux, .macos])
            #expect(plan.humanReadable.hasSuffix("No problems found: the request can be submitted."))
        }
    }

    @Test("the per-gigabyte profile: partner-owned storage, 1 TiB, two-factor authentication turned on")
    func perGigabyte() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let plan = try await planReadOnly(try harness.request(services: #"{"profile": "standard-per-gigabyte"}"#), harness)
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            let services = try #require(plan.services)
            #expect(services.edition == "pck_per_gigabyte")
            let storage = try #require(services.items.first { $0.name == "pg_base_storage" })
            #expect(storage.quotaText == "1TiB")
            #expect(storage.infraID == SimulatorSeed.partnerBackupStorage)
            #expect(services.storage.first?.policy == "the partner-owned storage")
            #expect(services.mfa == .init(required: true, currentlyEnabled: nil, changes: true))
            #expect(plan.humanReadable.contains("two-factor authentication: turned on"))
        }
    }

    @Test("a template tenant: the sample customer's items, quotas and storage, re-resolved against the partner")
    func templateTenant() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request(services: #"{"template_tenant": "Sample Customer (per workload)"}"#, activation: "email")
            let plan = try await planReadOnly(request, harness)
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            let services = try #require(plan.services)
            #expect(services.source == "template tenant \"Sample Customer (per workload)\"")
            #expect(services.edition == "pck_per_workload")
            #expect(Set(services.items.map(\.name)) == [
                "pw_base_workstations", "pw_base_servers", "pw_base_vms", "pw_base_m365_seats", "pw_base_mobiles", "local_storage", "pw_base_storage",
            ])
            let workstations = try #require(services.items.first { $0.name == "pw_base_workstations" })
            #expect(workstations.quotaText == "25" && workstations.overageText == "5")
            let storage = try #require(services.items.first { $0.name == "pw_base_storage" })
            #expect(storage.quotaText == "2TiB")
            #expect(storage.infraID == SimulatorSeed.hostedBackupStorage)
            #expect(services.storage.first?.policy == "the storage with id \(SimulatorSeed.hostedBackupStorage)")
            #expect(plan.activation == .init(method: .email, email: request.admin.email, alreadyActive: false))
        }
    }

    // MARK: - Rejection rules

    @Test("a stranger's tenant with the same name: reported with the fix, never adopted; the rest is still planned")
    func strangersTenant() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let plan = try await planReadOnly(try harness.request(name: SimulatorSeed.fabrikamName), harness)
            #expect(plan.tenant == nil)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "tenant_name_taken" && problem.area == "customer.name")
            #expect(problem.problem.contains(SimulatorSeed.fabrikamCustomer))
            #expect(problem.problem.contains("\"other-tool:fabrikam\""))
            #expect(problem.fix.contains("Rename the customer"))
            #expect(plan.services != nil, "the services are planned too, so every problem shows at once")
        }
    }

    @Test("an unknown profile")
    func unknownProfile() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            var profiles = harness.services.profiles
            profiles["standard-per-workload"] = nil
            let plan = try await planReadOnly(try harness.request(), harness, services: ServiceSource(profiles: profiles))
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "unknown_profile" && problem.area == "services.profile")
            #expect(problem.problem.contains("known: standard-per-gigabyte"))
            #expect(problem.fix.contains("profiles/standard-per-workload.json"))
            #expect(plan.services == nil)
        }
    }

    @Test("a template that does not exist")
    func templateNotFound() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let plan = try await planReadOnly(try harness.request(services: #"{"template_tenant": "No Such Customer"}"#), harness)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "template_not_found" && problem.area == "services.template_tenant")
            #expect(problem.fix.contains("UUID"))
        }
    }

    @Test("a template with items of two editions")
    func templateWithTwoEditions() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            // The DC allows one edition per application on a customer (OI-4), so a customer template
            // with two editions cannot be seeded; a sub-partner may hold several editions and is a
            // direct child of the partner, which is what the template lookup accepts.
            let client = harness.account.client
            let reseller = try await client.createTenant(TenantCreation(name: "Two Editions Reseller", parentID: SimulatorSeed.partnerTenant, kind: .partner))
            _ = try await client.setOfferingItems(of: reseller.id, [
                OfferingItemUpdate(applicationID: SimulatorSeed.cyberProtectionApplication, name: "pw_base_servers", status: 1),
                OfferingItemUpdate(applicationID: SimulatorSeed.cyberProtectionApplication, name: "pg_base_servers", status: 1),
            ])
            let plan = try await planReadOnly(try harness.request(services: #"{"template_tenant": "Two Editions Reseller"}"#), harness)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "template_unusable" && problem.area == "services.template_tenant")
            #expect(problem.problem.contains("several editions (pck_per_gigabyte, pck_per_workload)"))
            #expect(problem.fix.contains("exactly one edition"))
        }
    }

    @Test("items the partner does not offer and byte units on counted items, reported together")
    func itemNotOffered() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let profile = ServiceProfile(name: "nope", edition: .perWorkload, items: [
                .init(name: "pw_base_workstations", quota: QuotaAmount(value: 5)),
                .init(name: "pw_base_nope"),
                .init(name: "pw_base_servers", quota: QuotaAmount(parsing: "5GiB")),
            ], storage: .platformOwned)
            let (request, services) = try customProfile(profile, harness)
            let plan = try await planReadOnly(request, harness, services: services)
            #expect(plan.problems.map(\.area) == ["services (nope): items[1] (pw_base_nope)", "services (nope): items[2] (pw_base_servers)"])
            #expect(plan.problems[0].problem.contains("does not offer pw_base_nope to customers in edition pck_per_workload"))
            #expect(plan.problems[0].fix.contains("pw_base_servers"), "the fix lists what is offered")
            #expect(plan.problems[1].problem.contains("measured in quantity"))
        }
    }

    @Test("storage policies matching several storages, or none")
    func ambiguousStorage() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let profile = ServiceProfile(name: "only", edition: .perWorkload, items: [
                .init(name: "pw_base_storage", storage: .onlyOne),
                .init(name: "pw_base_adv_dr_storage", storage: .infraName("Gone Storage")),
            ])
            let (request, services) = try customProfile(profile, harness)
            let plan = try await planReadOnly(request, harness, services: services)
            #expect(plan.problems.map(\.area) == ["services (only): items[0] (pw_base_storage)", "services (only): items[1] (pw_base_adv_dr_storage)"])
            #expect(plan.problems[0].problem.contains("2 storages offered for pw_base_storage match the only storage offered"))
            #expect(plan.problems[0].problem.contains("\"Acronis Hosted EU2 Storage\"") && plan.problems[0].problem.contains("\"Sim Partner Storage\""))
            #expect(plan.problems[0].fix.contains("infra_name"))
            #expect(plan.problems[1].problem.contains("no storage offered for pw_base_adv_dr_storage is the storage named \"Gone Storage\""))
        }
    }

    // Two storages of one capability (1015) cannot be asked of the simulator through a profile: its
    // only backup-capable item per edition is the one `…_storage` item, and a profile names each
    // item once. The rule is covered by ServicesPlanningTests; here the DC's other storage rule.
    @Test("storages in two locations: 1031 predicted, and the DC agrees")
    func storageLocationConflict() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let profile = ServiceProfile(name: "split", edition: .perWorkload, items: [
                .init(name: "pw_base_storage", storage: .infraName("Sim Partner Storage")),
                .init(name: "pw_base_adv_dr_storage"),
            ])
            let (request, services) = try customProfile(profile, harness)
            let plan = try await planReadOnly(request, harness, services: services)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "storage_location_conflict" && problem.acronisCode == 1031)

            // The prediction holds: the same items on a fresh customer are refused with 1031.
            let client = harness.account.client
            let customer = try await client.createTenant(TenantCreation(name: uniqueName("Split"), parentID: SimulatorSeed.partnerTenant))
            let items = try #require(plan.services?.items).map {
                OfferingItemUpdate(applicationID: $0.applicationID, name: $0.name, status: 1, infraID: $0.infraID)
            }
            let error = await #expect(throws: DCAPIError.self) { _ = try await client.setOfferingItems(of: customer.id, items) }
            #expect(error?.acronisCode == 1031)
        }
    }

    @Test("a login taken by a user outside our tenant")
    func loginTaken() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let plan = try await planReadOnly(try harness.request(login: "fabrikam.admin"), harness)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "login_taken" && problem.area == "admin.login")
            #expect(problem.fix == "choose another admin.login")
            #expect(plan.admin == nil)
        }
    }

    @Test("a login the DC refuses as invalid (406)")
    func loginInvalid() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            // The request parser's login rule is stricter than the simulator's, so a DC with other
            // rules is stood in for by an injected 406 on check_login.
            try await simulator.configure(["failNext": [["method": "GET", "pathPrefix": "/users/check_login", "status": 406, "count": 1]]])
            let plan = try await planReadOnly(try harness.request(), harness)
            let problem = try #require(plan.problems.only)
            #expect(problem.code == "login_invalid" && problem.area == "admin.login")
            #expect(problem.problem.contains("the data centre refuses the login"))
        }
    }

    @Test("the partner tenant unreadable: reported, and what does not need it is still checked")
    func partnerUnreadable() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            try await simulator.configure(["failNext": [["method": "GET", "pathPrefix": "/clients", "status": 403, "errorCode": 1002, "count": 1]]])
            let plan = try await planReadOnly(try harness.request(login: "fabrikam.admin"), harness)
            #expect(plan.problems.map(\.code) == ["dc_forbidden", "login_taken"])
            #expect(plan.problems[0].area == "partner" && plan.problems[0].acronisCode == 1002)
            #expect(plan.tenant == nil && plan.services == nil)
            #expect(plan.humanReadable.contains("Tenant: cannot be planned"))
        }
    }

    @Test("every problem at once: stranger's name, unknown item, ambiguous storage, taken login")
    func everyProblemAtOnce() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let profile = ServiceProfile(name: "bad", edition: .perWorkload, items: [
                .init(name: "pw_base_nope"), .init(name: "pw_base_storage", storage: .onlyOne),
            ])
            let (request, services) = try customProfile(profile, harness, name: SimulatorSeed.fabrikamName, login: "fabrikam.admin")
            let plan = try await planReadOnly(request, harness, services: services)
            #expect(plan.problems.map(\.code) == ["tenant_name_taken", "services_unresolvable", "services_unresolvable", "login_taken"])
            #expect(plan.humanReadable.contains("4 problems would stop this onboarding:"))
        }
    }

    @Test("an unreachable DC is an error, not a plan")
    func unreachable() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            try await simulator.configure(["failNext": [["method": "GET", "pathPrefix": "/clients", "status": 503, "count": 10]]])
            let request = try harness.request()
            let failure = await #expect(throws: StepFailure.self) {
                _ = try await OnboardingPlanner.plan(request: request, account: harness.account, services: harness.services)
            }
            #expect(failure?.kind == .transient)
        }
    }

    @Test("a given password: the plan says so, and neither its JSON nor its text holds the password")
    func givenPassword() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let password = "Kx7-correct-horse-battery"
            let request = try harness.request("""
                {"version": 1, "key": "plan-password", "partner": "eu2",
                 "customer": {"name": "\(uniqueName("Customer"))", "contact": {"email": "it@password.example"}},
                 "services": {"profile": "standard-per-workload"},
                 "admin": {"login": "admin.password-test", "email": "admin@password.example", "password": "\(password)"}}
                """)
            let plan = try await planReadOnly(request, harness)
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            #expect(plan.activation.method == .givenPassword)
            let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
            #expect(!json.contains(password))
            #expect(!plan.humanReadable.contains(password))
        }
    }

    // MARK: - Adoption

    @Test("after an onboarding created the tenant and user, the same request plans adoption and nothing to change")
    func adoption() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let request = try harness.request()
            let record = try await harness.withRunningEngine { engine, store in
                let id = try await engine.submit(request, submitterUID: nil, source: "test").record.id
                return try await harness.waitForTerminal([id], store: store)[0]
            }
            #expect(record.progress.state == .succeeded, "\(record.progress.lastFailure?.description ?? "")")

            let plan = try await planReadOnly(request, harness)
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            #expect(plan.tenant == .adopt(.init(id: try #require(record.tenantID), name: request.customer.name, internalTag: "onboard:\(request.key)")))
            #expect(plan.admin == .adopt(.init(id: try #require(record.userID), login: request.admin.login, activated: true)))
            #expect(plan.roles == [.init(role: "company_admin", alreadyAssigned: true)])
            #expect(plan.activation.alreadyActive)
            let services = try #require(plan.services)
            #expect(services.updates == [], "the offering items are as planned")
            #expect(services.pricing == .init(mode: "trial", current: "trial", changes: false))
            #expect(plan.humanReadable.contains("offering items: already as planned, nothing to send"))
        }
    }

    // MARK: - Read-only

    @Test("planning makes no writes: only GET requests (and the token request) reach the DC")
    func noWrites() async throws {
        try await withSimulator { simulator in
            let harness = try EngineHarness(simulator: simulator)
            let before = try await simulator.state()
            let requests = [
                try harness.request(),
                try harness.request(services: #"{"template_tenant": "Sample Customer (per workload)"}"#),
                try harness.request(name: SimulatorSeed.fabrikamName, login: "fabrikam.admin"),
            ]
            for request in requests {
                _ = try await OnboardingPlanner.plan(request: request, account: harness.account, services: harness.services)
            }
            let log = try await simulator.requestLog()
            #expect(log.contains { $0.method == "GET" && $0.path == "/api/2/users/check_login" })
            #expect(log.filter(\.isWrite).isEmpty, "\(log.filter(\.isWrite).map { "\($0.method) \($0.path)" })")
            let after = try await simulator.state()
            #expect((after["tenants"] as? [Any])?.count == (before["tenants"] as? [Any])?.count)
            #expect((after["users"] as? [Any])?.count == (before["users"] as? [Any])?.count)
        }
    }
}

// MARK: - Helpers

extension SimulatorProcess.LoggedRequest {
    /// Anything but a read or the partner account's token request.
    var isWrite: Bool { method != "GET" && path != "/api/2/idp/token" }
}

extension Array {
    /// The one element, or `nil` when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}

struct PlanExpectation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Plans `request` and checks that the planning sent no write to the DC.
private func planReadOnly(_ request: OnboardingRequest, _ harness: EngineHarness, services: ServiceSource? = nil) async throws -> OnboardingPlan {
    let start = try await harness.simulator.requestLog().last?.seq ?? 0
    let plan = try await OnboardingPlanner.plan(request: request, account: harness.account, services: services ?? harness.services)
    let writes = try await harness.simulator.requestLog().filter { $0.seq > start && $0.isWrite }
    #expect(writes.isEmpty, "the plan wrote: \(writes.map { "\($0.method) \($0.path)" })")
    return plan
}

/// A request for `profile`, validated with it configured, and the profiles with it added.
private func customProfile(
    _ profile: ServiceProfile, _ harness: EngineHarness, name: String = uniqueName("Customer"), login: String? = nil
) throws -> (OnboardingRequest, ServiceSource) {
    var profiles = harness.services.profiles
    profiles[profile.name] = profile
    let suffix = UUID().uuidString.prefix(8).lowercased()
    let json = """
        {"version": 1, "key": "plan-\(suffix)", "partner": "eu2",
         "customer": {"name": "\(name)", "contact": {"email": "it@\(suffix).example"}},
         "services": {"profile": "\(profile.name)"},
         "admin": {"login": "\(login ?? "admin.\(suffix)")", "email": "admin@\(suffix).example"}}
        """
    let context = RequestValidationContext(partners: [EngineHarness.partnerName], profiles: profiles.keys.sorted())
    return (try RequestParser.parse(json: json, context: context), ServiceSource(profiles: profiles))
}
