import DCSimulator
import Testing

/// The whole §1 onboarding sequence as the official examples run it.
@Suite("Official sequence")
struct OfficialSequenceTests {
    @Test("token → client → customer → catalogue → storages → user → roles → password → registration token")
    func officialSequence() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let partner = try #require(try await sim.get("/clients/\(SimulatorSeed.defaultClientID)", token: token).json?["tenant_id"]?.stringValue)
            let customer = try await sim.createCustomer("Contoso Onboarding", token: token)
            let customerID = try #require(customer["id"]?.stringValue)
            let catalogue = try await sim.get(
                "/tenants/\(partner)/offering_items/available_for_child?kind=customer&edition=pck_per_workload",
                token: token
            )
            // PUT the whole catalogue back ([SH-EX] 04 renames items → offering_items): two storages → 1015.
            let everything = try await sim.put("/tenants/\(customerID)/offering_items", token: token, json: ["offering_items": .array(catalogue.items)])
            #expect(everything.errorCode == 1015)
            #expect(try await sim.get("/tenants/\(customerID)/offering_items?edition=*&status=1", token: token).items.isEmpty)
            // Keep one storage per capability, chosen through /infra.
            let infraIDs = Set(catalogue.items.compactMap { $0["infra_id"]?.stringValue }).sorted()
            let infra = try await sim.get("/infra?uuids=\(infraIDs.joined(separator: ","))", token: token)
            var chosen: [String: String] = [:]
            for component in infra.items where component["platform_owned"] == true {
                for capability in component["capabilities"]?.arrayValue ?? [] {
                    chosen[capability.stringValue!] = chosen[capability.stringValue!] ?? component["id"]?.stringValue
                }
            }
            let keep = Set(chosen.values)
            let filtered = catalogue.items.filter { item in item["infra_id"].map { keep.contains($0.stringValue ?? "") } ?? true }
            let put = try await sim.put("/tenants/\(customerID)/offering_items", token: token, json: ["offering_items": .array(filtered)])
            #expect(put.status == 200)
            #expect(try await sim.get("/tenants/\(customerID)/applications", token: token).items.contains(.string(Fixture.cyberProtection)))
            #expect(try await sim.get("/users/check_login?username=contoso.admin", token: token).status == 204)
            let user = try await sim.createUser("contoso.admin", in: customerID, token: token, email: "admin@contoso-onboarding.example")
            let userID = try #require(user["id"]?.stringValue)
            let personal = try #require(user["personal_tenant_id"]?.stringValue)
            let roles = try await sim.put(
                "/users/\(userID)/access_policies",
                token: token,
                json: ["items": [["role_id": "company_admin", "tenant_id": .string(customerID), "trustee_id": .string(userID), "trustee_type": "user"]]]
            )
            #expect(roles.status == 200)
            #expect(try await sim.post("/users/\(userID)/password", token: token, json: ["password": "contoso.admin-2026"]).status == 400)
            #expect(try await sim.post("/users/\(userID)/password", token: token, json: ["password": "Tq7#vLm2!pXz"]).status == 204)
            let registration = try await sim.post(
                "/tenants/\(personal)/registration_tokens",
                token: token,
                json: ["expires_in": 3600, "scopes": ["urn:acronis.com:tenant-id::backup_agent_admin"]]
            )
            #expect(registration.status == 200)
            #expect(registration.json?["tenant_uuid"] == .string(personal))
        }
    }
}
