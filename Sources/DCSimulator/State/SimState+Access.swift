/// Subtree access rules (GEN-2, [DOC-CODES]: a caller touching a tenant outside its subtree gets 403).
extension SimState {
    /// `true` if `tenantID` is `rootID` or one of its descendants.
    func isInSubtree(_ tenantID: String, of rootID: String) -> Bool {
        var cursor: String? = tenantID
        var steps = 0
        while let id = cursor, steps < 64 {
            if id == rootID { return true }
            cursor = tenants[id]?.current?.parentID
            steps += 1
        }
        return false
    }

    /// Ancestors of `tenantID`, nearest first (excluding the tenant itself).
    func ancestors(of tenantID: String) -> [Tenant] {
        var result: [Tenant] = []
        var cursor = tenants[tenantID]?.current?.parentID
        while let id = cursor, let tenant = tenants[id]?.current, result.count < 64 {
            result.append(tenant)
            cursor = tenant.parentID
        }
        return result
    }

    /// The current tenant `id` if the caller may touch it.
    ///
    /// - Throws: 404/1005 if it does not exist (or is deleted), 403/1002 if it is outside the caller's subtree
    ///   (GEN-2).
    func accessibleTenant(_ id: String, _ op: Operation) throws -> Tenant {
        let caller = try op.requireCaller()
        guard let tenant = tenant(id) else { throw APIError.tenantNotFound(id) }
        guard isInSubtree(id, of: caller.tenantID) else {
            throw APIError.forbidden("Access denied: tenant '\(id)' is outside the subtree of the caller's tenant '\(caller.tenantID)'")
        }
        return tenant
    }

    /// The tenant as reads see it, if the caller may see it (GEN-2, read-after-write lag).
    func readableTenant(_ id: String, _ op: Operation, allowDeleted: Bool = false) throws -> Tenant {
        let caller = try op.requireCaller()
        guard tenants[id]?.current != nil else { throw APIError.tenantNotFound(id) }
        guard isInSubtree(id, of: caller.tenantID) else {
            throw APIError.forbidden("Access denied: tenant '\(id)' is outside the subtree of the caller's tenant '\(caller.tenantID)'")
        }
        guard let tenant = visibleTenant(id, op, allowDeleted: allowDeleted) else { throw APIError.tenantNotFound(id) }
        return tenant
    }

    /// A tenant the caller may change: inside its subtree but not its own tenant.
    func writableChildTenant(_ id: String, _ op: Operation, action: String) throws -> Tenant {
        let tenant = try accessibleTenant(id, op)
        let caller = try op.requireCaller()
        if tenant.id == caller.tenantID {
            throw APIError.forbidden("Access denied: a caller cannot \(action) of its own tenant '\(id)'; only of tenants below it")
        }
        return tenant
    }

    /// The current user `id` if the caller may touch it (GEN-2).
    func accessibleUser(_ id: String, _ op: Operation) throws -> User {
        let caller = try op.requireCaller()
        guard let user = user(id) else { throw APIError.notFound("User '\(id)' was not found") }
        guard isInSubtree(user.tenantID, of: caller.tenantID) else {
            throw APIError.forbidden("Access denied: user '\(id)' belongs to a tenant outside the caller's subtree")
        }
        return user
    }

    /// The user as reads see it, if the caller may see it (GEN-2, read-after-write lag).
    func readableUser(_ id: String, _ op: Operation, allowDeleted: Bool = false) throws -> User {
        let caller = try op.requireCaller()
        guard let latest = users[id]?.current else { throw APIError.notFound("User '\(id)' was not found") }
        guard isInSubtree(latest.tenantID, of: caller.tenantID) else {
            throw APIError.forbidden("Access denied: user '\(id)' belongs to a tenant outside the caller's subtree")
        }
        guard let user = visibleUser(id, op, allowDeleted: allowDeleted) else {
            throw APIError.notFound("User '\(id)' was not found")
        }
        return user
    }

    /// Non-deleted, non-personal children of `tenantID` (current state), by numeric id.
    func children(of tenantID: String) -> [Tenant] {
        allTenants.filter { $0.parentID == tenantID && !$0.isDeleted && !$0.isPersonal }
    }
}
