import DCSimulator
import Foundation
import HummingbirdTesting
import Synchronization
import Testing

/// One test per fault of §11.2 (`rateLimit`, `faults`) plus token revocation.
@Suite("Faults")
struct FaultTests {
    private static func rateLimited(_ mode: RetryAfterMode, seconds: Int? = nil) -> SimulatorConfiguration {
        var config = SimulatorConfiguration()
        config.rateLimitRps = 0.5
        config.rateLimitBurst = 2
        config.retryAfterMode = mode
        config.retryAfterSeconds = seconds
        return config
    }

    @Test("Rate limit: 429 in the envelope with Retry-After in seconds; the bucket refills")
    func rateLimitSeconds() async throws {
        try await SimClient.run(Self.rateLimited(.seconds)) { sim in
            let token = try await sim.token()
            #expect(try await sim.get("/applications", token: token).status == 200)
            #expect(try await sim.get("/applications", token: token).status == 200)
            let limited = try await sim.get("/applications", token: token)
            #expect(limited.status == 429)
            #expect(limited.errorCode == 429)
            #expect(limited.json?["error"]?["domain"] == "PlatformAccountServer")
            let retryAfter = try #require(limited.header("Retry-After").flatMap { Int($0) })
            #expect(retryAfter >= 1 && retryAfter <= 2)
            sim.simulator.clock.advance(by: 2)
            #expect(try await sim.get("/applications", token: token).status == 200)
            let log = try await sim.requestLog()
            #expect(log.contains { $0["status"] == 429 && $0["fault"] == "rate_limit" })
        }
    }

    @Test("Rate limit: Retry-After as an HTTP-date, and a fixed value")
    func rateLimitHTTPDate() async throws {
        try await SimClient.run(Self.rateLimited(.httpDate, seconds: 30)) { sim in
            let token = try await sim.token()
            _ = try await sim.get("/applications", token: token)
            _ = try await sim.get("/applications", token: token)
            let limited = try await sim.get("/applications", token: token)
            #expect(limited.status == 429)
            let header = try #require(limited.header("Retry-After"))
            #expect(header.hasSuffix(" GMT"))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = try #require(formatter.date(from: header))
            let delta = date.timeIntervalSince(sim.simulator.clock.now())
            #expect(delta > 27 && delta <= 31)
        }
    }

