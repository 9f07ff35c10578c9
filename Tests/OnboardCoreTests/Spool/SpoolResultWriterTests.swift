import Foundation
import Testing

@testable import OnboardCore

@Suite("spool result files")
struct SpoolResultWriterTests {
    @Test("the result file has the ids, the state and the credentials command, and no secret field")
    func noSecrets() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let writer = SpoolResultWriter(layout: spool.layout)
        let result = SpoolResult(
            onboardingID: "0b1d", file: "acme.json", state: .succeeded, step: "done", customer: "Acme",
            tenantID: "tenant-1", userID: "user-1", updatedAt: Date(timeIntervalSince1970: 1_750_000_000))
        let path = try await writer.write(result)
        #expect(path == spool.layout.results + "/acme.json")
        #expect(spoolTestMode(path) == 0o640)

        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "onboarding_id", "file", "state", "step", "customer", "tenant_id", "user_id", "credentials", "commands",
                "updated_at", "daemon_version",
            ])
        for key in object.keys {
            for word in ["password", "token", "secret"] {
                #expect(!key.lowercased().contains(word), "key \(key)")
            }
        }
        #expect(object["state"] as? String == "succeeded")
        #expect((object["commands"] as? [String: String])?["credentials"] == "onboardctl credentials 0b1d")
        #expect((object["credentials"] as? String)?.contains("onboardctl credentials 0b1d") == true)
        #expect(try SpoolResult.decode(data) == result)
    }

    @Test("a state change replaces the file atomically; no temporary file is left")
    func updates() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let writer = SpoolResultWriter(layout: spool.layout)
        var result = SpoolResult(onboardingID: "id-1", file: "order.txt", state: .queued)
        try await writer.write(result)
        result.state = .running
        result.tenantID = "tenant-9"
        let path = try await writer.write(result)
        #expect(path == spool.layout.results + "/order.txt.json")
        let stored = try SpoolResult.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(stored.state == .running)
        #expect(stored.tenantID == "tenant-9")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.layout.results) == ["order.txt.json"])
    }

    @Test("result names: NAME.json keeps its name, others get .json appended, paths are refused")
    func names() throws {
        #expect(try SpoolResultWriter.resultName(for: "a.json") == "a.json")
        #expect(try SpoolResultWriter.resultName(for: "a") == "a.json")
        #expect(try SpoolResultWriter.resultName(for: ".json") == ".json.json")
        #expect(throws: SpoolError.invalidName) { try SpoolResultWriter.resultName(for: "../a.json") }
    }
}
