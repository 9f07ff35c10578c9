import OnboardCore
import Testing

@Suite("AdmissionStateMachine")
struct AdmissionStateMachineTests {
    let t0 = ContinuousClock.now

    func machine(rate: Double = 1_000, burst: Int = 1_000, maxInFlight: Int = 10) -> AdmissionStateMachine {
        AdmissionStateMachine(bucket: TokenBucket(rate: rate, burst: burst, now: t0), maxInFlight: maxInFlight)
    }

    @Test("tickets are admitted strictly in FIFO order")
    func fifo() {
        var sm = machine()
        let a = sm.enqueue()
        let b = sm.enqueue()
        let c = sm.enqueue()
        #expect(sm.head == a)
        #expect(sm.poll(c, now: t0) == .waitForTurn)
        #expect(sm.poll(b, now: t0) == .waitForTurn)
        #expect(sm.poll(a, now: t0) == .admitted)
        #expect(sm.head == b)
        #expect(sm.poll(c, now: t0) == .waitForTurn)
        #expect(sm.poll(b, now: t0) == .admitted)
        #expect(sm.poll(c, now: t0) == .admitted)
        #expect(sm.queueLength == 0)
        #expect(sm.inFlight == 3)
    }

    @Test("the in-flight cap holds the head until a release")
    func inFlightCap() {
        var sm = machine(maxInFlight: 2)
        let tickets = (0..<4).map { _ in sm.enqueue() }
        #expect(sm.poll(tickets[0], now: t0) == .admitted)
        #expect(sm.poll(tickets[1], now: t0) == .admitted)
        #expect(sm.poll(tickets[2], now: t0) == .waitForSlot)
        #expect(sm.poll(tickets[3], now: t0) == .waitForTurn)
        sm.release()
        #expect(sm.poll(tickets[3], now: t0) == .waitForTurn)
        #expect(sm.poll(tickets[2], now: t0) == .admitted)
        #expect(sm.poll(tickets[3], now: t0) == .waitForSlot)
        #expect(sm.inFlight == 2)
    }

    @Test("the head waits for a token until the instant the bucket names")
    func rateLimited() {
        var sm = machine(rate: 2, burst: 1)
        let a = sm.enqueue()
        let b = sm.enqueue()
        #expect(sm.poll(a, now: t0) == .admitted)
        #expect(sm.poll(b, now: t0) == .waitUntil(t0 + .milliseconds(500)))
        #expect(sm.poll(b, now: t0 + .milliseconds(500)) == .admitted)
    }

    @Test("a pause blocks admission until it ends, even with free slots and tokens")
    func pauseBlocks() {
        var sm = machine()
        let a = sm.enqueue()
        sm.pause(until: t0 + .seconds(5), now: t0)
        #expect(sm.poll(a, now: t0) == .waitUntil(t0 + .seconds(5)))
        #expect(sm.poll(a, now: t0 + .milliseconds(4999)) == .waitUntil(t0 + .seconds(5)))
        #expect(sm.poll(a, now: t0 + .seconds(5)) == .admitted)
    }

    @Test("a waiter that wakes at its deadline sees a pause set meanwhile")
    func pauseSetWhileWaiting() {
        var sm = machine(rate: 1, burst: 1)
        let a = sm.enqueue()
        let b = sm.enqueue()
        #expect(sm.poll(a, now: t0) == .admitted)
        #expect(sm.poll(b, now: t0) == .waitUntil(t0 + .seconds(1)))
        sm.release()
        sm.pause(until: t0 + .seconds(10), now: t0 + .milliseconds(300))  // a came back with 429
        // 0.3 token had accrued before the pause; nothing accrues during it.
        #expect(sm.poll(b, now: t0 + .seconds(1)) == .waitUntil(t0 + .milliseconds(10_700)))
        #expect(sm.poll(b, now: t0 + .seconds(10)) == .waitUntil(t0 + .milliseconds(10_700)))
        #expect(sm.poll(b, now: t0 + .milliseconds(10_700)) == .admitted)
    }

    @Test("cancelling a waiting ticket removes it; the next one becomes head")
    func cancel() {
        var sm = machine()
        let a = sm.enqueue()
        let b = sm.enqueue()
        let c = sm.enqueue()
        #expect(sm.cancel(b) == true)
        #expect(sm.cancel(b) == false)
        #expect(sm.queueLength == 2)
        #expect(sm.cancel(a) == true)
        #expect(sm.head == c)
        #expect(sm.poll(c, now: t0) == .admitted)
        #expect(sm.cancel(c) == false, "an admitted ticket is no longer queued")
    }

    @Test("setRate changes the wait of the head")
    func setRate() {
        var sm = machine(rate: 1, burst: 1)
        let a = sm.enqueue()
        let b = sm.enqueue()
        #expect(sm.poll(a, now: t0) == .admitted)
        sm.setRate(4, now: t0)
        #expect(sm.poll(b, now: t0) == .waitUntil(t0 + .milliseconds(250)))
    }

    @Test("random operations: FIFO, in-flight cap, rate and pauses always hold", arguments: [1, 2, 3, 4] as [UInt64])
    func randomised(seed: UInt64) {
        var generator = SchedulerSeededRNG(seed: seed)
        let rate = 5.0
        var sm = machine(rate: rate, burst: 3, maxInFlight: 3)
        var now = t0
        var waiting: [AdmissionStateMachine.Ticket] = []
        var lastAdmitted: AdmissionStateMachine.Ticket?
        var pausedUntil = t0
        var admissions: [ContinuousClock.Instant] = []
        for _ in 0..<2_000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0, 1:
                waiting.append(sm.enqueue())
            case 2:
                if sm.inFlight > 0 { sm.release() }
            case 3:
                if let victim = waiting.randomElement(using: &generator) {
                    #expect(sm.cancel(victim) == true)
                    waiting.removeAll { $0 == victim }
                }
            case 4:
                if Int.random(in: 0..<10, using: &generator) == 0 {
                    let until = now + .milliseconds(Int.random(in: 0...3_000, using: &generator))
                    sm.pause(until: until, now: now)
                    pausedUntil = max(pausedUntil, until)
                }
            case 5:
                now += .milliseconds(Int.random(in: 0...400, using: &generator))
            default:
                for ticket in waiting.shuffled(using: &generator) {
                    let result = sm.poll(ticket, now: now)
                    if result == .admitted {
                        #expect(now >= pausedUntil, "admitted during a pause")
                        #expect(lastAdmitted.map { $0 < ticket } ?? true, "admitted out of order")
                        #expect(ticket == waiting.first, "admitted a ticket that was not first")
                        lastAdmitted = ticket
                        waiting.removeAll { $0 == ticket }
                        admissions.append(now)
                    } else if case .waitUntil(let until) = result {
                        #expect(until > now)
                    }
                }
            }
            #expect(sm.inFlight <= 3)
            #expect(sm.queueLength == waiting.count)
        }
        // Rate: in any window of length w, at most burst + rate * w admissions.
        for (index, start) in admissions.enumerated() {
            let window = Duration.seconds(2)
            let count = admissions[index...].prefix { $0 < start + window }.count
            #expect(Double(count) <= 3 + rate * 2 + 1e-9)
        }
        #expect(admissions.count > 30)
    }
}
