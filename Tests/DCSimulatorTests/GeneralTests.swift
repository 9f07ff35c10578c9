import DCSimulator
import Testing

@Suite("General (GEN-1, GEN-2)")
struct GeneralTests {
    @Test("GEN-1 non-JSON bodies get 415; errors use the full envelope")
    func gen1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let reply = try await sim.request("POST", "/tenants", token: token, body: "name=x", contentType: "text/plain")
            #expect(reply.status == 415)
            let error = try #require(reply.json?["error"])
            #expect(error["code"] == 415)
            #expect(error["domain"] == "PlatformAccountServer")
            #expect(error["message"]?.stringValue?.isEmpty == false)
            #expect(error["details"]?["info"]?.stringValue?.isEmpty == false)
            #expect(error["context"] == [:])
            #expect(error["data"] == [])
            let invalid = try await sim.request("POST", "/tenants", token: token, body: "{", contentType: "application/json")
            #expect(invalid.status == 400)
            let unknownPath = try await sim.get("/no/such/endpoint", token: token)
            #expect(unknownPath.status == 404)
            #expect(unknownPath.json?["error"]?["domain"] == "PlatformAccountServer")
        }
    }

    @Test("GEN-2 touching a tenant outside the caller's subtree gets 403")
    func gen2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let other = SimulatorSeed.otherPartnerCustomer
            #expect(try await sim.get("/tenants/\(other)", token: token).status == 403)
            #expect(try await sim.get("/tenants/\(SimulatorSeed.rootTenant)", token: token).status == 403)
            #expect(try await sim.get("/tenants/\(other)/offering_items", token: token).status == 403)
            let put = try await sim.put("/tenants/\(other)/offering_items", token: token, json: ["offering_items": []])
            #expect(put.status == 403)
            let create = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Sneaky", "parent_id": .string(SimulatorSeed.otherPartnerTenant), "kind": "customer"]
            )
            #expect(create.status == 403)
            // The other partner's client cannot see Sim Partner's customers.
            let otherToken = try await sim.token(clientID: SimulatorSeed.otherPartnerClientID, secret: SimulatorSeed.otherPartnerClientSecret)
            #expect(try await sim.get("/tenants/\(SimulatorSeed.sampleCustomer)", token: otherToken).status == 403)
            #expect(try await sim.get("/tenants/\(other)", token: otherToken).status == 200)
            #expect(try await sim.get("/users/\(SimulatorSeed.sampleAdminUser)", token: otherToken).status == 403)
        }
    }
}
