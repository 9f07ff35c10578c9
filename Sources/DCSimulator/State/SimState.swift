import Foundation

/// Per-request inputs of a state operation.
struct Operation: Sendable {
    /// The simulated time of the request.
    let now: Date
    /// The configuration in force for this request.
    let config: SimulatorConfiguration
    /// The authenticated caller (`nil` only for test hooks).
    let caller: Principal?

    /// The moment reads look at: `now − readAfterWriteLagMs` (§3.8, §10 #16).
    var readCutoff: Date { now.addingTimeInterval(-Double(config.readAfterWriteLagMs) / 1000) }

    /// The caller, or 401 if there is none.
    func requireCaller() throws -> Principal {
        guard let caller else { throw APIError.unauthorized("Authentication is required") }
        return caller
    }
}

/// The whole in-memory state of one simulated data centre.
///
/// A value type guarded by a `Mutex` in ``DCSimulator``; every operation runs atomically, so a rejected request
/// changes nothing (OI-2 … OI-6 need atomic PUTs).
struct SimState: Sendable {
    var tenants: [String: History<Tenant>] = [:]
    var users: [String: History<User>] = [:]
    var items: [String: History<TenantItems>] = [:]
    /// Applications bound to each tenant (OI-7, §4.1).
    var bindings: [String: Set<String>] = [:]
    /// The DC-wide catalogue (the root tenant's offering).
    var catalogue: [ItemKey: CatalogueItem] = [:]
    var infras: [String: Infra] = [:]
    var applications: [Application] = []
    var clients: [String: APIClient] = [:]
    var accessTokens: [String: AccessToken] = [:]
    var registrationTokens: [RegistrationToken] = []
    var nextNumericTenantID = 2_204_001
    var nextRegistrationTokenID = 5_501
    var rng: SeededGenerator

    init(seed: UInt64) {
        rng = SeededGenerator(seed: seed)
    }

    // MARK: Current state (what writes see)

    /// The current, non-deleted tenant `id`.
    func tenant(_ id: String) -> Tenant? {
        guard let tenant = tenants[id]?.current, !tenant.isDeleted else { return nil }
        return tenant
    }

    /// The current, non-deleted user `id`.
    func user(_ id: String) -> User? {
        guard let user = users[id]?.current, !user.isDeleted else { return nil }
        return user
    }

    /// The current items stored on tenant `id`.
    func storedItems(_ id: String) -> TenantItems { items[id]?.current ?? [:] }

    /// All current tenants, including deleted ones, ordered by numeric id.
    var allTenants: [Tenant] {
        tenants.values.compactMap(\.current).sorted { $0.numericID < $1.numericID }
    }

    /// All current users, including deleted ones, ordered by creation.
    var allUsers: [User] {
        users.values.compactMap(\.current).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    // MARK: Lagged state (what reads see)

    /// Tenant `id` as reads see it (read-after-write lag).
    func visibleTenant(_ id: String, _ op: Operation, allowDeleted: Bool = false) -> Tenant? {
        guard let tenant = tenants[id]?.value(asOf: op.readCutoff) else { return nil }
        if tenant.isDeleted && !allowDeleted { return nil }
        return tenant
    }

    /// User `id` as reads see it (read-after-write lag).
    func visibleUser(_ id: String, _ op: Operation, allowDeleted: Bool = false) -> User? {
        guard let user = users[id]?.value(asOf: op.readCutoff) else { return nil }
        if user.isDeleted && !allowDeleted { return nil }
        return user
    }

    /// Items of tenant `id` as reads see them (read-after-write lag).
    func visibleItems(_ id: String, _ op: Operation) -> TenantItems {
        items[id]?.value(asOf: op.readCutoff) ?? [:]
    }

    // MARK: Writes

    /// Stores a new tenant version.
    mutating func store(_ tenant: Tenant, at: Date) {
        if tenants[tenant.id] == nil {
            tenants[tenant.id] = History(tenant, at: at)
        } else {
            tenants[tenant.id]!.record(tenant, at: at)
        }
    }

    /// Stores a new user version.
    mutating func store(_ user: User, at: Date) {
        if users[user.id] == nil {
            users[user.id] = History(user, at: at)
        } else {
            users[user.id]!.record(user, at: at)
        }
    }

    /// Stores a new version of a tenant's items.
    mutating func store(items newItems: TenantItems, of tenantID: String, at: Date) {
        if items[tenantID] == nil {
            items[tenantID] = History(newItems, at: at)
        } else {
            items[tenantID]!.record(newItems, at: at)
        }
    }

    /// Allocates the next numeric tenant id (REG-5).
    mutating func allocateNumericTenantID() -> Int {
        defer { nextNumericTenantID += 1 }
        return nextNumericTenantID
    }

    /// A new contact with a fresh id.
    mutating func makeContact(_ fields: [String: JSON], at: Date) -> Contact {
        Contact(id: rng.uuid(), createdAt: at, updatedAt: at, fields: fields)
    }
}
