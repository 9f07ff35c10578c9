/// Inputs of the seeded state.
public struct SeedOptions: Sendable, Hashable {
    /// Id of the API client owned by Sim Partner (`--client-id`).
    public var clientID: String
    /// Secret of that client (`--client-secret`).
    public var clientSecret: String
    /// Password of the partner admin user `sim.partner.admin` (`--admin-password`).
    public var adminPassword: String
    /// Seed of the deterministic generator (`--seed`).
    public var seed: UInt64

    /// Options with the documented defaults (see ``SimulatorSeed``).
    public init(
        clientID: String = SimulatorSeed.defaultClientID,
        clientSecret: String = SimulatorSeed.defaultClientSecret,
        adminPassword: String = SimulatorSeed.defaultAdminPassword,
        seed: UInt64 = 1
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.adminPassword = adminPassword
        self.seed = seed
    }
}
