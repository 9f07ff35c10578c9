import Foundation
import Logging
import Synchronization

/// Executes the steps of one onboarding against its partner's DC.
///
/// Every step reconciles before it acts: it first looks for what an earlier attempt (before a
/// crash, or a POST whose outcome was unknown) may have created, and adopts it. So a step can run
/// any number of times and the DC still ends with exactly one tenant, one user and one token.
struct OnboardingStepRunner: Sendable {
    let record: OnboardingRecord
    let request: OnboardingRequest
    let account: PartnerAccount
    let partnerTenants: PartnerTenantCache
    let services: ServiceSource
    let store: OnboardingStore
    let logger: Logger
    /// The services resolved by the first step that needed them, reused by the later steps of the
    /// same run (the partner's catalogue does not change between two steps).
    private let resolution = ResolutionMemo()

    /// What a step obtained: ids for the step row, and a sentence for the onboarding's log.
    struct Outcome: Sendable {
        var summary: String
        var outputs: [String: String] = [:]
    }

    private var client: DCClient { account.client }

    /// The marker onboard writes into the tenants it creates (acronis-api.md §3.1, correlation key).
    var internalTag: String { TenantLookup.marker(forKey: request.key) }

    func run(_ step: OnboardingStep) async throws(StepFailure) -> Outcome {
        do {
            switch step {
            case .createTenant: return try await createTenant()
            case .configureServices: return try await configureServices()
            case .configureTenantSettings: return try await configureTenantSettings()
            case .createAdmin: return try await createAdmin()
            case .assignRoles: return try await assignRoles()
            case .activateAdmin: return try await activateAdmin()
            case .createRegistrationToken: return try await createRegistrationToken()
            case .verify: return try await verify()
            }
        } catch let failure as StepFailure {
            throw failure
        } catch let error as DCAPIError {
            throw StepFailure(error)
        } catch {
            throw StepFailure.transient("store_error", "the onboarding database failed: \(error)")
        }
    }

    // MARK: - Tenant

    private func createTenant() async throws -> Outcome {
        let partner = try await partnerTenants.tenantID(of: account)
        if let known = try await currentRecord().tenantID, let tenant = try? await client.tenant(id: known) {
            return Outcome(summary: "tenant \(tenant.id) already created", outputs: ["tenant_id": tenant.id])
        }
        if let ours = try await findOurTenant(under: partner) {
            try await store.setResourceIDs(of: record.id, tenantID: ours.id)
            return Outcome(summary: "adopted tenant \(ours.id) created by an earlier attempt", outputs: ["tenant_id": ours.id])
        }
        let contact = TenantContact(
            email: request.customer.contact.email, firstname: request.customer.contact.firstname,
            lastname: request.customer.contact.lastname, phone: request.customer.contact.phone, types: ["legal", "primary"])
        let creation = TenantCreation(
            name: request.customer.name, parentID: partner, kind: .customer, contact: contact, customerID: request.key,
            internalTag: internalTag, language: request.customer.language)
        let result = await attempt { () async throws(DCAPIError) in try await client.createTenant(creation) }
        if case .failure(let error) = result, error.isNameTaken {
            // The name is taken somewhere we cannot see (global uniqueness) or by a tenant created meanwhile.
            if let ours = try await findOurTenant(under: partner) {
                try await store.setResourceIDs(of: record.id, tenantID: ours.id)
                return Outcome(summary: "adopted tenant \(ours.id)", outputs: ["tenant_id": ours.id])
            }
            throw StepFailure(
                kind: .permanent, code: "tenant_name_taken",
                message: "the data centre refused the name \"\(request.customer.name)\" (error 1004): another tenant uses it and it was not created by onboard for key \"\(request.key)\"; onboard never adopts a tenant that is not its own. Rename the customer in the request, or remove the other tenant, then retry",
                acronisCode: 1004)
        }
        let tenant = try result.get()
        try await store.setResourceIDs(of: record.id, tenantID: tenant.id)
        return Outcome(summary: "created tenant \(tenant.id)", outputs: ["tenant_id": tenant.id])
    }

