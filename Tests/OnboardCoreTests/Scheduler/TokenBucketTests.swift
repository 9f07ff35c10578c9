import OnboardCore
import Testing

@Suite("TokenBucket")
struct TokenBucketTests {
    let t0 = ContinuousClock.now

    @Test("starts full: a burst goes out at once, then the rate applies")
    func burstThenRate() {
        var bucket = TokenBucket(rate: 2, burst: 3, now: t0)
        for _ in 0..<3 { #expect(bucket.tryAcquire(now: t0) == .acquired) }
        #expect(bucket.tryAcquire(now: t0) == .notBefore(t0 + .milliseconds(500)))
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(499)) == .notBefore(t0 + .milliseconds(500)))
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(500)) == .acquired)
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(500)) == .notBefore(t0 + .seconds(1)))
    }

    @Test("refill never exceeds the burst")
    func refillCapsAtBurst() {
        var bucket = TokenBucket(rate: 10, burst: 4, now: t0)
        for _ in 0..<4 { _ = bucket.tryAcquire(now: t0) }
        let later = t0 + .seconds(3600)
        #expect(bucket.availableTokens(now: later) == 4)
        for _ in 0..<4 { #expect(bucket.tryAcquire(now: later) == .acquired) }
        #expect(bucket.tryAcquire(now: later) == .notBefore(later + .milliseconds(100)))
    }

    @Test("waiting exactly until earliestAcquisition always succeeds, and the long-run rate holds")
    func earliestAcquisitionIsExact() {
        var bucket = TokenBucket(rate: 3, burst: 1, now: t0)
        var now = t0
        for _ in 0..<1000 {
            let next = bucket.earliestAcquisition(now: now)
            #expect(next >= now)
            now = next
            #expect(bucket.tryAcquire(now: now) == .acquired)
        }
        // 1 token at t0, then 999 more at 3/s.
        let elapsed = now - t0
        #expect(elapsed >= .seconds(333) && elapsed < .seconds(333) + .milliseconds(1))
    }

    @Test("setRate keeps accrued tokens and applies the new rate from then on")
    func setRate() {
        var bucket = TokenBucket(rate: 1, burst: 1, now: t0)
        #expect(bucket.tryAcquire(now: t0) == .acquired)
        bucket.setRate(10, now: t0 + .milliseconds(500))  // 0.5 token accrued at the old rate
        #expect(bucket.rate == 10)
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(500)) == .notBefore(t0 + .milliseconds(550)))
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(550)) == .acquired)
    }

    @Test("no token before the pause ends, no accrual and no burst after it")
    func pauseBlocksAndDrains() {
        var bucket = TokenBucket(rate: 1, burst: 5, now: t0)
        bucket.pause(until: t0 + .seconds(10), now: t0)
        #expect(bucket.isPaused(now: t0 + .seconds(9)))
        #expect(bucket.tryAcquire(now: t0) == .notBefore(t0 + .seconds(10)))
        #expect(bucket.tryAcquire(now: t0 + .milliseconds(9999)) == .notBefore(t0 + .seconds(10)))
        #expect(bucket.tryAcquire(now: t0 + .seconds(10)) == .acquired)
        // Five tokens were stored before the pause, ten seconds passed: still only one went out at once.
        #expect(bucket.tryAcquire(now: t0 + .seconds(10)) == .notBefore(t0 + .seconds(11)))
    }

    @Test("an empty bucket does not fill during a pause")
    func pauseWithEmptyBucket() {
        var bucket = TokenBucket(rate: 1, burst: 5, now: t0)
        for _ in 0..<5 { _ = bucket.tryAcquire(now: t0) }
        bucket.pause(until: t0 + .seconds(3), now: t0)
        #expect(bucket.earliestAcquisition(now: t0) == t0 + .seconds(4))
        #expect(bucket.tryAcquire(now: t0 + .seconds(3)) == .notBefore(t0 + .seconds(4)))
        #expect(bucket.tryAcquire(now: t0 + .seconds(4)) == .acquired)
    }

    @Test("a shorter pause never shortens a longer one")
    func pauseOnlyExtends() {
        var bucket = TokenBucket(rate: 100, burst: 1, now: t0)
        bucket.pause(until: t0 + .seconds(10), now: t0)
        bucket.pause(until: t0 + .seconds(2), now: t0 + .seconds(1))
        #expect(bucket.pausedUntil == t0 + .seconds(10))
        #expect(bucket.tryAcquire(now: t0 + .seconds(5)) == .notBefore(t0 + .seconds(10)))
        bucket.pause(until: t0 + .seconds(12), now: t0 + .seconds(5))
        #expect(bucket.tryAcquire(now: t0 + .seconds(11)) == .notBefore(t0 + .seconds(12)))
    }
}
