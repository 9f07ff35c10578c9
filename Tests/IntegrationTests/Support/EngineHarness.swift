import DCSimulator
import Foundation
import Logging

@testable import OnboardCore

/// An onboarding engine on a temporary database, talking to an `onboard-dcsim` process, with the
/// example profiles of `examples/profiles/`.
final class EngineHarness: Sendable {
    static let partnerName = "eu2"
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let simulator: SimulatorProcess
    let directory: URL
    let services: ServiceSource
    let account: PartnerAccount
    let configuration: OnboardingEngine.Configuration

    init(simulator: SimulatorProcess, configuration: OnboardingEngine.Configuration = EngineHarness.fastEngine) throws {
        self.simulator = simulator
        self.configuration = configuration
        directory = FileManager.default.temporaryDirectory.appending(path: "engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        services = try Self.exampleProfiles()
        account = PartnerAccount(name: Self.partnerName, client: DCTestClient(simulator: simulator).client)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Short back-offs so transient failures are retried within a test.
    static let fastEngine = OnboardingEngine.Configuration(
        maxConcurrentOnboardings: 16, retryPolicy: OnboardingRetryPolicy(base: .milliseconds(200), cap: .seconds(1), maxAttempts: 8),
        idlePoll: .milliseconds(200))

    static func exampleProfiles() throws -> ServiceSource {
        let folder = repositoryRoot.appending(path: "examples/profiles")
        var profiles: [String: ServiceProfile] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let name = String(file.dropLast(5))
            profiles[name] = try ProfileFile.parse(name: name, data: try Data(contentsOf: folder.appending(path: file))).get()
        }
        return ServiceSource(profiles: profiles)
    }

    var context: RequestValidationContext {
        RequestValidationContext(partners: [Self.partnerName], profiles: services.profiles.keys.sorted())
    }

    var databasePath: String { directory.appending(path: "onboard.sqlite").path }

    func openStore() async throws -> OnboardingStore { try await OnboardingStore.open(path: databasePath) }

    func makeEngine(store: OnboardingStore) -> OnboardingEngine {
        var logger = Logger(label: "engine-test")
        logger.logLevel = .warning
        return OnboardingEngine(store: store, partners: [account], services: services, configuration: configuration, logger: logger)
    }

    /// Runs an engine on the harness database while `body` runs, then stops it (as a shutdown would).
    func withRunningEngine<T: Sendable>(_ body: @Sendable (OnboardingEngine, OnboardingStore) async throws -> T) async throws -> T {
        let store = try await openStore()
        let engine = makeEngine(store: store)
        let result = try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await engine.run()
                return nil
            }
            let value = try await body(engine, store)
            group.cancelAll()
            while let next = try await group.next() { _ = next }
            return value
        }
        await store.database.close()
        return result
    }

    /// A request from JSON text, validated as the daemon would.
    func request(_ json: String) throws -> OnboardingRequest {
        try RequestParser.parse(json: json, context: context)
    }

    /// A request for a new customer with a unique name, key and login.
    func request(
        name: String = uniqueName("Customer"), services: String = #"{"profile": "standard-per-workload"}"#, login: String? = nil,
        activation: String = "password", key: String? = nil, language: String = "en"
    ) throws -> OnboardingRequest {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let json = """
            {"version": 1, "key": "\(key ?? "test-\(suffix)")", "partner": "eu2",
             "customer": {"name": "\(name)", "language": "\(language)", "contact": {"email": "it@\(suffix).example"}},
             "services": \(services),
             "admin": {"login": "\(login ?? "admin.\(suffix)")", "email": "admin@\(suffix).example", "activation": "\(activation)"}}
            """
        return try request(json)
    }

    /// Waits until every onboarding in `ids` is succeeded, failed or cancelled.
    func waitForTerminal(_ ids: [String], store: OnboardingStore, within limit: Duration = .seconds(60)) async throws -> [OnboardingRecord] {
        try await waitUntil("\(ids.count) onboardings to finish", within: limit) {
            for id in ids {
                guard let record = try await store.record(id: id), record.progress.state.isTerminal else { return false }
            }
            return true
        }
        var records: [OnboardingRecord] = []
        for id in ids { if let record = try await store.record(id: id) { records.append(record) } }
        return records
    }

    // MARK: - What the simulated DC holds

    /// Live tenants named `name` directly under the partner tenant.
    func tenants(named name: String) async throws -> [[String: Any]] {
        try await simulator.tenants(named: name)
    }

    /// Users of the simulator with `login`.
    func users(login: String) async throws -> [[String: Any]] {
        try await simulator.users(login: login)
    }
}
