/// Resolves a ``ServiceProfile`` against the partner's catalogue for its children.
///
/// Pure: the caller reads `available_for_child` (with the profile's edition) and `/infra` for the
/// storages in it. Every problem that can be known before writing is reported, all at once:
/// items the partner does not offer, units on items not measured in bytes, storage policies that
/// match no storage or several, and two storages sharing a capability (which the DC would refuse
/// with 1015, acronis-api.md §4.6).
public enum ServiceResolver {
    public static func resolve(
        _ profile: ServiceProfile, catalogue: [OfferingItem], infrastructure: [Infra]
    ) -> Result<ResolvedServices, ServiceProblems> {
        var problems: [ServiceProblem] = []
        var items: [DesiredItem] = []
        var choices: [StorageChoice] = []
        let infraByID = Dictionary(infrastructure.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let offeredNames = Array(Set(catalogue.map(\.name))).sorted()
        var seenNames: Set<String> = []

        for (index, wanted) in profile.items.enumerated() {
            let location = "items[\(index)] (\(wanted.name))"
            guard seenNames.insert(wanted.name).inserted else {
                problems.append(ServiceProblem(
                    location: location, problem: "the item is listed twice", fix: "keep one entry per item name"))
                continue
            }
            let candidates = catalogue.filter { $0.name == wanted.name }
            guard let first = candidates.first else {
                problems.append(ServiceProblem(
                    location: location,
                    problem: "the partner does not offer \(wanted.name) to customers in edition \(profile.edition)",
                    fix: "remove it from the profile, or enable it for the partner tenant; offered: \(offeredNames.joined(separator: ", "))"))
                continue
            }
            if (wanted.quota?.hasByteUnit == true || wanted.overage?.hasByteUnit == true), first.measurementUnit != "bytes" {
                problems.append(ServiceProblem(
                    location: location,
                    problem: "a byte unit is given but \(wanted.name) is measured in \(first.measurementUnit ?? "units")",
                    fix: "write the quota as a plain number"))
                continue
            }
            var desired = DesiredItem(
                applicationID: first.applicationID, name: wanted.name, quota: wanted.quota?.value, overage: wanted.overage?.value,
                measurementUnit: first.measurementUnit)
            if candidates.contains(where: { $0.infraID != nil }) {
                let policy = wanted.storage ?? profile.storage
                let offered = candidates.compactMap { $0.infraID.flatMap { infraByID[$0] } }
                let matching = offered.filter(policy.matches)
                let offeredNames = offered.map { "\"\($0.name)\"" }
                guard matching.count == 1, let chosen = matching.first else {
                    problems.append(ServiceProblem(
                        location: location,
                        problem: matching.isEmpty
                            ? "no storage offered for \(wanted.name) is \(policy) (offered: \(offeredNames.joined(separator: ", ")))"
                            : "\(matching.count) storages offered for \(wanted.name) match \(policy): \(matching.map { "\"\($0.name)\"" }.joined(separator: ", "))",
                        fix: "set the storage policy to \"infra_name\" with one of the offered storage names"))
                    continue
                }
                desired.infraID = chosen.id
                choices.append(StorageChoice(
                    itemName: wanted.name, infra: chosen, policy: policy,
                    alternatives: offered.filter { $0.id != chosen.id }.map(\.name)))
            }
            items.append(desired)
        }

        problems += capabilityConflicts(choices)
        guard problems.isEmpty else { return .failure(ServiceProblems(problems)) }
        return .success(ResolvedServices(
            edition: profile.edition, items: items, storageChoices: choices, pricing: profile.pricing, requireMFA: profile.requireMFA))
    }

    /// A customer may have one infrastructure component per capability (acronis-api.md §4.6, 1015).
    static func capabilityConflicts(_ choices: [StorageChoice]) -> [ServiceProblem] {
        var infrasByCapability: [String: [Infra]] = [:]
        for choice in choices {
            for capability in choice.infra.capabilities where !(infrasByCapability[capability] ?? []).contains(where: { $0.id == choice.infra.id }) {
                infrasByCapability[capability, default: []].append(choice.infra)
            }
        }
        return infrasByCapability.sorted { $0.key < $1.key }.compactMap { capability, infras in
            guard infras.count > 1 else { return nil }
            return ServiceProblem(
                location: "storage",
                problem: "\(infras.count) storages share the capability \"\(capability)\": \(infras.map { "\"\($0.name)\"" }.joined(separator: ", ")); the data centre would refuse this with error 1015",
                fix: "keep one storage per capability")
        }
    }
}
