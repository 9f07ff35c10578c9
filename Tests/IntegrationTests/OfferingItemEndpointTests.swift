import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("Offering items through the client", .timeLimit(.minutes(1)))
struct OfferingItemEndpointTests {
    @Test("OI-1: the edition filter returns that edition plus edition-less items; * returns all")
    func editionFilter() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let partner = SimulatorSeed.partnerTenant
            let standard = try await client.offeringItems(of: partner, edition: .standard)
            let perGigabyte = try await client.offeringItems(of: partner, edition: .perGigabyte)
            let all = try await client.offeringItems(of: partner, edition: .all)
            #expect(standard.allSatisfy { $0.edition == .standard || $0.edition == nil })
            #expect(standard.contains { $0.edition == nil }, "edition-less items are always listed")
            #expect(perGigabyte.allSatisfy { $0.edition == .perGigabyte || $0.edition == nil })
            #expect(perGigabyte.contains { $0.name == "pg_base_storage" })
            #expect(Set(all.compactMap(\.edition)).isSuperset(of: [.standard, .perWorkload, .perGigabyte]))
        }
    }

    @Test("OI-3: a wrong quota version is 426; the right one bumps it")
    func quotaVersion() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let customer = SimulatorSeed.sampleCustomer
            let servers = try #require(try await client.offeringItems(of: customer, edition: .perWorkload).first { $0.name == "pw_base_servers" })
            let version = try #require(servers.quota?.version)
            let stale = await #expect(throws: DCAPIError.self) {
                try await client.setOfferingItems(of: customer, [
                    OfferingItemUpdate(applicationID: servers.applicationID, name: servers.name, status: 1, quota: Quota(value: 7, version: version + 1))
                ])
            }
            #expect(stale?.code == .quotaVersionMismatch)
            _ = try await client.setOfferingItems(of: customer, [
                OfferingItemUpdate(applicationID: servers.applicationID, name: servers.name, status: 1, quota: Quota(value: 7, version: version))
            ])
            let updated = try #require(try await client.offeringItems(of: customer, edition: .perWorkload).first { $0.name == "pw_base_servers" })
            #expect(updated.quota?.value == 7)
            #expect((updated.quota?.version ?? 0) > version)
        }
    }

    @Test("OI-4: a second edition of one application on a customer is refused")
    func oneEdition() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let item = try #require(try await client.offeringItemsAvailableForChild(of: SimulatorSeed.partnerTenant, edition: .perGigabyte).first { $0.name == "pg_base_servers" })
            let error = await #expect(throws: DCAPIError.self) {
                try await client.setOfferingItems(of: SimulatorSeed.sampleCustomer, [
                    OfferingItemUpdate(applicationID: item.applicationID, name: item.name, status: 1, quota: Quota(value: 1, version: 0))
                ])
            }
            #expect(error?.status == 400)
        }
    }

    @Test("OI-6: an item the parent does not offer is 1021")
    func unavailableItem() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let customer = try await client.createTenant(TenantCreation(name: uniqueName("Unavailable"), parentID: SimulatorSeed.partnerTenant))
            let error = await #expect(throws: DCAPIError.self) {
                try await client.setOfferingItems(of: customer.id, [
                    OfferingItemUpdate(applicationID: "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb", name: "pw_base_no_such_item", status: 1)
                ])
            }
            #expect(error?.isItemUnavailable == true)
        }
    }

    @Test("OI-8: a storage is readable by id")
    func infraByID() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let storage = try await client.infrastructure(id: SimulatorSeed.hostedBackupStorage)
            #expect(storage.platformOwned)
            #expect(storage.capabilities.contains("backup"))
        }
    }
}
