import Foundation
import Logging
import Synchronization
import Testing

@testable import OnboardCore

@Suite("DC client against a scripted DC")
struct DCClientTests {
    private let logger = Logger(label: "test")

    @Test("50 concurrent callers cause exactly one token request")
    func singleFlightToken() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            if request.url.path.hasSuffix("/idp/token") {
                try? await Task.sleep(for: .milliseconds(50))  // keep the refresh in flight while the others arrive
                return .token("tok-1")
            }
            return .json(200, #"{"client_id":"client-1","tenant_id":"partner-1"}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        let partners = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await client.apiClient().tenantID } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(partners.count == 50)
        #expect(Set(partners) == ["partner-1"])
        #expect(sender.requests(to: "/idp/token").count == 1)
        #expect(await client.tokens.tokenRequestCount == 1)
        #expect(sender.requests(to: "/clients/client-1").allSatisfy { $0.authorization == "Bearer tok-1" })
    }

    @Test("when the caller refreshing the token is cancelled, a waiting caller takes over and gets a token")
    func refreshingCallerCancelled() async throws {
        let tokenCalls = Mutex(0)
        let sender = FakeSender { request throws(DCAPIError) in
            let call = tokenCalls.withLock { $0 += 1; return $0 }
            if call == 1 {
                // The first refresh hangs until its caller is cancelled, as a scheduler wait would.
                while !Task.isCancelled { await Task.yield() }
                throw DCAPIError(code: .cancelled, operation: "POST /idp/token", message: "cancelled")
            }
            return .token("second")
        }
        let cache = AccessTokenCache(credentials: testCredentials, sender: sender, logger: logger)
        let leader = Task { try await cache.token() }
        try await waitFor { await cache.tokenRequestCount == 1 }
        async let follower = cache.token()
        try await waitFor { await cache.waitingCallers == 1 }
        leader.cancel()
        #expect(try await follower.value.revealed == "second")
        #expect(await cache.tokenRequestCount == 2)
    }

    private func waitFor(_ condition: @Sendable () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while await !condition() {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            await Task.yield()
        }
    }

