import DCSimulator
import Foundation
import Testing

@Suite("Registration tokens (REG-1 … REG-5)")
struct RegistrationTokenTests {
    static let officialScope: JSON = ["urn:acronis.com:tenant-id::backup_agent_admin"]

    private static func matchesTokenPattern(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.count == 3
            && groups.allSatisfy { $0.count == 4 && $0.allSatisfy { ($0.isUppercase || $0.isNumber) && $0.isASCII } }
    }

    @Test("REG-1 POST /tenants/{id}/registration_tokens → 200 with token, expires_at, numeric tenant_id, tenant_uuid, scopes")
    func reg1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let personal = SimulatorSeed.sampleAdminPersonalTenant
            let reply = try await sim.post(
                "/tenants/\(personal)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": Self.officialScope]
            )
            #expect(reply.status == 200)
            let json = try #require(reply.json)
            #expect(Self.matchesTokenPattern(json["token"]?.stringValue ?? ""))
            #expect(json["tenant_id"] == .string(String(SimulatorSeed.sampleAdminPersonalNumericID)))
            #expect(json["tenant_uuid"] == .string(personal))
            #expect(json["scopes"] == Self.officialScope)
            #expect(json["id"]?.intValue != nil)
            let created = try #require(json["created_at"]?.stringValue)
            let expires = try #require(json["expires_at"]?.stringValue)
            let createdDate = try Date(created, strategy: .iso8601)
            let expiresDate = try Date(expires, strategy: .iso8601)
            #expect(expiresDate.timeIntervalSince(createdDate) == 3600)
            let unknown = try await sim.post("/tenants/\(personal)/registration_tokens", token: token, json: ["expires_in": 60, "scopes": Self.officialScope, "unit": "x"])
            #expect(unknown.status == 400)
        }
    }

    @Test("REG-2 expires_in above one year → 400")
    func reg2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let path = "/tenants/\(SimulatorSeed.sampleAdminPersonalTenant)/registration_tokens"
            let tooLong = try await sim.post(path, token: token, json: ["expires_in": 31_536_001, "scopes": Self.officialScope])
            #expect(tooLong.status == 400)
            #expect(tooLong.message.contains("one year"))
            let oneYear = try await sim.post(path, token: token, json: ["expires_in": 31_536_000, "scopes": Self.officialScope])
            #expect(oneYear.status == 200)
        }
    }

    @Test("REG-3 the official personal-tenant form and the explicit tenant-id:<personal>: form are accepted")
    func reg3() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Agents", token: token)["id"]!.stringValue!
            let user = try await sim.createUser("agents.admin", in: customer, token: token)
            let personal = user["personal_tenant_id"]!.stringValue!
            let official = try await sim.post(
                "/tenants/\(personal)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": Self.officialScope]
            )
            #expect(official.status == 200)
            #expect(official.json?["tenant_uuid"] == .string(personal))
            let explicitScope = "urn:acronis.com:tenant-id:\(personal):backup_agent_admin"
            let explicitOnPersonal = try await sim.post(
                "/tenants/\(personal)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": [.string(explicitScope)]]
            )
            #expect(explicitOnPersonal.status == 200)
            let explicitOnCustomer = try await sim.post(
                "/tenants/\(customer)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": [.string(explicitScope)]]
            )
            #expect(explicitOnCustomer.status == 200)
            let foreign = try await sim.post(
                "/tenants/\(customer)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": [.string("urn:acronis.com:tenant-id:\(SimulatorSeed.sampleAdminPersonalTenant):backup_agent_admin")]]
            )
            #expect(foreign.status == 400)
            let bogus = try await sim.post("/tenants/\(personal)/registration_tokens", token: token, json: ["expires_in": 60, "scopes": ["all_the_things"]])
            #expect(bogus.status == 400)
        }
    }

    @Test("REG-4 GET lists the tenant's tokens; deprecated POST /registration_tokens → 201")
    func reg4() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let personal = SimulatorSeed.sampleAdminPersonalTenant
            _ = try await sim.post("/tenants/\(personal)/registration_tokens", token: token, json: ["expires_in": 3600, "scopes": Self.officialScope])
            let list = try await sim.get("/tenants/\(personal)/registration_tokens", token: token)
            #expect(list.status == 200)
            #expect(list.items.count == 1)
            let deprecated = try await sim.post(
                "/registration_tokens",
                token: token,
                json: ["tenant_id": .string(personal), "expires_in": 3600, "scopes": Self.officialScope]
            )
            #expect(deprecated.status == 201)
            #expect(Self.matchesTokenPattern(deprecated.json?["token"]?.stringValue ?? ""))
            #expect(try await sim.get("/registration_tokens", token: token).items.count == 2)
        }
    }

    @Test("REG-5 every tenant has a stable numeric id alongside its UUID")
    func reg5() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let body: JSON = ["expires_in": 600, "scopes": Self.officialScope]
            let first = try await sim.post("/tenants/\(SimulatorSeed.sampleCustomer)/registration_tokens", token: token, json: body)
            let second = try await sim.post("/tenants/\(SimulatorSeed.sampleCustomer)/registration_tokens", token: token, json: body)
            #expect(first.json?["tenant_id"] == .string(String(SimulatorSeed.sampleCustomerNumericID)))
            #expect(first.json?["tenant_id"] == second.json?["tenant_id"])
            #expect(first.json?["token"] != second.json?["token"])
            let customer = try await sim.createCustomer("Numbered", token: token)["id"]!.stringValue!
            let third = try await sim.post("/tenants/\(customer)/registration_tokens", token: token, json: body)
            #expect(third.json?["tenant_id"] == .string(String(SimulatorSeed.firstCreatedNumericID)))
            let dump = try await sim.get("/_sim/state")
            let numeric = dump.json?["tenants"]?.arrayValue?.first { $0["id"] == .string(customer) }?["numeric_id"]
            #expect(numeric == .int(SimulatorSeed.firstCreatedNumericID))
        }
    }
}
