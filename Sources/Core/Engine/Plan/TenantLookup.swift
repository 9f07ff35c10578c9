import Foundation

/// Finds a request's customer among the partner's children: ours (from an earlier try), a stranger
/// using the name, or nobody.
///
/// Pure, and shared by the step that creates the tenant (``OnboardingStepRunner``) and by the
/// planner (``OnboardingPlanner``), so both decide the same way.
///
/// Only our own marker in `internal_tag` (``marker(forKey:)``) proves a tenant is ours.
/// `customer_id` also carries the key (for PSA correlation), but other tools write CRM ids there
/// too, so a matching `customer_id` alone is not proof.
public enum TenantLookup: Sendable, Hashable {
    /// A customer carrying our marker: created by onboard for this key, to be adopted.
    case ours(Tenant)
    /// A customer with the same name (ignoring case) that does not carry our marker. Never adopted.
    case stranger(Tenant)
    /// No customer is ours and none uses the name: a tenant is to be created.
    case none

    /// The marker onboard writes into `internal_tag` of the tenants it creates: `onboard:KEY`,
    /// cut to the field's 256 characters (acronis-api.md §3.1, correlation key).
    public static func marker(forKey key: String) -> String {
        String("onboard:\(key)".prefix(256))
    }

    /// Classifies the direct children of the partner tenant for a customer `name` and our `marker`.
    ///
    /// Only customers count. Ours wins over a stranger: a customer renamed after we created it is
    /// still ours, and a stranger may share the name only if ours exists too.
    public static func find(name: String, marker: String, among children: [Tenant]) -> TenantLookup {
        let customers = children.filter { $0.kind == .customer }
        if let ours = customers.first(where: { $0.internalTag == marker }) {
            return .ours(ours)
        }
        if let stranger = customers.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            return .stranger(stranger)
        }
        return .none
    }

    /// Why a stranger's tenant blocks the onboarding (for ``stranger(_:)``), without the fix.
    static func strangerProblem(_ stranger: Tenant, key: String) -> String {
        "a customer named \"\(stranger.name)\" (\(stranger.id)) already exists under the partner and was not created by onboard for key \"\(key)\" (its internal_tag is \(stranger.internalTag.map { "\"\($0)\"" } ?? "empty")); onboard never adopts a tenant that is not its own"
    }

    /// What the operator can do about a stranger's tenant.
    static let strangerFix = "Rename the customer in the request, or onboard that customer by hand"
}
