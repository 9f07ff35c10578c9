extension RequestScheduler {
    /// The tuning of one data centre's ``RequestScheduler``.
    ///
    /// Acronis publishes no rate limit for the Account Management API (acronis-api.md §8.3), so the defaults are
    /// deliberately gentle and the adaptive controller lowers the rate further when the data centre throttles.
    public struct Configuration: Sendable, Hashable {
        /// The sustained rate in requests per second: the starting rate and the ceiling of the adaptive rate.
        public var rate: Double
        /// Requests that may go out back to back after an idle period.
        public var burst: Int
        /// The most requests in flight at once.
        public var maxInFlight: Int
        /// The floor of the adaptive rate, in requests per second.
        public var minimumRate: Double
        /// The multiplier applied to the rate on throttling.
        public var decreaseFactor: Double
        /// The minimum time between two rate decreases.
        public var decreaseCoolDown: Duration
        /// Requests per second regained per second of successful traffic.
        public var increasePerSecond: Double
        /// The backoff before retries.
        public var backoff: Backoff
        /// Attempts per request, the first included (pauses excluded).
        public var maxAttempts: Int
        /// Throttling pauses per request.
        public var maxPauses: Int
        /// Time one request may spend paused by throttling.
        public var maxTotalPause: Duration
        /// The longest `Retry-After` honoured; longer values are clamped to it.
        public var maxRetryAfter: Duration

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - rate: Default 5 requests/s. An onboarding makes a few dozen calls, so this costs little time while
        ///     staying far below what a shared API gateway would plausibly throttle.
        ///   - burst: Default 5: one second's worth.
        ///   - maxInFlight: Default 4: "keep concurrency low per partner and DC" (acronis-api.md §8.3).
        ///   - minimumRate: Default 0.2 requests/s (one every 5 s): slow enough for any throttle, still progressing.
        ///   - decreaseFactor: Default 0.5 (AIMD halving).
        ///   - decreaseCoolDown: Default 5 s: longer than a normal round trip, so one burst of 429s counts once.
        ///   - increasePerSecond: Default 0.05: regaining 1 request/s takes 20 s of success, so a limit once found is
        ///     held for a while rather than immediately overrun again.
        ///   - backoff: Default 250 ms base, 10 s cap, full jitter (engineering.md §5.1).
        ///   - maxAttempts: Default 3 (engineering.md §5.1).
        ///   - maxPauses: Default 8.
        ///   - maxTotalPause: Default 10 minutes; after that the job-level retry takes over and frees the worker.
        ///   - maxRetryAfter: Default 300 s.
        public init(
            rate: Double = 5,
            burst: Int = 5,
            maxInFlight: Int = 4,
            minimumRate: Double = 0.2,
            decreaseFactor: Double = 0.5,
            decreaseCoolDown: Duration = .seconds(5),
            increasePerSecond: Double = 0.05,
            backoff: Backoff = Backoff(),
            maxAttempts: Int = 3,
            maxPauses: Int = 8,
            maxTotalPause: Duration = .seconds(600),
            maxRetryAfter: Duration = .seconds(300)
        ) {
            self.rate = rate
            self.burst = burst
            self.maxInFlight = maxInFlight
            self.minimumRate = minimumRate
            self.decreaseFactor = decreaseFactor
            self.decreaseCoolDown = decreaseCoolDown
            self.increasePerSecond = increasePerSecond
            self.backoff = backoff
            self.maxAttempts = maxAttempts
            self.maxPauses = maxPauses
            self.maxTotalPause = maxTotalPause
            self.maxRetryAfter = maxRetryAfter
        }

        /// The first problem with this configuration, or `nil` if it is usable. ``RequestScheduler`` traps on an
        /// invalid configuration, so a configuration loader should call this and report the problem.
        public var problem: String? {
            if !(rate > 0 && rate.isFinite) { return "rate must be a positive number of requests per second" }
            if burst < 1 { return "burst must be at least 1" }
            if maxInFlight < 1 { return "maxInFlight must be at least 1" }
            if !(minimumRate > 0 && minimumRate <= rate) { return "minimumRate must be positive and at most rate" }
            if !(decreaseFactor > 0 && decreaseFactor < 1) { return "decreaseFactor must be between 0 and 1" }
            if decreaseCoolDown < .zero { return "decreaseCoolDown must not be negative" }
            if !(increasePerSecond >= 0 && increasePerSecond.isFinite) {
                return "increasePerSecond must not be negative"
            }
            if maxAttempts < 1 { return "maxAttempts must be at least 1" }
            if maxPauses < 0 { return "maxPauses must not be negative" }
            if maxTotalPause < .zero { return "maxTotalPause must not be negative" }
            if maxRetryAfter < .zero { return "maxRetryAfter must not be negative" }
            return nil
        }

        var retryPolicy: RetryPolicy {
            RetryPolicy(maxAttempts: maxAttempts, maxPauses: maxPauses, maxTotalPause: maxTotalPause, backoff: backoff)
        }
    }
}
