import DCSimulator
import Foundation
// HTTPTypes comes with HummingbirdTesting (its public API uses it); only this support file touches it, the
// tests use strings.
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A response as the tests see it.
struct Reply: Sendable {
    var status: Int
    var json: JSON?
    var headers: HTTPFields

    /// `error.code` of an error envelope.
    var errorCode: Int? { json?["error"]?["code"]?.intValue }
    /// `error.message` of an error envelope.
    var message: String { json?["error"]?["message"]?.stringValue ?? "" }
    /// `items` of a list response.
    var items: [JSON] { json?["items"]?.arrayValue ?? [] }

    /// The value of header `name`.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}

/// Drives one in-process simulator through HummingbirdTesting.
struct SimClient: Sendable {
    let client: any TestClientProtocol
    let simulator: DCSimulator

    /// Runs `body` against a fresh simulator whose clock stands still until a test advances it, so
    /// expiry, lag and refill checks do not depend on how fast the machine is.
    static func run(
        _ configuration: SimulatorConfiguration = SimulatorConfiguration(),
        seed: SeedOptions = SeedOptions(),
        record: String? = nil,
        setup: TestingSetup = .router,
        _ body: @escaping @Sendable (SimClient) async throws -> Void
    ) async throws {
        let simulator = try DCSimulator(seed: seed, configuration: configuration, recordFile: record, clock: SimClock(frozenAt: Date()))
        let app = Application(router: simulator.makeRouter())
        try await app.test(setup) { client in
            try await body(SimClient(client: client, simulator: simulator))
        }
    }

    /// `/api/2` is prepended to API paths.
    static func uri(_ path: String) -> String {
        path.hasPrefix("/_sim") || path.hasPrefix("/api/2") ? path : "/api/2" + path
    }

    /// Sends a request.
    func request(
        _ method: String,
        _ path: String,
        token: String? = nil,
        json: JSON? = nil,
        body: String? = nil,
        contentType: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> Reply {
        var headers = HTTPFields()
        for (name, value) in extra { if let field = HTTPField.Name(name) { headers[field] = value } }
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let json {
            buffer = ByteBuffer(bytes: json.encodedData())
            headers[.contentType] = contentType ?? "application/json"
        } else if let body {
            buffer = ByteBuffer(string: body)
            if let contentType { headers[.contentType] = contentType }
        }
        let response = try await client.executeRequest(
            uri: Self.uri(path),
            method: HTTPRequest.Method(method) ?? .get,
            headers: headers,
            body: buffer
        )
        let parsed = response.body.readableBytes > 0 ? try? JSON.parse(response.body) : nil
        return Reply(status: Int(response.status.code), json: parsed, headers: response.headers)
    }

    func get(_ path: String, token: String? = nil) async throws -> Reply {
        try await request("GET", path, token: token)
    }

    func post(_ path: String, token: String? = nil, json: JSON? = nil) async throws -> Reply {
        try await request("POST", path, token: token, json: json)
    }

    func put(_ path: String, token: String? = nil, json: JSON) async throws -> Reply {
        try await request("PUT", path, token: token, json: json)
    }

    func delete(_ path: String, token: String? = nil) async throws -> Reply {
        try await request("DELETE", path, token: token)
    }

    func patchConfig(_ patch: JSON) async throws -> Reply {
        try await request("PATCH", "/_sim/config", json: patch)
    }

    /// A client-credentials token of the seeded API client (or another client).
    func token(
        clientID: String = SimulatorSeed.defaultClientID,
        secret: String = SimulatorSeed.defaultClientSecret
    ) async throws -> String {
        let reply = try await tokenReply(clientID: clientID, secret: secret)
        guard let token = reply.json?["access_token"]?.stringValue else {
            throw TestFailure("no token: \(reply.status) \(reply.json?.encodedString() ?? "")")
        }
        return token
    }

    /// The raw reply of a client-credentials token request with Basic auth.
    func tokenReply(clientID: String, secret: String) async throws -> Reply {
        let basic = Data("\(clientID):\(secret)".utf8).base64EncodedString()
        return try await request(
            "POST",
            "/idp/token",
            body: "grant_type=client_credentials",
            contentType: "application/x-www-form-urlencoded",
            headers: ["Authorization": "Basic \(basic)"]
        )
    }

    /// A password-grant token of a user.
    func userToken(login: String, password: String) async throws -> String {
        let reply = try await request(
            "POST",
            "/idp/token",
            body: "grant_type=password&username=\(login)&password=\(password)",
            contentType: "application/x-www-form-urlencoded"
        )
        guard let token = reply.json?["access_token"]?.stringValue else {
            throw TestFailure("no user token: \(reply.status) \(reply.json?.encodedString() ?? "")")
        }
        return token
    }

    /// Creates a customer under Sim Partner and returns it.
    func createCustomer(_ name: String, token: String, extra: [String: JSON] = [:]) async throws -> JSON {
        var body: [String: JSON] = ["name": .string(name), "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
        body.merge(extra) { _, new in new }
        let reply = try await post("/tenants", token: token, json: .object(body))
        guard reply.status == 201, let json = reply.json else {
            throw TestFailure("create customer failed: \(reply.status) \(reply.message)")
        }
        return json
    }

    /// Creates a user in `tenantID` and returns it.
    func createUser(_ login: String, in tenantID: String, token: String, email: String? = nil) async throws -> JSON {
        let reply = try await post(
            "/users",
            token: token,
            json: [
                "tenant_id": .string(tenantID), "login": .string(login),
                "contact": ["email": .string(email ?? "\(login)@example.test"), "firstname": "Jo", "lastname": "Berg"],
            ]
        )
        guard (200..<300).contains(reply.status), let json = reply.json else {
            throw TestFailure("create user failed: \(reply.status) \(reply.message)")
        }
        return json
    }

    /// The request log (`GET /_sim/requests`).
    func requestLog() async throws -> [JSON] {
        try await get("/_sim/requests").items
    }
}

/// A failure inside test support code.
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Well-known values used by many tests.
enum Fixture {
    static let cyberProtection = SimulatorSeed.cyberProtectionApplication
    static let hostedStorage = SimulatorSeed.hostedBackupStorage
    static let partnerStorage = SimulatorSeed.partnerBackupStorage
    static let disasterRecovery = SimulatorSeed.hostedDisasterRecoveryStorage

    /// A PUT entry.
    static func item(_ name: String, status: Int = 1, infra: String? = nil, quota: JSON? = nil) -> JSON {
        var object: [String: JSON] = ["application_id": .string(cyberProtection), "name": .string(name), "status": .int(status)]
        if let infra { object["infra_id"] = .string(infra) }
        if let quota { object["quota"] = quota }
        return .object(object)
    }
}
