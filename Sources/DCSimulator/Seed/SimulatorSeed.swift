/// Well-known, fixed identifiers of the seeded data centre (documented in `docs/simulator.md`).
///
/// Everything else the simulator creates gets ids from the seeded generator (`--seed`), so runs are reproducible.
public enum SimulatorSeed {
    // MARK: Tenants

    /// The root tenant ("Sim Root", kind `root`). Not in the API client's subtree.
    public static let rootTenant = "a0000000-0000-4000-8000-000000000001"
    /// "Sim Partner" (kind `partner`): owns the API client given by `--client-id` (AUTH-4).
    public static let partnerTenant = "a0000000-0000-4000-8000-000000000002"
    /// "Other Partner" (kind `partner`): outside the client's subtree (GEN-2).
    public static let otherPartnerTenant = "a0000000-0000-4000-8000-000000000003"
    /// "Contoso Ltd" (kind `customer`) under Other Partner: a name clash only under global name scope (TEN-2).
    public static let otherPartnerCustomer = "a0000000-0000-4000-8000-000000000004"
    /// "Sample Customer (per workload)" under Sim Partner: a realistic per-workload template.
    public static let sampleCustomer = "a0000000-0000-4000-8000-000000000005"
    /// "Fabrikam GmbH" under Sim Partner, created by another tool (`customer_id` `crm-4711`).
    public static let fabrikamCustomer = "a0000000-0000-4000-8000-000000000006"
    /// Personal tenant of the sample customer's admin (USR-2).
    public static let sampleAdminPersonalTenant = "a0000000-0000-4000-8000-000000000007"
    /// Personal tenant of Fabrikam's admin (USR-2).
    public static let fabrikamAdminPersonalTenant = "a0000000-0000-4000-8000-000000000008"

    // MARK: Names

    /// Name of ``partnerTenant``.
    public static let partnerName = "Sim Partner"
    /// Name of ``otherPartnerTenant``.
    public static let otherPartnerName = "Other Partner"
    /// Name of ``otherPartnerCustomer``.
    public static let otherPartnerCustomerName = "Contoso Ltd"
    /// Name of ``sampleCustomer``.
    public static let sampleCustomerName = "Sample Customer (per workload)"
    /// Name of ``fabrikamCustomer``.
    public static let fabrikamName = "Fabrikam GmbH"
    /// `customer_id` of ``fabrikamCustomer`` (set by "another tool").
    public static let fabrikamCustomerID = "crm-4711"

    // MARK: Numeric tenant ids (REG-5)

    /// Numeric id of ``rootTenant``.
    public static let rootNumericID = 1
    /// Numeric id of ``partnerTenant``.
    public static let partnerNumericID = 2_203_101
    /// Numeric id of ``otherPartnerTenant``.
    public static let otherPartnerNumericID = 2_203_102
    /// Numeric id of ``otherPartnerCustomer``.
    public static let otherPartnerCustomerNumericID = 2_203_103
    /// Numeric id of ``sampleCustomer``.
    public static let sampleCustomerNumericID = 2_203_104
    /// Numeric id of ``fabrikamCustomer``.
    public static let fabrikamNumericID = 2_203_105
    /// Numeric id of ``sampleAdminPersonalTenant``.
    public static let sampleAdminPersonalNumericID = 2_203_106
    /// Numeric id of ``fabrikamAdminPersonalTenant``.
    public static let fabrikamAdminPersonalNumericID = 2_203_107
    /// The first numeric id given to tenants created at run time.
    public static let firstCreatedNumericID = 2_204_001

    // MARK: Users

    /// The partner admin user of Sim Partner (login ``partnerAdminLogin``; `partner_admin`; password grant).
    public static let partnerAdminUser = "b0000000-0000-4000-8000-000000000001"
    /// Login of ``partnerAdminUser``.
    public static let partnerAdminLogin = "sim.partner.admin"
    /// Default password of ``partnerAdminUser`` (`--admin-password`).
    public static let defaultAdminPassword = "Sim-Partner-Admin-2026"
    /// The activated `company_admin` of the sample customer (login `sample.admin`).
    public static let sampleAdminUser = "b0000000-0000-4000-8000-000000000002"
    /// The not yet activated admin of Fabrikam (login `fabrikam.admin`).
    public static let fabrikamAdminUser = "b0000000-0000-4000-8000-000000000003"

    // MARK: API clients

    /// Client id used when `--client-id` is not given.
    public static let defaultClientID = "c0000000-0000-4000-8000-000000000001"
    /// Client secret used when `--client-secret` is not given.
    public static let defaultClientSecret = "sim-client-secret"
    /// A second API client, owned by Other Partner.
    public static let otherPartnerClientID = "c0000000-0000-4000-8000-000000000002"
    /// Secret of ``otherPartnerClientID``.
    public static let otherPartnerClientSecret = "Other-Partner-Secret-2026"

    // MARK: Applications (§4.1, [SPEC] example `applicationsList`)

    /// Cyber Protection (type `backup`).
    public static let cyberProtectionApplication = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb"
    /// Platform (type `platform`).
    public static let platformApplication = "7459244f-68f3-3bf4-9f53-5f63ecc1d91f"
    /// File Sync & Share (type `files_cloud`).
    public static let fileSyncShareApplication = "dfd85a5f-a464-32ab-81fd-99bcc66a070f"

    // MARK: Infrastructure (OI-8)

    /// "Acronis Hosted EU2 Storage": backup, `platform_owned: true`, location EU2.
    public static let hostedBackupStorage = "d0000000-0000-4000-8000-000000000001"
    /// "Sim Partner Storage": backup, `platform_owned: false`, owned by Sim Partner, location "Sim Partner DC".
    public static let partnerBackupStorage = "d0000000-0000-4000-8000-000000000002"
    /// "Acronis Hosted EU2 Disaster Recovery": `disaster_recovery`, `platform_owned: true`, location EU2.
    public static let hostedDisasterRecoveryStorage = "d0000000-0000-4000-8000-000000000003"
    /// Location EU2 (hosted storages).
    public static let locationEU2 = "e0000000-0000-4000-8000-000000000001"
    /// Location "Sim Partner DC" (the partner-owned storage).
    public static let locationPartnerDC = "e0000000-0000-4000-8000-000000000002"

    // MARK: Other fixed ids

    /// `brand_uuid` of every tenant.
    public static let brand = "f0000000-0000-4000-8000-000000000001"
    /// Numeric `brand_id` of every tenant.
    public static let brandNumericID = 1
    /// `default_idp_id` of every tenant and `idp_id` of every user.
    public static let defaultIdentityProvider = "f0000000-0000-4000-8000-000000000002"
}
