import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

/// The official example sequence of acronis-api.md §1 and §11, through the real client, scheduler
/// and transport, against the real `onboard-dcsim` binary.
@Suite("Official onboarding sequence against onboard-dcsim", .timeLimit(.minutes(1)))
struct OfficialSequenceTests {
    @Test("token → client → customer → items (1015, then one storage) → user → role → password → registration token")
    func officialSequence() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client

            // 1–2: token and the partner tenant of the API client (AUTH-1, AUTH-4).
            let partner = try await client.apiClient().tenantID
            #expect(partner == SimulatorSeed.partnerTenant)

            // 4: create the customer (TEN-1): 201, trial, integer version.
            let name = uniqueName("Official Sequence")
            let customer = try await client.createTenant(
                TenantCreation(name: name, parentID: partner, customerID: "onb-test", internalTag: "onboard:test"))
            #expect(customer.kind == .customer)
            #expect(customer.pricingMode == .trial)
            #expect(customer.customerID == "onb-test")

            // 5: the per-workload catalogue the customer may get (OI-1: the edition is sent).
            let catalogue = try await client.offeringItemsAvailableForChild(of: partner, edition: .perWorkload)
            #expect(!catalogue.isEmpty)
            #expect(catalogue.allSatisfy { $0.edition == .perWorkload || $0.edition == nil })
            let backupItems = catalogue.filter { $0.name == "pw_base_storage" }
            #expect(backupItems.count == 2, "the seeded partner offers two backup storages")

            // 6: the storages' capabilities (OI-8).
            let infras = try await client.infrastructure(ids: backupItems.compactMap(\.infraID))
            #expect(infras.count == 2)
            #expect(infras.allSatisfy { $0.capabilities.contains("backup") })
            #expect(Set(infras.map(\.platformOwned)) == [true, false])

            // 7a: two backup storages → 1015, and nothing changes (OI-5).
            let counts = catalogue.filter { ["pw_base_workstations", "pw_base_servers"].contains($0.name) }
            let quotaItems = counts.map {
                OfferingItemUpdate(applicationID: $0.applicationID, name: $0.name, status: 1, quota: Quota(value: 25, overage: nil, version: 0))
            }
            let storageItems = backupItems.map {
                OfferingItemUpdate(applicationID: $0.applicationID, name: $0.name, status: 1, infraID: $0.infraID)
            }
            let conflict = await #expect(throws: DCAPIError.self) {
                try await client.setOfferingItems(of: customer.id, quotaItems + storageItems)
            }
            #expect(conflict?.isStorageConflict == true)
            #expect(conflict?.acronisCode == 1015)
            let afterConflict = try await client.offeringItems(of: customer.id, edition: .all)
            #expect(afterConflict.filter(\.isEnabled).isEmpty, "a rejected PUT changes nothing")

            // 7b: one storage succeeds; quotas are stored.
            let stored = try await client.setOfferingItems(of: customer.id, quotaItems + [storageItems[0]])
            let enabled = try await client.offeringItems(of: customer.id, edition: .perWorkload).filter(\.isEnabled)
            #expect(Set(enabled.map(\.name)) == ["pw_base_workstations", "pw_base_servers", "pw_base_storage"])
            #expect(enabled.first { $0.name == "pw_base_servers" }?.quota?.value == 25)
            #expect(!stored.isEmpty)
            // OI-7: enabling an item binds its application.
            #expect(try await client.applicationIDs(of: customer.id).contains(counts[0].applicationID))

            // 10–11: login free, create the admin (USR-1, USR-2).
            let login = "admin.\(UUID().uuidString.prefix(8).lowercased())"
            #expect(try await client.checkLogin(login) == .available)
            let user = try await client.createUser(
                UserCreation(tenantID: customer.id, login: login, contact: UserContact(email: "\(login)@example.com", firstname: "Ann", lastname: "Lee")))
            #expect(user.activated == false)
            let personalTenant = try #require(user.personalTenantID)
            #expect(try await client.checkLogin(login) == .taken)

            // 12: company_admin (USR-3), read back.
            _ = try await client.setAccessPolicies(ofUser: user.id, [AccessPolicy(role: .companyAdmin, tenantID: customer.id, userID: user.id)])
            let policies = try await client.accessPolicies(ofUser: user.id)
            #expect(policies.map(\.roleID) == [.companyAdmin])
            #expect(policies.first?.tenantID == customer.id)

            // 13: a weak password is rejected, a strong one activates (USR-4).
            let weak = await #expect(throws: DCAPIError.self) {
                try await client.setPassword(ofUser: user.id, to: Secret("\(login)1"))
            }
            #expect(weak?.status == 400)
            #expect(try await client.user(id: user.id).activated == false)
            try await client.setPassword(ofUser: user.id, to: Secret("Vq7#mT2!xR9p"))
            #expect(try await client.user(id: user.id).activated == true)

            // 14: registration token in the personal tenant, official scope (REG-1, REG-3).
            let token = try await client.createRegistrationToken(in: personalTenant, .backupAgentAdmin(expiresIn: 3 * 86400))
            #expect(token.token.wholeMatch(of: /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/) != nil)
            #expect(Int(token.tenantID) != nil, "tenant_id is the numeric id")
            #expect(token.tenantUUID == personalTenant)
            #expect(try await client.registrationTokens(in: personalTenant).map(\.id).contains(token.id))

            // REG-2: more than a year is refused.
            let tooLong = await #expect(throws: DCAPIError.self) {
                try await client.createRegistrationToken(in: personalTenant, .backupAgentAdmin(expiresIn: RegistrationTokenRequest.maximumLifetimeSeconds + 1))
            }
            #expect(tooLong?.status == 400)
        }
    }
}
