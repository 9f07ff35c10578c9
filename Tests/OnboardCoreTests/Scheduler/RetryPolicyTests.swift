import OnboardCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    /// The shape of a decision, without the random delay.
    enum Kind: Equatable, CustomStringConvertible {
        case deliver
        case pause
        case retry
        case fail(SchedulerError)

        init(_ decision: RetryPolicy.Decision) {
            switch decision {
            case .deliver: self = .deliver
            case .pause: self = .pause
            case .retry: self = .retry
            case .fail(let error): self = .fail(error)
            }
        }

        var description: String {
            switch self {
            case .deliver: "deliver"
            case .pause: "pause"
            case .retry: "retry"
            case .fail(let error): "fail(\(error))"
            }
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var outcome: RetryPolicy.Outcome
        var idempotent: Kind
        var post: Kind

        var testDescription: String { "\(outcome)" }
    }

    static let notSent = DCTransportError(kind: .notSent, detail: "connection refused")
    static let lost = DCTransportError(kind: .outcomeUnknown, detail: "connection reset by peer")

    static let table: [Row] = {
        var rows: [Row] = []
        for status in [200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 406, 408, 409, 415, 422, 426, 501, 505] {
            rows.append(Row(outcome: .response(status: status, retryAfter: nil), idempotent: .deliver, post: .deliver))
        }
        rows.append(Row(outcome: .response(status: 429, retryAfter: nil), idempotent: .pause, post: .pause))
        rows.append(Row(outcome: .response(status: 429, retryAfter: .seconds(7)), idempotent: .pause, post: .pause))
        rows.append(Row(outcome: .response(status: 503, retryAfter: .seconds(3)), idempotent: .pause, post: .pause))
        rows.append(Row(outcome: .response(status: 503, retryAfter: nil), idempotent: .retry, post: .retry))
        for status in [500, 502, 504] {
            rows.append(
                Row(
                    outcome: .response(status: status, retryAfter: nil),
                    idempotent: .retry,
                    post: .fail(.outcomeUnknown)
                )
            )
        }
        rows.append(Row(outcome: .transportError(notSent), idempotent: .retry, post: .retry))
        rows.append(Row(outcome: .transportError(lost), idempotent: .retry, post: .fail(.outcomeUnknown)))
        return rows
    }()

    func decide(
        _ method: DCHTTPMethod,
        _ outcome: RetryPolicy.Outcome,
        _ progress: RetryPolicy.Progress = .init(),
        policy: RetryPolicy = RetryPolicy()
    ) -> RetryPolicy.Decision {
        var generator = SchedulerSeededRNG(seed: 99)
        return policy.decide(method: method, outcome: outcome, progress: progress, using: &generator)
    }

    @Test("first attempt: every method × outcome", arguments: table)
    func firstAttempt(row: Row) {
        for method in [DCHTTPMethod.get, .put, .delete, .post] {
            let expected = method == .post ? row.post : row.idempotent
            #expect(Kind(decide(method, row.outcome)) == expected, "\(method)")
        }
    }

    @Test("last attempt: what would be retried fails with retriesExhausted; pauses are still allowed", arguments: table)
    func lastAttempt(row: Row) {
        for method in [DCHTTPMethod.get, .put, .delete, .post] {
            var expected = method == .post ? row.post : row.idempotent
            if expected == .retry { expected = .fail(.retriesExhausted) }
            #expect(Kind(decide(method, row.outcome, .init(attempt: 3))) == expected, "\(method)")
        }
    }

    @Test("Retry-After sets the pause; without it the pause is a backoff over the pauses so far")
    func pauseDelay() {
        #expect(decide(.post, .response(status: 429, retryAfter: .seconds(7))) == .pause(.seconds(7)))
        #expect(decide(.get, .response(status: 503, retryAfter: .zero)) == .pause(.zero))
        let policy = RetryPolicy()
        for pauses in 0..<8 {
            guard case .pause(let delay) = decide(.get, .response(status: 429, retryAfter: nil), .init(pauses: pauses))
            else {
                Issue.record("expected a pause")
                continue
            }
            #expect(delay >= .zero && delay <= policy.backoff.window(forRetry: pauses))
        }
    }

    @Test("retry delays stay within the backoff window of the attempt")
    func retryDelay() {
        let policy = RetryPolicy(maxAttempts: 10)
        var generator = SchedulerSeededRNG(seed: 5)
        for attempt in 1..<10 {
            for _ in 0..<200 {
                let decision = policy.decide(
                    method: .get,
                    outcome: .response(status: 502, retryAfter: nil),
                    progress: .init(attempt: attempt),
                    using: &generator
                )
                guard case .retry(let delay) = decision else {
                    Issue.record("expected a retry, got \(decision)")
                    return
                }
                #expect(delay >= .zero && delay <= policy.backoff.window(forRetry: attempt - 1))
            }
        }
    }

    @Test("the pause budget: count and total time")
    func pauseBudget() {
        let throttled = RetryPolicy.Outcome.response(status: 429, retryAfter: .seconds(20))
        #expect(decide(.get, throttled, .init(pauses: 7)) == .pause(.seconds(20)))
        #expect(decide(.get, throttled, .init(pauses: 8)) == .fail(.tooManyPauses))
        #expect(decide(.get, throttled, .init(pausedTotal: .seconds(580))) == .pause(.seconds(20)))
        #expect(decide(.get, throttled, .init(pausedTotal: .seconds(581))) == .fail(.tooManyPauses))
        let strict = RetryPolicy(maxPauses: 0)
        #expect(decide(.post, throttled, policy: strict) == .fail(.tooManyPauses))
    }

    @Test("failures carry the last status or transport error and the progress")
    func failureContext() {
        guard case .fail(let exhausted) = decide(.get, .response(status: 500, retryAfter: nil), .init(attempt: 3))
        else { return #expect(Bool(false)) }
        #expect(exhausted == .retriesExhausted)
        #expect(exhausted.lastStatus == 500)
        #expect(exhausted.attempts == 3)

        guard case .fail(let unreachable) = decide(.put, .transportError(Self.notSent), .init(attempt: 3))
        else { return #expect(Bool(false)) }
        #expect(unreachable.transportError == Self.notSent)
        #expect(unreachable.lastStatus == nil)

        guard case .fail(let unknown) = decide(.post, .transportError(Self.lost)) else { return #expect(Bool(false)) }
        #expect(unknown == .outcomeUnknown)
        #expect(unknown.attempts == 1)
        #expect(unknown.description.contains("connection reset by peer"))
    }

    @Test("maxAttempts 1 never retries")
    func singleAttempt() {
        let policy = RetryPolicy(maxAttempts: 1)
        #expect(decide(.get, .response(status: 502, retryAfter: nil), policy: policy) == .fail(.retriesExhausted))
        #expect(decide(.get, .response(status: 429, retryAfter: .seconds(1)), policy: policy) == .pause(.seconds(1)))
    }
}
