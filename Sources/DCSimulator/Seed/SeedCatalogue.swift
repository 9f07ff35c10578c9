/// The DC-wide catalogue: applications, storages and offering items of all editions (§4.1, §4.2, §4.4, OI-8).
enum SeedCatalogue {
    private static let cyberProtection = SimulatorSeed.cyberProtectionApplication
    private static let fileSyncShare = SimulatorSeed.fileSyncShareApplication

    /// Applications (ids from the [SPEC] example `applicationsList`, §4.1).
    static let applications: [Application] = [
        Application(
            id: SimulatorSeed.cyberProtectionApplication,
            name: "Cyber Protection",
            type: "backup",
            usages: [
                "workstations", "servers", "vms", "mobiles", "mailboxes", "gsuite_seats", "websites",
                "web_hosting_servers", "storage", "dr_storage", "compute_points", "dr_cloud_servers",
                "dr_internet_access", "local_storage", "adv_backup_workstations", "adv_backup_servers",
                "adv_management", "adv_security", "adv_email_security",
            ],
            apiBaseURL: "/bc/"
        ),
        Application(
            id: SimulatorSeed.platformApplication,
            name: "Platform",
            type: "platform",
            usages: [],
            apiBaseURL: "/api/2/"
        ),
        Application(
            id: SimulatorSeed.fileSyncShareApplication,
            name: "File Sync & Share",
            type: "files_cloud",
            usages: ["fc_seats", "fc_storage"],
            apiBaseURL: "/fc/"
        ),
    ]

    /// Storages: two backup storages on different infras (one platform-owned, one partner-owned) and one DR
    /// storage (OI-8, [SH-EX] 04).
    static let infras: [Infra] = [
        Infra(
            id: SimulatorSeed.hostedBackupStorage,
            ownerTenantID: SimulatorSeed.rootTenant,
            locationID: SimulatorSeed.locationEU2,
            platformOwned: true,
            name: "Acronis Hosted EU2 Storage",
            url: "acronis+fes://storage-eu2.dcsim.invalid:44445",
            capabilities: ["backup"],
            contentURL: "https://browse-eu2.dcsim.invalid/",
            backendType: "azure",
            version: 3,
            readonly: false
        ),
        Infra(
            id: SimulatorSeed.partnerBackupStorage,
            ownerTenantID: SimulatorSeed.partnerTenant,
            locationID: SimulatorSeed.locationPartnerDC,
            platformOwned: false,
            name: "Sim Partner Storage",
            url: "acronis+fes://storage.sim-partner.invalid:44445",
            capabilities: ["backup"],
            contentURL: nil,
            backendType: nil,
            version: 1,
            readonly: false
        ),
        Infra(
            id: SimulatorSeed.hostedDisasterRecoveryStorage,
            ownerTenantID: SimulatorSeed.rootTenant,
            locationID: SimulatorSeed.locationEU2,
            platformOwned: true,
            name: "Acronis Hosted EU2 Disaster Recovery",
            url: "acronis+dr://dr-eu2.dcsim.invalid:443",
            capabilities: ["disaster_recovery"],
            contentURL: nil,
            backendType: "azure",
            version: 2,
            readonly: false
        ),
    ]

    private static func count(_ name: String, _ edition: String?, _ usage: String, unit: String = "quantity")
        -> CatalogueItem
    {
        CatalogueItem(
            applicationID: cyberProtection,
            name: name,
            edition: edition,
            usageName: usage,
            type: .count,
            measurementUnit: unit,
            infraID: nil
        )
    }

    private static func feature(_ name: String, _ edition: String?, _ usage: String) -> CatalogueItem {
        CatalogueItem(
            applicationID: cyberProtection,
            name: name,
            edition: edition,
            usageName: usage,
            type: .feature,
            measurementUnit: "n/a",
            infraID: nil
        )
    }

    private static func storage(_ name: String, _ edition: String?, _ usage: String, on infra: String) -> CatalogueItem {
        CatalogueItem(
            applicationID: cyberProtection,
            name: name,
            edition: edition,
            usageName: usage,
            type: .infra,
            measurementUnit: "bytes",
            infraID: infra
        )
    }

    /// Offering items of every edition (§4.2, §4.4): `pck_per_workload` (`pw_*`), `pck_per_gigabyte` (`pg_*`),
    /// legacy `standard`, and edition-less items (`local_storage`, File Sync & Share).
    static let items: [CatalogueItem] = {
        let pw = "pck_per_workload"
        let pg = "pck_per_gigabyte"
        let standard = "standard"
        let hosted = SimulatorSeed.hostedBackupStorage
        let partner = SimulatorSeed.partnerBackupStorage
        return [
            count("pw_base_workstations", pw, "workstations"),
            count("pw_base_servers", pw, "servers"),
            count("pw_base_vms", pw, "vms"),
            count("pw_base_mobiles", pw, "mobiles"),
            count("pw_base_m365_seats", pw, "mailboxes"),
            count("pw_base_gworkspace_seats", pw, "gsuite_seats"),
            count("pw_base_websites", pw, "websites"),
            count("pw_base_web_hosting_servers", pw, "web_hosting_servers"),
            storage("pw_base_storage", pw, "storage", on: hosted),
            storage("pw_base_storage", pw, "storage", on: partner),
            storage("pw_base_adv_dr_storage", pw, "dr_storage", on: SimulatorSeed.hostedDisasterRecoveryStorage),
            count("pw_base_adv_dr_compute_points", pw, "compute_points", unit: "seconds"),
            count("pw_base_adv_dr_cloud_servers", pw, "dr_cloud_servers"),
            feature("pw_base_adv_dr_internet_access", pw, "dr_internet_access"),
            count("pw_pack_adv_backup_workstations", pw, "adv_backup_workstations"),
            count("pw_pack_adv_backup_servers", pw, "adv_backup_servers"),
            feature("pw_pack_adv_management", pw, "adv_management"),
            feature("pw_pack_adv_security", pw, "adv_security"),
            count("pw_pack_adv_email_security", pw, "adv_email_security"),
            count("pg_base_workstations", pg, "workstations"),
            count("pg_base_servers", pg, "servers"),
            count("pg_base_vms", pg, "vms"),
            count("pg_base_mobiles", pg, "mobiles"),
            count("pg_base_m365_seats", pg, "mailboxes"),
            count("pg_base_gworkspace_seats", pg, "gsuite_seats"),
            count("pg_base_websites", pg, "websites"),
            storage("pg_base_storage", pg, "storage", on: hosted),
            storage("pg_base_storage", pg, "storage", on: partner),
            count("workstations", standard, "workstations"),
            count("servers", standard, "servers"),
            count("vms", standard, "vms"),
            count("mobiles", standard, "mobiles"),
            storage("storage", standard, "storage", on: hosted),
            storage("storage", standard, "storage", on: partner),
            feature("local_storage", nil, "local_storage"),
            CatalogueItem(
                applicationID: fileSyncShare,
                name: "fc_seats",
                edition: nil,
                usageName: "fc_seats",
                type: .count,
                measurementUnit: "quantity",
                infraID: nil
            ),
            CatalogueItem(
                applicationID: fileSyncShare,
                name: "fc_storage",
                edition: nil,
                usageName: "fc_storage",
                type: .count,
                measurementUnit: "bytes",
                infraID: nil
            ),
        ]
    }()
}
