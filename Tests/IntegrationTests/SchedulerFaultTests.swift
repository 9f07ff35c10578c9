import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("Scheduler against a faulty onboard-dcsim", .timeLimit(.minutes(2)))
struct SchedulerFaultTests {
    @Test("a 429 storm: every request succeeds, none is lost, none is sent inside a pause, the rate drops")
    func rateLimitStorm() async throws {
        try await withSimulator(["--rate-limit-rps", "20", "--rate-limit-burst", "5", "--retry-after-seconds", "1"]) { simulator in
            var configuration = DCTestClient.fastConfiguration
            configuration.rate = 100
            configuration.burst = 20
            configuration.maxInFlight = 8
            configuration.maxPauses = 50
            let harness = DCTestClient(simulator: simulator, configuration: configuration)
            let client = harness.client
            _ = try await client.apiClient()  // token first: /idp/token is not rate limited by default

            let requestCount = 60
            let names = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<requestCount { group.addTask { try await client.tenant(id: SimulatorSeed.sampleCustomer).name } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(names.count == requestCount)
            #expect(Set(names) == [SimulatorSeed.sampleCustomerName])

            let log = try await simulator.requests("GET", "/tenants/\(SimulatorSeed.sampleCustomer)")
            #expect(log.filter { $0.status == 200 }.count == requestCount, "no request lost, none doubled")
            let throttled = log.filter { $0.status == 429 }.count
            #expect(throttled > 0, "the storm happened")

            // Nothing leaves while the DC is paused: after a 429 arrives with Retry-After 1, no attempt
            // starts until that second is over (200 ms of slack for attempts admitted as the 429 arrived).
            let attempts = harness.transport.attempts.filter { $0.path.hasSuffix(SimulatorSeed.sampleCustomer) }
            for throttle in attempts where throttle.status == 429 {
                let pauseEnds = throttle.answeredAt + .seconds(1)
                let early = attempts.filter { $0.sentAt > throttle.answeredAt + .milliseconds(200) && $0.sentAt < pauseEnds - .milliseconds(200) }
                #expect(early.isEmpty, "\(early.count) attempts were sent during a pause")
            }

            let metrics = await harness.scheduler.metrics()
            #expect(metrics.throttledResponses == throttled)
            #expect(metrics.currentRate < configuration.rate, "AIMD lowered the rate")
            #expect(metrics.queueLength == 0)
            #expect(metrics.inFlight == 0)
        }
    }

    @Test("an HTTP-date Retry-After is honoured too")
    func httpDateRetryAfter() async throws {
        try await withSimulator(["--rate-limit-rps", "5", "--rate-limit-burst", "2", "--retry-after-mode", "http-date"]) { simulator in
            let harness = DCTestClient(simulator: simulator)
            _ = try await harness.client.apiClient()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await harness.client.tenant(id: SimulatorSeed.sampleCustomer) } }
                try await group.waitForAll()
            }
            let log = try await simulator.requests("GET", "/tenants/\(SimulatorSeed.sampleCustomer)")
            #expect(log.filter { $0.status == 200 }.count == 8)
        }
    }

    @Test("5xx on GET and PUT is retried; the caller sees success", arguments: ["GET", "PUT"])
    func idempotentRetried(method: String) async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let tenant = try await client.tenant(id: SimulatorSeed.fabrikamCustomer)
            try await simulator.configure(["failNext": [["method": method, "pathPrefix": "/tenants/\(tenant.id)", "status": 503, "count": 2]]])
            if method == "GET" {
                #expect(try await client.tenant(id: tenant.id).id == tenant.id)
            } else {
                #expect(try await client.updateTenant(id: tenant.id, TenantUpdate(version: tenant.version, language: "de")).language == "de")
            }
            let statuses = try await simulator.requests(method, "/tenants/\(tenant.id)").map(\.status).suffix(3)
            #expect(Array(statuses) == [503, 503, 200])
        }
    }

    @Test("a 500 on POST is not repeated: its outcome is unknown")
    func postNotRepeated() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            _ = try await client.apiClient()
            try await simulator.configure(["failNext": [["method": "POST", "pathPrefix": "/tenants", "status": 500, "count": 1]]])
            let error = await #expect(throws: DCAPIError.self) {
                try await client.createTenant(TenantCreation(name: uniqueName("Ambiguous"), parentID: SimulatorSeed.partnerTenant))
            }
            #expect(error?.code == .outcomeUnknown)
            #expect(error?.description.contains("look up what it may have created") == true)
            #expect(try await simulator.requests("POST", "/tenants").count == 1)
        }
    }

    @Test("a 503 on POST was refused before processing, so it is sent again")
    func postRetriedAfter503() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            try await simulator.configure(["failNext": [["method": "POST", "pathPrefix": "/tenants", "status": 503, "count": 1]]])
            let tenant = try await client.createTenant(TenantCreation(name: uniqueName("Refused once"), parentID: SimulatorSeed.partnerTenant))
            #expect(tenant.kind == .customer)
            #expect(try await simulator.requests("POST", "/tenants").map(\.status) == [503, 201])
        }
    }

    @Test("commit then drop: the POST surfaces as outcome unknown and the object exists", arguments: ["POST /tenants", "POST /users"])
    func commitThenDrop(route: String) async throws {
        try await withSimulator(["--drop-after-commit", route]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            let name = uniqueName("Dropped")
            let login = "dropped.\(UUID().uuidString.prefix(8).lowercased())"
            let error = await #expect(throws: DCAPIError.self) {
                if route == "POST /tenants" {
                    _ = try await client.createTenant(TenantCreation(name: name, parentID: SimulatorSeed.partnerTenant))
                } else {
                    _ = try await client.createUser(
                        UserCreation(tenantID: SimulatorSeed.sampleCustomer, login: login, contact: UserContact(email: "\(login)@example.com")))
                }
            }
            #expect(error?.code == .outcomeUnknown)
            // Reconciliation is possible: the object was committed before the connection dropped.
            if route == "POST /tenants" {
                let children = try await client.tenants(parentID: SimulatorSeed.partnerTenant)
                #expect(children.filter { $0.name == name }.count == 1)
                #expect(try await simulator.requests("POST", "/tenants").count == 1)
            } else {
                let availability = try await client.checkLogin(login)
                #expect(availability == .taken)
                #expect(try await simulator.requests("POST", "/users").count == 1)
            }
        }
    }

    @Test("an unreachable DC fails as unavailable after bounded retries")
    func unreachable() async throws {
        let simulator = try await SimulatorProcess.start()
        // The connection pool keeps trying to connect until the request's deadline; keep it short.
        let harness = DCTestClient(simulator: simulator, timeout: .milliseconds(500))
        try await simulator.stop()
        let error = await #expect(throws: DCAPIError.self) { try await harness.client.apiClient() }
        #expect(error?.code == .unavailable)
        #expect(harness.transport.attempts.count == harness.scheduler.configuration.maxAttempts)
    }
}
