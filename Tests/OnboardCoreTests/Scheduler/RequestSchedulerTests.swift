import Foundation
import OnboardCore
import Synchronization
import Testing

@Suite("RequestScheduler", .timeLimit(.minutes(1)))
struct RequestSchedulerTests {
    typealias Fixtures = SchedulerFixtures

    static func make<C: Clock>(
        _ configuration: RequestScheduler.Configuration = .init(),
        clock: C,
        seed: UInt64 = 1
    ) -> RequestScheduler where C.Instant == ContinuousClock.Instant {
        RequestScheduler(
            configuration: configuration,
            clock: clock,
            wallClock: { Date(timeIntervalSince1970: 1_750_000_000) },
            randomNumberGenerator: SchedulerSeededRNG(seed: seed)
        )
    }

    // MARK: - Delivery

    @Test("a success and a 4xx are delivered after one send")
    func delivers() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { index, _ in Fixtures.response(index == 0 ? 201 : 404) }
        let scheduler = Self.make(clock: clock)
        #expect(try await scheduler.send(Fixtures.request(.post), over: transport).status == 201)
        #expect(try await scheduler.send(Fixtures.request(.get), over: transport).status == 404)
        #expect(transport.sends.count == 2)
        let metrics = await scheduler.metrics()
        #expect(metrics.attemptsSent == 2)
        #expect(metrics.retries == 0)
        #expect(metrics.inFlight == 0)
        #expect(metrics.currentRate == 5)
    }

    // MARK: - Throttling

    @Test("a 429 storm: every request succeeds, none is lost, nothing is sent while paused")
    func storm() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { index, _ in
            index < 15 ? Fixtures.response(429, retryAfter: "2") : Fixtures.response(200)
        }
        let scheduler = Self.make(.init(rate: 10, burst: 10, maxInFlight: 1), clock: clock)
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            for number in 0..<10 {
                group.addTask {
                    let response = try await scheduler.send(
                        Fixtures.request(.post, "/api/2/r/\(number)"),
                        over: transport
                    )
                    #expect(response.status == 200)
                    return "/api/2/r/\(number)"
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(paths.count == 10)

        let sends = transport.sends
        #expect(sends.count == 25)
        #expect(Set(sends.filter { $0.status == 200 }.map(\.path)) == paths, "each request succeeded exactly once")
        #expect(sends.filter { $0.status == 200 }.count == 10)
        for throttled in sends where throttled.status == 429 {
            let pauseEnd = throttled.instant + .seconds(2)
            for send in sends where send.instant > throttled.instant {
                #expect(
                    send.instant >= pauseEnd,
                    "send #\(send.index) went out during the pause of #\(throttled.index)"
                )
            }
        }
        let metrics = await scheduler.metrics()
        #expect(metrics.attemptsSent == 25)
        #expect(metrics.throttledResponses == 15)
        #expect(metrics.pauses == 15)
        #expect(metrics.retries == 0)
        #expect(metrics.queueLength == 0)
        #expect(metrics.inFlight == 0)
        #expect(metrics.currentRate < 10)
        #expect(metrics.maxQueueWait >= .seconds(2))
    }

    @Test("429s from requests already in flight lower the rate only once")
    func inFlightBurstLowersRateOnce() async throws {
        let clock = SchedulerJumpClock()
        let arrived = Mutex(0)
        let transport = ScriptedDCTransport(clock: clock) { index, _ in
            guard index < 4 else { return Fixtures.response(200) }
            // Hold the first four until all four are in flight, then throttle them all.
            arrived.withLock { $0 += 1 }
            while arrived.withLock({ $0 }) < 4 { await Task.yield() }
            return Fixtures.response(429, retryAfter: "1")
        }
        let configuration = RequestScheduler.Configuration(rate: 8, burst: 4, maxInFlight: 4, increasePerSecond: 0)
        let scheduler = Self.make(configuration, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<4 {
                group.addTask { _ = try await scheduler.send(Fixtures.request(.get, "/r/\(number)"), over: transport) }
            }
            try await group.waitForAll()
        }
        let metrics = await scheduler.metrics()
        #expect(metrics.throttledResponses == 4)
        #expect(metrics.currentRate == 4)
        #expect(transport.sends.count == 8)
    }

    @Test("an unpublished server limit is found and held; every request succeeds")
    func findsHiddenLimit() async throws {
        let clock = SchedulerJumpClock()
        // The fake data centre allows 2 requests/s (burst 2) and answers 429 with Retry-After: 1 beyond that.
        let serverLimit = Mutex(TokenBucket(rate: 2, burst: 2, now: clock.now))
        let transport = ScriptedDCTransport(clock: clock) { _, _ in
            let allowed = serverLimit.withLock { $0.tryAcquire(now: clock.now) == .acquired }
            return allowed ? Fixtures.response(200) : Fixtures.response(429, retryAfter: "1")
        }
        let configuration = RequestScheduler.Configuration(rate: 10, burst: 10, maxInFlight: 4, maxPauses: 100)
        let scheduler = Self.make(configuration, clock: clock)
        let start = clock.now
        let succeeded = try await withThrowingTaskGroup(of: Int.self) { group in
            for number in 0..<40 {
                group.addTask {
                    let response = try await scheduler.send(Fixtures.request(.get, "/r/\(number)"), over: transport)
                    return response.status == 200 ? 1 : 0
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(succeeded == 40)
        let metrics = await scheduler.metrics()
        // Found: the rate settles near the server's 2/s (observed about 2.05-2.1), far below the configured 10/s.
        #expect(metrics.currentRate > 0.5 && metrics.currentRate < 3.5)
        // Held: few requests were refused (observed 7-10 of about 48 sends) ...
        #expect(metrics.throttledResponses > 0 && metrics.throttledResponses < 20)
        // ... and the work took little longer than the server's limit allows (19 s; observed about 24.5 s).
        let elapsed = clock.now - start
        #expect(elapsed >= .seconds(19) && elapsed < .seconds(40))
    }

    @Test("no request is sent before the Retry-After pause ends (manual clock)")
    func pauseIsExact() async throws {
        let clock = SchedulerManualClock()
        let t0 = clock.now
        let transport = ScriptedDCTransport(clock: clock) { index, _ in
            index == 0 ? Fixtures.response(429, retryAfter: "10") : Fixtures.response(200)
        }
        let scheduler = Self.make(.init(rate: 2, burst: 2, increasePerSecond: 0), clock: clock)
        let first = Task { try await scheduler.send(Fixtures.request(.get, "/first"), over: transport) }
        try await Fixtures.waitUntil("the first request sleeps through the pause") { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == t0 + .seconds(10))
        #expect(await scheduler.metrics().pauseRemaining == .seconds(10))

        clock.advance(by: .seconds(5))
        let second = Task { try await scheduler.send(Fixtures.request(.get, "/second"), over: transport) }
        try await Fixtures.waitUntil("the second request queues behind the first") {
            await scheduler.metrics().queueLength == 2
        }
        clock.advance(by: .milliseconds(4_999))
        #expect(clock.sleeperCount == 1, "nobody is due before the pause ends")
        #expect(transport.sends.count == 1)

        clock.advance(by: .milliseconds(1))
        #expect(try await first.value.status == 200)
        // After a pause at most one token is left: the second request follows at the halved rate (1/s), not in a
        // burst.
        try await Fixtures.waitUntil("the second request waits for a token") { clock.sleeperCount == 1 }
        #expect(clock.nextDeadline == t0 + .seconds(11))
        clock.advance(by: .seconds(1))
        #expect(try await second.value.status == 200)

        let sends = transport.sends
        #expect(sends.map(\.path) == ["/first", "/first", "/second"])
        #expect(sends[1].instant == t0 + .seconds(10))
        #expect(sends[2].instant == t0 + .seconds(11))
    }

    @Test("throttling beyond the pause budget fails with tooManyPauses")
    func tooManyPauses() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(429, retryAfter: "1") }
        let scheduler = Self.make(.init(maxPauses: 3), clock: clock)
        let error = await #expect(throws: SchedulerError.tooManyPauses) {
            try await scheduler.send(Fixtures.request(.put, "/api/2/users/42"), over: transport)
        }
        #expect(transport.sends.count == 4)
        #expect(error?.pauses == 3)
        #expect(error?.lastStatus == 429)
        #expect(error?.description.contains("PUT /api/2/users/42") == true)
        #expect(error?.description.contains("Lower the configured rate") == true)
    }

    // MARK: - Server and transport errors

    @Test("5xx is retried for idempotent methods until it succeeds", arguments: [DCHTTPMethod.get, .put, .delete])
    func idempotentRetried(method: DCHTTPMethod) async throws {
        let clock = SchedulerJumpClock()
        let statuses = [503, 502, 200]
        let transport = ScriptedDCTransport(clock: clock) { index, _ in Fixtures.response(statuses[index]) }
        let scheduler = Self.make(clock: clock)
        #expect(try await scheduler.send(Fixtures.request(method), over: transport).status == 200)
        #expect(transport.sends.count == 3)
        #expect(await scheduler.metrics().retries == 2)
    }

    @Test("5xx on every attempt exhausts the retries", arguments: [DCHTTPMethod.get, .put, .delete])
    func idempotentExhausted(method: DCHTTPMethod) async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(500) }
        let scheduler = Self.make(clock: clock)
        let error = await #expect(throws: SchedulerError.retriesExhausted) {
            try await scheduler.send(Fixtures.request(method), over: transport)
        }
        #expect(transport.sends.count == 3)
        #expect(error?.attempts == 3)
        #expect(error?.lastStatus == 500)
    }

    @Test("a POST that got 500, 502 or 504 is not repeated: outcome unknown", arguments: [500, 502, 504])
    func postServerErrorNotRetried(status: Int) async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(status) }
        let scheduler = Self.make(clock: clock)
        let error = await #expect(throws: SchedulerError.outcomeUnknown) {
            try await scheduler.send(Fixtures.request(.post), over: transport)
        }
        #expect(transport.sends.count == 1)
        #expect(error?.lastStatus == status)
    }

    @Test("a POST that got 503 without Retry-After was refused, so it is retried")
    func post503Retried() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { index, _ in Fixtures.response(index == 0 ? 503 : 201) }
        let scheduler = Self.make(clock: clock)
        #expect(try await scheduler.send(Fixtures.request(.post), over: transport).status == 201)
        #expect(transport.sends.count == 2)
    }

    @Test("a POST whose connection broke after sending throws outcomeUnknown after exactly one send")
    func postOutcomeUnknown() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in
            .failure(DCTransportError(kind: .outcomeUnknown, detail: "read timed out"))
        }
        let scheduler = Self.make(clock: clock)
        let error = await #expect(throws: SchedulerError.outcomeUnknown) {
            try await scheduler.send(Fixtures.request(.post, "/api/2/tenants"), over: transport)
        }
        #expect(transport.sends.count == 1)
        #expect(error?.transportError?.kind == .outcomeUnknown)
        let description = error?.description ?? ""
        #expect(description.contains("POST /api/2/tenants"))
        #expect(description.contains("read timed out"))
        #expect(description.contains("look the object up"))
        #expect(!description.contains("secret"), "no headers or bodies in errors")
    }

    @Test("a GET whose connection broke is retried")
    func getOutcomeUnknownRetried() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { index, _ in
            index == 0 ? .failure(DCTransportError(kind: .outcomeUnknown, detail: "reset")) : Fixtures.response(200)
        }
        let scheduler = Self.make(clock: clock)
        #expect(try await scheduler.send(Fixtures.request(.get), over: transport).status == 200)
        #expect(transport.sends.count == 2)
    }

    @Test(
        "a request that was never sent is retried for any method, up to maxAttempts",
        arguments: [DCHTTPMethod.post, .get]
    )
    func notSentRetried(method: DCHTTPMethod) async throws {
        let clock = SchedulerJumpClock()
        let refused = DCTransportError(kind: .notSent, detail: "connection refused")
        let transport = ScriptedDCTransport(clock: clock) { _, _ in .failure(refused) }
        let scheduler = Self.make(.init(maxAttempts: 4), clock: clock)
        let error = await #expect(throws: SchedulerError.retriesExhausted) {
            try await scheduler.send(Fixtures.request(method), over: transport)
        }
        #expect(transport.sends.count == 4)
        #expect(error?.transportError == refused)
        #expect(error?.description.contains("connection refused") == true)
    }

    // MARK: - Cancellation

    @Test("cancelling a request that waits for a slot removes it from the queue")
    func cancelWaitingForSlot() async throws {
        let clock = SchedulerJumpClock()
        let (gate, openGate) = AsyncStream<Void>.makeStream()
        let transport = ScriptedDCTransport(clock: clock) { index, _ in
            if index == 0 { for await _ in gate { break } }
            return Fixtures.response(200)
        }
        let scheduler = Self.make(.init(maxInFlight: 1), clock: clock)
        let holder = Task { try await scheduler.send(Fixtures.request(.get, "/holder"), over: transport) }
        try await Fixtures.waitUntil("the first request is in flight") { transport.sends.count == 1 }
        let waiter = Task { try await scheduler.send(Fixtures.request(.get, "/waiter"), over: transport) }
        try await Fixtures.waitUntil("the second request queues") { await scheduler.metrics().queueLength == 1 }

        waiter.cancel()
        await #expect(throws: SchedulerError.cancelled) { try await waiter.value }
        #expect(await scheduler.metrics().queueLength == 0)

        openGate.yield()
        #expect(try await holder.value.status == 200)
        #expect(try await scheduler.send(Fixtures.request(.get, "/after"), over: transport).status == 200)
        #expect(transport.sends.map(\.path) == ["/holder", "/after"])
        #expect(await scheduler.metrics().inFlight == 0)
    }

    @Test("cancelling a request that sleeps for a token or a pause removes it from the queue")
    func cancelSleepingWaiter() async throws {
        let clock = SchedulerManualClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(200) }
        let scheduler = Self.make(.init(rate: 1, burst: 1), clock: clock)
        #expect(try await scheduler.send(Fixtures.request(), over: transport).status == 200)
        let waiter = Task { try await scheduler.send(Fixtures.request(.get, "/waiter"), over: transport) }
        try await Fixtures.waitUntil("the first waiter sleeps for a token") { clock.sleeperCount == 1 }
        let behind = Task { try await scheduler.send(Fixtures.request(.get, "/behind"), over: transport) }
        try await Fixtures.waitUntil("the second waiter queues behind it") {
            await scheduler.metrics().queueLength == 2
        }

        waiter.cancel()
        await #expect(throws: SchedulerError.cancelled) { try await waiter.value }
        // The request behind it becomes head and takes over the wait for the token.
        try await Fixtures.waitUntil("the next request sleeps") {
            let queued = await scheduler.metrics().queueLength
            return queued == 1 && clock.sleeperCount == 1
        }
        clock.advance(by: .seconds(1))
        #expect(try await behind.value.status == 200)
        #expect(transport.sends.map(\.path) == ["/api/2/tenants", "/behind"])
    }

    @Test("cancelling during a backoff throws cancelled without another send")
    func cancelDuringBackoff() async throws {
        let clock = SchedulerManualClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(502) }
        let scheduler = Self.make(clock: clock)
        let task = Task { try await scheduler.send(Fixtures.request(.delete), over: transport) }
        try await Fixtures.waitUntil("the request backs off") { clock.sleeperCount == 1 }
        task.cancel()
        let error = await #expect(throws: SchedulerError.cancelled) { try await task.value }
        #expect(error?.attempts == 1)
        #expect(transport.sends.count == 1)
    }

    @Test("an already cancelled task sends nothing")
    func cancelledBeforeStart() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(200) }
        let scheduler = Self.make(clock: clock)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await scheduler.send(Fixtures.request(), over: transport)
        }
        await #expect(throws: SchedulerError.cancelled) { try await task.value }
        #expect(transport.sends.isEmpty)
        #expect(await scheduler.metrics().queueLength == 0)
    }

    // MARK: - Admission through the actor

    @Test("the actor admits in arrival order")
    func arrivalOrder() async throws {
        let clock = SchedulerJumpClock()
        let transport = ScriptedDCTransport(clock: clock) { _, _ in Fixtures.response(200) }
        // One in flight, so the transport sees requests in admission order.
        let scheduler = Self.make(.init(rate: 50, burst: 5, maxInFlight: 1), clock: clock)
        // Submit one at a time, each after the previous one is queued or sent, so the arrival order is known.
        var tasks: [Task<DCHTTPResponse, any Error>] = []
        for number in 0..<30 {
            tasks.append(Task { try await scheduler.send(Fixtures.request(.get, "/r/\(number)"), over: transport) })
            try await Fixtures.waitUntil("request \(number) is queued or sent") {
                let metrics = await scheduler.metrics()
                return metrics.queueLength + metrics.attemptsSent >= number + 1
            }
        }
        for task in tasks { #expect(try await task.value.status == 200) }
        #expect(transport.sends.map(\.path) == (0..<30).map { "/r/\($0)" })
    }

    @Test("the actor never exceeds maxInFlight")
    func concurrencyCap() async throws {
        let clock = SchedulerJumpClock()
        let inFlight = Mutex((current: 0, peak: 0))
        let transport = ScriptedDCTransport(clock: clock) { _, _ in
            inFlight.withLock { state in
                state.current += 1
                state.peak = max(state.peak, state.current)
            }
            for _ in 0..<5 { await Task.yield() }
            inFlight.withLock { $0.current -= 1 }
            return Fixtures.response(200)
        }
        let scheduler = Self.make(.init(rate: 50, burst: 5, maxInFlight: 3), clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<30 {
                group.addTask {
                    let response = try await scheduler.send(Fixtures.request(.get, "/r/\(number)"), over: transport)
                    #expect(response.status == 200)
                }
            }
            try await group.waitForAll()
        }
        #expect(inFlight.withLock { $0.peak } <= 3)
        #expect(transport.sends.count == 30)
    }
}
