/// A snapshot of one ``RequestScheduler``'s counters, for `onboardctl status` and the systemd `STATUS=` line.
public struct SchedulerMetrics: Sendable, Hashable {
    /// Attempts handed to the transport (every send, including retries and re-sends after a pause).
    public var attemptsSent: Int
    /// Responses with status 429.
    public var throttledResponses: Int
    /// Retries after a backoff (counted attempts after the first).
    public var retries: Int
    /// Pauses of the data centre caused by throttling (429, or 503 with `Retry-After`).
    public var pauses: Int
    /// The current sustained rate, in requests per second (lowered by throttling, recovering on success).
    public var currentRate: Double
    /// Requests in flight now.
    public var inFlight: Int
    /// Requests waiting for admission now.
    public var queueLength: Int
    /// How long the current pause still lasts; zero when not paused.
    public var pauseRemaining: Duration
    /// Total time requests spent waiting for admission.
    public var totalQueueWait: Duration
    /// The longest time one admission waited.
    public var maxQueueWait: Duration

    /// Creates a snapshot.
    public init(
        attemptsSent: Int = 0,
        throttledResponses: Int = 0,
        retries: Int = 0,
        pauses: Int = 0,
        currentRate: Double = 0,
        inFlight: Int = 0,
        queueLength: Int = 0,
        pauseRemaining: Duration = .zero,
        totalQueueWait: Duration = .zero,
        maxQueueWait: Duration = .zero
    ) {
        self.attemptsSent = attemptsSent
        self.throttledResponses = throttledResponses
        self.retries = retries
        self.pauses = pauses
        self.currentRate = currentRate
        self.inFlight = inFlight
        self.queueLength = queueLength
        self.pauseRemaining = pauseRemaining
        self.totalQueueWait = totalQueueWait
        self.maxQueueWait = maxQueueWait
    }
}
