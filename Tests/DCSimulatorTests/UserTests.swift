import DCSimulator
import Testing

@Suite("Users (USR-1 … USR-7)")
struct UserTests {
    @Test("USR-1 check_login: 204 free, 409 taken, 406 invalid")
    func usr1() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            #expect(try await sim.get("/users/check_login?username=brand.new", token: token).status == 204)
            let taken = try await sim.get("/users/check_login?username=sample.admin", token: token)
            #expect(taken.status == 409)
            #expect(try await sim.get("/users/check_login?username=SAMPLE.ADMIN", token: token).status == 409)
            #expect(try await sim.get("/users/check_login?username=bad%20login!", token: token).status == 406)
            #expect(try await sim.get("/users/check_login", token: token).status == 406)
        }
    }

    @Test("USR-2 POST /users needs tenant_id; contact without email → 400; fresh personal tenant; activated false")
    func usr2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Users Inc", token: token)["id"]!.stringValue!
            #expect(try await sim.post("/users", token: token, json: ["login": "no.tenant"]).status == 400)
            let noEmail = try await sim.post(
                "/users",
                token: token,
                json: ["tenant_id": .string(customer), "login": "no.mail", "contact": ["firstname": "Jo"]]
            )
            #expect(noEmail.status == 400)
            #expect(noEmail.message.contains("email"))
            let created = try await sim.post(
                "/users",
                token: token,
                json: [
                    "tenant_id": .string(customer), "login": "users.admin",
                    "contact": ["email": "admin@users.example", "firstname": "Jo", "lastname": "Berg"],
                ]
            )
            #expect(created.status == 200)
            let user = try #require(created.json)
            #expect(user["activated"] == false)
            #expect(user["version"]?.intValue != nil)
            #expect(user["tenant_id"] == .string(customer))
            let personal = try #require(user["personal_tenant_id"]?.stringValue)
            #expect(personal != customer)
            #expect(try await sim.get("/tenants/\(personal)", token: token).status == 200)
            // A second user gets a different personal tenant.
            let second = try await sim.createUser("users.second", in: customer, token: token)
            #expect(second["personal_tenant_id"]?.stringValue != personal)
            // Users in partner tenants get none.
            let partnerUser = try await sim.createUser("partner.helper", in: SimulatorSeed.partnerTenant, token: token)
            #expect(partnerUser["personal_tenant_id"] == .null)
            // The login is now taken.
            #expect(try await sim.post("/users", token: token, json: ["tenant_id": .string(customer), "login": "users.admin", "contact": ["email": "x@y.z"]]).status == 409)
        }
    }

    @Test("USR-3 PUT access_policies replaces the set; GET returns it; unknown role_id → 400")
    func usr3() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Roles", token: token)["id"]!.stringValue!
            let user = try await sim.createUser("roles.admin", in: customer, token: token)
            let id = user["id"]!.stringValue!
            let personal = user["personal_tenant_id"]!.stringValue!
            func policy(_ role: String, _ tenant: String) -> JSON {
                [
                    "id": "00000000-0000-0000-0000-000000000000", "issuer_id": "00000000-0000-0000-0000-000000000000",
                    "role_id": .string(role), "tenant_id": .string(tenant), "trustee_id": .string(id),
                    "trustee_type": "user", "version": 0,
                ]
            }
            let first = try await sim.put(
                "/users/\(id)/access_policies",
                token: token,
                json: ["items": [policy("company_admin", customer), policy("backup_user", personal)]]
            )
            #expect(first.status == 200)
            #expect(first.items.count == 2)
            let replaced = try await sim.put("/users/\(id)/access_policies", token: token, json: ["items": [policy("readonly_admin", customer)]])
            #expect(replaced.items.map { $0["role_id"] } == ["readonly_admin"])
            let read = try await sim.get("/users/\(id)/access_policies", token: token)
            #expect(read.items.map { $0["role_id"] } == ["readonly_admin"])
            #expect(read.items.first?["trustee_id"] == .string(id))
            let unknown = try await sim.put("/users/\(id)/access_policies", token: token, json: ["items": [policy("supreme_leader", customer)]])
            #expect(unknown.status == 400)
            #expect(unknown.message.contains("supreme_leader"))
            #expect(try await sim.get("/users/\(id)/access_policies", token: token).items.count == 1)
        }
    }

    @Test("USR-4 POST /users/{id}/password: weak passwords rejected, strong one activates (204)")
    func usr4() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Northwind Traders", token: token)["id"]!.stringValue!
            let user = try await sim.createUser("nw.admin", in: customer, token: token, email: "jo.berg@northwind.example")
            let id = user["id"]!.stringValue!
            for weak in ["Short1!", "xxNW.ADMINxx42", "jo.berg@northwind.example1", "Xx-BERG-2026-long", "northwind traders 2026", "pre-JO.BERG-post"] {
                let reply = try await sim.post("/users/\(id)/password", token: token, json: ["password": .string(weak)])
                #expect(reply.status == 400, "\(weak) was accepted")
                #expect(reply.message.contains("too weak"))
            }
            #expect(try await sim.get("/users/\(id)", token: token).json?["activated"] == false)
            let strong = try await sim.post("/users/\(id)/password", token: token, json: ["password": "Tq7#vLm2!pXz"])
            #expect(strong.status == 204)
            #expect(strong.json == nil)
            #expect(try await sim.get("/users/\(id)", token: token).json?["activated"] == true)
            // The user can now log in with the password grant.
            _ = try await sim.userToken(login: "nw.admin", password: "Tq7%23vLm2!pXz")
        }
    }

    @Test("USR-5 send-activation-email with {} → 204; activated stays false until the hook completes it")
    func usr5() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Mailers", token: token)["id"]!.stringValue!
            let id = try await sim.createUser("mail.admin", in: customer, token: token)["id"]!.stringValue!
            let sent = try await sim.post("/users/\(id)/send-activation-email", token: token, json: [:])
            #expect(sent.status == 204)
            #expect(try await sim.get("/users/\(id)", token: token).json?["activated"] == false)
            let state = try await sim.get("/_sim/state")
            let dumped = state.json?["users"]?.arrayValue?.first { $0["id"] == .string(id) }
            #expect(dumped?["activation_email_sent"] == true)
            #expect(try await sim.post("/_sim/users/\(id)/complete-activation").status == 200)
            #expect(try await sim.get("/users/\(id)", token: token).json?["activated"] == true)
        }
    }

    @Test("USR-6 password/activation only with API-client tokens and only for users in sub-tenants")
    func usr6() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Delegated", token: token)["id"]!.stringValue!
            let id = try await sim.createUser("del.admin", in: customer, token: token)["id"]!.stringValue!
            let userToken = try await sim.userToken(login: SimulatorSeed.partnerAdminLogin, password: SimulatorSeed.defaultAdminPassword)
            let password = try await sim.post("/users/\(id)/password", token: userToken, json: ["password": "Tq7#vLm2!pXz"])
            #expect(password.status == 403)
            let mail = try await sim.post("/users/\(id)/send-activation-email", token: userToken, json: [:])
            #expect(mail.status == 403)
            // A user of the caller's own tenant is not in a sub-tenant.
            let own = try await sim.post("/users/\(SimulatorSeed.partnerAdminUser)/password", token: token, json: ["password": "Tq7#vLm2!pXz"])
            #expect(own.status == 403)
            #expect(try await sim.get("/users/\(id)", token: token).json?["activated"] == false)
        }
    }

    @Test("USR-7 PUT/DELETE /users/{id} need version; stale → 409")
    func usr7() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let customer = try await sim.createCustomer("Versions", token: token)["id"]!.stringValue!
            let user = try await sim.createUser("ver.admin", in: customer, token: token)
            let id = user["id"]!.stringValue!
            let version = user["version"]!.intValue!
            #expect(try await sim.put("/users/\(id)", token: token, json: ["enabled": false]).status == 400)
            let stale = try await sim.put("/users/\(id)", token: token, json: ["version": .int(version + 9), "enabled": false])
            #expect(stale.status == 409)
            #expect(stale.errorCode == 1001)
            let ok = try await sim.put("/users/\(id)", token: token, json: ["version": .int(version), "enabled": false])
            #expect(ok.status == 200)
            #expect(ok.json?["version"] == .int(version + 1))
            #expect(try await sim.delete("/users/\(id)", token: token).status == 400)
            #expect(try await sim.delete("/users/\(id)?version=\(version)", token: token).status == 409)
            #expect(try await sim.delete("/users/\(id)?version=\(version + 1)", token: token).status == 204)
            #expect(try await sim.get("/users/\(id)", token: token).status == 404)
            #expect(try await sim.get("/users/check_login?username=ver.admin", token: token).status == 204)
        }
    }

    @Test("GET /users filters and pages; GET /tenants/{id}/users lists ids")
    func listUsers() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            #expect(try await sim.get("/users", token: token).status == 400)
            let users = try await sim.get("/users?tenant_id=\(SimulatorSeed.sampleCustomer)", token: token)
            #expect(users.items.map { $0["login"] } == ["sample.admin"])
            let ids = try await sim.get("/tenants/\(SimulatorSeed.sampleCustomer)/users", token: token)
            #expect(ids.items == [.string(SimulatorSeed.sampleAdminUser)])
        }
    }
}
