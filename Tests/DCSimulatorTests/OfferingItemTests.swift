import DCSimulator
import Testing

@Suite("Offering items (OI-1 … OI-8)")
struct OfferingItemTests {
    private static func names(_ reply: Reply) -> Set<String> { Set(reply.items.compactMap { $0["name"]?.stringValue }) }

    @Test("OI-1 edition defaults to standard, * = all, edition-less items always included, root key items")
    func oi1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Editions", token: token)["id"]!.stringValue!
            let standard = try await sim.get("/tenants/\(id)/offering_items", token: token)
            #expect(standard.status == 200)
            #expect(standard.json?["items"] != nil)
            let standardNames = Self.names(standard)
            #expect(standardNames.contains("workstations"))
            #expect(standardNames.contains("local_storage"))
            #expect(standardNames.contains("fc_seats"))
            #expect(!standardNames.contains("pw_base_servers"))
            let all = Self.names(try await sim.get("/tenants/\(id)/offering_items?edition=*", token: token))
            #expect(all.isSuperset(of: ["workstations", "pw_base_servers", "pg_base_servers", "local_storage"]))

            let partner = SimulatorSeed.partnerTenant
            let afc = try await sim.get(
                "/tenants/\(partner)/offering_items/available_for_child?kind=customer&edition=pck_per_workload",
                token: token
            )
            #expect(afc.status == 200)
            for item in afc.items {
                let edition = item["edition"]
                #expect(edition == "pck_per_workload" || edition == .null)
            }
            #expect(Self.names(afc).isSuperset(of: ["pw_base_workstations", "pw_base_storage", "local_storage"]))
            let afcDefault = Self.names(try await sim.get("/tenants/\(partner)/offering_items/available_for_child", token: token))
            #expect(afcDefault.contains("workstations"))
            #expect(!afcDefault.contains("pw_base_workstations"))
        }
    }

    @Test("OI-2 PUT needs root key offering_items; items → 400; unknown top-level keys → 400; extra item fields ignored")
    func oi2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Put shape", token: token)["id"]!.stringValue!
            let wrongRoot = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["items": [Fixture.item("pw_base_servers")]])
            #expect(wrongRoot.status == 400)
            #expect(wrongRoot.message.contains("offering_items"))
            let extraTop = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers")], "dry_run": true]
            )
            #expect(extraTop.status == 400)
            // The whole GET item (edition, usage_name, type, …) may be PUT back ([SH-EX] 04).
            let available = try await sim.get(
                "/tenants/\(SimulatorSeed.partnerTenant)/offering_items/available_for_child?edition=pck_per_workload",
                token: token
            )
            let servers = try #require(available.items.first { $0["name"] == "pw_base_servers" })
            let ok = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [servers]])
            #expect(ok.status == 200)
            #expect(ok.items.first?["name"] == "pw_base_servers")
            #expect(ok.items.first?["status"] == 1)
            #expect(ok.json?["offering_items"] == nil)
        }
    }

    @Test("OI-3 wrong quota.version → 426; success bumps the version; version 0 while value/overage null")
    func oi3() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Quotas", token: token)["id"]!.stringValue!
            let before = try await sim.get("/tenants/\(id)/offering_items?edition=pck_per_workload", token: token)
            let item = try #require(before.items.first { $0["name"] == "pw_base_servers" })
            #expect(item["quota"] == ["value": nil, "overage": nil, "version": 0])
            let wrong = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 5, "overage": nil, "version": 3])]]
            )
            #expect(wrong.status == 426)
            let ok = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 5, "overage": nil, "version": 0])]]
            )
            #expect(ok.status == 200)
            #expect(ok.items.first?["quota"] == ["value": 5, "overage": nil, "version": 1])
            let stale = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 6, "overage": nil, "version": 0])]]
            )
            #expect(stale.status == 426)
            let same = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers", quota: ["value": 5, "overage": nil, "version": 1])]]
            )
            #expect(same.items.first?["quota"]?["version"] == 1)
        }
    }

    @Test("OI-4 two editions of one application on a customer → 400 and nothing changes")
    func oi4() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Two editions", token: token)["id"]!.stringValue!
            let reply = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers"), Fixture.item("pg_base_servers")]]
            )
            #expect(reply.status == 400)
            #expect(reply.errorCode == 400)
            #expect(reply.message.contains("one edition"))
            let after = try await sim.get("/tenants/\(id)/offering_items?edition=*&status=1", token: token)
            #expect(after.items.isEmpty)
            // Partners may hold several editions ([BLOG-OI]): Sim Partner has all of them.
            let partner = try await sim.get("/tenants/\(SimulatorSeed.partnerTenant)/offering_items?edition=*&status=1", token: token)
            #expect(Self.names(partner).isSuperset(of: ["pw_base_servers", "pg_base_servers", "servers"]))
        }
    }

    @Test("OI-5 two infra items with one capability → 1015 (1031 for locations); the PUT changes nothing")
    func oi5() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Storages", token: token)["id"]!.stringValue!
            let twoStorages = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: [
                    "offering_items": [
                        Fixture.item("pw_base_workstations"),
                        Fixture.item("pw_base_storage", infra: Fixture.hostedStorage),
                        Fixture.item("pw_base_storage", infra: Fixture.partnerStorage),
                    ]
                ]
            )
            #expect(twoStorages.status == 400)
            #expect(twoStorages.errorCode == 1015)
            let unchanged = try await sim.get("/tenants/\(id)/offering_items?edition=*&status=1", token: token)
            #expect(unchanged.items.isEmpty)
            let location = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: [
                    "offering_items": [
                        Fixture.item("pw_base_storage", infra: Fixture.partnerStorage),
                        Fixture.item("pw_base_adv_dr_storage", infra: Fixture.disasterRecovery),
                    ]
                ]
            )
            #expect(location.errorCode == 1031)
            let ok = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: [
                    "offering_items": [
                        Fixture.item("pw_base_storage", infra: Fixture.hostedStorage),
                        Fixture.item("pw_base_adv_dr_storage", infra: Fixture.disasterRecovery),
                    ]
                ]
            )
            #expect(ok.status == 200)
            // Adding the second backup storage later is rejected as well.
            let later = try await sim.put(
                "/tenants/\(id)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_storage", infra: Fixture.partnerStorage)]]
            )
            #expect(later.errorCode == 1015)
        }
    }

    @Test("OI-6 an item the parent does not offer → 1021")
    func oi6() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Parent offers", token: token)["id"]!.stringValue!
            let unknown = try await sim.put(
                "/tenants/\(customer)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_teleporters")]]
            )
            #expect(unknown.errorCode == 1021)
            _ = try await sim.put(
                "/tenants/\(customer)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers")]]
            )
            let unit = try await sim.post(
                "/tenants",
                token: token,
                json: ["name": "Unit", "parent_id": .string(customer), "kind": "unit"]
            )
            let unitID = try #require(unit.json?["id"]?.stringValue)
            let notOffered = try await sim.put(
                "/tenants/\(unitID)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_vms")]]
            )
            #expect(notOffered.status == 400)
            #expect(notOffered.errorCode == 1021)
            let offered = try await sim.put(
                "/tenants/\(unitID)/offering_items",
                token: token,
                json: ["offering_items": [Fixture.item("pw_base_servers")]]
            )
            #expect(offered.status == 200)
        }
    }

    @Test("OI-7 enabling an item binds its application")
    func oi7() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let id = try await sim.createCustomer("Bindings", token: token)["id"]!.stringValue!
            #expect(try await sim.get("/tenants/\(id)/applications", token: token).items.isEmpty)
            _ = try await sim.put("/tenants/\(id)/offering_items", token: token, json: ["offering_items": [Fixture.item("pw_base_servers")]])
            let bound = try await sim.get("/tenants/\(id)/applications", token: token)
            #expect(bound.items == [.string(Fixture.cyberProtection)])
            let platform = SimulatorSeed.platformApplication
            #expect(try await sim.post("/applications/\(platform)/bindings/tenants/\(id)", token: token).status == 204)
            #expect(try await sim.get("/tenants/\(id)/applications", token: token).items.count == 2)
            #expect(try await sim.delete("/applications/\(platform)/bindings/tenants/\(id)", token: token).status == 204)
            #expect(try await sim.get("/applications", token: token).items.count == 3)
        }
    }

    @Test("OI-8 /infra returns capabilities, platform_owned, location_id; two backup storages are offered")
    func oi8() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let afc = try await sim.get(
                "/tenants/\(SimulatorSeed.partnerTenant)/offering_items/available_for_child?edition=pck_per_workload",
                token: token
            )
            let storageInfras = Set(afc.items.filter { $0["name"] == "pw_base_storage" }.compactMap { $0["infra_id"]?.stringValue })
            #expect(storageInfras.count >= 2)
            let ids = (storageInfras.sorted() + [Fixture.disasterRecovery]).joined(separator: ",")
            let infra = try await sim.get("/infra?uuids=\(ids)", token: token)
            #expect(infra.items.count == 3)
            for item in infra.items {
                #expect(item["capabilities"]?.arrayValue != nil)
                #expect(item["platform_owned"]?.boolValue != nil)
                #expect(item["location_id"]?.stringValue != nil)
            }
            #expect(Set(infra.items.compactMap { $0["platform_owned"]?.boolValue }) == [true, false])
            let one = try await sim.get("/infra/\(Fixture.disasterRecovery)", token: token)
            #expect(one.json?["capabilities"] == ["disaster_recovery"])
            #expect(try await sim.get("/infra", token: token).status == 400)
        }
    }
}
