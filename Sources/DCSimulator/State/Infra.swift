/// An infrastructure component (storage), [SPEC] schema `infra` (OI-8).
struct Infra: Sendable {
    let id: String
    let ownerTenantID: String
    let locationID: String
    let platformOwned: Bool
    let name: String
    let url: String
    /// [SPEC] `infraCap`: `backup`, `disaster_recovery`, `files_cloud`, `vcd`.
    let capabilities: [String]
    let contentURL: String?
    let backendType: String?
    let version: Int
    let readonly: Bool
}
