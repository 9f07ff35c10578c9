import Foundation

/// A token bucket (the rate limiter of the `rateLimit` fault, §11.2, §8.3).
struct TokenBucket: Sendable {
    private(set) var tokens: Double
    private var last: Date

    init(capacity: Int, at: Date) {
        tokens = Double(capacity)
        last = at
    }

    /// Takes one token if available.
    /// - Returns: `nil` if the request may pass, otherwise the seconds until a token is available.
    mutating func take(rate: Double, capacity: Int, at now: Date) -> TimeInterval? {
        let elapsed = max(0, now.timeIntervalSince(last))
        tokens = min(Double(capacity), tokens + elapsed * rate)
        last = now
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / rate
    }
}
