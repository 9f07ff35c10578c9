import OnboardCore
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("defaults are 250 ms base and 10 s cap")
    func defaults() {
        let backoff = Backoff()
        #expect(backoff.base == .milliseconds(250))
        #expect(backoff.cap == .seconds(10))
    }

    @Test("window is min(cap, base * 2^retry) and never overflows")
    func windows() {
        let backoff = Backoff()
        let expected: [Duration] = [
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10),
            .seconds(10),
        ]
        for (retry, window) in expected.enumerated() { #expect(backoff.window(forRetry: retry) == window) }
        #expect(backoff.window(forRetry: 1_000) == .seconds(10))
        #expect(backoff.window(forRetry: Int.max) == .seconds(10))
        #expect(backoff.window(forRetry: -3) == .milliseconds(250))
    }

    @Test("every delay lies in [0, window] and the whole window is used", arguments: [1, 42, 0xDEAD_BEEF] as [UInt64])
    func delayBounds(seed: UInt64) {
        let backoff = Backoff()
        var generator = SchedulerSeededRNG(seed: seed)
        for retry in 0..<12 {
            let window = backoff.window(forRetry: retry)
            var smallest = window
            var largest = Duration.zero
            for _ in 0..<2_000 {
                let delay = backoff.delay(forRetry: retry, using: &generator)
                #expect(delay >= .zero && delay <= window)
                smallest = min(smallest, delay)
                largest = max(largest, delay)
            }
            #expect(smallest < window / 10, "full jitter reaches near zero")
            #expect(largest > window * 9 / 10, "full jitter reaches near the window")
        }
    }

    @Test("the same seed gives the same delays")
    func deterministic() {
        let backoff = Backoff(base: .milliseconds(100), cap: .seconds(5))
        var first = SchedulerSeededRNG(seed: 7)
        var second = SchedulerSeededRNG(seed: 7)
        let a = (0..<20).map { backoff.delay(forRetry: $0, using: &first) }
        let b = (0..<20).map { backoff.delay(forRetry: $0, using: &second) }
        #expect(a == b)
    }
}