    @Test("Rate limit: Retry-After absent")
    func rateLimitAbsent() async throws {
        try await SimClient.run(Self.rateLimited(.absent)) { sim in
            let token = try await sim.token()
            _ = try await sim.get("/applications", token: token)
            _ = try await sim.get("/applications", token: token)
            let limited = try await sim.get("/applications", token: token)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == nil)
        }
    }

    @Test("Error injection: errorRate/errorStatus answer with 5xx envelopes, never on /idp/token unless asked")
    func errorRate() async throws {
        var config = SimulatorConfiguration()
        config.errorRate = 1
        config.errorStatus = 503
        try await SimClient.run(config) { sim in
            let token = try await sim.token()
            let reply = try await sim.get("/applications", token: token)
            #expect(reply.status == 503)
            #expect(reply.errorCode == 503)
            // Nothing is committed by an injected error.
            let create = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Never", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            #expect(create.status == 503)
            let names = try await sim.get("/_sim/state").json?["tenants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(!names.contains("Never"))
            _ = try await sim.patchConfig(["faultsIncludeTokenEndpoint": true])
            let tokenReply = try await sim.tokenReply(clientID: SimulatorSeed.defaultClientID, secret: SimulatorSeed.defaultClientSecret)
            #expect(tokenReply.status == 503)
        }
        // Seeded: the same seed gives the same sequence of failures.
        var half = SimulatorConfiguration()
        half.errorRate = 0.5
        let first = try await Self.statuses(half)
        let second = try await Self.statuses(half)
        #expect(first == second)
        #expect(first.contains(500) && first.contains(200))
    }

    private static func statuses(_ config: SimulatorConfiguration) async throws -> [Int] {
        let box = StatusBox()
        try await SimClient.run(config) { sim in
            let token = try await sim.token()
            for _ in 0..<20 { box.append(try await sim.get("/applications", token: token).status) }
        }
        return box.values
    }

    @Test("fail-next: the next N matching requests get the status, then requests pass")
    func failNext() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let rule = try await sim.post("/_sim/faults/fail-next", json: ["method": "POST", "pathPrefix": "/tenants", "status": 502, "count": 2])
            #expect(rule.status == 200)
            let body: JSON = ["name": "Flaky", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            #expect(try await sim.get("/applications", token: token).status == 200)
            #expect(try await sim.post("/tenants", token: token, json: body).status == 502)
            #expect(try await sim.post("/tenants", token: token, json: body).status == 502)
            #expect(try await sim.post("/tenants", token: token, json: body).status == 201)
            #expect(try await sim.get("/_sim/config").json?["failNext"] == [])
            // Configured through PATCH as well, with a custom error code.
            _ = try await sim.patchConfig(["failNext": [["method": "GET", "pathPrefix": "/api/2/applications", "status": 500, "errorCode": 1000, "count": 1]]])
            let injected = try await sim.get("/applications", token: token)
            #expect(injected.status == 500)
            #expect(injected.errorCode == 1000)
        }
    }

    @Test("fail-next drop: the connection closes before the request is processed")
    func failNextDrop() async throws {
        try await SimClient.run(setup: .ahc(.http)) { sim in
            let token = try await sim.token()
            _ = try await sim.post("/_sim/faults/fail-next", json: ["method": "POST", "pathPrefix": "/tenants", "action": "drop", "count": 1])
            await #expect(throws: (any Error).self) {
                _ = try await sim.post(
                    "/tenants",
                    token: token,
                    json: ["name": "Reset", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
                )
            }
            let names = sim.simulator.stateDump()["tenants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(!names.contains("Reset"))
        }
    }

    @Test("drop-after-commit: POST /tenants commits, then the connection closes without a response")
    func dropAfterCommitTenant() async throws {
        var config = SimulatorConfiguration()
        config.dropAfterCommit = ["POST /api/2/tenants": 1]
        try await SimClient.run(config, setup: .ahc(.http)) { sim in
            let token = try await sim.token()
            await #expect(throws: (any Error).self) {
                _ = try await sim.post(
                    "/tenants",
                    token: token,
                    json: ["name": "Committed", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
                )
            }
            let names = sim.simulator.stateDump()["tenants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.contains("Committed"))
            // Armed once: the retry (same name) now sees the committed tenant.
            let retry = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Committed", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            #expect(retry.errorCode == 1004)
            let log = try await sim.requestLog()
            #expect(log.contains { $0["dropped"] == true && $0["fault"] == "drop_after_commit" && $0["status"] == 201 })
        }
    }

    @Test("drop-after-commit: POST /users armed at run time")
    func dropAfterCommitUser() async throws {
        try await SimClient.run(setup: .ahc(.http)) { sim in
            let token = try await sim.token()
            #expect(try await sim.patchConfig(["dropAfterCommit": ["POST /users": 1]]).status == 200)
            await #expect(throws: (any Error).self) {
                _ = try await sim.createUser("dropped.user", in: SimulatorSeed.sampleCustomer, token: token)
            }
            #expect(try await sim.get("/users/check_login?username=dropped.user", token: token).status == 409)
        }
    }

    @Test("Latency: requests take at least latencyMs")
    func latency() async throws {
        var config = SimulatorConfiguration()
        config.latencyMs = 150
        config.latencyJitterMs = 20
        try await SimClient.run(config) { sim in
            let token = try await sim.token()
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await sim.get("/applications", token: token).status == 200)
            #expect(clock.now - start >= .milliseconds(150))
        }
    }

    @Test("Revocation: POST /_sim/tokens/revoke invalidates every issued token")
    func revoke() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            #expect(try await sim.get("/applications", token: token).status == 200)
            let revoked = try await sim.post("/_sim/tokens/revoke")
            #expect(revoked.json?["revoked"] == 1)
            #expect(try await sim.get("/applications", token: token).status == 401)
            #expect(try await sim.get("/_sim/state").json?["tokens"]?["count"] == 0)
            let fresh = try await sim.token()
            #expect(try await sim.get("/applications", token: fresh).status == 200)
        }
    }
}

/// Collects statuses from a `@Sendable` closure.
final class StatusBox: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ value: Int) { storage.withLock { $0.append(value) } }
    var values: [Int] { storage.withLock { $0 } }
}
