/// Role ids accepted in access policies: the [SPEC] `userRole` enum (USR-3: unknown `role_id` → 400).
enum Roles {
    static let all: Set<String> = [
        "root_admin", "partner_admin", "company_admin", "unit_admin", "readonly_admin", "protection_admin",
        "protection_ro_admin", "restore_operator", "backup_user", "sync_share_admin", "sync_share_user",
        "sync_share_guest", "pds_operator", "pds_support", "notary_admin", "notary_user", "hci_admin",
        "omnivoice_admin", "omnivoice_user", "greathorn_admin", "greathorn_user", "greathorn_analyst",
        "greathorn_client_manager",
    ]
}
