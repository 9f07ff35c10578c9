import Foundation

/// Offering-item types, [SPEC] `offeringItemType`.
enum OfferingItemType: String, Sendable {
    case count, feature, infra
}

/// Identifies an offering item: application, name and, for infra items, the infrastructure component.
struct ItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    let applicationID: String
    let name: String
    let infraID: String?

    static func < (lhs: ItemKey, rhs: ItemKey) -> Bool {
        (lhs.applicationID, lhs.name, lhs.infraID ?? "") < (rhs.applicationID, rhs.name, rhs.infraID ?? "")
    }

    var description: String { infraID.map { "\(name) (infra \($0))" } ?? name }
}

/// An item of the DC-wide catalogue (the root tenant's offering, §4.4).
struct CatalogueItem: Sendable {
    let applicationID: String
    let name: String
    /// `nil` for edition-less items, which every edition filter includes (OI-1, [SPEC]).
    let edition: String?
    let usageName: String
    let type: OfferingItemType
    /// [SPEC] `measurementUnits`: `bytes`, `quantity`, `seconds` or `n/a`.
    let measurementUnit: String
    let infraID: String?

    var key: ItemKey { ItemKey(applicationID: applicationID, name: name, infraID: infraID) }
}

/// A quota ([SPEC] schema `quota`; OI-3, [KB71376]).
struct Quota: Sendable, Hashable {
    var value: Int?
    var overage: Int?
    var version: Int
}

/// The state of one offering item on one tenant.
struct ItemState: Sendable {
    /// 1 enabled, 0 disabled.
    var status: Int
    /// `nil` when the item has no quota yet (knob `initialQuotaVersion` = `omit`).
    var quota: Quota?
    var locked = false
    var updatedAt: Date
}

/// The offering items stored on one tenant.
typealias TenantItems = [ItemKey: ItemState]
