/// Turns resolved services into the services part of a plan, and finds the conflicts the DC would
/// report when they are applied. Pure: the planner reads the DC, this decides.
enum ServicesPlanning {
    /// What a customer tenant that exists already has now.
    struct CurrentTenant: Sendable, Hashable {
        /// Its offering items, every edition.
        var items: [OfferingItem]
        var pricing: PricingMode
        var mfaEnabled: Bool
    }

    /// The services plan for `resolved`; `current` is `nil` for a tenant still to be created.
    static func plan(
        source: OnboardingRequest.Services, profile: String, resolved: ResolvedServices, current: CurrentTenant?
    ) -> OnboardingPlan.ServicesPlan {
        let infraNames = Dictionary(resolved.storageChoices.map { ($0.infra.id, $0.infra.name) }, uniquingKeysWith: { first, _ in first })
        let items = resolved.items.map { item in
            OnboardingPlan.PlannedItem(
                name: item.name, applicationID: item.applicationID, measurementUnit: item.measurementUnit, quota: item.quota,
                overage: item.overage, quotaText: item.quota.map { amountText($0, unit: item.measurementUnit) } ?? "unlimited",
                overageText: item.overage.map { amountText($0, unit: item.measurementUnit) }, infraID: item.infraID,
                infraName: item.infraID.flatMap { infraNames[$0] })
        }
        let storage = resolved.storageChoices.map { choice in
            OnboardingPlan.PlannedStorage(
                item: choice.itemName, infraID: choice.infra.id, infraName: choice.infra.name, capabilities: choice.infra.capabilities,
                platformOwned: choice.infra.platformOwned, locationID: choice.infra.locationID, policy: choice.policy.description,
                alternatives: choice.alternatives, reason: choice.reason)
        }
        let updates = current.map { OfferingItemsDiff.updates(desired: resolved, current: $0.items).map(OnboardingPlan.PlannedItemUpdate.init) }
        // The settings step only ever moves trial → production and only ever turns MFA on.
        let pricing = OnboardingPlan.PricingPlan(
            mode: resolved.pricing.rawValue, current: current?.pricing.rawValue,
            changes: resolved.pricing == .production && current?.pricing != .production)
        let mfa = OnboardingPlan.MFAPlan(
            required: resolved.requireMFA, currentlyEnabled: current?.mfaEnabled, changes: resolved.requireMFA && current?.mfaEnabled != true)
        return OnboardingPlan.ServicesPlan(
            source: source.description, profile: profile, edition: resolved.edition.rawValue, items: items, storage: storage,
            updates: updates, pricing: pricing, mfa: mfa)
    }

    /// `25`, or `500GiB` for items measured in bytes.
    static func amountText(_ amount: Int64, unit: String?) -> String {
        unit == "bytes" ? QuotaAmount.formatBytes(amount) : String(amount)
    }

    /// The area of a problem with the services of `profile`.
    static func area(_ profile: String, _ location: String? = nil) -> String {
        "services (\(profile))" + (location.map { ": \($0)" } ?? "")
    }

    /// The plan's form of the resolver's problems. The resolver's only problem located at
    /// `storage` is two storages sharing a capability, which the DC refuses with 1015.
    static func problems(_ problems: ServiceProblems, profile: String) -> [PlanProblem] {
        problems.problems.map { problem in
            let capabilityConflict = problem.location == "storage"
            return PlanProblem(
                area: area(profile, problem.location), code: capabilityConflict ? "storage_capability_conflict" : "services_unresolvable",
                problem: problem.problem, fix: problem.fix, acronisCode: capabilityConflict ? 1015 : nil)
        }
    }

    /// A customer's storages must share one location: the DC refuses others with 1031
    /// (acronis-api.md §4.6, OI-5).
    static func locationConflicts(_ choices: [StorageChoice], profile: String) -> [PlanProblem] {
        var infrasByLocation: [String: [Infra]] = [:]
        for choice in choices {
            guard let location = choice.infra.locationID else { continue }
            if !(infrasByLocation[location] ?? []).contains(where: { $0.id == choice.infra.id }) {
                infrasByLocation[location, default: []].append(choice.infra)
            }
        }
        guard infrasByLocation.count > 1 else { return [] }
        let described = infrasByLocation.sorted { $0.key < $1.key }.map { location, infras in
            "\(infras.map { "\"\($0.name)\"" }.joined(separator: ", ")) in \(location)"
        }
        return [PlanProblem(
            area: area(profile, "storage"), code: "storage_location_conflict",
            problem: "the chosen storages are in \(infrasByLocation.count) locations (\(described.joined(separator: "; "))); a customer's storages must share one location and the data centre would refuse this with error 1031",
            fix: "choose storages of one location (storage policy \"infra_name\"), or leave out the items whose storage is elsewhere",
            acronisCode: 1031)]
    }

    /// Items of another edition that an existing tenant keeps enabled beside the planned ones: the DC
    /// allows one edition per application on a customer (acronis-api.md §4.2, OI-4), and the diff
    /// leaves other editions alone.
    static func editionConflicts(
        _ resolved: ResolvedServices, current: [OfferingItem], updates: [OnboardingPlan.PlannedItemUpdate], profile: String
    ) -> [PlanProblem] {
        let applications = Set(resolved.items.map(\.applicationID))
        let disabled = Set(updates.filter { $0.status == 0 }.map { "\($0.name)@\($0.infraID ?? "")" })
        let conflicting = current.filter { item in
            guard item.isEnabled, let edition = item.edition, edition != resolved.edition, applications.contains(item.applicationID) else {
                return false
            }
            return !disabled.contains("\(item.name)@\(item.infraID ?? "")")
        }
        guard !conflicting.isEmpty else { return [] }
        let editions = Set(conflicting.compactMap(\.edition?.rawValue)).sorted()
        return [PlanProblem(
            area: area(profile, "edition"), code: "edition_conflict",
            problem: "the customer already has items of edition \(editions.joined(separator: ", ")) enabled (\(Set(conflicting.map(\.name)).sorted().joined(separator: ", "))), and a customer may have one edition per application",
            fix: "disable those items on the customer first, or use a profile of edition \(editions.joined(separator: ", "))")]
    }
}
