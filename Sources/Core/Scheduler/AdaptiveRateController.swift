/// Finds and holds an unpublished server rate limit with AIMD (additive increase, multiplicative decrease).
///
/// The controller starts at ``ceiling`` (the operator's configured rate, which it never exceeds). A throttling
/// response (429, or 503) multiplies the rate by ``decreaseFactor``, but at most once per ``coolDown`` window and
/// never for a request sent before the previous decrease: the responses of requests that were already in flight
/// at the old rate all say the same thing and must not collapse the rate to the ``floor``. Every successful
/// response adds ``increasePerSecond`` × (seconds since the previous success or decrease), so the rate creeps
/// back up while the server accepts it. Idle time does not count: at most
/// `max(coolDown, 1 s)` is credited per success.
///
/// Pure logic: the caller passes every instant in.
public struct AdaptiveRateController: Sendable, Hashable {
    /// The current rate, in requests per second, within ``floor``...``ceiling``.
    public private(set) var rate: Double
    /// The highest rate, and the starting one.
    public let ceiling: Double
    /// The lowest rate a decrease can reach.
    public let floor: Double
    /// The multiplier applied on a decrease, in `0 < factor < 1`.
    public let decreaseFactor: Double
    /// The minimum time between two decreases.
    public let coolDown: Duration
    /// Requests per second gained per second of successful traffic.
    public let increasePerSecond: Double

    /// The instant of the most recent decrease.
    public private(set) var lastDecrease: ContinuousClock.Instant?
    private var lastCredit: ContinuousClock.Instant?

    /// Creates a controller that starts at `ceiling`.
    ///
    /// - Parameters:
    ///   - ceiling: The configured rate (requests/s): the starting value and the upper bound.
    ///   - floor: The lower bound (requests/s), in `0 < floor <= ceiling`.
    ///   - decreaseFactor: The multiplier on throttling. Default 0.5 (TCP-style halving).
    ///   - coolDown: The minimum time between two decreases. Default 5 s, longer than a typical API round trip,
    ///     so the 429s of one burst of in-flight requests count once.
    ///   - increasePerSecond: The additive increase. Default 0.05 requests/s per second: from half of 5 requests/s
    ///     back to 5 takes 50 s of successful traffic, slow enough to hold a limit once found.
    public init(
        ceiling: Double,
        floor: Double,
        decreaseFactor: Double = 0.5,
        coolDown: Duration = .seconds(5),
        increasePerSecond: Double = 0.05
    ) {
        precondition(ceiling > 0 && ceiling.isFinite, "AIMD ceiling must be a positive number, got \(ceiling)")
        precondition(floor > 0 && floor <= ceiling, "AIMD floor must be in 0 < floor <= ceiling, got \(floor)")
        precondition(decreaseFactor > 0 && decreaseFactor < 1, "AIMD decrease factor must be in (0, 1)")
        precondition(coolDown >= .zero, "AIMD cool-down must not be negative")
        precondition(increasePerSecond >= 0 && increasePerSecond.isFinite, "AIMD increase must not be negative")
        self.rate = ceiling
        self.ceiling = ceiling
        self.floor = floor
        self.decreaseFactor = decreaseFactor
        self.coolDown = coolDown
        self.increasePerSecond = increasePerSecond
    }

    /// Records a throttling response and decreases the rate unless a decrease happened too recently.
    ///
    /// - Parameters:
    ///   - now: When the response arrived.
    ///   - sentAt: When the throttled request was sent, if known. A request sent before the last decrease
    ///     reflects the old rate and is ignored.
    /// - Returns: Whether ``rate`` changed.
    @discardableResult
    public mutating func recordThrottle(now: ContinuousClock.Instant, sentAt: ContinuousClock.Instant? = nil) -> Bool {
        if let lastDecrease {
            if now < lastDecrease + coolDown { return false }
            if let sentAt, sentAt < lastDecrease { return false }
        }
        lastDecrease = now
        lastCredit = now
        let newRate = max(floor, rate * decreaseFactor)
        defer { rate = newRate }
        return newRate != rate
    }

    /// Records a successful (not throttled) response and increases the rate additively.
    ///
    /// - Parameter now: When the response arrived.
    /// - Returns: Whether ``rate`` changed.
    @discardableResult
    public mutating func recordSuccess(now: ContinuousClock.Instant) -> Bool {
        let previous = lastCredit
        if previous.map({ now > $0 }) ?? true { lastCredit = now }
        guard let previous, now > previous else { return false }
        let credited = min(SchedulerTime.seconds(now - previous), SchedulerTime.seconds(creditCap))
        let newRate = min(ceiling, rate + increasePerSecond * credited)
        guard newRate != rate else { return false }
        rate = newRate
        return true
    }

    /// The most time one success can credit: idle periods say nothing about the server's limit.
    private var creditCap: Duration { max(coolDown, .seconds(1)) }
}
