import Foundation

/// An onboarding as the control API shows it: state, step, ids of what it created, last message. No secrets.
public struct OnboardingSummary: Sendable, Hashable, Codable {
    public var id: String
    /// The idempotency key (`partner/customer-name` unless the request gave one).
    public var key: String
    public var partner: String
    public var customer: String
    public var state: OnboardingState
    /// The step running, next to run, or that stopped the onboarding.
    public var step: OnboardingStep
    /// Attempts of ``step`` so far.
    public var attempt: Int
    /// When a waiting onboarding runs again.
    public var nextAttemptAt: Date?
    /// Why it failed or waits, with the fix; `nil` otherwise.
    public var reason: String?
    public var tenantID: String?
    public var userID: String?
    /// The uid that submitted it (spool file owner or socket peer).
    public var submitterUID: UInt32?
    /// `spool:<file>`, `socket:<source>` …
    public var source: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, key: String, partner: String, customer: String, state: OnboardingState, step: OnboardingStep, attempt: Int,
        nextAttemptAt: Date?, reason: String?, tenantID: String?, userID: String?, submitterUID: UInt32?, source: String, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.key = key
        self.partner = partner
        self.customer = customer
        self.state = state
        self.step = step
        self.attempt = attempt
        self.nextAttemptAt = nextAttemptAt
        self.reason = reason
        self.tenantID = tenantID
        self.userID = userID
        self.submitterUID = submitterUID
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The summary of a stored onboarding.
    public init(_ record: OnboardingRecord) {
        let progress = record.progress
        self.init(
            id: record.id, key: record.key, partner: record.partner, customer: record.customerName, state: progress.state, step: progress.step,
            attempt: progress.attempt, nextAttemptAt: progress.state == .waiting ? progress.nextRunAt : nil,
            reason: progress.state == .succeeded ? nil : progress.lastFailure?.message, tenantID: record.tenantID, userID: record.userID,
            submitterUID: record.submitterUID, source: record.source, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, key, partner, customer, state, step, attempt, reason, source
        case nextAttemptAt = "next_attempt_at"
        case tenantID = "tenant_id"
        case userID = "user_id"
        case submitterUID = "submitter_uid"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Result of `onboarding.get`: the summary and every step's row.
public struct OnboardingDetail: Sendable, Hashable, Codable {
    public var onboarding: OnboardingSummary
    public var steps: [StepSummary]

    public init(onboarding: OnboardingSummary, steps: [StepSummary]) {
        self.onboarding = onboarding
        self.steps = steps
    }
}

/// One step of an onboarding.
public struct StepSummary: Sendable, Hashable, Codable {
    public var step: OnboardingStep
    /// `pending`, `running`, `succeeded` or `failed`.
    public var status: String
    public var attempts: Int
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Ids the step obtained (tenant, user, token id); never a secret.
    public var outputs: [String: String]
    public var lastError: String?
    /// The Acronis `error.code` of the last failure, if the DC gave one.
    public var acronisCode: Int?

    public init(
        step: OnboardingStep, status: String, attempts: Int, startedAt: Date?, finishedAt: Date?, outputs: [String: String], lastError: String?,
        acronisCode: Int?
    ) {
        self.step = step
        self.status = status
        self.attempts = attempts
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outputs = outputs
        self.lastError = lastError
        self.acronisCode = acronisCode
    }

    public init(_ record: StepRecord) {
        self.init(
            step: record.step, status: record.status, attempts: record.attempts, startedAt: record.startedAt, finishedAt: record.finishedAt,
            outputs: record.outputs, lastError: record.lastError, acronisCode: record.acronisCode)
    }

    /// A step that has not run yet.
    public static func pending(_ step: OnboardingStep) -> StepSummary {
        StepSummary(step: step, status: "pending", attempts: 0, startedAt: nil, finishedAt: nil, outputs: [:], lastError: nil, acronisCode: nil)
    }

    enum CodingKeys: String, CodingKey {
        case step, status, attempts, outputs
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case lastError = "last_error"
        case acronisCode = "acronis_code"
    }
}

/// One entry of an onboarding's event log (`onboarding.logs`, and the `onboarding.event` notification).
public struct EventEntry: Sendable, Hashable, Codable {
    /// Increases with every event of the daemon; pass the last one seen as `after` to resume.
    public var seq: Int64
    public var onboardingID: String
    public var at: Date
    /// `submitted`, `step_started`, `step_done`, `step_failed`, `waiting`, `succeeded`, `failed`, `cancelled`, `retried`.
    public var kind: String
    public var step: OnboardingStep?
    public var message: String

    public init(seq: Int64, onboardingID: String, at: Date, kind: String, step: OnboardingStep?, message: String) {
        self.seq = seq
        self.onboardingID = onboardingID
        self.at = at
        self.kind = kind
        self.step = step
        self.message = message
    }

    public init(_ event: OnboardingEvent) {
        self.init(seq: event.seq, onboardingID: event.onboardingID, at: event.at, kind: event.kind.rawValue, step: event.step, message: event.message)
    }

    enum CodingKeys: String, CodingKey {
        case seq, at, kind, step, message
        case onboardingID = "onboarding_id"
    }
}
