@testable import OnboardCore

/// A partner catalogue like the simulator's: per-workload items, two backup storages, one DR storage.
enum CatalogueFixture {
    static let app = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb"
    static let hosted = Infra(id: "infra-hosted", name: "Hosted Storage", ownerTenantID: nil, locationID: "loc-1", platformOwned: true, capabilities: ["backup"], backendType: nil)
    static let partner = Infra(id: "infra-partner", name: "Partner Storage", ownerTenantID: "p", locationID: "loc-2", platformOwned: false, capabilities: ["backup"], backendType: nil)
    static let disasterRecovery = Infra(id: "infra-dr", name: "DR Site", ownerTenantID: nil, locationID: "loc-1", platformOwned: true, capabilities: ["disaster_recovery"], backendType: nil)
    static let infrastructure = [hosted, partner, disasterRecovery]

    static func item(
        _ name: String, edition: Edition? = .perWorkload, unit: String = "quantity", infra: String? = nil, status: Int = 0, quota: Quota? = nil
    ) -> OfferingItem {
        OfferingItem(
            applicationID: app, name: name, edition: edition, usageName: name, tenantID: "t", status: status, locked: false, quota: quota,
            type: infra == nil ? .count : .infra, infraID: infra, measurementUnit: unit)
    }

    static let catalogue: [OfferingItem] = [
        item("pw_base_workstations"), item("pw_base_servers"), item("pw_base_vms"),
        item("pw_base_storage", unit: "bytes", infra: hosted.id), item("pw_base_storage", unit: "bytes", infra: partner.id),
        item("pw_base_adv_dr_storage", unit: "bytes", infra: disasterRecovery.id),
        item("local_storage", edition: nil, unit: "bytes"),
    ]

    static func profile(_ items: [ServiceProfile.Item], storage: StoragePolicy = .platformOwned) -> ServiceProfile {
        ServiceProfile(name: "test", edition: .perWorkload, items: items, storage: storage)
    }
}
