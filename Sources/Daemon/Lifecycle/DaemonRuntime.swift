import Foundation
import Logging
import OnboardCore
import OnboardSystemd

/// What the running daemon holds: the loaded configuration, the partner accounts with their DC clients (one request
/// scheduler per data centre, shared by the partners on it), the store and the engine. Reload swaps the
/// configuration in place; paths and the socket need a restart.
public actor DaemonRuntime {
    public let store: OnboardingStore
    public let engine: OnboardingEngine
    public let startedAt = Date()
    private var loaded: LoadedConfiguration
    private var schedulers: [String: DataCenterScheduler] = [:]
    private var clients: [String: DCClient] = [:]
    private let logger: Logger
    private let environment: [String: String]

    /// One DC's scheduler and the settings it was made with.
    private struct DataCenterScheduler {
        var configuration: RequestScheduler.Configuration
        var scheduler: RequestScheduler
    }

    /// Builds the partner accounts and the engine for `loaded`.
    public init(loaded: LoadedConfiguration, store: OnboardingStore, logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.loaded = loaded
        self.store = store
        self.logger = logger
        self.environment = environment
        var schedulers: [String: DataCenterScheduler] = [:]
        var clients: [String: DCClient] = [:]
        let accounts = Self.accounts(for: loaded, schedulers: &schedulers, clients: &clients, logger: logger)
        self.schedulers = schedulers
        self.clients = clients
        var engineConfiguration = OnboardingEngine.Configuration()
        engineConfiguration.maxConcurrentOnboardings = loaded.configuration.engine.maxConcurrentOnboardings
        self.engine = OnboardingEngine(
            store: store, partners: accounts, services: ServiceSource(profiles: loaded.profiles), configuration: engineConfiguration, logger: logger)
    }

    /// The configuration in force.
    public var configuration: LoadedConfiguration { loaded }

    /// Partner and profile names requests are validated against.
    public var validationContext: RequestValidationContext { loaded.validationContext }

    /// Re-reads the configuration file and profiles. On any problem nothing changes and the problems are thrown.
    public func reload() async throws(ConfigurationError) -> ReloadResult {
        let fresh = try await ConfigurationLoader.load(path: loaded.path, environment: environment)
        var notApplied: [String] = []
        if fresh.configuration.paths != loaded.configuration.paths {
            notApplied.append("paths (spool, state, socket, profiles folder) change only at a restart: systemctl restart onboardd")
        }
        if fresh.configuration.control != loaded.configuration.control {
            notApplied.append("control groups change only at a restart: systemctl restart onboardd")
        }
        if fresh.configuration.engine != loaded.configuration.engine {
            notApplied.append("engine.max_concurrent_onboardings changes only at a restart: systemctl restart onboardd")
        }
        var kept = fresh
        kept.configuration.paths = loaded.configuration.paths
        kept.configuration.control = loaded.configuration.control
        kept.configuration.engine = loaded.configuration.engine
        var schedulers = self.schedulers
        var clients = self.clients
        let accounts = Self.accounts(for: kept, schedulers: &schedulers, clients: &clients, logger: logger)
        self.schedulers = schedulers
        self.clients = clients
        loaded = kept
        await engine.updatePartners(accounts)
        await engine.updateServices(ServiceSource(profiles: kept.profiles))
        return ReloadResult(partners: accounts.map(\.name), profiles: kept.profiles.keys.sorted(), notApplied: notApplied)
    }

    /// Version, partners with token and scheduler state, counts.
    public func status() async throws -> DaemonStatus {
        var partners: [PartnerStatus] = []
        for partner in loaded.configuration.partners {
            guard let client = clients[partner.name], let scheduler = schedulers[DaemonConfiguration.dataCenterKey(partner.dataCenterURL)] else { continue }
            let token = await TokenSummary(client.tokens.state)
            partners.append(PartnerStatus(
                name: partner.name, dataCenterURL: partner.dataCenterURL.absoluteString, clientID: partner.clientID, tokenState: token.state,
                tokenExpiresAt: token.expiresAt, tokenError: token.error,
                scheduler: SchedulerStatus(await scheduler.scheduler.metrics(), configuredRate: scheduler.configuration.rate)))
        }
        let counts = try await store.counts()
        return DaemonStatus(
            version: OnboardVersion.current, pid: getpid(), startedAt: startedAt, configFile: loaded.path, partners: partners,
            onboardings: Dictionary(uniqueKeysWithValues: OnboardingState.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            spoolDirectory: loaded.configuration.paths.spool, profiles: loaded.profiles.keys.sorted())
    }

    /// Whether the store and every scheduler answer: the watchdog's liveness probe (engineering notes §1.3).
    public func isAlive() async -> Bool {
        do {
            try await store.database.check()
        } catch {
            logger.error("liveness: the database does not answer", metadata: ["error": "\(error)"])
            return false
        }
        for entry in schedulers.values { _ = await entry.scheduler.metrics() }
        return true
    }

    /// A one-line summary for systemd's `STATUS=`: counts and token state.
    public func statusLine() async -> String {
        let counts = (try? await store.counts()) ?? [:]
        var tokens: [String] = []
        for partner in loaded.configuration.partners {
            guard let client = clients[partner.name] else { continue }
            tokens.append("\(partner.name) \(await TokenSummary(client.tokens.state).statusText)")
        }
        let number = { (state: OnboardingState) in counts[state] ?? 0 }
        return "ready; \(number(.running)) running, \(number(.queued)) queued, \(number(.waiting)) waiting, \(number(.failed)) failed, "
            + "\(number(.succeeded)) succeeded; " + tokens.joined(separator: ", ")
    }

    /// Builds the partner accounts, reusing the scheduler of a DC whose limits did not change and the client (with its
    /// cached token) of a partner whose DC, client id and secret did not change.
    private static func accounts(
        for loaded: LoadedConfiguration, schedulers: inout [String: DataCenterScheduler], clients: inout [String: DCClient], logger: Logger
    ) -> [PartnerAccount] {
        var accounts: [PartnerAccount] = []
        var usedSchedulers: [String: DataCenterScheduler] = [:]
        var usedClients: [String: DCClient] = [:]
        for partner in loaded.configuration.partners {
            guard let credentials = loaded.credentials(of: partner) else { continue }
            let key = DaemonConfiguration.dataCenterKey(partner.dataCenterURL)
            let settings = loaded.configuration.schedulerConfiguration(for: partner.dataCenterURL)
            let scheduler: DataCenterScheduler
            if let existing = usedSchedulers[key] ?? schedulers[key], existing.configuration == settings {
                scheduler = existing
            } else {
                var schedulerLogger = logger
                schedulerLogger[metadataKey: "dc"] = "\(key)"
                scheduler = DataCenterScheduler(configuration: settings, scheduler: RequestScheduler(configuration: settings, logger: schedulerLogger))
            }
            usedSchedulers[key] = scheduler
            let client: DCClient
            if let existing = clients[partner.name], existing.credentials == credentials,
                let previous = schedulers[key], previous.scheduler === scheduler.scheduler
            {
                client = existing
            } else {
                var clientLogger = logger
                clientLogger[metadataKey: "partner"] = "\(partner.name)"
                client = DCClient(
                    credentials: credentials, sender: ScheduledSender(scheduler: scheduler.scheduler, transport: AsyncHTTPClientTransport()),
                    logger: clientLogger)
            }
            usedClients[partner.name] = client
            accounts.append(PartnerAccount(name: partner.name, client: client))
        }
        schedulers = usedSchedulers
        clients = usedClients
        return accounts
    }
}

/// A partner's token state for `daemon.status` and systemd's `STATUS=` line; never the token.
private struct TokenSummary {
    let cached: AccessTokenCache.State

    init(_ cached: AccessTokenCache.State) {
        self.cached = cached
    }

    /// `empty`, `valid`, `refreshing` or `failed`.
    var state: String {
        switch cached {
        case .empty: "empty"
        case .valid: "valid"
        case .refreshing: "refreshing"
        case .failed: "failed"
        }
    }

    var expiresAt: Date? {
        if case .valid(let expiresAt) = cached { expiresAt } else { nil }
    }

    var error: String? {
        if case .failed(let failure) = cached { failure.description } else { nil }
    }

    /// `token valid 41m`, `no token yet`, `token refreshing`, `token FAILED`.
    var statusText: String {
        switch cached {
        case .empty: "no token yet"
        case .refreshing: "token refreshing"
        case .failed: "token FAILED"
        case .valid(let expiresAt): "token valid \(max(0, Int(expiresAt.timeIntervalSinceNow / 60)))m"
        }
    }
}