    /// Our tenant under the partner, or a failure if the name belongs to someone else (``TenantLookup``).
    private func findOurTenant(under partner: String) async throws -> Tenant? {
        switch TenantLookup.find(name: request.customer.name, marker: internalTag, among: try await client.tenants(parentID: partner)) {
        case .ours(let ours):
            return ours
        case .stranger(let stranger):
            throw StepFailure(
                kind: .permanent, code: "tenant_name_taken",
                message: "\(TenantLookup.strangerProblem(stranger, key: request.key)). \(TenantLookup.strangerFix), then retry")
        case .none:
            return nil
        }
    }

    // MARK: - Services

    private func resolvedServices() async throws -> ResolvedServices {
        if let known = resolution.value { return known }
        let resolved = try await resolveServices()
        resolution.value = resolved
        return resolved
    }

    private func resolveServices() async throws -> ResolvedServices {
        let partner = try await partnerTenants.tenantID(of: account)
        let profile = try await services.profile(for: request.services, partnerTenantID: partner, client: client)
        switch try await PartnerCatalogue.resolve(profile, partnerTenantID: partner, client: client) {
        case .success(let resolved): return resolved
        case .failure(let problems):
            throw StepFailure.permanent("services_unresolvable", "the services cannot be applied: \(problems.description)")
        }
    }

    private func configureServices() async throws -> Outcome {
        let tenantID = try await requireTenantID()
        let resolved = try await resolvedServices()
        // A 426 means a quota version changed between our read and our write: read again, once.
        for _ in 1...2 {
            let current = try await client.offeringItems(of: tenantID, edition: .all)
            let updates = OfferingItemsDiff.updates(desired: resolved, current: current)
            if updates.isEmpty {
                return Outcome(summary: "offering items already as planned (\(resolved.items.count) items)")
            }
            let result = await attempt { () async throws(DCAPIError) in _ = try await client.setOfferingItems(of: tenantID, updates) }
            if case .failure(let error) = result, error.code == .quotaVersionMismatch {
                logger.info("quota version changed meanwhile; re-reading", metadata: ["onboarding.id": "\(record.id)"])
                continue
            }
            try result.get()
            let storages = resolved.storageChoices.map(\.reason).joined(separator: "; ")
            return Outcome(
                summary: "enabled \(resolved.items.count) offering items of \(resolved.edition)" + (storages.isEmpty ? "" : "; storage: \(storages)"),
                outputs: ["edition": resolved.edition.rawValue])
        }
        throw StepFailure.transient("quota_version_conflict", "the quota versions kept changing while onboard set them (HTTP 426); it will try again")
    }

    private func configureTenantSettings() async throws -> Outcome {
        let tenantID = try await requireTenantID()
        let resolved = try await resolvedServices()
        var done: [String] = []
        if resolved.pricing == .production {
            let pricing = try await client.pricing(of: tenantID)
            if pricing.mode != .production {
                _ = try await client.setPricing(of: tenantID, TenantPricingUpdate(mode: .production, version: pricing.version))
                done.append("pricing set to production")
            }
        }
        if resolved.requireMFA, try await !client.mfaStatus(of: tenantID).isEnabled {
            _ = try await client.setMFA(of: tenantID, enabled: true)
            done.append("two-factor authentication required")
        }
        return Outcome(summary: done.isEmpty ? "nothing to change (pricing \(resolved.pricing), MFA \(resolved.requireMFA ? "on" : "off"))" : done.joined(separator: "; "))
    }

    // MARK: - Admin user

    private func createAdmin() async throws -> Outcome {
        let tenantID = try await requireTenantID()
        let login = request.admin.login
        switch try await AdminLookup.find(login: login, inTenant: tenantID, client: client) {
        case .ours(let ours):
            try await store.setResourceIDs(of: record.id, userID: ours.id, personalTenantID: ours.personalTenantID)
            return Outcome(summary: "adopted user \(ours.id) (\(ours.login))", outputs: ["user_id": ours.id])
        case .available:
            break
        case .taken:
            throw StepFailure.permanent(
                "login_taken",
                "the login \"\(login)\" belongs to a user outside this customer's tenant; choose another admin.login and retry")
        case .invalid(let reason):
            throw StepFailure.permanent("login_invalid", "the data centre refuses the login \"\(login)\": \(reason); choose another admin.login")
        }
        let user = try await client.createUser(UserCreation(
            tenantID: tenantID, login: login,
            contact: UserContact(email: request.admin.email, firstname: request.admin.firstname, lastname: request.admin.lastname),
            language: request.customer.language))
        try await store.setResourceIDs(of: record.id, userID: user.id, personalTenantID: user.personalTenantID)
        return Outcome(summary: "created user \(user.id) (\(user.login))", outputs: ["user_id": user.id])
    }

