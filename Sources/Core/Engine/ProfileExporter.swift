/// Writes a profile file from an existing customer (`onboardctl profile export --from-tenant X`).
///
/// The customer's edition, enabled items, quotas and storages become a ``ServiceProfile`` whose
/// storages are named (portable, readable), rendered as profile-file text that parses back to the
/// same profile.
public enum ProfileExporter {
    /// - Parameters:
    ///   - reference: The customer's exact name or UUID, directly under the partner tenant.
    ///   - name: The new profile's name (its file name without `.json`).
    public static func export(
        fromTenant reference: String, as name: String, account: PartnerAccount
    ) async throws(StepFailure) -> (profile: ServiceProfile, fileText: String) {
        guard ProfileFile.isValidName(name) else {
            throw .permanent("invalid_profile_name", "\"\(name)\" is not a valid profile name; use letters, digits, '-', '_' and '.'")
        }
        let partnerTenantID: String
        do {
            partnerTenantID = try await account.client.apiClient().tenantID
        } catch {
            throw StepFailure(error)
        }
        var profile = try await ServiceSource(profiles: [:]).profile(
            fromTemplate: reference, named: name, storage: .byName, partnerTenantID: partnerTenantID, client: account.client)
        profile.name = name
        return (profile, ProfileFile.render(profile))
    }
}
