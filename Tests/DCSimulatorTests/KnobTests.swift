import DCSimulator
import Foundation
import Testing

/// One test per §11.2 knob; each switches the knob at run time through `PATCH /_sim/config` or at start.
@Suite("§11.2 knobs")
struct KnobTests {
    private static func config(_ edit: (inout SimulatorConfiguration) -> Void) -> SimulatorConfiguration {
        var config = SimulatorConfiguration()
        edit(&config)
        return config
    }

    @Test("dupNameStatus: 400 instead of 409, code stays 1004")
    func dupNameStatus() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            #expect(try await sim.patchConfig(["dupNameStatus": 400]).status == 200)
            let reply = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "fabrikam gmbh", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            #expect(reply.status == 400)
            #expect(reply.errorCode == 1004)
        }
    }

    @Test("dupNameScope: global makes the other partner's customer name clash")
    func dupNameScope() async throws {
        try await SimClient.run(Self.config { $0.dupNameScope = .global }) { sim in
            let token = try await sim.token()
            let reply = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": .string(SimulatorSeed.otherPartnerCustomerName), "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            #expect(reply.status == 409)
            #expect(reply.errorCode == 1004)
            _ = try await sim.patchConfig(["dupNameScope": "perParent"])
            _ = try await sim.createCustomer(SimulatorSeed.otherPartnerCustomerName, token: token)
        }
    }

    @Test("omittedItemsPolicy: disable turns off items the PUT leaves out")
    func omittedItemsPolicy() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Omitted", token: token)["id"]!.stringValue!
            let path = "/tenants/\(id)/offering_items"
            _ = try await sim.put(path, token: token, json: ["offering_items": [Fixture.item("pw_base_servers"), Fixture.item("pw_base_vms")]])
            _ = try await sim.put(path, token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]])
            var enabled = try await sim.get("\(path)?edition=*&status=1", token: token)
            #expect(Set(enabled.items.compactMap { $0["name"]?.stringValue }) == ["pw_base_servers", "pw_base_vms"])
            _ = try await sim.patchConfig(["omittedItemsPolicy": "disable"])
            _ = try await sim.put(path, token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]])
            enabled = try await sim.get("\(path)?edition=*&status=1", token: token)
            #expect(enabled.items.compactMap { $0["name"]?.stringValue } == ["pw_base_servers"])
        }
    }

    @Test("strictItemFields: extra fields inside items → 400")
    func strictItemFields() async throws {
        try await SimClient.run(Self.config { $0.strictItemFields = true }) { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Strict", token: token)["id"]!.stringValue!
            let extra: JSON = [
                "application_id": .string(Fixture.cyberProtection), "name": "pw_base_servers", "status": 1,
                "edition": "pck_per_workload",
            ]
            let reply = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [extra]])
            #expect(reply.status == 400)
            #expect(reply.message.contains("edition"))
            #expect(try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]]).status == 200)
        }
    }

    @Test("initialQuotaVersion: 1 and omit")
    func initialQuotaVersion() async throws {
        try await SimClient.run(Self.config { $0.initialQuotaVersion = .one }) { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Quota one", token: token)["id"]!.stringValue!
            let item = try await sim.get("/tenants/\(id)/offering_items?edition=pck_per_workload", token: token).items
                .first { $0["name"] == "pw_base_servers" }
            #expect(item?["quota"]?["version"] == 1)
            let zero = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 1, "overage": nil, "version": 0])]]
            )
            #expect(zero.status == 426)
            let one = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 1, "overage": nil, "version": 1])]]
            )
            #expect(one.status == 200)
        }
        try await SimClient.run(Self.config { $0.initialQuotaVersion = .omit }) { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Quota omit", token: token)["id"]!.stringValue!
            let item = try await sim.get("/tenants/\(id)/offering_items?edition=pck_per_workload", token: token).items
                .first { $0["name"] == "pw_base_servers" }
            #expect(item?["quota"] == nil)
            let withQuota = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 1, "overage": nil, "version": 0])]]
            )
            #expect(withQuota.status == 426)
            let without = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]])
            #expect(without.status == 200)
            #expect(without.items.first?["quota"]?["version"] == 0)
        }
    }

    @Test("editionViolationCode and editionViolationStatus")
    func editionViolation() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            _ = try await sim.patchConfig(["editionViolationCode": 1027, "editionViolationStatus": 409])
            let id = try await sim.createCustomer("Editions knob", token: token)["id"]!.stringValue!
            let reply = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers"), Fixture.item("servers")]]
            )
            #expect(reply.status == 409)
            #expect(reply.errorCode == 1027)
        }
    }

    @Test("infraConflictStatus: 409 for 1015")
    func infraConflictStatus() async throws {
        try await SimClient.run(Self.config { $0.infraConflictStatus = 409 }) { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Infra knob", token: token)["id"]!.stringValue!
            let reply = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: [
                    "offering_items": [
                        Fixture.item("pw_base_storage", infra: Fixture.hostedStorage),
                        Fixture.item("pw_base_storage", infra: Fixture.partnerStorage),
                    ]
                ]
            )
            #expect(reply.status == 409)
            #expect(reply.errorCode == 1015)
        }
    }

    @Test("createUserStatus: 201")
    func createUserStatus() async throws {
        try await SimClient.run(Self.config { $0.createUserStatus = 201 }) { sim in
            let token = try await sim.token()
            let reply = try await sim.post(
                "/users",
                token: token,
                json: ["tenant_id": .string(SimulatorSeed.sampleCustomer), "login": "status.user", "contact": ["email": "s@u.example"]]
            )
            #expect(reply.status == 201)
        }
    }

    @Test("userTokenOnPasswordStatus: 401")
    func userTokenOnPasswordStatus() async throws {
        try await SimClient.run(Self.config { $0.userTokenOnPasswordStatus = 401 }) { sim in
            let userToken = try await sim.userToken(login: SimulatorSeed.partnerAdminLogin, password: SimulatorSeed.defaultAdminPassword)
            let reply = try await sim.post(
                "/users/\(SimulatorSeed.fabrikamAdminUser)/password",
                token: userToken,
                json: ["password": "Tq7#vLm2!pXz"]
            )
            #expect(reply.status == 401)
        }
    }

    @Test("customerLevelRegToken: rejected refuses user-independent tokens on a customer")
    func customerLevelRegToken() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let path = "/tenants/\(SimulatorSeed.sampleCustomer)/registration_tokens"
            let body: JSON = ["expires_in": 600, "scopes": ["urn:acronis.com:tenant-id::backup_agent_admin"]]
            #expect(try await sim.post(path, token: token, json: body).status == 200)
            _ = try await sim.patchConfig(["customerLevelRegToken": "rejected"])
            #expect(try await sim.post(path, token: token, json: body).status == 400)
            let personal = "/tenants/\(SimulatorSeed.sampleAdminPersonalTenant)/registration_tokens"
            #expect(try await sim.post(personal, token: token, json: body).status == 200)
        }
    }

    @Test("policyScopeIdKind: uuid by default, numeric on request")
    func policyScopeIdKind() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let path = "/tenants/\(SimulatorSeed.sampleAdminPersonalTenant)/registration_tokens"
            let policy = "0f5ab1fc-1a8b-4c6d-9d42-7a9c2f14e001"
            func body(_ tenant: String) -> JSON {
                [
                    "expires_in": 600,
                    "scopes": [
                        "urn:acronis.com:tenant-id::backup_agent_admin",
                        .string("urn:acronis.com::policy_management:\(tenant)|\(policy):apply_revoke"),
                    ],
                ]
            }
            #expect(try await sim.post(path, token: token, json: body(SimulatorSeed.sampleCustomer)).status == 200)
            #expect(try await sim.post(path, token: token, json: body("2203104")).status == 400)
            _ = try await sim.patchConfig(["policyScopeIdKind": "numeric"])
            #expect(try await sim.post(path, token: token, json: body("2203104")).status == 200)
            #expect(try await sim.post(path, token: token, json: body(SimulatorSeed.sampleCustomer)).status == 400)
        }
    }

    @Test("tokenIncludesExpiresIn: false leaves only expires_on")
    func tokenIncludesExpiresIn() async throws {
        try await SimClient.run(Self.config { $0.tokenIncludesExpiresIn = false }) { sim in
            let reply = try await sim.tokenReply(clientID: SimulatorSeed.defaultClientID, secret: SimulatorSeed.defaultClientSecret)
            #expect(reply.json?["expires_in"] == nil)
            #expect(reply.json?["expires_on"]?.intValue != nil)
        }
    }

    @Test("readAfterWriteLagMs: reads show the pre-write state until the lag has passed")
    func readAfterWriteLag() async throws {
        try await SimClient.run(Self.config { $0.readAfterWriteLagMs = 5_000 }) { sim in
            let token = try await sim.token()
            let created = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Laggy", "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            let id = try #require(created.json?["id"]?.stringValue)
            #expect(try await sim.get("/tenants/\(id)", token: token).status == 404)
            sim.simulator.clock.advance(by: 5)
            #expect(try await sim.get("/tenants/\(id)", token: token).json?["version"] == 1)
            _ = try await sim.put("/tenants/\(id)", token: token, json: ["version": 1, "name": "Laggy 2"])
            #expect(try await sim.get("/tenants/\(id)", token: token).json?["name"] == "Laggy")
            _ = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]])
            #expect(try await sim.get("/tenants/\(id)/offering_items?edition=*&status=1", token: token).items.isEmpty)
            sim.simulator.clock.advance(by: 5)
            #expect(try await sim.get("/tenants/\(id)", token: token).json?["name"] == "Laggy 2")
            #expect(try await sim.get("/tenants/\(id)/offering_items?edition=*&status=1", token: token).items.count == 1)
        }
    }

    @Test("tokenLifetimeSec: short-lived tokens expire")
    func tokenLifetimeSec() async throws {
        try await SimClient.run { sim in
            _ = try await sim.patchConfig(["tokenLifetimeSec": 5])
            let reply = try await sim.tokenReply(clientID: SimulatorSeed.defaultClientID, secret: SimulatorSeed.defaultClientSecret)
            #expect(reply.json?["expires_in"] == 5)
            let token = try #require(reply.json?["access_token"]?.stringValue)
            #expect(try await sim.get("/applications", token: token).status == 200)
            sim.simulator.clock.advance(by: 6)
            #expect(try await sim.get("/applications", token: token).status == 401)
        }
    }

    @Test("productionToTrialError: 409")
    func productionToTrialError() async throws {
        try await SimClient.run(Self.config { $0.productionToTrialError = 409 }) { sim in
            let token = try await sim.token()
            let pricing = try await sim.get("/tenants/\(SimulatorSeed.sampleCustomer)/pricing", token: token)
            #expect(pricing.json?["mode"] == "production")
            let version = try #require(pricing.json?["version"])
            let reply = try await sim.put("/tenants/\(SimulatorSeed.sampleCustomer)/pricing", token: token, json: ["mode": "trial", "version": version])
            #expect(reply.status == 409)
        }
    }

    @Test("pageSize: the default page size of GET /tenants")
    func pageSize() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            _ = try await sim.patchConfig(["pageSize": 1])
            let page = try await sim.get("/tenants?subtree_root_id=\(SimulatorSeed.partnerTenant)", token: token)
            #expect(page.items.count == 1)
            #expect(page.json?["paging"]?["cursors"]?["after"]?.stringValue != nil)
        }
    }

    @Test("PATCH /_sim/config rejects unknown keys and bad values and returns the full configuration")
    func configPatch() async throws {
        try await SimClient.run { sim in
            #expect(try await sim.patchConfig(["noSuchKnob": 1]).status == 400)
            #expect(try await sim.patchConfig(["dupNameScope": "galaxy"]).status == 400)
            #expect(try await sim.patchConfig(["errorRate": 2]).status == 400)
            let ok = try await sim.patchConfig(["dupNameStatus": 400, "latencyMs": 0])
            #expect(ok.json?["dupNameStatus"] == 400)
            #expect(ok.json?["tokenLifetimeSec"] == 7200)
            let read = try await sim.get("/_sim/config")
            #expect(read.json?["dupNameStatus"] == 400)
            #expect(Set(read.json?.objectValue?.keys.map { $0 } ?? []) == SimulatorConfiguration.keys)
        }
    }
}
