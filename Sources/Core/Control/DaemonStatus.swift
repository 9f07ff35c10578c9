import Foundation

/// Result of `daemon.status`.
public struct DaemonStatus: Sendable, Hashable, Codable {
    /// ``ControlMethod/protocolVersion``.
    public var protocolVersion: Int
    public var version: String
    public var pid: Int32
    public var startedAt: Date
    public var configFile: String
    public var partners: [PartnerStatus]
    /// Onboardings per state.
    public var onboardings: [String: Int]
    public var spoolDirectory: String
    public var profiles: [String]

    public init(
        protocolVersion: Int = ControlMethod.protocolVersion, version: String, pid: Int32, startedAt: Date, configFile: String,
        partners: [PartnerStatus], onboardings: [String: Int], spoolDirectory: String, profiles: [String]
    ) {
        self.protocolVersion = protocolVersion
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.configFile = configFile
        self.partners = partners
        self.onboardings = onboardings
        self.spoolDirectory = spoolDirectory
        self.profiles = profiles
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, partners, onboardings, profiles
        case protocolVersion = "protocol"
        case startedAt = "started_at"
        case configFile = "config_file"
        case spoolDirectory = "spool_directory"
    }
}

/// One partner account: its DC, its API token and its request scheduler.
public struct PartnerStatus: Sendable, Hashable, Codable {
    public var name: String
    public var dataCenterURL: String
    public var clientID: String
    /// `empty` (none requested yet), `valid`, `refreshing` or `failed`.
    public var tokenState: String
    public var tokenExpiresAt: Date?
    /// Why the last token request failed, with the fix.
    public var tokenError: String?
    public var scheduler: SchedulerStatus

    public init(
        name: String, dataCenterURL: String, clientID: String, tokenState: String, tokenExpiresAt: Date?, tokenError: String?, scheduler: SchedulerStatus
    ) {
        self.name = name
        self.dataCenterURL = dataCenterURL
        self.clientID = clientID
        self.tokenState = tokenState
        self.tokenExpiresAt = tokenExpiresAt
        self.tokenError = tokenError
        self.scheduler = scheduler
    }

    enum CodingKeys: String, CodingKey {
        case name, scheduler
        case dataCenterURL = "dc_url"
        case clientID = "client_id"
        case tokenState = "token_state"
        case tokenExpiresAt = "token_expires_at"
        case tokenError = "token_error"
    }
}

/// The request scheduler of one DC (shared by the partners on that DC).
public struct SchedulerStatus: Sendable, Hashable, Codable {
    /// Requests per second allowed now (lowered after 429s, raised again slowly).
    public var currentRate: Double
    public var configuredRate: Double
    public var inFlight: Int
    public var queued: Int
    public var attemptsSent: Int
    public var throttledResponses: Int
    public var retries: Int
    public var pauses: Int
    public var pauseRemainingSeconds: Double

    public init(
        currentRate: Double, configuredRate: Double, inFlight: Int, queued: Int, attemptsSent: Int, throttledResponses: Int, retries: Int, pauses: Int,
        pauseRemainingSeconds: Double
    ) {
        self.currentRate = currentRate
        self.configuredRate = configuredRate
        self.inFlight = inFlight
        self.queued = queued
        self.attemptsSent = attemptsSent
        self.throttledResponses = throttledResponses
        self.retries = retries
        self.pauses = pauses
        self.pauseRemainingSeconds = pauseRemainingSeconds
    }

    public init(_ metrics: SchedulerMetrics, configuredRate: Double) {
        let pause = metrics.pauseRemaining.components
        self.init(
            currentRate: metrics.currentRate, configuredRate: configuredRate, inFlight: metrics.inFlight, queued: metrics.queueLength,
            attemptsSent: metrics.attemptsSent, throttledResponses: metrics.throttledResponses, retries: metrics.retries, pauses: metrics.pauses,
            pauseRemainingSeconds: Double(pause.seconds) + Double(pause.attoseconds) / 1e18)
    }

    enum CodingKeys: String, CodingKey {
        case retries, pauses, queued
        case currentRate = "current_rate"
        case configuredRate = "configured_rate"
        case inFlight = "in_flight"
        case attemptsSent = "attempts_sent"
        case throttledResponses = "throttled_responses"
        case pauseRemainingSeconds = "pause_remaining_seconds"
    }
}

/// Result of `daemon.reload`.
public struct ReloadResult: Sendable, Hashable, Codable {
    public var partners: [String]
    public var profiles: [String]
    /// What did not change because a restart is needed (paths, the socket), each with the reason.
    public var notApplied: [String]

    public init(partners: [String], profiles: [String], notApplied: [String]) {
        self.partners = partners
        self.profiles = profiles
        self.notApplied = notApplied
    }

    enum CodingKeys: String, CodingKey {
        case partners, profiles
        case notApplied = "not_applied"
    }
}