    private func assignRoles() async throws -> Outcome {
        let tenantID = try await requireTenantID()
        let userID = try await requireUserID()
        let existing = try await client.accessPolicies(ofUser: userID)
        let missing = request.admin.roles.filter { role in !existing.contains { $0.roleID.rawValue == role && $0.tenantID == tenantID } }
        guard !missing.isEmpty else { return Outcome(summary: "roles already assigned: \(request.admin.roles.joined(separator: ", "))") }
        let added = missing.map { AccessPolicy(role: RoleID(rawValue: $0), tenantID: tenantID, userID: userID) }
        _ = try await client.setAccessPolicies(ofUser: userID, existing + added)
        return Outcome(summary: "assigned \(missing.joined(separator: ", "))")
    }

    private func activateAdmin() async throws -> Outcome {
        let userID = try await requireUserID()
        let user = try await client.user(id: userID)
        if user.activated { return Outcome(summary: "user already active") }
        switch request.admin.activation {
        case .password:
            let password = try await adminPassword()
            let result = await attempt { () async throws(DCAPIError) in try await client.setPassword(ofUser: userID, to: password) }
            if case .failure(let error) = result, error.status == 400 {
                throw StepFailure(
                    kind: .permanent, code: "password_rejected",
                    message: "the data centre refused the admin password: \(error.message); give a stronger admin.password (or none, to have one generated) and retry",
                    acronisCode: error.acronisCode)
            }
            try result.get()
            return Outcome(summary: "password set; the user is active (read it with the credentials call)")
        case .email:
            if try await store.steps(of: record.id).first(where: { $0.step == .activateAdmin })?.outputs["activation_email"] == "sent" {
                return Outcome(summary: "activation e-mail already sent")
            }
            try await client.sendActivationEmail(toUser: userID)
            return Outcome(summary: "activation e-mail sent to \(request.admin.email)", outputs: ["activation_email": "sent"])
        }
    }

    /// The password given with the request (stored at submission), or one generated now and
    /// stored before it is sent, so the operator can always read the password that was set.
    private func adminPassword() async throws -> Secret {
        if let stored = try await store.credentials(of: record.id)?.adminPassword { return stored }
        let generated = PasswordGenerator.generate(avoiding: request.passwordContext)
        try await store.storeCredentials(of: record.id, OnboardingCredentials(adminPassword: generated))
        return generated
    }

    // MARK: - Registration token

    private func createRegistrationToken() async throws -> Outcome {
        if let stored = try await store.credentials(of: record.id), stored.registrationToken != nil, let id = stored.registrationTokenID {
            return Outcome(summary: "registration token \(id) already created", outputs: ["registration_token_id": String(id)])
        }
        let personalTenant = try await requirePersonalTenantID()
        let request = RegistrationTokenRequest.backupAgentAdmin(expiresIn: self.request.agent.tokenValiditySeconds)
        // An earlier attempt may have created a token and died before storing it (a crash, or a
        // POST whose outcome was unknown): adopt it rather than issue a second one.
        let attempts = try await store.steps(of: record.id).first { $0.step == .createRegistrationToken }?.attempts ?? 1
        if attempts > 1, let earlier = try await tokenFromEarlierAttempt(in: personalTenant, scopes: request.scopes) {
            try await storeToken(earlier)
            return Outcome(
                summary: "adopted registration token \(earlier.id) created by an earlier attempt, valid until \(earlier.expiresAt)",
                outputs: ["registration_token_id": String(earlier.id)])
        }
        let token = try await client.createRegistrationToken(in: personalTenant, request)
        try await storeToken(token)
        return Outcome(summary: "registration token \(token.id) created, valid until \(token.expiresAt)", outputs: ["registration_token_id": String(token.id)])
    }

