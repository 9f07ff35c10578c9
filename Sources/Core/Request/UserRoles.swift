/// The role ids a request may grant the customer's admin user (`admin.roles`).
///
/// The list is enum `userRole` of the Account Management API (acronis-api.md §5.3), without the roles that belong
/// to partner tenants: the admin user is created in a customer tenant, where `root_admin` and `partner_admin` make no
/// sense. The spec lists two role families only by prefix (`omnivoice_*`, `greathorn_*`); any role with one of those
/// prefixes followed by lower-case letters, digits or `_` is accepted.
public enum UserRoles {
    /// The accepted role ids, in the spec's order.
    public static let known: [String] = [
        "company_admin", "unit_admin", "readonly_admin", "protection_admin", "protection_ro_admin",
        "restore_operator", "backup_user", "sync_share_admin", "sync_share_user", "sync_share_guest", "pds_operator",
        "pds_support", "notary_admin", "notary_user", "hci_admin",
    ]

    /// Prefixes of the role families the spec names only by pattern.
    public static let knownFamilies: [String] = ["omnivoice_", "greathorn_"]

    /// Roles of `userRole` that are refused because they apply to partner tenants, not to a customer's user.
    public static let partnerOnly: [String] = ["root_admin", "partner_admin"]

    /// The accepted roles as a readable list: the ids, then the families as `omnivoice_*` and `greathorn_*`.
    public static var knownList: String {
        (known + knownFamilies.map { "\($0)*" }).joined(separator: ", ")
    }

    /// Whether `role` may be granted.
    public static func isKnown(_ role: String) -> Bool {
        if known.contains(role) { return true }
        return knownFamilies.contains { prefix in
            role.hasPrefix(prefix) && role.count > prefix.count
                && role.dropFirst(prefix.count).allSatisfy {
                    $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_")
                }
        }
    }
}
