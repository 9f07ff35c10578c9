import DCSimulator
import Foundation
import Synchronization
import Testing

@Suite("Recording (--record)")
struct RecordingTests {
    @Test("Every /api/2 call is appended as one JSON line; secrets are redacted; /_sim is not recorded")
    func recordFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dcsim-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let secret = "record-test-secret"
        let seed = SeedOptions(clientSecret: secret)
        let tokenBox = TokenBox()
        try await SimClient.run(seed: seed, record: path) { sim in
            let token = try await sim.token(secret: secret)
            tokenBox.set(token)
            _ = try await sim.request(
                "POST",
                "/idp/token",
                body: "grant_type=client_credentials&client_id=\(SimulatorSeed.defaultClientID)&client_secret=\(secret)",
                contentType: "application/x-www-form-urlencoded"
            )
            _ = try await sim.createCustomer("Recorded", token: token)
            _ = try await sim.post("/users/\(SimulatorSeed.fabrikamAdminUser)/password", token: token, json: ["password": "Tq7#vLm2!pXz"])
            _ = try await sim.get("/tenants?kind=customer", token: token)
            _ = try await sim.get("/_sim/state")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(!text.contains(secret))
        #expect(!text.contains(tokenBox.value))
        #expect(!text.contains("Tq7#vLm2!pXz"))
        #expect(!text.contains("/_sim"))
        let records = try lines.map { try JSON.parse(Data($0.utf8)) }
        let keys: Set<String> = ["method", "path", "query", "request_content_type", "request_body", "status", "response_body"]
        for record in records { #expect(Set(record.objectValue?.keys.map { $0 } ?? []) == keys) }
        #expect(records[0]["response_body"]?["access_token"] == "<redacted>")
        #expect(records[0]["response_body"]?["id_token"] == "<redacted>")
        #expect(records[0]["request_body"] == "grant_type=client_credentials")
        #expect(records[1]["request_body"]?.stringValue?.contains("client_secret=<redacted>") == true)
        #expect(records[2]["status"] == 201)
        #expect(records[2]["path"] == "/api/2/tenants")
        #expect(records[2]["request_body"]?["name"] == "Recorded")
        #expect(records[2]["request_content_type"] == "application/json")
        #expect(records[3]["request_body"]?["password"] == "<redacted>")
        #expect(records[3]["response_body"] == .null)
        #expect(records[4]["query"] == ["kind": "customer"])
        #expect(records[4]["response_body"]?["error"]?["code"] == 400)
    }
}

/// Carries a string out of a `@Sendable` closure.
final class TokenBox: Sendable {
    private let storage = Mutex("")
    func set(_ value: String) { storage.withLock { $0 = value } }
    var value: String { storage.withLock { $0 } }
}
