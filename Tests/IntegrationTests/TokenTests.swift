import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("Tokens against onboard-dcsim", .timeLimit(.minutes(1)))
struct TokenTests {
    @Test("50 concurrent callers cause one token request")
    func singleFlight() async throws {
        try await withSimulator(["--latency-ms", "50"]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            let partners = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 { group.addTask { try await client.apiClient().tenantID } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(partners.count == 50)
            #expect(try await simulator.requests("POST", "/idp/token").count == 1)
            #expect(try await simulator.requests("GET", "/clients/\(SimulatorProcess.clientID)").count == 50)
        }
    }

    @Test("AUTH-3: a wrong secret fails as bad credentials, without the secret in the message")
    func badSecret() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator, clientSecret: "wrong-secret-value").client
            let error = await #expect(throws: DCAPIError.self) { try await client.apiClient() }
            #expect(error?.code == .badCredentials)
            #expect(error?.oauthError == "invalid_client")
            #expect(error.map { !"\($0)".contains("wrong-secret-value") } == true)
        }
    }

    @Test("a revoked token mid-sequence is renewed once and the sequence goes on")
    func revokedMidSequence() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            _ = try await client.apiClient()
            try await simulator.revokeTokens()
            let tenant = try await client.tenant(id: SimulatorSeed.sampleCustomer)
            #expect(tenant.name == SimulatorSeed.sampleCustomerName)
            #expect(try await simulator.requests("POST", "/idp/token").count == 2)
            let statuses = try await simulator.requests("GET", "/tenants/\(SimulatorSeed.sampleCustomer)").map(\.status)
            #expect(statuses == [401, 200])
        }
    }

    @Test("AUTH-2: tokens that expire every second are renewed ahead of expiry through a long sequence")
    func expiryMidSequence() async throws {
        try await withSimulator(["--token-lifetime-sec", "1"]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            // Keep calling until the sequence has needed at least three tokens; every call must succeed.
            try await waitUntil("three tokens to have been issued", within: .seconds(20)) {
                _ = try await client.tenant(id: SimulatorSeed.sampleCustomer)
                return try await simulator.requests("POST", "/idp/token").count >= 3
            }
            // Every call above succeeded. Renewal ahead of expiry avoids most refusals; on a loaded machine a call
            // can still reach the DC after its token expired, which the client renews and repeats.
            let statuses = Set(try await simulator.requestLog().filter { $0.path.hasPrefix("/api/2/tenants") }.map(\.status))
            #expect(statuses.isSubset(of: [200, 401]))
            #expect(statuses.contains(200))
        }
    }
}
