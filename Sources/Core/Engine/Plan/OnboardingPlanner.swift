/// The dry run of an onboarding: reads the DC, writes nothing, and says what the engine would do
/// with a request and everything that would stop it.
///
/// The planner decides with the same helpers as the engine's steps (``TenantLookup``, the partner
/// catalogue and ``ServiceResolver``, ``OfferingItemsDiff``, the admin lookup), so the plan is what
/// the steps will do. It sends only `GET` requests (and the token request of the partner account);
/// `check_login` is a `GET`.
///
/// Every problem that can be known before writing is reported at once, each with its fix: the
/// partner tenant unreadable, the customer name used by a tenant that is not ours, an unknown
/// profile, a template that is missing, ambiguous or has several editions, items the partner does
/// not offer, byte units on items not measured in bytes, storage policies matching no storage or
/// several, storages the DC would refuse together (1015, 1031), an edition conflict on an adopted
/// tenant, a login taken outside our tenant or refused by the DC, a password against the rules,
/// a token lifetime above one year.
///
/// The planner reads only the DC. Whether the engine already holds an onboarding with the same key
/// is the caller's to add.
public enum OnboardingPlanner {
    /// Plans `request` for the partner `account`, with the profiles of `services`.
    ///
    /// - Throws: Only a transient ``StepFailure`` (``StepFailure/Kind/transient``): the DC could not
    ///   be reached, was overloaded, or a list could not be read to its end. Planning again later can
    ///   help. Everything that is a fact about the request or the DC, refusals included (403, 404,
    ///   refused credentials), is a problem of the returned plan instead.
    public static func plan(
        request: OnboardingRequest, account: PartnerAccount, services: ServiceSource
    ) async throws(StepFailure) -> OnboardingPlan {
        var planning = Planning(request: request, account: account, services: services)
        return try await planning.run()
    }
}

/// One planning run: the reads, in order, collecting problems.
private struct Planning {
    let request: OnboardingRequest
    let account: PartnerAccount
    let services: ServiceSource
    var problems: [PlanProblem] = []

    init(request: OnboardingRequest, account: PartnerAccount, services: ServiceSource) {
        self.request = request
        self.account = account
        self.services = services
    }

    mutating func run() async throws(StepFailure) -> OnboardingPlan {
        let client = account.client
        let partnerID = try await read(
            "partner", "the partner tenant of the account \"\(account.name)\"",
            fix: "check the partner account's API client id and secret in the configuration, and that the client is enabled"
        ) { () async throws(DCAPIError) in try await client.apiClient().tenantID }

        var tenant: OnboardingPlan.TenantAction?
        var existing: Tenant?
        if let partnerID {
            (tenant, existing) = try await planTenant(partnerID: partnerID)
        }
        problems += RequestPlanChecks.problems(request, accountName: account.name, tenantName: existing?.name ?? request.customer.name)
        var servicesPlan: OnboardingPlan.ServicesPlan?
        if let partnerID { servicesPlan = try await planServices(partnerID: partnerID, existing: existing) }
        let (admin, roles) = try await planAdmin(existing: existing)

        let method: OnboardingPlan.ActivationPlan.Method =
            switch request.admin.activation {
            case .email: .email
            case .password: request.admin.password == nil ? .generatedPassword : .givenPassword
            }
        var alreadyActive = false
        if case .adopt(let user) = admin { alreadyActive = user.activated }
        return OnboardingPlan(
            key: request.key, partner: request.partner, customerName: request.customer.name, tenant: tenant, services: servicesPlan,
            admin: admin, roles: roles,
            activation: OnboardingPlan.ActivationPlan(
                method: method, email: method == .email ? request.admin.email : nil, alreadyActive: alreadyActive),
            registrationToken: OnboardingPlan.RegistrationTokenPlan(
                validDays: request.agent.tokenValidDays, expiresInSeconds: request.agent.tokenValiditySeconds, platforms: request.agent.platforms),
            problems: problems)
    }

    // MARK: - Tenant

    private mutating func planTenant(partnerID: String) async throws(StepFailure) -> (OnboardingPlan.TenantAction?, Tenant?) {
        let client = account.client
        let children = try await read(
            "customer.name", "the customers of the partner tenant \(partnerID)",
            fix: "check that the partner account's API client may list the partner's customers"
        ) { () async throws(DCAPIError) in try await client.tenants(parentID: partnerID) }
        guard let children else { return (nil, nil) }
        let marker = TenantLookup.marker(forKey: request.key)
        switch TenantLookup.find(name: request.customer.name, marker: marker, among: children) {
        case .ours(let ours):
            return (.adopt(OnboardingPlan.TenantAdoptionPlan(id: ours.id, name: ours.name, internalTag: marker)), ours)
        case .stranger(let stranger):
            problems.append(PlanProblem(
                area: "customer.name", code: "tenant_name_taken", problem: TenantLookup.strangerProblem(stranger, key: request.key),
                fix: TenantLookup.strangerFix))
            return (nil, nil)
        case .none:
            return (
                .create(OnboardingPlan.TenantCreationPlan(
                    name: request.customer.name, parentID: partnerID, customerID: request.key, internalTag: marker,
                    language: request.customer.language)),
                nil
            )
        }
    }

    // MARK: - Services

