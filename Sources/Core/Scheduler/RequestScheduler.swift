import Foundation
import Logging

/// Sends the requests for one data centre: admits them in order within a rate and a concurrency cap, retries what
/// is safe to retry, pauses the whole data centre when it throttles, and adapts the rate to what it accepts.
///
/// Create one scheduler per data centre and route every call to it through ``send(_:over:)``:
///
/// ```swift
/// let scheduler = RequestScheduler(configuration: .init(rate: 5, maxInFlight: 4))
/// let response = try await scheduler.send(request, over: transport)
/// ```
///
/// Per request, the scheduler:
/// 1. waits for admission (``AdmissionStateMachine``): first in, first out; at most
///    ``Configuration/maxInFlight`` in flight; at most the current rate (``TokenBucket``); nothing while paused;
/// 2. sends once over the transport;
/// 3. feeds the outcome to the ``AdaptiveRateController`` (429 and 503 lower the rate, other responses below 500
///    raise it slowly) and asks the ``RetryPolicy`` what next: return the response, pause the data centre for the
///    `Retry-After` delay and queue again, back off and queue again, or throw a ``SchedulerError``.
///
/// A request that is sent again (after a backoff, or once a pause ends) queues again at the back, behind the
/// requests that arrived meanwhile.
///
/// Responses are returned whatever their status, once the policy delivers them: 4xx responses are the caller's to
/// decode (401 and 426 in particular are retried by the caller after a token refresh or a re-read).
///
/// Waiting is cancellable: cancelling the calling task removes a waiting request from the queue and throws
/// ``SchedulerError/cancelled``. The scheduler creates no tasks of its own; all waiting happens in the caller's
/// task, on the injected clock.
public actor RequestScheduler {
    /// The configuration the scheduler was created with.
    public nonisolated let configuration: Configuration

    private var admission: AdmissionStateMachine
    private var rateController: AdaptiveRateController
    private let policy: RetryPolicy
    private let parkingLot = AdmissionParkingLot()

    private let currentInstant: @Sendable () -> ContinuousClock.Instant
    private let sleepUntil: @Sendable (ContinuousClock.Instant) async throws -> Void
    private let wallClock: @Sendable () -> Date
    private var generator: any RandomNumberGenerator & Sendable

    private var counters = SchedulerMetrics()
    private let logger: Logger

    /// Creates a scheduler that uses the continuous clock, the system clock and the system random source.
    ///
    /// - Parameters:
    ///   - configuration: The tuning; ``Configuration`` documents the defaults.
    ///   - logger: Where pauses (the DC throttled us) are logged, as `rate_limited` events. Defaults to none.
    /// - Precondition: `configuration.problem == nil`.
    public init(configuration: Configuration = Configuration(), logger: Logger? = nil) {
        self.init(configuration: configuration, clock: ContinuousClock(), logger: logger)
    }

    /// Creates a scheduler with injected time and randomness, for tests and simulations.
    ///
    /// - Parameters:
    ///   - configuration: The tuning.
    ///   - clock: Measures and sleeps for admission and backoff. Any clock whose instants are
    ///     `ContinuousClock.Instant`, e.g. a manual test clock.
    ///   - wallClock: The current date, for `Retry-After` HTTP-dates. Default `Date()`.
    ///   - randomNumberGenerator: The source of backoff jitter. Default the system generator.
    ///   - logger: Where pauses are logged. Defaults to none.
    /// - Precondition: `configuration.problem == nil`.
    public init<C: Clock>(
        configuration: Configuration,
        clock: C,
        wallClock: @escaping @Sendable () -> Date = { Date() },
        randomNumberGenerator: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator(),
        logger: Logger? = nil
    ) where C.Instant == ContinuousClock.Instant {
        self.logger = logger ?? Logger(label: "onboard.scheduler", factory: { _ in SwiftLogNoOpLogHandler() })
        if let problem = configuration.problem {
            preconditionFailure("invalid RequestScheduler configuration: \(problem)")
        }
        let now = clock.now
        self.configuration = configuration
        self.admission = AdmissionStateMachine(
            bucket: TokenBucket(rate: configuration.rate, burst: configuration.burst, now: now),
            maxInFlight: configuration.maxInFlight
        )
        self.rateController = AdaptiveRateController(
            ceiling: configuration.rate,
            floor: configuration.minimumRate,
            decreaseFactor: configuration.decreaseFactor,
            coolDown: configuration.decreaseCoolDown,
            increasePerSecond: configuration.increasePerSecond
        )
        self.policy = configuration.retryPolicy
        self.currentInstant = { clock.now }
        self.sleepUntil = { deadline in try await clock.sleep(until: deadline, tolerance: nil) }
        self.wallClock = wallClock
        self.generator = randomNumberGenerator
    }

    /// Sends `request` over `transport`, waiting for admission and retrying as the ``RetryPolicy`` allows.
    ///
    /// - Parameters:
    ///   - request: The request. It is sent unchanged on every attempt.
    ///   - transport: Sends one attempt.
    /// - Returns: The delivered response: any 2xx, 3xx or 4xx other than 429, or a 5xx the policy does not retry.
    /// - Throws: ``SchedulerError``: ``SchedulerError/outcomeUnknown``, ``SchedulerError/retriesExhausted``,
    ///   ``SchedulerError/tooManyPauses`` or ``SchedulerError/cancelled``.
    public func send(
        _ request: DCHTTPRequest,
        over transport: some DCHTTPTransport
    ) async throws(SchedulerError) -> DCHTTPResponse {
        var progress = RetryPolicy.Progress()
        while true {
            do {
                try await admit()
            } catch {
                throw error.with(
                    attempts: progress.attempt - 1,
                    pauses: progress.pauses,
                    pausedTotal: progress.pausedTotal
                )
                .with(request: request)
            }
            let sentAt = currentInstant()
            counters.attemptsSent += 1

            let result: Result<DCHTTPResponse, DCTransportError>
            do throws(DCTransportError) {
                result = .success(try await transport.send(request))
            } catch {
                result = .failure(error)
            }

            let finishedAt = currentInstant()
            admission.release()
            wakeHead()

            let outcome: RetryPolicy.Outcome
            switch result {
            case .success(let response):
                observe(status: response.status, sentAt: sentAt, finishedAt: finishedAt)
                let retryAfter = RetryAfter.delay(
                    from: response.retryAfter,
                    now: wallClock(),
                    maximum: configuration.maxRetryAfter
                )
                outcome = .response(status: response.status, retryAfter: retryAfter)
            case .failure(let error):
                outcome = .transportError(error)
            }

            switch policy.decide(isIdempotent: request.isIdempotent, outcome: outcome, progress: progress, using: &generator) {
            case .deliver:
                // `.deliver` only follows a response.
                if case .success(let response) = result { return response }
                preconditionFailure("RetryPolicy delivered a transport error")
            case .pause(let delay):
                logger.warning(
                    "the data centre throttled \(request.method) \(request.url.path()); pausing every request to it for \(delay)",
                    metadata: [LogEvent.metadataKey: "\(LogEvent.rateLimited.rawValue)", "dc": "\(request.url.host() ?? "")"])
                counters.pauses += 1
                progress.pauses += 1
                progress.pausedTotal += delay
                admission.pause(until: finishedAt + delay, now: finishedAt)
            case .retry(let delay):
                counters.retries += 1
                progress.attempt += 1
                do {
                    try await sleepUntil(finishedAt + delay)
                } catch {
                    throw SchedulerError.cancelled
                        .with(
                            attempts: progress.attempt - 1,
                            pauses: progress.pauses,
                            pausedTotal: progress.pausedTotal
                        )
                        .with(request: request)
                }
            case .fail(let error):
                throw error.with(request: request)
            }
        }
    }

    /// A snapshot of the counters.
    public func metrics() -> SchedulerMetrics {
        var snapshot = counters
        let now = currentInstant()
        snapshot.currentRate = rateController.rate
        snapshot.inFlight = admission.inFlight
        snapshot.queueLength = admission.queueLength
        if let pausedUntil = admission.bucket.pausedUntil, pausedUntil > now {
            snapshot.pauseRemaining = pausedUntil - now
        }
        return snapshot
    }

    // MARK: - Admission

    /// Waits until a slot, a token and the queue admit this caller. On return, the caller holds a slot and must
    /// ``AdmissionStateMachine/release()`` it.
    private func admit() async throws(SchedulerError) {
        let ticket = admission.enqueue()
        let enqueuedAt = currentInstant()
        defer { parkingLot.forget(ticket) }
        while true {
            if Task.isCancelled {
                leaveQueue(ticket)
                throw .cancelled
            }
            let now = currentInstant()
            switch admission.poll(ticket, now: now) {
            case .admitted:
                wakeHead()
                let waited = now - enqueuedAt
                counters.totalQueueWait += waited
                counters.maxQueueWait = max(counters.maxQueueWait, waited)
                return
            case .waitUntil(let deadline):
                do {
                    try await sleepUntil(deadline)
                } catch {
                    leaveQueue(ticket)
                    throw .cancelled
                }
            case .waitForSlot, .waitForTurn:
                await parkingLot.park(ticket)
            }
        }
    }

    private func leaveQueue(_ ticket: AdmissionStateMachine.Ticket) {
        admission.cancel(ticket)
        wakeHead()
    }

    /// Lets the head of the queue poll again. Only the head can be admitted, so nobody else needs waking.
    private func wakeHead() {
        if let head = admission.head { parkingLot.unpark(head) }
    }

    // MARK: - Rate adaptation

    private func observe(status: Int, sentAt: ContinuousClock.Instant, finishedAt: ContinuousClock.Instant) {
        if status == 429 { counters.throttledResponses += 1 }
        let changed: Bool
        switch status {
        case 429, 503:
            changed = rateController.recordThrottle(now: finishedAt, sentAt: sentAt)
        case ..<500:
            changed = rateController.recordSuccess(now: finishedAt)
        default:
            changed = false
        }
        if changed { admission.setRate(rateController.rate, now: finishedAt) }
    }
}
