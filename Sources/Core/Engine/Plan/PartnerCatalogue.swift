/// What a partner can give its customers now, read from the DC, and a profile resolved against it.
///
/// Read-only (`GET …/offering_items/available_for_child` with the profile's edition, then
/// `GET /infra` for the storages in it), and shared by the service steps (``OnboardingStepRunner``)
/// and the planner (``OnboardingPlanner``), so the plan shows exactly what the steps will apply.
struct PartnerCatalogue: Sendable {
    /// The items a customer of the partner may be given, in the profile's edition (and edition-less ones).
    var items: [OfferingItem]
    /// The storages those items use.
    var infrastructure: [Infra]

    /// Reads the catalogue for `edition` under `partnerTenantID`.
    static func read(edition: Edition, partnerTenantID: String, client: DCClient) async throws(DCAPIError) -> PartnerCatalogue {
        let items = try await client.offeringItemsAvailableForChild(of: partnerTenantID, edition: edition)
        let infrastructure = try await client.infrastructure(ids: Array(Set(items.compactMap(\.infraID))).sorted())
        return PartnerCatalogue(items: items, infrastructure: infrastructure)
    }

    /// Reads the catalogue for the profile's edition and resolves the profile against it (``ServiceResolver``).
    static func resolve(
        _ profile: ServiceProfile, partnerTenantID: String, client: DCClient
    ) async throws(DCAPIError) -> Result<ResolvedServices, ServiceProblems> {
        let catalogue = try await read(edition: profile.edition, partnerTenantID: partnerTenantID, client: client)
        return ServiceResolver.resolve(profile, catalogue: catalogue.items, infrastructure: catalogue.infrastructure)
    }
}
