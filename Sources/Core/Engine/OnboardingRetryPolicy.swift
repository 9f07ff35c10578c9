/// How long an onboarding waits after a transient step failure, and when it gives up.
///
/// Polynomial growth (`base · attempt²`, capped), after engineering.md §5.1: job-level retries
/// use a persisted wake-up time; after ``maxAttempts`` attempts of one step the onboarding fails as
/// retryable, and an operator can `retry` it.
public struct OnboardingRetryPolicy: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// Attempts of one step before the onboarding fails.
    public var maxAttempts: Int

    public init(base: Duration = .seconds(5), cap: Duration = .seconds(600), maxAttempts: Int = 10) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after failed attempt number `attempt` (from 1).
    public func delay(afterAttempt attempt: Int) -> Duration {
        min(cap, base * (attempt * attempt))
    }
}