    /// The newest unexpired token with our scopes issued in the admin's personal tenant since this
    /// onboarding was submitted. The personal tenant is the admin's own, created by this onboarding.
    private func tokenFromEarlierAttempt(in personalTenant: String, scopes: [String]) async throws -> RegistrationToken? {
        let now = Date()
        let candidates = try await client.registrationTokens(in: personalTenant).filter { token in
            guard Set(scopes).isSubset(of: Set(token.scopes)),
                let expires = Timestamp.date(token.expiresAt), expires > now,
                let created = token.createdAt.flatMap(Timestamp.date), created >= record.createdAt.addingTimeInterval(-5)
            else { return false }
            return true
        }
        return candidates.max { ($0.createdAt ?? "") < ($1.createdAt ?? "") }
    }

    private func storeToken(_ token: RegistrationToken) async throws {
        try await store.storeCredentials(of: record.id, OnboardingCredentials(
            registrationToken: Secret(token.token), registrationTokenID: token.id, registrationTokenExpiresAt: token.expiresAt))
    }

    // MARK: - Verification

    private func verify() async throws -> Outcome {
        let tenantID = try await requireTenantID()
        let userID = try await requireUserID()
        var problems: [String] = []
        let tenant = try await client.tenant(id: tenantID)
        if tenant.enabled == false { problems.append("the tenant is disabled") }
        let resolved = try await resolvedServices()
        let remaining = OfferingItemsDiff.updates(desired: resolved, current: try await client.offeringItems(of: tenantID, edition: .all))
        if !remaining.isEmpty { problems.append("offering items differ from the plan: \(remaining.map(\.name).joined(separator: ", "))") }
        let user = try await client.user(id: userID)
        if user.tenantID != tenantID { problems.append("the admin user is not in the customer tenant") }
        if request.admin.activation == .password, !user.activated { problems.append("the admin user is not active") }
        let roles = Set(try await client.accessPolicies(ofUser: userID).filter { $0.tenantID == tenantID }.map(\.roleID.rawValue))
        let missingRoles = Set(request.admin.roles).subtracting(roles)
        if !missingRoles.isEmpty { problems.append("roles missing: \(missingRoles.sorted().joined(separator: ", "))") }
        let credentials = try await store.credentials(of: record.id)
        if let personalTenant = try await currentRecord().personalTenantID, let tokenID = credentials?.registrationTokenID {
            if try await !client.registrationTokens(in: personalTenant).contains(where: { $0.id == tokenID }) {
                problems.append("the registration token \(tokenID) is not listed by the data centre")
            }
        } else {
            problems.append("no registration token was recorded")
        }
        guard problems.isEmpty else {
            // Reads may lag behind writes (acronis-api.md §3.8): a transient failure polls again.
            throw StepFailure.transient("verification_failed", problems.joined(separator: "; "))
        }
        return Outcome(summary: "verified: tenant, \(resolved.items.count) offering items, storage, admin, roles, activation and registration token")
    }

    /// Runs one DC call and returns its outcome as a value, so callers can inspect a failure
    /// without a typed `catch … where` clause.
    private func attempt<T>(_ call: () async throws(DCAPIError) -> T) async -> Result<T, DCAPIError> {
        do {
            return .success(try await call())
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Ids

    private func currentRecord() async throws -> OnboardingRecord {
        guard let current = try await store.record(id: record.id) else {
            throw StepFailure.permanent("onboarding_missing", "the onboarding \(record.id) is no longer in the database")
        }
        return current
    }

    private func requireTenantID() async throws -> String {
        guard let id = try await currentRecord().tenantID else {
            throw StepFailure.permanent("tenant_missing", "no tenant was recorded for this onboarding; retry it from the start")
        }
        return id
    }

    private func requireUserID() async throws -> String {
        guard let id = try await currentRecord().userID else {
            throw StepFailure.permanent("user_missing", "no admin user was recorded for this onboarding; retry it")
        }
        return id
    }

    private func requirePersonalTenantID() async throws -> String {
        let current = try await currentRecord()
        if let id = current.personalTenantID { return id }
        guard let userID = current.userID, let id = try await client.user(id: userID).personalTenantID else {
            throw StepFailure.permanent("personal_tenant_missing", "the admin user has no personal tenant, so no registration token can be issued for it")
        }
        try await store.setResourceIDs(of: record.id, personalTenantID: id)
        return id
    }
}

/// Holds the services resolved during one run of an onboarding's steps.
private final class ResolutionMemo: Sendable {
    private let stored = Mutex<ResolvedServices?>(nil)

    var value: ResolvedServices? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
