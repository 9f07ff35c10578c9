import DCSimulator
import Foundation
import Testing

@testable import OnboardCore

@Suite("Tenant endpoints through the client", .timeLimit(.minutes(1)))
struct TenantEndpointTests {
    @Test("TEN-2: a duplicate name is 1004, whatever the status knob says", arguments: [409, 400])
    func duplicateName(status: Int) async throws {
        try await withSimulator(["--dup-name-status", String(status)]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            let error = await #expect(throws: DCAPIError.self) {
                try await client.createTenant(TenantCreation(name: SimulatorSeed.fabrikamName, parentID: SimulatorSeed.partnerTenant))
            }
            #expect(error?.isNameTaken == true)
            #expect(error?.status == status)
        }
    }

    @Test("TEN-3, PAG-1: listing children follows cursors over small pages and misses nothing")
    func pagedChildren() async throws {
        try await withSimulator(["--page-size", "2"]) { simulator in
            let client = DCTestClient(simulator: simulator).client
            for index in 0..<5 {
                _ = try await client.createTenant(TenantCreation(name: uniqueName("Paged \(index)"), parentID: SimulatorSeed.partnerTenant))
            }
            let children = try await client.tenants(parentID: SimulatorSeed.partnerTenant)
            let ids = try await client.childIDs(of: SimulatorSeed.partnerTenant)
            #expect(children.count == 7, "2 seeded customers + 5 new ones")
            #expect(Set(children.map(\.id)) == Set(ids))
            #expect(children.contains { $0.id == SimulatorSeed.sampleCustomer })
            let pages = try await simulator.requests("GET", "/tenants")
            #expect(pages.count >= 4, "seven tenants at two per page take at least four pages")
            let byID = try await client.tenants(ids: [SimulatorSeed.sampleCustomer, SimulatorSeed.fabrikamCustomer])
            #expect(Set(byID.map(\.name)) == [SimulatorSeed.sampleCustomerName, SimulatorSeed.fabrikamName])
        }
    }

    @Test("TEN-4: search is a substring match; the exact name is filtered by the caller")
    func search() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let hits = try await client.search(text: "fabrik", under: SimulatorSeed.partnerTenant)
            #expect(hits.contains { $0.objectType == "tenant" && $0.id == SimulatorSeed.fabrikamCustomer })
        }
    }

    @Test("TEN-5, TEN-6: updates need the current version; delete needs version and a disabled tenant")
    func updateAndDelete() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let tenant = try await client.createTenant(TenantCreation(name: uniqueName("Versioned"), parentID: SimulatorSeed.partnerTenant))
            let renamed = try await client.updateTenant(id: tenant.id, TenantUpdate(version: tenant.version, internalTag: .value("onboard:k")))
            #expect(renamed.version > tenant.version)
            #expect(renamed.internalTag == "onboard:k")
            let stale = await #expect(throws: DCAPIError.self) {
                try await client.updateTenant(id: tenant.id, TenantUpdate(version: tenant.version, enabled: false))
            }
            #expect(stale?.code == .conflict)
            #expect(stale?.isVersionConflict == true)
            let enabledDelete = await #expect(throws: DCAPIError.self) {
                try await client.deleteTenant(id: tenant.id, version: renamed.version)
            }
            #expect(enabledDelete?.acronisCode == 1006)
            let disabled = try await client.updateTenant(id: tenant.id, TenantUpdate(version: renamed.version, enabled: false))
            try await client.deleteTenant(id: tenant.id, version: disabled.version)
            let gone = await #expect(throws: DCAPIError.self) { try await client.tenant(id: tenant.id) }
            #expect(gone?.code == .notFound)
        }
    }

    @Test("TEN-7, TEN-8: trial → production; production → trial refused; MFA on")
    func pricingAndMFA() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let tenant = try await client.createTenant(TenantCreation(name: uniqueName("Pricing"), parentID: SimulatorSeed.partnerTenant))
            let pricing = try await client.pricing(of: tenant.id)
            #expect(pricing.mode == .trial)
            let production = try await client.setPricing(of: tenant.id, TenantPricingUpdate(mode: .production, version: pricing.version))
            #expect(production.mode == .production)
            let back = await #expect(throws: DCAPIError.self) {
                try await client.setPricing(of: tenant.id, TenantPricingUpdate(mode: .trial, version: production.version))
            }
            #expect(back?.status == 400)
            #expect(try await client.mfaStatus(of: tenant.id).isEnabled == false)
            #expect(try await client.setMFA(of: tenant.id, enabled: true).isEnabled)
            #expect(try await client.mfaStatus(of: tenant.id).isEnabled)
        }
    }

    @Test("GEN-2: a tenant outside the partner's subtree is forbidden")
    func outsideSubtree() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let error = await #expect(throws: DCAPIError.self) { try await client.tenant(id: SimulatorSeed.otherPartnerCustomer) }
            #expect(error?.code == .forbidden)
            #expect(error?.description.contains("outside the partner tenant") == true)
        }
    }

    @Test("applications: list, bind and unbind")
    func applications() async throws {
        try await withSimulator { simulator in
            let client = DCTestClient(simulator: simulator).client
            let applications = try await client.applications()
            let platform = try #require(applications.first { $0.name == "Platform" })
            let tenant = try await client.createTenant(TenantCreation(name: uniqueName("Bindings"), parentID: SimulatorSeed.partnerTenant))
            try await client.bindApplication(platform.id, to: tenant.id)
            #expect(try await client.applicationIDs(of: tenant.id).contains(platform.id))
            try await client.unbindApplication(platform.id, from: tenant.id)
            #expect(try await !client.applicationIDs(of: tenant.id).contains(platform.id))
        }
    }
}
