/// Decides, after each attempt of a request, whether to deliver, pause, back off and retry, or fail.
///
/// Pure logic: the caller passes the method, the outcome and the request's progress so far, and a random source
/// for the backoff jitter.
///
/// | Outcome | `GET` / `PUT` / `DELETE` | `POST` |
/// |---|---|---|
/// | 429 (any `Retry-After`), 503 with `Retry-After` | pause the data centre, retry, attempt not counted | same |
/// | 503 without `Retry-After` | back off and retry | back off and retry (refused before processing) |
/// | 500, 502, 504 | back off and retry | fail: ``SchedulerError/outcomeUnknown`` |
/// | transport error, kind `.notSent` | back off and retry | back off and retry |
/// | transport error, kind `.outcomeUnknown` | back off and retry | fail: ``SchedulerError/outcomeUnknown`` |
/// | anything else (2xx, 3xx, 4xx, other 5xx) | deliver | deliver |
///
/// A retry is allowed while the attempt number is below ``maxAttempts``, otherwise the request fails with
/// ``SchedulerError/retriesExhausted``. A pause is allowed while fewer than ``maxPauses`` pauses were taken and
/// the total paused time stays within ``maxTotalPause``, otherwise it fails with
/// ``SchedulerError/tooManyPauses``. A pause waits for the `Retry-After` delay, or without one for a full-jitter
/// backoff over the number of pauses so far.
///
/// 4xx responses other than 429 are delivered, never retried here: 400, 403, 404 and 409 are permanent or need the
/// body, 401 (token refresh) and 426 (quota version) are retried once by the caller, which knows how.
public struct RetryPolicy: Sendable, Hashable {
    /// What one attempt produced.
    public enum Outcome: Sendable, Hashable {
        /// An HTTP response, with its `Retry-After` already parsed and clamped (see ``RetryAfter``).
        case response(status: Int, retryAfter: Duration?)
        /// No response.
        case transportError(DCTransportError)
    }

    /// Where a request stands.
    public struct Progress: Sendable, Hashable {
        /// The number of the attempt that produced the outcome, from 1. A pause does not advance it.
        public var attempt: Int
        /// Pauses already taken by this request.
        public var pauses: Int
        /// Time already spent paused by this request.
        public var pausedTotal: Duration

        /// - Parameters:
        ///   - attempt: The number of the attempt that produced the outcome, from 1. Default 1.
        ///   - pauses: Pauses already taken. Default 0.
        ///   - pausedTotal: Time already paused. Default zero.
        public init(attempt: Int = 1, pauses: Int = 0, pausedTotal: Duration = .zero) {
            self.attempt = attempt
            self.pauses = pauses
            self.pausedTotal = pausedTotal
        }
    }

    /// What to do next.
    public enum Decision: Sendable, Hashable {
        /// Return the response to the caller (success or a 4xx the caller decodes).
        case deliver
        /// Pause the whole data centre for the delay, then send again; the attempt number does not advance.
        case pause(Duration)
        /// Wait for the delay, then send again as the next attempt.
        case retry(after: Duration)
        /// Give up with this error (its context filled in, except the request label).
        case fail(SchedulerError)
    }

    /// The most attempts per request, counting the first (pauses excluded).
    public let maxAttempts: Int
    /// The most pauses per request.
    public let maxPauses: Int
    /// The most time one request may spend paused.
    public let maxTotalPause: Duration
    /// The backoff before retries, and before pauses that came without `Retry-After`.
    public let backoff: Backoff

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: Attempts per request including the first. Default 3 (engineering.md §5.1; the Acronis docs
    ///     advise retrying a 5xx twice).
    ///   - maxPauses: Pauses per request. Default 8.
    ///   - maxTotalPause: Paused time per request. Default 10 minutes: longer outages belong to the job-level retry,
    ///     which frees the worker.
    ///   - backoff: Default ``Backoff/init(base:cap:)`` with 250 ms and 10 s.
    public init(
        maxAttempts: Int = 3,
        maxPauses: Int = 8,
        maxTotalPause: Duration = .seconds(600),
        backoff: Backoff = Backoff()
    ) {
        precondition(maxAttempts >= 1, "RetryPolicy maxAttempts must be at least 1")
        precondition(maxPauses >= 0, "RetryPolicy maxPauses must not be negative")
        precondition(maxTotalPause >= .zero, "RetryPolicy maxTotalPause must not be negative")
        self.maxAttempts = maxAttempts
        self.maxPauses = maxPauses
        self.maxTotalPause = maxTotalPause
        self.backoff = backoff
    }

    /// Decides what to do after an attempt.
    ///
    /// - Parameters:
    ///   - method: The request's method.
    ///   - outcome: What the attempt produced.
    ///   - progress: The attempt number and the pauses so far.
    ///   - generator: The random source for backoff jitter.
    public func decide(
        method: DCHTTPMethod,
        outcome: Outcome,
        progress: Progress,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        decide(isIdempotent: method.isIdempotent, outcome: outcome, progress: progress, using: &generator)
    }

    /// Decides what to do after an attempt of a request whose idempotency is given explicitly
    /// (``DCHTTPRequest/isIdempotent``: a `POST` that creates nothing may be repeated).
    public func decide(
        isIdempotent: Bool,
        outcome: Outcome,
        progress: Progress,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        switch outcome {
        case .response(let status, let retryAfter):
            switch status {
            case 429:
                return pause(retryAfter, status: status, progress: progress, using: &generator)
            case 503 where retryAfter != nil:
                return pause(retryAfter, status: status, progress: progress, using: &generator)
            case 503:
                return retry(status: status, transportError: nil, progress: progress, using: &generator)
            case 500, 502, 504:
                guard isIdempotent else {
                    return .fail(failure(.outcomeUnknown, progress: progress, status: status))
                }
                return retry(status: status, transportError: nil, progress: progress, using: &generator)
            default:
                return .deliver
            }
        case .transportError(let error):
            if error.kind == .outcomeUnknown && !isIdempotent {
                return .fail(failure(.outcomeUnknown, progress: progress, transportError: error))
            }
            return retry(status: nil, transportError: error, progress: progress, using: &generator)
        }
    }

    private func pause(
        _ retryAfter: Duration?,
        status: Int,
        progress: Progress,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        let delay = retryAfter ?? backoff.delay(forRetry: progress.pauses, using: &generator)
        guard progress.pauses < maxPauses, progress.pausedTotal + delay <= maxTotalPause else {
            return .fail(failure(.tooManyPauses, progress: progress, status: status))
        }
        return .pause(delay)
    }

    private func retry(
        status: Int?,
        transportError: DCTransportError?,
        progress: Progress,
        using generator: inout some RandomNumberGenerator
    ) -> Decision {
        guard progress.attempt < maxAttempts else {
            return .fail(
                failure(.retriesExhausted, progress: progress, status: status, transportError: transportError)
            )
        }
        return .retry(after: backoff.delay(forRetry: progress.attempt - 1, using: &generator))
    }

    private func failure(
        _ error: SchedulerError,
        progress: Progress,
        status: Int? = nil,
        transportError: DCTransportError? = nil
    ) -> SchedulerError {
        error.with(
            attempts: progress.attempt,
            pauses: progress.pauses,
            pausedTotal: progress.pausedTotal,
            lastStatus: status,
            transportError: transportError
        )
    }
}
