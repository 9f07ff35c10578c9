/// Compares what a customer has with what it should have, and builds the `PUT offering_items`
/// body that closes the gap.
///
/// Reconciling before writing makes the step safe to repeat: an empty result means the customer
/// already has exactly the desired items, quotas and storages, so nothing is sent.
public enum OfferingItemsDiff {
    /// The updates that turn `current` into `desired`.
    ///
    /// - Desired items that are missing, disabled, or have other quotas are sent with status 1 and
    ///   the quota version read from `current` (a stale version gets 426, acronis-api.md §4.5).
    /// - Enabled items of the desired edition that are not desired, and enabled storage items of a
    ///   desired name on another storage, are sent with status 0.
    /// - Items of other applications and editions are left alone.
    public static func updates(desired: ResolvedServices, current: [OfferingItem]) -> [OfferingItemUpdate] {
        var updates: [OfferingItemUpdate] = []
        for item in desired.items {
            let existing = current.first { item.isSame(as: $0) }
            if let existing, existing.isEnabled, matchesQuota(item, existing.quota) { continue }
            let needsQuota = item.quota != nil || item.overage != nil || (existing?.quota.map { $0.value != nil || $0.overage != nil } ?? false)
            updates.append(OfferingItemUpdate(
                applicationID: item.applicationID, name: item.name, status: 1, infraID: item.infraID,
                quota: needsQuota ? Quota(value: item.quota, overage: item.overage, version: existing?.quota?.version ?? 0) : nil))
        }
        let desiredNames = Set(desired.items.map(\.name))
        for item in current where item.isEnabled && !desired.items.contains(where: { $0.isSame(as: item) }) {
            let ofEdition = item.edition == desired.edition
            let otherStorageOfDesiredItem = item.infraID != nil && desiredNames.contains(item.name)
            guard ofEdition || otherStorageOfDesiredItem else { continue }
            updates.append(OfferingItemUpdate(applicationID: item.applicationID, name: item.name, status: 0, infraID: item.infraID))
        }
        return updates
    }

    private static func matchesQuota(_ item: DesiredItem, _ quota: Quota?) -> Bool {
        (quota?.value ?? nil) == item.quota && (quota?.overage ?? nil) == item.overage
    }
}
