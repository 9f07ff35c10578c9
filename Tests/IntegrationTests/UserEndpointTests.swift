import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("User endpoints through the client", .timeLimit(.minutes(1)))
struct UserEndpointTests {
    @Test("USR-1, USR-2, USR-5: invalid login, user listing, activation e-mail")
    func usersAndActivationEmail() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            guard case .invalid = try await client.checkLogin("not a login!") else {
                Issue.record("a login with spaces and ! must be invalid (406)")
                return
            }
            let tenant = try await client.createTenant(TenantCreation(name: uniqueName("Users"), parentID: SimulatorSeed.partnerTenant))
            let login = "mail.\(UUID().uuidString.prefix(8).lowercased())"
            let user = try await client.createUser(UserCreation(tenantID: tenant.id, login: login, contact: UserContact(email: "\(login)@example.com")))
            #expect(try await client.users(inTenant: tenant.id).map(\.id) == [user.id])
            #expect(try await client.userIDs(of: tenant.id) == [user.id])
            try await client.sendActivationEmail(toUser: user.id)
            #expect(try await client.user(id: user.id).activated == false, "activation completes only when the e-mail is followed")
        }
    }

    @Test("USR-2: the create-user success status knob is accepted", arguments: [200, 201])
    func createUserStatus(status: Int) async throws {
        try await withSimulator(["--create-user-status", String(status)]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            let login = "status.\(UUID().uuidString.prefix(8).lowercased())"
            let user = try await client.createUser(
                UserCreation(tenantID: SimulatorSeed.sampleCustomer, login: login, contact: UserContact(email: "\(login)@example.com")))
            #expect(user.login == login)
        }
    }

    @Test("USR-3: access policies replace the whole set")
    func policiesReplace() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let login = "roles.\(UUID().uuidString.prefix(8).lowercased())"
            let user = try await client.createUser(
                UserCreation(tenantID: SimulatorSeed.sampleCustomer, login: login, contact: UserContact(email: "\(login)@example.com")))
            _ = try await client.setAccessPolicies(ofUser: user.id, [
                AccessPolicy(role: .companyAdmin, tenantID: SimulatorSeed.sampleCustomer, userID: user.id),
                AccessPolicy(role: .readonlyAdmin, tenantID: SimulatorSeed.sampleCustomer, userID: user.id),
            ])
            #expect(Set(try await client.accessPolicies(ofUser: user.id).map(\.roleID)) == [.companyAdmin, .readonlyAdmin])
            _ = try await client.setAccessPolicies(ofUser: user.id, [AccessPolicy(role: .readonlyAdmin, tenantID: SimulatorSeed.sampleCustomer, userID: user.id)])
            #expect(try await client.accessPolicies(ofUser: user.id).map(\.roleID) == [.readonlyAdmin])
        }
    }
}
