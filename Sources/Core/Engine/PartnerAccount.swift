import Foundation

/// A configured partner account: its name in requests, its DC client, and its partner tenant.
public struct PartnerAccount: Sendable {
    /// The name requests use in `partner`.
    public var name: String
    public var client: DCClient

    public init(name: String, client: DCClient) {
        self.name = name
        self.client = client
    }

    /// The exact DC URL, for install commands.
    public var dataCenterURL: URL { client.credentials.dataCenterURL }
}

/// Remembers each partner account's tenant id (from `GET /clients/{id}`), which never changes for
/// a set of credentials.
actor PartnerTenantCache {
    private var tenantIDs: [String: String] = [:]

    func tenantID(of account: PartnerAccount) async throws(DCAPIError) -> String {
        if let known = tenantIDs[account.name] { return known }
        let tenantID = try await account.client.apiClient().tenantID
        tenantIDs[account.name] = tenantID
        return tenantID
    }
}
