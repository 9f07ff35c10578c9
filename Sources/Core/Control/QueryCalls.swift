/// Parameters of the calls that name one onboarding: `get`, `retry`, `cancel`, `credentials`.
public struct OnboardingIDParams: Sendable, Hashable, Codable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}

/// Parameters of `onboarding.list`.
public struct ListParams: Sendable, Hashable, Codable {
    /// Only onboardings in this state; all when absent.
    public var state: OnboardingState?
    /// At most this many, newest first; default 1000.
    public var limit: Int?

    public init(state: OnboardingState? = nil, limit: Int? = nil) {
        self.state = state
        self.limit = limit
    }
}

/// Result of `onboarding.list`.
public struct ListResult: Sendable, Hashable, Codable {
    public var onboardings: [OnboardingSummary]
    /// How many onboardings are in each state, over all of them (not only the listed ones).
    public var counts: [String: Int]

    public init(onboardings: [OnboardingSummary], counts: [String: Int]) {
        self.onboardings = onboardings
        self.counts = counts
    }
}

/// Parameters of `onboarding.logs`.
public struct LogsParams: Sendable, Hashable, Codable {
    public var id: String
    /// Only events after this sequence number.
    public var after: Int64?
    /// Keep the call open and send each new event as an `onboarding.event` notification until the onboarding
    /// succeeds, fails or is cancelled.
    public var follow: Bool?

    public init(id: String, after: Int64? = nil, follow: Bool? = nil) {
        self.id = id
        self.after = after
        self.follow = follow
    }
}

/// Result of `onboarding.logs`: the events after `after`. When following, every event (the backlog included) was sent
/// as an `onboarding.event` notification before this result, and ``events`` is empty.
public struct LogsResult: Sendable, Hashable, Codable {
    public var events: [EventEntry]
    /// The onboarding when the call returned.
    public var onboarding: OnboardingSummary

    public init(events: [EventEntry], onboarding: OnboardingSummary) {
        self.events = events
        self.onboarding = onboarding
    }
}

/// Parameters of `onboarding.wait`: every event after `after` is sent as an `onboarding.event` notification, then
/// the call returns the onboarding once it has succeeded, failed or been cancelled.
public struct WaitParams: Sendable, Hashable, Codable {
    public var id: String
    /// Only events after this sequence number; all when absent.
    public var after: Int64?

    public init(id: String, after: Int64? = nil) {
        self.id = id
        self.after = after
    }
}
