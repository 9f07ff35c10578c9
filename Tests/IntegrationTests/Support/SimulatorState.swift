import DCSimulator
import Foundation

/// What the simulated DC holds, read through its `/_sim/state` hook.
extension SimulatorProcess {
    /// Live tenants named `name` directly under the partner tenant.
    func tenants(named name: String) async throws -> [[String: Any]] {
        let tenants = try await state()["tenants"] as? [[String: Any]] ?? []
        return tenants.filter {
            $0["name"] as? String == name && $0["parent_id"] as? String == SimulatorSeed.partnerTenant
                && ($0["deleted_at"] == nil || $0["deleted_at"] is NSNull)
        }
    }

    /// Users with `login`.
    func users(login: String) async throws -> [[String: Any]] {
        let users = try await state()["users"] as? [[String: Any]] ?? []
        return users.filter { ($0["login"] as? String)?.lowercased() == login.lowercased() }
    }
}
