@testable import OnboardCore

/// Requests, tenants and resolved services for the planner's pure parts.
enum PlanFixture {
    static func request(
        name: String = "Contoso Ltd", key: String = "crm-4711", login: String = "contoso.admin", password: String? = nil,
        activation: OnboardingRequest.Activation = .password, roles: [String] = ["company_admin"], tokenDays: Int = 3
    ) -> OnboardingRequest {
        OnboardingRequest(
            key: key, keyWasDerived: false, partner: "eu2",
            customer: .init(name: name, language: "en", contact: .init(email: "it@contoso.example", firstname: "Ann", lastname: "Lee", phone: nil)),
            services: .profile("standard-per-workload"),
            admin: .init(
                login: login, email: "admin@contoso.example", firstname: "Ann", lastname: "Lee", roles: roles, activation: activation,
                password: password.map(Secret.init)),
            agent: .init(tokenValidDays: tokenDays, platforms: AgentPlatform.allCases))
    }

    static func tenant(
        _ name: String, id: String = "t-1", kind: TenantKind = .customer, customerID: String? = nil, internalTag: String? = nil
    ) -> Tenant {
        Tenant(id: id, version: 1, name: name, kind: kind, parentID: "partner", customerID: customerID, internalTag: internalTag)
    }

    /// The fixture catalogue's per-workload items resolved with the hosted storage.
    static func resolved(pricing: PricingMode = .trial, requireMFA: Bool = false) throws -> ResolvedServices {
        var profile = CatalogueFixture.profile([
            .init(name: "pw_base_servers", quota: QuotaAmount(value: 5)),
            .init(name: "pw_base_vms", quota: QuotaAmount(value: 10), overage: QuotaAmount(value: 2)),
            .init(name: "pw_base_workstations"),
            .init(name: "pw_base_storage", quota: QuotaAmount(parsing: "500GiB")),
        ])
        profile.pricing = pricing
        profile.requireMFA = requireMFA
        return try ServiceResolver.resolve(profile, catalogue: CatalogueFixture.catalogue, infrastructure: CatalogueFixture.infrastructure).get()
    }
}
