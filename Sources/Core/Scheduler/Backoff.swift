/// Full-jitter exponential backoff: `random(0, min(cap, base · 2^retry))`.
///
/// "Full jitter" from the AWS Architecture Blog's "Exponential Backoff and Jitter": spreading retries over the
/// whole window avoids synchronised retry waves from many clients. The random source is injected, so tests can use
/// a seeded generator.
public struct Backoff: Sendable, Hashable {
    /// The window of the first retry.
    public let base: Duration
    /// The largest window.
    public let cap: Duration

    /// Creates a backoff.
    ///
    /// - Parameters:
    ///   - base: The first retry's window. Default 250 ms (engineering.md §5.1).
    ///   - cap: The largest window. Default 10 s (engineering.md §5.1): a request holds a job worker while it
    ///     waits, and longer outages are the job-level retry's business.
    public init(base: Duration = .milliseconds(250), cap: Duration = .seconds(10)) {
        precondition(base > .zero, "Backoff base must be positive")
        precondition(cap >= base, "Backoff cap must not be below the base")
        self.base = base
        self.cap = cap
    }

    /// The upper bound of the delay before retry number `retry`: `min(cap, base · 2^retry)`.
    ///
    /// - Parameter retry: 0 for the first retry, 1 for the second, and so on. Negative values count as 0.
    public func window(forRetry retry: Int) -> Duration {
        var window = base
        var doublings = max(0, retry)
        while doublings > 0 && window < cap {
            window *= 2
            doublings -= 1
        }
        return min(window, cap)
    }

    /// A random delay in `0...window(forRetry: retry)`, at nanosecond resolution.
    ///
    /// - Parameters:
    ///   - retry: 0 for the first retry, 1 for the second, and so on.
    ///   - generator: The random source.
    public func delay(forRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let upper = SchedulerTime.nanoseconds(window(forRetry: retry))
        return .nanoseconds(Int64.random(in: 0...upper, using: &generator))
    }
}
