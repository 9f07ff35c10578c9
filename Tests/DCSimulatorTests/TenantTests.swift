import DCSimulator
import Testing

@Suite("Tenants (TEN-1 … TEN-8)")
struct TenantTests {
    @Test("TEN-1 POST /tenants requires name, parent_id, kind; unknown keys → 400; 201 with trial and integer version")
    func ten1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let partner = JSON.string(SimulatorSeed.partnerTenant)
            for body: JSON in [
                ["parent_id": partner, "kind": "customer"],
                ["name": "A", "kind": "customer"],
                ["name": "A", "parent_id": partner],
                ["name": "A", "parent_id": partner, "kind": "customer", "customer-id": "x"],
            ] {
                let reply = try await sim.post("/tenants", token: token, json: body)
                #expect(reply.status == 400, "\(body.encodedString()) → \(reply.status)")
                #expect(reply.message.isEmpty == false)
            }
            let created = try await sim.post(
                "/tenants",
                token: token,
                json: [
                    "name": "Acme AG", "parent_id": partner, "kind": "customer", "customer_id": "onb-1",
                    "internal_tag": "onboard:job:1", "language": "de",
                    "contact": ["email": "ops@acme.example", "firstname": "Jo", "types": ["legal", "primary"]],
                ]
            )
            #expect(created.status == 201)
            let tenant = try #require(created.json)
            #expect(tenant["pricing_mode"] == "trial")
            #expect(tenant["version"]?.intValue != nil)
            #expect(tenant["kind"] == "customer")
            #expect(tenant["parent_id"] == partner)
            #expect(tenant["customer_id"] == "onb-1")
            #expect(tenant["contact"]?["email"] == "ops@acme.example")
            let id = try #require(tenant["id"]?.stringValue)
            let read = try await sim.get("/tenants/\(id)", token: token)
            #expect(read.json?["name"] == "Acme AG")
            let longTag = String(repeating: "x", count: 257)
            let tooLong = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Tag", "parent_id": partner, "kind": "customer", "internal_tag": .string(longTag)]
            )
            #expect(tooLong.status == 400)
        }
    }

    @Test("TEN-2 a duplicate name gets error.code 1004 (409 by default)")
    func ten2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let reply = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": .string(SimulatorSeed.fabrikamName), "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            #expect(reply.status == 409)
            #expect(reply.errorCode == 1004)
            #expect(reply.message.contains("Fabrikam GmbH"))
            // Per parent by default: the other partner's "Contoso Ltd" does not clash.
            _ = try await sim.createCustomer(SimulatorSeed.otherPartnerCustomerName, token: token)
        }
    }

    @Test("TEN-3 GET /tenants needs exactly one of uuids/parent_id/subtree_root_id; kind is ignored")
    func ten3() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let none = try await sim.get("/tenants", token: token)
            #expect(none.status == 400)
            #expect(try await sim.get("/tenants?kind=customer", token: token).status == 400)
            let two = try await sim.get(
                "/tenants?parent_id=\(SimulatorSeed.partnerTenant)&subtree_root_id=\(SimulatorSeed.partnerTenant)",
                token: token
            )
            #expect(two.status == 400)
            let children = try await sim.get("/tenants?parent_id=\(SimulatorSeed.partnerTenant)&kind=partner", token: token)
            #expect(children.status == 200)
            let names = Set(children.items.compactMap { $0["name"]?.stringValue })
            #expect(names == [SimulatorSeed.sampleCustomerName, SimulatorSeed.fabrikamName])
            #expect(children.json?["timestamp"]?.stringValue != nil)
            let byID = try await sim.get("/tenants?uuids=\(SimulatorSeed.sampleCustomer),\(SimulatorSeed.fabrikamCustomer)", token: token)
            #expect(byID.items.count == 2)
            let limited = try await sim.get("/tenants?parent_id=\(SimulatorSeed.partnerTenant)&limit=1", token: token)
            #expect(limited.items.count == 1)
            #expect(limited.json?["paging"]?["cursors"]?["after"]?.stringValue != nil)
            let stamps = try await sim.get("/tenants?uuids=\(SimulatorSeed.sampleCustomer)&lod=stamps", token: token)
            #expect(stamps.items.first?["name"] == nil)
            #expect(try await sim.get("/tenants?parent_id=\(SimulatorSeed.otherPartnerTenant)", token: token).status == 403)
        }
    }

    @Test("TEN-4 /search matches case-insensitive substrings of names, logins and e-mails")
    func ten4() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let partner = SimulatorSeed.partnerTenant
            let tenants = try await sim.get("/search?tenant=\(partner)&text=fABRIK", token: token)
            #expect(tenants.status == 200)
            let hit = try #require(tenants.items.first { $0["obj_type"] == "tenant" })
            #expect(hit["id"] == .string(SimulatorSeed.fabrikamCustomer))
            #expect(hit["name"] == .string(SimulatorSeed.fabrikamName))
            #expect(hit["kind"] == "customer")
            #expect(hit["parent_id"] == .string(partner))
            #expect(hit["path"]?.arrayValue != nil)
            let users = try await sim.get("/search?tenant=\(partner)&text=SAMPLE.ADM", token: token)
            let user = try #require(users.items.first { $0["obj_type"] == "user" })
            #expect(user["login"] == "sample.admin")
            let byMail = try await sim.get("/search?tenant=\(partner)&text=SAMPLE-CUSTOMER.example", token: token)
            #expect(byMail.items.contains { $0["obj_type"] == "user" })
            #expect(try await sim.get("/search?tenant=\(partner)&text=contoso", token: token).items.isEmpty)
            #expect(try await sim.get("/search?text=x", token: token).status == 400)
        }
    }

    @Test("TEN-5 PUT /tenants/{id} needs version; stale → 409/1001; success bumps version")
    func ten5() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let tenant = try await sim.createCustomer("Versioned", token: token)
            let id = tenant["id"]!.stringValue!
            let version = tenant["version"]!.intValue!
            let missing = try await sim.put("/tenants/\(id)", token: token, json: ["name": "X"])
            #expect(missing.status == 400)
            let stale = try await sim.put("/tenants/\(id)", token: token, json: ["version": .int(version + 5), "name": "X"])
            #expect(stale.status == 409)
            #expect(stale.errorCode == 1001)
            let ok = try await sim.put("/tenants/\(id)", token: token, json: ["version": .int(version), "name": "Versioned 2"])
            #expect(ok.status == 200)
            #expect(ok.json?["version"] == .int(version + 1))
            #expect(ok.json?["name"] == "Versioned 2")
            let unknown = try await sim.put("/tenants/\(id)", token: token, json: ["version": .int(version + 1), "colour": "red"])
            #expect(unknown.status == 400)
        }
    }

    @Test("TEN-6 DELETE needs ?version and a disabled tenant (1006); success → 204")
    func ten6() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let tenant = try await sim.createCustomer("Short-lived", token: token)
            let id = tenant["id"]!.stringValue!
            #expect(try await sim.delete("/tenants/\(id)", token: token).status == 400)
            let enabled = try await sim.delete("/tenants/\(id)?version=1", token: token)
            #expect(enabled.errorCode == 1006)
            #expect(try await sim.delete("/tenants/\(id)?version=7", token: token).status == 409)
            let disabled = try await sim.put("/tenants/\(id)", token: token, json: ["version": 1, "enabled": false])
            #expect(disabled.status == 200)
            #expect(try await sim.delete("/tenants/\(id)?version=2", token: token).status == 204)
            #expect(try await sim.get("/tenants/\(id)", token: token).status == 404)
            #expect(try await sim.get("/tenants/\(id)?allow_deleted=true", token: token).json?["deleted_at"]?.stringValue != nil)
            // The name is free again.
            _ = try await sim.createCustomer("Short-lived", token: token)
        }
    }

    @Test("TEN-7 pricing: trial → production allowed, production → trial rejected")
    func ten7() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Pricing", token: token)["id"]!.stringValue!
            let pricing = try await sim.get("/tenants/\(id)/pricing", token: token)
            #expect(pricing.json?["mode"] == "trial")
            let version = try #require(pricing.json?["version"]?.intValue)
            let live = try await sim.put("/tenants/\(id)/pricing", token: token, json: ["mode": "production", "version": .int(version)])
            #expect(live.status == 200)
            #expect(live.json?["mode"] == "production")
            #expect(live.json?["production_start_date"]?.stringValue != nil)
            let back = try await sim.put("/tenants/\(id)/pricing", token: token, json: ["mode": "trial", "version": .int(version + 1)])
            #expect(back.status == 400)
            #expect(try await sim.get("/tenants/\(id)", token: token).json?["pricing_mode"] == "production")
        }
    }

    @Test("TEN-8 GET/PUT /tenants/{id}/mfa/status")
    func ten8() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("MFA", token: token)["id"]!.stringValue!
            #expect(try await sim.get("/tenants/\(id)/mfa/status", token: token).json?["mfa_status"] == "disabled")
            let put = try await sim.put("/tenants/\(id)/mfa/status", token: token, json: ["enabled": true])
            #expect(put.status == 200)
            #expect(put.json?["mfa_status"] == "enabled")
            #expect(put.json?["update_allowed"] == true)
            #expect(try await sim.get("/tenants/\(id)", token: token).json?["mfa_status"] == "enabled")
            #expect(try await sim.put("/tenants/\(id)/mfa/status", token: token, json: ["on": true]).status == 400)
        }
    }
}
