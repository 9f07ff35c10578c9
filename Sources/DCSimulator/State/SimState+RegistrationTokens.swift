import Foundation

/// Agent registration tokens (REG-1 … REG-5, §6).
extension SimState {
    /// Longest `expires_in` accepted: one year (REG-2, [SPEC]).
    static let maximumRegistrationTokenLifetime = 365 * 24 * 3600

    /// A new token `XXXX-XXXX-XXXX` from `[A-Z0-9]` (REG-1, [SPEC] pattern).
    mutating func makeRegistrationTokenText() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        func group() -> String { String((0..<4).map { _ in alphabet.randomElement(using: &rng)! }) }
        return [group(), group(), group()].joined(separator: "-")
    }

    /// Checks the scopes of a token for `tenant` (REG-3, §6.2, knobs `customerLevelRegToken` and
    /// `policyScopeIdKind`).
    private func validateScopes(_ scopes: [String], for tenant: Tenant, _ op: Operation) throws {
        guard !scopes.isEmpty else {
            throw APIError.badRequest("'scopes' must name at least one scope, e.g. urn:acronis.com:tenant-id::backup_agent_admin")
        }
        for scope in scopes {
            if scope.hasPrefix("urn:acronis.com:tenant-id:") && scope.hasSuffix(":backup_agent_admin") {
                let inner = scope.dropFirst("urn:acronis.com:tenant-id:".count).dropLast(":backup_agent_admin".count)
                let scopeTenant = String(inner)
                if scopeTenant.isEmpty {
                    // The official form: personal tenant in the path, empty tenant id in the scope ([PY-EX], [PS-EX]).
                    // On a customer (not a personal tenant) the token is not bound to a user: unconfirmed (§10 #4).
                    if !tenant.isPersonal && op.config.customerLevelRegToken == .rejected {
                        throw APIError.badRequest(
                            "A registration token for tenant '\(tenant.id)' must be bound to a user: call it on the user's personal tenant or name the personal tenant in the scope (urn:acronis.com:tenant-id:<personal_tenant_id>:backup_agent_admin)"
                        )
                    }
                    continue
                }
                // The explicit form names a tenant (UUID or numeric id) at or below the path tenant ([SPEC]).
                let target = tenants.values.compactMap(\.current).first {
                    $0.id == scopeTenant.lowercased() || String($0.numericID) == scopeTenant
                }
                guard let target, !target.isDeleted, isInSubtree(target.id, of: tenant.id) else {
                    throw APIError.badRequest(
                        "Scope '\(scope)' names tenant '\(scopeTenant)', which is not tenant '\(tenant.id)' or below it"
                    )
                }
                continue
            }
            if scope.hasPrefix("urn:acronis.com::policy_management:") && scope.hasSuffix(":apply_revoke") {
                let inner = scope.dropFirst("urn:acronis.com::policy_management:".count).dropLast(":apply_revoke".count)
                let parts = inner.split(separator: "|", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw APIError.badRequest("Scope '\(scope)' must look like urn:acronis.com::policy_management:<tenant_id>|<policy_id>:apply_revoke")
                }
                let tenantText = String(parts[0])
                switch op.config.policyScopeIdKind {
                case .uuid:
                    guard UUIDText.isValid(tenantText) else {
                        throw APIError.badRequest("The tenant id in scope '\(scope)' must be a tenant UUID")
                    }
                case .numeric:
                    guard Int(tenantText) != nil else {
                        throw APIError.badRequest("The tenant id in scope '\(scope)' must be the numeric tenant id")
                    }
                }
                continue
            }
            throw APIError.badRequest(
                "Unknown scope '\(scope)'; supported: urn:acronis.com:tenant-id:[<tenant_id>]:backup_agent_admin and urn:acronis.com::policy_management:<tenant_id>|<policy_id>:apply_revoke"
            )
        }
    }

    /// `POST /tenants/{id}/registration_tokens` (REG-1 … REG-3) and the deprecated `POST /registration_tokens`
    /// (REG-4).
    mutating func createRegistrationToken(
        tenantID: String,
        _ body: JSONObjectReader,
        allowedKeys: Set<String>,
        _ op: Operation
    ) throws -> RegistrationToken {
        try body.rejectUnknownKeys(allowed: allowedKeys)
        guard body.has("expires_in") else { throw APIError.badRequest("'expires_in' (seconds) is required") }
        let expiresIn = try body.int("expires_in")!
        guard expiresIn > 0 else { throw APIError.badRequest("'expires_in' must be a positive number of seconds") }
        // REG-2: above one year is rejected (400 assumed; the status is not documented).
        guard expiresIn <= Self.maximumRegistrationTokenLifetime else {
            throw APIError.badRequest(
                "'expires_in' \(expiresIn) is longer than one year (\(Self.maximumRegistrationTokenLifetime) seconds)"
            )
        }
        guard let scopes = try body.stringArray("scopes") else { throw APIError.badRequest("'scopes' is required") }
        let tenant = try accessibleTenant(tenantID, op)
        try validateScopes(scopes, for: tenant, op)
        let token = RegistrationToken(
            id: nextRegistrationTokenID,
            token: makeRegistrationTokenText(),
            createdAt: op.now,
            expiresAt: op.now.addingTimeInterval(TimeInterval(expiresIn)),
            tenantID: tenant.id,
            scopes: scopes
        )
        nextRegistrationTokenID += 1
        registrationTokens.append(token)
        return token
    }
}