    @Test("the token request uses Basic auth and the client_credentials form")
    func tokenRequestShape() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            request.url.path.hasSuffix("/idp/token") ? .token() : .json(200, #"{"client_id":"client-1","tenant_id":"p"}"#)
        }
        _ = try await DCClient(credentials: testCredentials, sender: sender, logger: logger).apiClient()
        let tokenRequest = try #require(sender.requests(to: "/idp/token").first)
        #expect(tokenRequest.method == .post)
        #expect(tokenRequest.url.absoluteString == "https://dc.example/api/2/idp/token")
        #expect(tokenRequest.authorization == "Basic " + Data("client-1:s3cret-value".utf8).base64EncodedString())
        #expect(String(decoding: tokenRequest.body ?? Data(), as: UTF8.self) == "grant_type=client_credentials")
        #expect(tokenRequest.headers.contains { $0.name == "Content-Type" && $0.value == "application/x-www-form-urlencoded" })
    }

    @Test("a 401 renews the token once and repeats the call once")
    func refreshOnUnauthorized() async throws {
        let tokenNumber = Mutex(0)
        let sender = FakeSender { request throws(DCAPIError) in
            if request.url.path.hasSuffix("/idp/token") {
                let number = tokenNumber.withLock { $0 += 1; return $0 }
                return .token("tok-\(number)")
            }
            return request.authorization == "Bearer tok-1"
                ? .json(401, #"{"error":{"code":401,"message":"token expired"}}"#)
                : .json(200, #"{"id":"t","version":1,"name":"n","kind":"customer"}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        let tenant = try await client.tenant(id: "t")
        #expect(tenant.version == 1)
        #expect(sender.requests(to: "/idp/token").count == 2)
        #expect(sender.requests(to: "/tenants/t").map(\.authorization) == ["Bearer tok-1", "Bearer tok-2"])
    }

    @Test("a 401 with a fresh token fails as unauthorized after one repeat")
    func persistentUnauthorized() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            request.url.path.hasSuffix("/idp/token") ? .token() : .json(401, #"{"error":{"code":401,"message":"nope"}}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        let error = await #expect(throws: DCAPIError.self) { try await client.tenant(id: "t") }
        #expect(error?.code == .unauthorized)
        #expect(sender.requests(to: "/tenants/t").count == 2)
    }

    @Test("a token that expired while the call waited in the queue is renewed without counting as a refusal")
    func expiredWhileQueued() async throws {
        let calls = Mutex(0)
        let sender = FakeSender { request throws(DCAPIError) in
            // A 1-second token: by the time the DC sees it, it is (nearly) expired.
            if request.url.path.hasSuffix("/idp/token") { return .token("short", expiresIn: 1) }
            let call = calls.withLock { $0 += 1; return $0 }
            return call <= 3
                ? .json(401, #"{"error":{"code":401,"message":"token expired"}}"#)
                : .json(200, #"{"id":"t","version":1,"name":"n","kind":"customer"}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        #expect(try await client.tenant(id: "t").id == "t")
        #expect(sender.requests(to: "/tenants/t").count == 4)
    }

    @Test("bad credentials fail with a message that names the fix and no secret")
    func badCredentials() async throws {
        let sender = FakeSender { _ throws(DCAPIError) in
            .json(401, #"{"error":"invalid_client","error_description":"Client authentication failed"}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        let error = await #expect(throws: DCAPIError.self) { try await client.apiClient() }
        #expect(error?.code == .badCredentials)
        #expect(error?.description.contains("client id and secret") == true)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test("paging follows cursors to the end and keeps the filter")
    func paging() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            if request.url.path.hasSuffix("/idp/token") { return .token() }
            let tenant = { (id: String) in #"{"id":"\#(id)","version":1,"name":"\#(id)","kind":"customer","parent_id":"p"}"# }
            switch request.queryItems["after"] {
            case nil: return .json(200, #"{"timestamp":"x","items":[\#(tenant("a")),\#(tenant("b"))],"paging":{"cursors":{"after":"c1"}}}"#)
            case "c1": return .json(200, #"{"timestamp":"x","items":[\#(tenant("c"))],"paging":{"cursors":{"after":"c2"}}}"#)
            default: return .json(200, #"{"timestamp":"x","items":[],"paging":{"cursors":{}}}"#)
            }
        }
        let tenants = try await DCClient(credentials: testCredentials, sender: sender, logger: logger).tenants(parentID: "p")
        #expect(tenants.map(\.id) == ["a", "b", "c"])
        let pages = sender.requests(to: "/tenants")
        #expect(pages.count == 3)
        #expect(pages.allSatisfy { $0.queryItems["parent_id"] == "p" })
    }

    @Test("a repeating cursor is an incomplete list, not a short one")
    func loopingCursor() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            request.url.path.hasSuffix("/idp/token")
                ? .token()
                : .json(200, #"{"timestamp":"x","items":["u1"],"paging":{"cursors":{"after":"same"}}}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        let error = await #expect(throws: DCAPIError.self) { try await client.childIDs(of: "p") }
        #expect(error?.code == .incompleteList)
    }

    @Test("the edition is always sent and the PUT uses root key offering_items")
    func offeringItems() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            request.url.path.hasSuffix("/idp/token") ? .token() : .json(200, #"{"timestamp":"x","items":[]}"#)
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        _ = try await client.offeringItemsAvailableForChild(of: "p", edition: .perWorkload)
        _ = try await client.setOfferingItems(of: "c", [OfferingItemUpdate(applicationID: "a", name: "pw_base_servers", status: 1)])
        let get = try #require(sender.requests(to: "/available_for_child").first)
        #expect(get.queryItems == ["kind": "customer", "edition": "pck_per_workload"])
        let put = try #require(sender.requests(to: "/tenants/c/offering_items").first)
        #expect(put.method == .put)
        #expect(put.jsonBody.map { Array($0.keys) } == ["offering_items"])
    }

    @Test("check_login maps 204, 409 and 406")
    func checkLogin() async throws {
        let sender = FakeSender { request throws(DCAPIError) in
            if request.url.path.hasSuffix("/idp/token") { return .token() }
            switch request.queryItems["username"] {
            case "free": return DCHTTPResponse(status: 204)
            case "taken": return .json(409, #"{"error":{"code":409,"message":"exists"}}"#)
            default: return .json(406, #"{"error":{"code":406,"message":"invalid login"}}"#)
            }
        }
        let client = DCClient(credentials: testCredentials, sender: sender, logger: logger)
        #expect(try await client.checkLogin("free") == .available)
        #expect(try await client.checkLogin("taken") == .taken)
        #expect(try await client.checkLogin("bad login!") == .invalid("invalid login"))
        #expect(sender.requests(to: "/users/check_login").last?.url.query == "username=bad%20login%21")
    }
}
