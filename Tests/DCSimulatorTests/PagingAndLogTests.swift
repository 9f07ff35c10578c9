import DCSimulator
import Testing

@Suite("Paging and request log (PAG-1, OPS-1)")
struct PagingAndLogTests {
    @Test("PAG-1 cursor paging with a small page size: follow paging.cursors.after until it is absent")
    func pag1() async throws {
        var config = SimulatorConfiguration()
        config.pageSize = 2
        try await SimClient.run(config) { sim in
            let token = try await sim.token()
            for index in 1...5 { _ = try await sim.createCustomer("Paged \(index)", token: token) }
            var seen: [String] = []
            var path = "/tenants?parent_id=\(SimulatorSeed.partnerTenant)"
            var pages = 0
            while true {
                let page = try await sim.get(path, token: token)
                #expect(page.status == 200)
                #expect(page.items.count <= 2)
                seen += page.items.compactMap { $0["id"]?.stringValue }
                pages += 1
                guard let after = page.json?["paging"]?["cursors"]?["after"]?.stringValue else { break }
                path = "/tenants?after=\(after)"
            }
            #expect(seen.count == 7)
            #expect(Set(seen).count == 7)
            #expect(pages == 4)
            let limited = try await sim.get("/tenants?parent_id=\(SimulatorSeed.partnerTenant)&limit=5", token: token)
            #expect(limited.items.count == 5)
            #expect(try await sim.get("/tenants?after=garbage", token: token).status == 400)
            // GET /users pages the same way.
            let users = try await sim.get("/users?subtree_root_tenant_id=\(SimulatorSeed.partnerTenant)&limit=1", token: token)
            #expect(users.items.count == 1)
            #expect(users.json?["paging"]?["cursors"]?["after"]?.stringValue != nil)
        }
    }

    @Test("OPS-1 the request log holds method, path, status, error.code and client_id")
    func ops1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            _ = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": .string(SimulatorSeed.fabrikamName), "parent_id": .string(SimulatorSeed.partnerTenant), "kind": "customer"]
            )
            _ = try await sim.get("/tenants?parent_id=\(SimulatorSeed.partnerTenant)", token: token)
            let log = try await sim.requestLog()
            #expect(log.count == 3)
            let create = try #require(log.first { $0["method"] == "POST" && $0["path"] == "/api/2/tenants" })
            #expect(create["status"] == 409)
            #expect(create["error_code"] == 1004)
            #expect(create["client_id"] == .string(SimulatorSeed.defaultClientID))
            #expect(create["seq"]?.intValue != nil)
            let list = try #require(log.last)
            #expect(list["query"]?["parent_id"] == .string(SimulatorSeed.partnerTenant))
            #expect(list["error_code"] == .null)
            #expect(try await sim.delete("/_sim/requests").status == 204)
            #expect(try await sim.requestLog().isEmpty)
        }
    }
}