    private mutating func planServices(partnerID: String, existing: Tenant?) async throws(StepFailure) -> OnboardingPlan.ServicesPlan? {
        let client = account.client
        let profile: ServiceProfile
        do {
            profile = try await services.profile(for: request.services, partnerTenantID: partnerID, client: client)
        } catch {
            if error.kind == .transient { throw error }
            let field = if case .templateTenant = request.services { "services.template_tenant" } else { "services.profile" }
            problems += PlanProblem.problems(from: error, area: field)
            return nil
        }
        let resolution = try await read(
            ServicesPlanning.area(profile.name), "the offering items the partner offers its customers in \(profile.edition)",
            fix: "check that the partner account's API client may read the partner's offering items and storages"
        ) { () async throws(DCAPIError) in try await PartnerCatalogue.resolve(profile, partnerTenantID: partnerID, client: client) }
        guard let resolution else { return nil }
        let resolved: ResolvedServices
        switch resolution {
        case .success(let value):
            resolved = value
        case .failure(let found):
            problems += ServicesPlanning.problems(found, profile: profile.name)
            return nil
        }
        problems += ServicesPlanning.locationConflicts(resolved.storageChoices, profile: profile.name)
        var current: ServicesPlanning.CurrentTenant?
        if let existing { current = try await readCurrent(of: existing) }
        let plan = ServicesPlanning.plan(source: request.services, profile: profile.name, resolved: resolved, current: current)
        if let current, let updates = plan.updates {
            problems += ServicesPlanning.editionConflicts(resolved, current: current.items, updates: updates, profile: profile.name)
        }
        return plan
    }

    /// What our existing tenant has now: items, pricing, MFA.
    private mutating func readCurrent(of tenant: Tenant) async throws(StepFailure) -> ServicesPlanning.CurrentTenant? {
        let client = account.client
        let fix = "check that the customer tenant \(tenant.id) still exists and that the partner account's API client may read it"
        let items = try await read("tenant \(tenant.id)", "the offering items of the customer", fix: fix) { () async throws(DCAPIError) in
            try await client.offeringItems(of: tenant.id, edition: .all)
        }
        let pricing = try await read("tenant \(tenant.id)", "the pricing mode of the customer", fix: fix) { () async throws(DCAPIError) in
            try await client.pricing(of: tenant.id)
        }
        let mfa = try await read("tenant \(tenant.id)", "the two-factor status of the customer", fix: fix) { () async throws(DCAPIError) in
            try await client.mfaStatus(of: tenant.id)
        }
        guard let items, let pricing, let mfa else { return nil }
        return ServicesPlanning.CurrentTenant(items: items, pricing: pricing.mode, mfaEnabled: mfa.isEnabled)
    }

    // MARK: - Admin

    private mutating func planAdmin(existing: Tenant?) async throws(StepFailure) -> (OnboardingPlan.AdminAction?, [OnboardingPlan.RoleAssignment]) {
        let client = account.client
        let login = request.admin.login
        let unassigned = request.admin.roles.map { OnboardingPlan.RoleAssignment(role: $0, alreadyAssigned: false) }
        let lookup = try await read(
            "admin.login", "whether the login \"\(login)\" is free", fix: "check that the partner account's API client may read users"
        ) { () async throws(DCAPIError) in try await AdminLookup.find(login: login, inTenant: existing?.id, client: client) }
        guard let lookup else { return (nil, unassigned) }
        switch lookup {
        case .ours(let user):
            let policies = try await read(
                "admin.roles", "the roles of the user \(user.id)", fix: "check that the partner account's API client may read the user's roles"
            ) { () async throws(DCAPIError) in try await client.accessPolicies(ofUser: user.id) }
            let inTenant: [AccessPolicy] = (policies ?? []).filter { $0.tenantID == existing?.id }
            let assigned = Set(inTenant.map(\.roleID.rawValue))
            return (
                .adopt(OnboardingPlan.AdminAdoptionPlan(id: user.id, login: user.login, activated: user.activated)),
                request.admin.roles.map { OnboardingPlan.RoleAssignment(role: $0, alreadyAssigned: assigned.contains($0)) }
            )
        case .available:
            return (
                .create(OnboardingPlan.AdminCreationPlan(
                    login: login, email: request.admin.email, firstname: request.admin.firstname, lastname: request.admin.lastname)),
                unassigned
            )
        case .taken:
            problems.append(PlanProblem(
                area: "admin.login", code: "login_taken",
                problem: "the login \"\(login)\" belongs to a user outside this customer's tenant (logins are unique in the whole data centre)",
                fix: "choose another admin.login"))
        case .invalid(let reason):
            problems.append(PlanProblem(
                area: "admin.login", code: "login_invalid", problem: "the data centre refuses the login \"\(login)\": \(reason)",
                fix: "choose another admin.login"))
        }
        return (nil, unassigned)
    }

    // MARK: - Reads

    /// Runs one read. A refusal (anything not transient) becomes a problem at `area` and `nil`;
    /// a transient failure ends the planning.
    private mutating func read<T>(
        _ area: String, _ what: String, fix: String, _ call: () async throws(DCAPIError) -> T
    ) async throws(StepFailure) -> T? {
        do {
            return try await call()
        } catch {
            let failure = StepFailure(error)
            if failure.kind == .transient { throw failure }
            problems.append(PlanProblem(
                area: area, code: failure.code, problem: "\(what) could not be read: \(error.description)", fix: fix,
                acronisCode: error.acronisCode))
            return nil
        }
    }
}
