import OnboardCore
import Testing

@Suite("AdaptiveRateController (AIMD)")
struct AdaptiveRateControllerTests {
    let t0 = ContinuousClock.now

    func controller(increase: Double = 0.5) -> AdaptiveRateController {
        AdaptiveRateController(
            ceiling: 8,
            floor: 1,
            decreaseFactor: 0.5,
            coolDown: .seconds(5),
            increasePerSecond: increase
        )
    }

    @Test("starts at the ceiling")
    func startsAtCeiling() {
        #expect(controller().rate == 8)
    }

    @Test("a burst of throttles decreases once per cool-down window")
    func decreaseOncePerWindow() {
        var aimd = controller()
        #expect(aimd.recordThrottle(now: t0) == true)
        #expect(aimd.rate == 4)
        for millis in stride(from: 0, to: 5000, by: 250) {
            #expect(aimd.recordThrottle(now: t0 + .milliseconds(millis)) == false)
        }
        #expect(aimd.rate == 4)
        #expect(aimd.recordThrottle(now: t0 + .seconds(5)) == true)
        #expect(aimd.rate == 2)
    }

    @Test("a throttle for a request sent before the last decrease is ignored")
    func staleThrottleIgnored() {
        var aimd = controller()
        aimd.recordThrottle(now: t0)
        #expect(aimd.recordThrottle(now: t0 + .seconds(6), sentAt: t0 - .seconds(1)) == false)
        #expect(aimd.rate == 4)
        #expect(aimd.recordThrottle(now: t0 + .seconds(6), sentAt: t0 + .seconds(1)) == true)
        #expect(aimd.rate == 2)
    }

    @Test("decreases stop at the floor")
    func floor() {
        var aimd = controller()
        for step in 0..<10 { aimd.recordThrottle(now: t0 + .seconds(5 * step)) }
        #expect(aimd.rate == 1)
    }

    @Test("successes add increasePerSecond per elapsed second, up to the ceiling")
    func additiveIncrease() {
        var aimd = controller(increase: 0.5)
        aimd.recordThrottle(now: t0)  // 8 -> 4
        #expect(aimd.recordSuccess(now: t0 + .seconds(2)) == true)
        #expect(aimd.rate == 5)
        #expect(aimd.recordSuccess(now: t0 + .seconds(3)) == true)
        #expect(aimd.rate == 5.5)
        #expect(aimd.recordSuccess(now: t0 + .seconds(3)) == false)  // no time elapsed
        for second in 4...30 { aimd.recordSuccess(now: t0 + .seconds(second)) }
        #expect(aimd.rate == 8)
    }

    @Test("idle time is credited at most one cool-down window")
    func idleTimeNotCredited() {
        var aimd = controller(increase: 0.1)
        aimd.recordThrottle(now: t0)  // 8 -> 4
        aimd.recordSuccess(now: t0 + .seconds(3600))
        #expect(aimd.rate == 4.5)  // 5 s credited, not an hour
    }

    @Test("the first success without history does not change the rate")
    func firstSuccess() {
        var aimd = controller()
        #expect(aimd.recordSuccess(now: t0) == false)
        #expect(aimd.rate == 8)
    }

    @Test("saw-tooth: repeated throttling at a hidden limit holds the rate below the ceiling")
    func holdsLimit() {
        // Server limit 3/s: throttle whenever the rate is above it, otherwise succeed, once per second.
        var aimd = AdaptiveRateController(ceiling: 10, floor: 0.5, coolDown: .seconds(5), increasePerSecond: 0.05)
        var maxAfterConvergence = 0.0
        for second in 0..<600 {
            let now = t0 + .seconds(second)
            if aimd.rate > 3 { aimd.recordThrottle(now: now) } else { aimd.recordSuccess(now: now) }
            if second > 60 { maxAfterConvergence = max(maxAfterConvergence, aimd.rate) }
        }
        #expect(maxAfterConvergence <= 3.06)
        #expect(aimd.rate >= 1.5)
    }
}
