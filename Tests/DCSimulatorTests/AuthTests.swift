import DCSimulator
import Foundation
import Testing

@Suite("Authentication (AUTH-1 … AUTH-4)")
struct AuthTests {
    @Test("AUTH-1 client_credentials with Basic auth or form fields returns bearer, id_token, expires_in, expires_on")
    func auth1() async throws {
        try await SimClient.run { sim in
            let basic = try await sim.tokenReply(clientID: SimulatorSeed.defaultClientID, secret: SimulatorSeed.defaultClientSecret)
            #expect(basic.status == 200)
            let json = try #require(basic.json)
            #expect(json["token_type"] == "bearer")
            #expect(json["access_token"]?.stringValue?.isEmpty == false)
            #expect(json["id_token"]?.stringValue?.isEmpty == false)
            #expect(json["expires_in"] == 7200)
            let expiresOn = try #require(json["expires_on"]?.intValue)
            let now = Int(sim.simulator.clock.now().timeIntervalSince1970)
            #expect(abs(expiresOn - (now + 7200)) <= 2)

            let form = try await sim.request(
                "POST",
                "/idp/token",
                body: "grant_type=client_credentials&client_id=\(SimulatorSeed.defaultClientID)&client_secret=\(SimulatorSeed.defaultClientSecret)",
                contentType: "application/x-www-form-urlencoded"
            )
            #expect(form.status == 200)
            let token = try #require(form.json?["access_token"]?.stringValue)
            #expect(try await sim.get("/clients/\(SimulatorSeed.defaultClientID)", token: token).status == 200)
        }
    }

    @Test("AUTH-2 tokens live 7200 s; expired or unknown tokens get 401")
    func auth2() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            #expect(try await sim.get("/applications", token: token).status == 200)
            sim.simulator.clock.advance(by: 7_199)
            #expect(try await sim.get("/applications", token: token).status == 200)
            sim.simulator.clock.advance(by: 2)
            let expired = try await sim.get("/applications", token: token)
            #expect(expired.status == 401)
            #expect(expired.json?["error"]?["domain"] == "PlatformAccountServer")
            #expect(try await sim.get("/applications", token: "not-a-token").status == 401)
            #expect(try await sim.get("/applications").status == 401)
        }
    }

    @Test("AUTH-3 bad credentials get 401 in the OAuth shape with domain and reason")
    func auth3() async throws {
        try await SimClient.run { sim in
            let reply = try await sim.tokenReply(clientID: SimulatorSeed.defaultClientID, secret: "wrong")
            #expect(reply.status == 401)
            let json = try #require(reply.json)
            #expect(json["error"] == "invalid_client")
            #expect(json["error_description"]?.stringValue?.isEmpty == false)
            #expect(json["domain"] == "Access")
            #expect(json["reason"] == "InvalidClient")
            let unknown = try await sim.tokenReply(clientID: "c9999999-0000-4000-8000-000000000001", secret: "x")
            #expect(unknown.status == 401)
            let noGrant = try await sim.request("POST", "/idp/token", body: "", contentType: "application/x-www-form-urlencoded")
            #expect(noGrant.status == 400)
            #expect(noGrant.json?["error"] == "invalid_request")
        }
    }

    @Test("AUTH-4 GET /clients/{id} returns tenant_id = the partner tenant")
    func auth4() async throws {
        try await SimClient.run { sim in
            let token = try await sim.token()
            let reply = try await sim.get("/clients/\(SimulatorSeed.defaultClientID)", token: token)
            #expect(reply.status == 200)
            #expect(reply.json?["tenant_id"] == .string(SimulatorSeed.partnerTenant))
            #expect(reply.json?["client_id"] == .string(SimulatorSeed.defaultClientID))
            #expect(reply.json?["type"] == "api_client")
            #expect(try await sim.get("/clients/\(SimulatorSeed.otherPartnerClientID)", token: token).status == 403)
        }
    }

    @Test("AUTH-1 custom client id and secret from the command line are honoured")
    func customCredentials() async throws {
        let seed = SeedOptions(clientID: "12345678-aaaa-4bbb-8ccc-123456789abc", clientSecret: "s3cret")
        try await SimClient.run(seed: seed) { sim in
            let token = try await sim.token(clientID: seed.clientID, secret: "s3cret")
            let reply = try await sim.get("/clients/\(seed.clientID)", token: token)
            #expect(reply.json?["tenant_id"] == .string(SimulatorSeed.partnerTenant))
        }
    }

    @Test("Password grant for the seeded partner admin user")
    func passwordGrant() async throws {
        try await SimClient.run { sim in
            let token = try await sim.userToken(login: SimulatorSeed.partnerAdminLogin, password: SimulatorSeed.defaultAdminPassword)
            let me = try await sim.get("/users/me", token: token)
            #expect(me.status == 200)
            #expect(me.json?["login"] == .string(SimulatorSeed.partnerAdminLogin))
            let wrong = try await sim.request(
                "POST",
                "/idp/token",
                body: "grant_type=password&username=sim.partner.admin&password=nope",
                contentType: "application/x-www-form-urlencoded"
            )
            #expect(wrong.status == 401)
        }
    }
}
