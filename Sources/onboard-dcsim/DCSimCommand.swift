import ArgumentParser
import DCSimulator
import Foundation
import Hummingbird
import Logging

/// `onboard-dcsim`: serves an in-memory Acronis DC (Account Management API v2) for tests and demos.
///
/// Prints exactly `listening on http://HOST:PORT` on stdout once it accepts connections; logs go to stderr.
/// Every option is described in `docs/simulator.md`.
@main
struct DCSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard-dcsim",
        abstract: "An in-memory Acronis Cyber Protect Cloud data centre (Account Management API v2) for tests.",
        discussion: "Run-time changes: PATCH /_sim/config with the camelCase names of the knob and fault options."
    )

    // MARK: Server and seed

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port.")
    var port = 0

    @Option(help: "Id of the API client owned by the partner tenant 'Sim Partner'.")
    var clientID = SimulatorSeed.defaultClientID

    @Option(help: "Secret of that API client.")
    var clientSecret = SimulatorSeed.defaultClientSecret

    @Option(help: "Password of the partner admin user 'sim.partner.admin' (password grant).")
    var adminPassword = SimulatorSeed.defaultAdminPassword

    @Option(help: "Seed of the deterministic generator (ids, registration tokens, jitter, random faults).")
    var seed: UInt64 = 1

    @Option(help: "Append one JSON line per /api/2 call to this file.")
    var record: String?

    @Option(help: "Log level on stderr (trace, debug, info, notice, warning, error, critical).")
    var logLevel = "info"

    // MARK: §11.2 knobs

    @Option(help: "HTTP status of a duplicate tenant name (error.code 1004): 409 or 400.")
    var dupNameStatus: Int?

    @Option(help: "Scope of tenant-name uniqueness: per-parent or global.", transform: Self.dupNameScope)
    var dupNameScope: DupNameScope?

    @Option(help: "Items left out of PUT offering_items: keep or disable.", transform: Self.omittedItemsPolicy)
    var omittedItemsPolicy: OmittedItemsPolicy?

    @Flag(inversion: .prefixedNo, help: "Reject extra fields inside offering_items[] entries.")
    var strictItemFields = false

    @Option(help: "Quota version of items never set on a tenant: 0, 1 or omit.", transform: Self.initialQuotaVersion)
    var initialQuotaVersion: InitialQuotaVersion?

    @Option(help: "error.code of the one-edition-per-application violation.")
    var editionViolationCode: Int?

    @Option(help: "HTTP status of the one-edition-per-application violation.")
    var editionViolationStatus: Int?

    @Option(help: "HTTP status of infrastructure conflicts 1015/1031.")
    var infraConflictStatus: Int?

    @Option(help: "Success status of POST /users: 200 or 201.")
    var createUserStatus: Int?

    @Option(help: "Status of password/activation calls made with a user token: 403 or 401.")
    var userTokenOnPasswordStatus: Int?

    @Option(help: "Registration tokens not bound to a user on customer tenants: allowed or rejected.", transform: Self.allowance)
    var customerLevelRegToken: Allowance?

    @Option(help: "Tenant id form in policy_management scopes: uuid or numeric.", transform: Self.policyScopeIDKind)
    var policyScopeIdKind: PolicyScopeIDKind?

    @Flag(inversion: .prefixedNo, help: "Include expires_in in token responses.")
    var tokenIncludesExpiresIn = true

    @Option(help: "Reads show the pre-write state of tenants, users and items for this many ms.")
    var readAfterWriteLagMs: Int?

    @Option(help: "Lifetime of bearer tokens in seconds.")
    var tokenLifetimeSec: Int?

    @Option(help: "HTTP status when a production tenant is set back to trial: 400 or 409.")
    var productionToTrialError: Int?

    @Option(help: "Default page size of paged lists (limit overrides it).")
    var pageSize: Int?

    // MARK: Faults

    @Option(help: "Fixed latency added to every /api/2 request, in ms.")
    var latencyMs: Int?

    @Option(help: "Random extra latency 0…N ms (seeded).")
    var latencyJitterMs: Int?

    @Option(help: "Sustained requests per second per caller; 0 disables the rate limit.")
    var rateLimitRps: Double?

    @Option(help: "Burst (bucket capacity) of the rate limit.")
    var rateLimitBurst: Int?

    @Option(help: "Retry-After form on 429: seconds, http-date or absent.", transform: Self.retryAfterMode)
    var retryAfterMode: RetryAfterMode?

    @Option(help: "Fixed Retry-After seconds (default: time until the bucket refills).")
    var retryAfterSeconds: Int?

    @Option(help: "Probability 0…1 of a random server error (seeded; never on /idp/token unless enabled).")
    var errorRate: Double?

    @Option(help: "Status of random server errors: 500, 502, 503 or 504.")
    var errorStatus: Int?

    @Flag(inversion: .prefixedNo, help: "Apply the rate limit and random errors to POST /idp/token too.")
    var faultsIncludeTokenEndpoint = false

    @Option(help: "Deterministic fault 'METHOD PATH-PREFIX STATUS [COUNT]', e.g. 'POST /tenants 503 2' (repeatable).")
    var failNext: [String] = []

    @Option(help: "Commit, then drop the connection without a response: 'POST /tenants' or 'POST /users', optionally '=N' (repeatable).")
    var dropAfterCommit: [String] = []

    // MARK: Parsing helpers

    private static func parse<T>(_ text: String, _ name: String, _ values: [String: T]) throws -> T {
        guard let value = values[text] else {
            throw ValidationError("\(name) must be one of \(values.keys.sorted().joined(separator: ", ")); got '\(text)'")
        }
        return value
    }

    static func dupNameScope(_ text: String) throws -> DupNameScope {
        try parse(text, "--dup-name-scope", ["per-parent": .perParent, "perParent": .perParent, "global": .global])
    }

    static func omittedItemsPolicy(_ text: String) throws -> OmittedItemsPolicy {
        try parse(text, "--omitted-items-policy", ["keep": .keep, "disable": .disable])
    }

    static func initialQuotaVersion(_ text: String) throws -> InitialQuotaVersion {
        try parse(text, "--initial-quota-version", ["0": .zero, "1": .one, "omit": .omit])
    }

    static func allowance(_ text: String) throws -> Allowance {
        try parse(text, "--customer-level-reg-token", ["allowed": .allowed, "rejected": .rejected])
    }

    static func policyScopeIDKind(_ text: String) throws -> PolicyScopeIDKind {
        try parse(text, "--policy-scope-id-kind", ["uuid": .uuid, "numeric": .numeric])
    }

    static func retryAfterMode(_ text: String) throws -> RetryAfterMode {
        try parse(text, "--retry-after-mode", ["seconds": .seconds, "http-date": .httpDate, "absent": .absent])
    }

    /// The configuration described by the options.
    func simulatorConfiguration() throws -> SimulatorConfiguration {
        var config = SimulatorConfiguration()
        if let dupNameStatus { config.dupNameStatus = dupNameStatus }
        if let dupNameScope { config.dupNameScope = dupNameScope }
        if let omittedItemsPolicy { config.omittedItemsPolicy = omittedItemsPolicy }
        config.strictItemFields = strictItemFields
        if let initialQuotaVersion { config.initialQuotaVersion = initialQuotaVersion }
        if let editionViolationCode { config.editionViolationCode = editionViolationCode }
        if let editionViolationStatus { config.editionViolationStatus = editionViolationStatus }
        if let infraConflictStatus { config.infraConflictStatus = infraConflictStatus }
        if let createUserStatus { config.createUserStatus = createUserStatus }
        if let userTokenOnPasswordStatus { config.userTokenOnPasswordStatus = userTokenOnPasswordStatus }
        if let customerLevelRegToken { config.customerLevelRegToken = customerLevelRegToken }
        if let policyScopeIdKind { config.policyScopeIdKind = policyScopeIdKind }
        config.tokenIncludesExpiresIn = tokenIncludesExpiresIn
        if let readAfterWriteLagMs { config.readAfterWriteLagMs = readAfterWriteLagMs }
        if let tokenLifetimeSec { config.tokenLifetimeSec = tokenLifetimeSec }
        if let productionToTrialError { config.productionToTrialError = productionToTrialError }
        if let pageSize { config.pageSize = pageSize }
        if let latencyMs { config.latencyMs = latencyMs }
        if let latencyJitterMs { config.latencyJitterMs = latencyJitterMs }
        if let rateLimitRps { config.rateLimitRps = rateLimitRps }
        if let rateLimitBurst { config.rateLimitBurst = rateLimitBurst }
        if let retryAfterMode { config.retryAfterMode = retryAfterMode }
        config.retryAfterSeconds = retryAfterSeconds
        if let errorRate { config.errorRate = errorRate }
        if let errorStatus { config.errorStatus = errorStatus }
        config.faultsIncludeTokenEndpoint = faultsIncludeTokenEndpoint
        config.failNext = try failNext.map { text in
            guard let rule = FailRule(cli: text) else {
                throw ValidationError("--fail-next takes 'METHOD PATH-PREFIX STATUS [COUNT]', got '\(text)'")
            }
            return rule
        }
        var drops: [String: JSON] = [:]
        for text in dropAfterCommit {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            let count = parts.count == 2 ? Int(parts[1]) : 1
            guard let count, count > 0 else {
                throw ValidationError("--drop-after-commit takes 'POST /tenants' or 'POST /tenants=N', got '\(text)'")
            }
            let key = parts[0]
            drops[key] = .int((drops[key]?.intValue ?? 0) + count)
        }
        do {
            config = try config.applying(["dropAfterCommit": .object(drops)])
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        do {
            try config.validate()
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        return config
    }

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "onboard-dcsim")
        logger.logLevel = level

        let simulator = try DCSimulator(
            seed: SeedOptions(clientID: clientID, clientSecret: clientSecret, adminPassword: adminPassword, seed: seed),
            configuration: try simulatorConfiguration(),
            recordFile: record
        )
        let host = self.host
        let requestedPort = self.port
        let app = Application(
            router: simulator.makeRouter(),
            configuration: .init(address: .hostname(host, port: requestedPort)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                // The only line ever written to stdout; unbuffered so a parent process sees it at once.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }
}
