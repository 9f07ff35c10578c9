/// A token bucket: a sustained request rate plus a burst allowance, with time passed in by the caller.
///
/// The bucket holds at most ``burst`` tokens and gains ``rate`` tokens per second. Each admitted request takes one
/// token. It performs no I/O and never reads a clock: every mutating call receives `now`, so tests inject time.
/// The reference behaviour is `golang.org/x/time/rate`.
///
/// A bucket can be paused with ``pause(until:now:)``: no token is handed out before that instant, tokens do not
/// accumulate while paused, and any stored tokens beyond one are dropped. A pause is a reaction to throttling, so
/// it must not end in a burst; after it the bucket hands out at most one token at once, then follows ``rate``.
public struct TokenBucket: Sendable, Hashable {
    /// The outcome of ``tryAcquire(now:)``.
    public enum Acquisition: Sendable, Hashable {
        /// A token was taken.
        case acquired
        /// No token is available now; the earliest instant one can be is attached.
        case notBefore(ContinuousClock.Instant)
    }

    /// Tokens per second (the sustained request rate). Always greater than zero.
    public private(set) var rate: Double
    /// The capacity: how many requests may go out back to back after an idle period.
    public let burst: Int
    /// The end of the current (or most recent) pause, if the bucket was ever paused.
    public private(set) var pausedUntil: ContinuousClock.Instant?

    private var tokens: Double
    /// Tokens are accounted up to this instant. It can lie in the future while a pause is pending.
    private var accountedUntil: ContinuousClock.Instant

    /// Rounding slack so that waiting exactly until ``earliestAcquisition(now:)`` always succeeds.
    private static let epsilon = 1e-9

    /// Creates a full bucket.
    ///
    /// - Parameters:
    ///   - rate: Tokens per second; must be greater than zero.
    ///   - burst: Capacity; must be at least 1.
    ///   - now: The current instant.
    public init(rate: Double, burst: Int, now: ContinuousClock.Instant) {
        precondition(rate > 0 && rate.isFinite, "TokenBucket rate must be a positive number, got \(rate)")
        precondition(burst >= 1, "TokenBucket burst must be at least 1, got \(burst)")
        self.rate = rate
        self.burst = burst
        self.tokens = Double(burst)
        self.accountedUntil = now
        self.pausedUntil = nil
    }

    /// Whether a pause is in force at `now`.
    public func isPaused(now: ContinuousClock.Instant) -> Bool {
        guard let pausedUntil else { return false }
        return now < pausedUntil
    }

    /// The number of tokens (possibly fractional) the bucket holds at `now`, ignoring any pause.
    public func availableTokens(now: ContinuousClock.Instant) -> Double {
        var copy = self
        copy.refill(now: now)
        return copy.tokens
    }

    /// The earliest instant at or after `now` at which ``tryAcquire(now:)`` will succeed, assuming no other
    /// acquisition, rate change or pause happens meanwhile.
    public func earliestAcquisition(now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var start = now
        if let pausedUntil, pausedUntil > start { start = pausedUntil }
        var copy = self
        copy.refill(now: start)
        if copy.tokens >= 1 - Self.epsilon { return start }
        // Accrual begins at `accountedUntil` if that lies beyond `start` (a pause that is still pending).
        let accrualStart = max(start, copy.accountedUntil)
        return accrualStart + SchedulerTime.duration(seconds: (1 - copy.tokens) / rate)
    }

    /// Takes one token if one is available at `now` and no pause is in force.
    ///
    /// - Returns: ``Acquisition/acquired``, or the earliest instant a token can be available.
    public mutating func tryAcquire(now: ContinuousClock.Instant) -> Acquisition {
        if isPaused(now: now) { return .notBefore(earliestAcquisition(now: now)) }
        refill(now: now)
        guard tokens >= 1 - Self.epsilon else { return .notBefore(earliestAcquisition(now: now)) }
        tokens = max(0, tokens - 1)
        return .acquired
    }

    /// Changes the sustained rate from `now` on. Tokens accrued so far are kept (at the old rate).
    ///
    /// - Parameter rate: Tokens per second; must be greater than zero.
    public mutating func setRate(_ rate: Double, now: ContinuousClock.Instant) {
        precondition(rate > 0 && rate.isFinite, "TokenBucket rate must be a positive number, got \(rate)")
        refill(now: now)
        self.rate = rate
    }

    /// Hands out no token before `deadline`.
    ///
    /// An earlier deadline than a pause already in force never shortens it. Tokens stop accumulating until the
    /// pause ends, and at most one stored token survives it.
    public mutating func pause(until deadline: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        refill(now: now)
        tokens = min(tokens, 1)
        if let pausedUntil, pausedUntil >= deadline { return }
        pausedUntil = deadline
        if deadline > accountedUntil { accountedUntil = deadline }
    }

    private mutating func refill(now: ContinuousClock.Instant) {
        guard now > accountedUntil else { return }
        let elapsed = SchedulerTime.seconds(now - accountedUntil)
        tokens = min(Double(burst), tokens + elapsed * rate)
        accountedUntil = now
    }
}
