/// Where the services of a request come from: a named profile, or a template tenant read from the
/// DC, both ending as a ``ServiceProfile`` resolved against the partner's current catalogue.
public struct ServiceSource: Sendable {
    /// The profiles of the configuration directory, by name.
    public var profiles: [String: ServiceProfile]

    public init(profiles: [String: ServiceProfile]) {
        self.profiles = profiles
    }

    /// The profile a request asks for.
    func profile(
        for services: OnboardingRequest.Services, partnerTenantID: String, client: DCClient
    ) async throws(StepFailure) -> ServiceProfile {
        switch services {
        case .profile(let name):
            guard let profile = profiles[name] else {
                throw .permanent(
                    "unknown_profile",
                    "the profile \"\(name)\" is not configured (known: \(profiles.keys.sorted().joined(separator: ", "))); add profiles/\(name).json and reload, then retry")
            }
            return profile
        case .templateTenant(let reference):
            return try await profile(fromTemplate: reference, named: "template:\(reference)", storage: .byID, partnerTenantID: partnerTenantID, client: client)
        }
    }

    /// Builds a profile from a template customer's edition, items, quotas and storage.
    ///
    /// - Parameter storage: `.byID` to copy the exact storages (template tenants), `.byName` for a
    ///   readable, portable profile file (profile export).
    func profile(
        fromTemplate reference: String, named name: String, storage: TemplateProfileBuilder.StorageReference, partnerTenantID: String,
        client: DCClient
    ) async throws(StepFailure) -> ServiceProfile {
        let template = try await findTemplate(reference, partnerTenantID: partnerTenantID, client: client)
        do {
            let items = try await client.offeringItems(of: template.id, edition: .all)
            let infra = try await client.infrastructure(ids: Array(Set(items.filter(\.isEnabled).compactMap(\.infraID))).sorted())
            switch TemplateProfileBuilder.profile(name: name, templateName: template.name, items: items, infrastructure: infra, storage: storage) {
            case .success(let profile): return profile
            case .failure(let problems): throw StepFailure.permanent("template_unusable", problems.description)
            }
        } catch let error as DCAPIError {
            throw StepFailure(error)
        } catch {
            throw error as? StepFailure ?? .transient("template_unreadable", "\(error)")
        }
    }

    /// A customer directly under the partner, by UUID or exact name.
    private func findTemplate(_ reference: String, partnerTenantID: String, client: DCClient) async throws(StepFailure) -> Tenant {
        do {
            let children = try await client.tenants(parentID: partnerTenantID)
            let matches = children.filter { $0.id == reference.lowercased() || $0.name == reference }
            guard matches.count == 1, let template = matches.first else {
                throw StepFailure.permanent(
                    "template_not_found",
                    matches.isEmpty
                        ? "no customer named or with id \"\(reference)\" exists under the partner tenant; give the exact name or UUID of the sample customer"
                        : "\(matches.count) customers are named \"\(reference)\"; give the template's UUID instead")
            }
            return template
        } catch let error as DCAPIError {
            throw StepFailure(error)
        } catch {
            throw error as? StepFailure ?? .transient("template_unreadable", "\(error)")
        }
    }
}
