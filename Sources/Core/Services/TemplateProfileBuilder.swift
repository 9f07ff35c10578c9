/// Turns an existing customer (a "template tenant") into a ``ServiceProfile``: its edition, its
/// enabled items with their quotas, and its storages.
///
/// Copying a template then goes through the same ``ServiceResolver`` as a named profile, so the
/// copy is re-resolved against what the partner can give now. Profile export uses the same
/// builder with storages named rather than identified, so the file stays readable.
public enum TemplateProfileBuilder {
    /// How the built profile refers to the template's storages.
    public enum StorageReference: Sendable {
        /// By id: the copy gets exactly the template's storage, or fails if it is no longer offered.
        case byID
        /// By name: portable and readable, for exported profile files.
        case byName
    }

    /// - Parameters:
    ///   - name: The profile's name.
    ///   - items: The template customer's offering items, all editions (`edition=*`).
    ///   - infrastructure: The storages its infra items use.
    public static func profile(
        name: String, templateName: String, items: [OfferingItem], infrastructure: [Infra], storage: StorageReference
    ) -> Result<ServiceProfile, ServiceProblems> {
        let enabled = items.filter(\.isEnabled)
        let editions = Array(Set(enabled.compactMap(\.edition))).sorted { $0.rawValue < $1.rawValue }
        guard editions.count == 1, let edition = editions.first else {
            return .failure(ServiceProblems([ServiceProblem(
                location: "template \"\(templateName)\"",
                problem: editions.isEmpty
                    ? "the template has no enabled items of any edition"
                    : "the template has enabled items of several editions (\(editions.map(\.rawValue).joined(separator: ", ")))",
                fix: "choose a template customer with the items of exactly one edition enabled, or use a profile")]))
        }
        let infraByID = Dictionary(infrastructure.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [ServiceProblem] = []
        var profileItems: [ServiceProfile.Item] = []
        for item in enabled where item.edition == edition || item.edition == nil {
            let bytes = item.measurementUnit == "bytes"
            var profileItem = ServiceProfile.Item(
                name: item.name,
                quota: item.quota?.value.map { QuotaAmount(value: $0, hasByteUnit: bytes) },
                overage: item.quota?.overage.map { QuotaAmount(value: $0, hasByteUnit: bytes) })
            if let infraID = item.infraID {
                switch storage {
                case .byID:
                    profileItem.storage = .infraID(infraID)
                case .byName:
                    guard let infra = infraByID[infraID] else {
                        problems.append(ServiceProblem(
                            location: "template \"\(templateName)\" item \(item.name)",
                            problem: "its storage \(infraID) could not be read",
                            fix: "check that the storage still exists in the data centre"))
                        continue
                    }
                    profileItem.storage = .infraName(infra.name)
                }
            }
            profileItems.append(profileItem)
        }
        guard problems.isEmpty else { return .failure(ServiceProblems(problems)) }
        return .success(ServiceProfile(
            name: name, description: "copied from the customer \"\(templateName)\"", edition: edition, items: profileItems,
            storage: .onlyOne))
    }
}
