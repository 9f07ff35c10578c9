import Foundation

/// One onboarding as the store keeps it. Holds no secret: credentials live apart
/// (``OnboardingCredentials``) and are read only through an explicit call.
public struct OnboardingRecord: Sendable, Hashable, Identifiable {
    public var id: String
    /// The idempotency key: the same key with the same content is the same onboarding.
    public var key: String
    public var partner: String
    public var customerName: String
    /// The canonical JSON of the request. It may hold the admin password the submitter gave, so
    /// it is never logged or returned by read calls.
    public var requestJSON: String
    public var progress: OnboardingStateMachine.Progress
    /// The uid of whoever submitted it (socket peer or spool file owner).
    public var submitterUID: UInt32?
    /// `socket`, `spool:<file name>`, …
    public var source: String
    /// Ids obtained from the DC so far.
    public var tenantID: String?
    public var userID: String?
    public var personalTenantID: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// Secrets kept for the operator (database file mode 0600), returned only by an explicit
/// credentials call.
public struct OnboardingCredentials: Sendable, Hashable {
    public var adminPassword: Secret?
    public var registrationToken: Secret?
    public var registrationTokenID: Int64?
    public var registrationTokenExpiresAt: String?

    public init(adminPassword: Secret? = nil, registrationToken: Secret? = nil, registrationTokenID: Int64? = nil, registrationTokenExpiresAt: String? = nil) {
        self.adminPassword = adminPassword
        self.registrationToken = registrationToken
        self.registrationTokenID = registrationTokenID
        self.registrationTokenExpiresAt = registrationTokenExpiresAt
    }
}

/// One line of an onboarding's log (what `onboardctl logs` shows). Never holds a secret.
public struct OnboardingEvent: Sendable, Hashable {
    /// Kinds of events.
    public enum Kind: String, Sendable, Hashable, Codable {
        case submitted, stepStarted = "step_started", stepDone = "step_done", stepFailed = "step_failed"
        case waiting, succeeded, failed, cancelled, retried, recovered, note
    }

    public var seq: Int64
    public var onboardingID: String
    public var at: Date
    public var kind: Kind
    public var step: OnboardingStep?
    public var message: String
}
