import Foundation

/// Builds the deterministic initial state (documented in `docs/simulator.md`).
enum SeedBuilder {
    /// When the seeded objects were "created".
    static let seedDate = Date(timeIntervalSince1970: 1_748_854_800)  // 2025-06-02T09:00:00Z

    /// The initial state for `options`.
    static func makeState(_ options: SeedOptions) -> SimState {
        var state = SimState(seed: options.seed)
        let at = seedDate
        state.applications = SeedCatalogue.applications
        state.catalogue = Dictionary(uniqueKeysWithValues: SeedCatalogue.items.map { ($0.key, $0) })
        state.infras = Dictionary(uniqueKeysWithValues: SeedCatalogue.infras.map { ($0.id, $0) })
        let allApplications = Set(SeedCatalogue.applications.map(\.id))

        func tenant(
            _ id: String,
            _ numericID: Int,
            _ name: String,
            parent: String?,
            kind: TenantKind,
            pricing: PricingMode = .production,
            contact: [String: JSON] = [:],
            customerID: String? = nil,
            internalTag: String? = nil,
            personal: Bool = false
        ) {
            let tenant = Tenant(
                id: id,
                numericID: numericID,
                version: 1,
                createdAt: at,
                updatedAt: at,
                deletedAt: nil,
                productionStartDate: pricing == .production ? at : nil,
                name: name,
                parentID: parent,
                kind: kind,
                contact: state.makeContact(contact, at: at),
                enabled: true,
                customerID: customerID,
                internalTag: internalTag,
                language: "en",
                pricingMode: pricing,
                isPersonal: personal
            )
            state.store(tenant, at: at)
        }

        tenant(SimulatorSeed.rootTenant, SimulatorSeed.rootNumericID, "Sim Root", parent: nil, kind: .root)
        tenant(
            SimulatorSeed.partnerTenant,
            SimulatorSeed.partnerNumericID,
            SimulatorSeed.partnerName,
            parent: SimulatorSeed.rootTenant,
            kind: .partner,
            contact: ["email": "ops@sim-partner.example", "firstname": "Pat", "lastname": "Partner", "types": ["legal"]]
        )
        tenant(
            SimulatorSeed.otherPartnerTenant,
            SimulatorSeed.otherPartnerNumericID,
            SimulatorSeed.otherPartnerName,
            parent: SimulatorSeed.rootTenant,
            kind: .partner
        )
        tenant(
            SimulatorSeed.otherPartnerCustomer,
            SimulatorSeed.otherPartnerCustomerNumericID,
            SimulatorSeed.otherPartnerCustomerName,
            parent: SimulatorSeed.otherPartnerTenant,
            kind: .customer
        )
        tenant(
            SimulatorSeed.sampleCustomer,
            SimulatorSeed.sampleCustomerNumericID,
            SimulatorSeed.sampleCustomerName,
            parent: SimulatorSeed.partnerTenant,
            kind: .customer,
            contact: [
                "email": "it@sample-customer.example", "firstname": "Sam", "lastname": "Sample", "country": "DE",
                "types": ["legal", "primary"],
            ]
        )
        tenant(
            SimulatorSeed.fabrikamCustomer,
            SimulatorSeed.fabrikamNumericID,
            SimulatorSeed.fabrikamName,
            parent: SimulatorSeed.partnerTenant,
            kind: .customer,
            pricing: .trial,
            contact: ["email": "ops@fabrikam.example", "firstname": "Jo", "lastname": "Berg", "types": ["legal"]],
            customerID: SimulatorSeed.fabrikamCustomerID,
            internalTag: "other-tool:fabrikam"
        )
        tenant(
            SimulatorSeed.sampleAdminPersonalTenant,
            SimulatorSeed.sampleAdminPersonalNumericID,
            "sample.admin",
            parent: SimulatorSeed.sampleCustomer,
            kind: .unit,
            personal: true
        )
        tenant(
            SimulatorSeed.fabrikamAdminPersonalTenant,
            SimulatorSeed.fabrikamAdminPersonalNumericID,
            "fabrikam.admin",
            parent: SimulatorSeed.fabrikamCustomer,
            kind: .unit,
            pricing: .trial,
            personal: true
        )

        // Offering items. The root offers the whole catalogue; both partners get it from there.
        func enabled(_ keys: [ItemKey], quota: (ItemKey) -> Quota? = { _ in Quota(value: nil, overage: nil, version: 0) })
            -> TenantItems
        {
            Dictionary(uniqueKeysWithValues: keys.map { ($0, ItemState(status: 1, quota: quota($0), updatedAt: at)) })
        }
        let everything = SeedCatalogue.items.map(\.key)
        state.store(items: enabled(everything), of: SimulatorSeed.rootTenant, at: at)
        // Sim Partner: every edition (partners may hold several, [BLOG-OI]).
        state.store(items: enabled(everything), of: SimulatorSeed.partnerTenant, at: at)
        // Other Partner: per-workload only, hosted storage only.
        let otherPartnerKeys = SeedCatalogue.items.filter {
            ($0.edition == "pck_per_workload" || $0.edition == nil)
                && ($0.infraID == nil || $0.infraID != SimulatorSeed.partnerBackupStorage)
        }.map(\.key)
        state.store(items: enabled(otherPartnerKeys), of: SimulatorSeed.otherPartnerTenant, at: at)

        // Sample customer: a realistic per-workload configuration with quotas and one backup storage.
        let cp = SimulatorSeed.cyberProtectionApplication
        func key(_ name: String, _ infra: String? = nil, app: String = cp) -> ItemKey {
            ItemKey(applicationID: app, name: name, infraID: infra)
        }
        let sampleQuotas: [ItemKey: Quota] = [
            key("pw_base_workstations"): Quota(value: 25, overage: 5, version: 1),
            key("pw_base_servers"): Quota(value: 5, overage: nil, version: 1),
            key("pw_base_vms"): Quota(value: 10, overage: nil, version: 1),
            key("pw_base_mobiles"): Quota(value: nil, overage: nil, version: 0),
            key("pw_base_m365_seats"): Quota(value: 50, overage: 10, version: 1),
            key("pw_base_storage", SimulatorSeed.hostedBackupStorage): Quota(
                value: 2_199_023_255_552,
                overage: nil,
                version: 1
            ),
            key("local_storage"): Quota(value: nil, overage: nil, version: 0),
        ]
        var sampleItems = TenantItems()
        for (itemKey, quota) in sampleQuotas {
            sampleItems[itemKey] = ItemState(status: 1, quota: quota, updatedAt: at)
        }
        sampleItems[key("pw_base_websites")] = ItemState(
            status: 0,
            quota: Quota(value: nil, overage: nil, version: 0),
            updatedAt: at
        )
        state.store(items: sampleItems, of: SimulatorSeed.sampleCustomer, at: at)

        // Fabrikam (created by another tool): per-workload basics on the hosted storage.
        let fabrikamKeys = [
            key("pw_base_workstations"), key("pw_base_servers"), key("pw_base_storage", SimulatorSeed.hostedBackupStorage),
        ]
        state.store(items: enabled(fabrikamKeys), of: SimulatorSeed.fabrikamCustomer, at: at)
        // Contoso under Other Partner.
        state.store(
            items: enabled([key("pw_base_workstations"), key("pw_base_storage", SimulatorSeed.hostedBackupStorage)]),
            of: SimulatorSeed.otherPartnerCustomer,
            at: at
        )

        // Application bindings (OI-7).
        for id in [SimulatorSeed.rootTenant, SimulatorSeed.partnerTenant, SimulatorSeed.otherPartnerTenant] {
            state.bindings[id] = allApplications
        }
        for id in [SimulatorSeed.sampleCustomer, SimulatorSeed.fabrikamCustomer, SimulatorSeed.otherPartnerCustomer] {
            state.bindings[id] = [cp, SimulatorSeed.platformApplication]
        }

        // Users.
        func user(
            _ id: String,
            tenant: String,
            login: String,
            contact: [String: JSON],
            activated: Bool,
            password: String?,
            personal: String?,
            role: String
        ) {
            var user = User(
                id: id,
                version: 1,
                tenantID: tenant,
                login: login,
                contact: state.makeContact(contact, at: at),
                activated: activated,
                enabled: true,
                createdAt: at,
                updatedAt: at,
                deletedAt: nil,
                language: "en",
                personalTenantID: personal,
                businessTypes: [],
                notifications: ["quota", "reports", "backup_error", "backup_warning", "backup_daily_report"],
                externalID: nil,
                disableAfter: nil,
                password: password,
                activationEmailSentAt: nil,
                accessPolicies: []
            )
            user.accessPolicies = [
                AccessPolicy(
                    id: state.rng.uuid(),
                    version: 1,
                    createdAt: at,
                    updatedAt: at,
                    trusteeID: id,
                    issuerID: SimulatorSeed.partnerAdminUser,
                    tenantID: tenant,
                    roleID: role
                )
            ]
            state.store(user, at: at)
        }
        user(
            SimulatorSeed.partnerAdminUser,
            tenant: SimulatorSeed.partnerTenant,
            login: SimulatorSeed.partnerAdminLogin,
            contact: ["email": "admin@sim-partner.example", "firstname": "Pat", "lastname": "Partner"],
            activated: true,
            password: options.adminPassword,
            personal: nil,
            role: "partner_admin"
        )
        user(
            SimulatorSeed.sampleAdminUser,
            tenant: SimulatorSeed.sampleCustomer,
            login: "sample.admin",
            contact: ["email": "admin@sample-customer.example", "firstname": "Sam", "lastname": "Sample"],
            activated: true,
            password: nil,
            personal: SimulatorSeed.sampleAdminPersonalTenant,
            role: "company_admin"
        )
        user(
            SimulatorSeed.fabrikamAdminUser,
            tenant: SimulatorSeed.fabrikamCustomer,
            login: "fabrikam.admin",
            contact: ["email": "admin@fabrikam.example", "firstname": "Jo", "lastname": "Berg"],
            activated: false,
            password: nil,
            personal: SimulatorSeed.fabrikamAdminPersonalTenant,
            role: "company_admin"
        )

        // API clients (AUTH-4).
        state.clients[options.clientID] = APIClient(
            clientID: options.clientID,
            secret: options.clientSecret,
            tenantID: SimulatorSeed.partnerTenant,
            name: "onboard",
            createdAt: at,
            createdBy: SimulatorSeed.partnerAdminUser,
            lastAccessAt: nil,
            lastAccessFromIP: nil
        )
        state.clients[SimulatorSeed.otherPartnerClientID] = APIClient(
            clientID: SimulatorSeed.otherPartnerClientID,
            secret: SimulatorSeed.otherPartnerClientSecret,
            tenantID: SimulatorSeed.otherPartnerTenant,
            name: "other-partner-integration",
            createdAt: at,
            createdBy: SimulatorSeed.partnerAdminUser,
            lastAccessAt: nil,
            lastAccessFromIP: nil
        )
        state.nextNumericTenantID = SimulatorSeed.firstCreatedNumericID
        return state
    }
}
