/// Why ``RequestScheduler`` gave up on a request.
///
/// Follows the SSWG error pattern (`ServiceGroupError`, `HTTPClientError`): a struct wrapping a private code, with
/// one `static let` per code, so new codes can be added without breaking anyone's `switch`. Two errors are equal
/// when their codes are equal; the context (request, attempts, last status) is ignored, so
/// `catch let error as SchedulerError where error == .outcomeUnknown` works.
///
/// The ``description`` names the cause and what the operator should do. It never contains headers or bodies:
/// only the request's ``DCHTTPRequest/logLabel``, HTTP status codes and the transport's secret-free detail.
public struct SchedulerError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case outcomeUnknown
        case retriesExhausted
        case cancelled
        case tooManyPauses
    }

    private var code: Code

    /// The request, as ``DCHTTPRequest/logLabel`` (method and path, no query string).
    public internal(set) var request: String?
    /// Counted attempts made (pauses for throttling are not counted).
    public internal(set) var attempts: Int
    /// How many times throttling paused this request.
    public internal(set) var pauses: Int
    /// How long this request spent paused by throttling, in total.
    public internal(set) var pausedTotal: Duration
    /// The HTTP status of the last response, if the last attempt got one.
    public internal(set) var lastStatus: Int?
    /// The transport failure of the last attempt, if it got no response.
    public internal(set) var transportError: DCTransportError?

    private init(code: Code) {
        self.code = code
        self.request = nil
        self.attempts = 0
        self.pauses = 0
        self.pausedTotal = .zero
        self.lastStatus = nil
        self.transportError = nil
    }

    /// The request may or may not have taken effect: a `POST` whose connection broke after sending, or that got
    /// 500, 502 or 504. It was not repeated, because repeating it could create a duplicate.
    public static let outcomeUnknown = SchedulerError(code: .outcomeUnknown)
    /// Every allowed attempt failed with a retryable error (a server error or an unreachable data centre).
    public static let retriesExhausted = SchedulerError(code: .retriesExhausted)
    /// The calling task was cancelled before the request completed.
    public static let cancelled = SchedulerError(code: .cancelled)
    /// The data centre kept throttling (429, or 503 with `Retry-After`) beyond the pause budget.
    public static let tooManyPauses = SchedulerError(code: .tooManyPauses)

    public static func == (lhs: SchedulerError, rhs: SchedulerError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        let subject = request ?? "request"
        switch code {
        case .outcomeUnknown:
            return "\(subject): outcome unknown after \(lastOutcome); the data centre may have applied it. "
                + "It was not repeated, to avoid a duplicate: look the object up before creating it again."
        case .retriesExhausted:
            return "\(subject): gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"), last \(lastOutcome). "
                + "The data centre is failing or unreachable: check its status and the network, then retry later."
        case .cancelled:
            return "\(subject): cancelled before it completed (shutdown or caller cancellation)."
        case .tooManyPauses:
            return "\(subject): the data centre kept throttling (\(pauses) pause\(pauses == 1 ? "" : "s"), "
                + "\(Self.format(pausedTotal)) paused, last \(lastOutcome)). "
                + "Lower the configured rate or concurrency for this data centre, or retry later."
        }
    }

    private var lastOutcome: String {
        if let lastStatus { return "HTTP \(lastStatus)" }
        if let transportError { return transportError.description }
        return "no response"
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = SchedulerTime.seconds(duration)
        return seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
    }

    // MARK: - Building errors with context

    /// A copy of this error carrying the last outcome and the request's progress.
    func with(
        attempts: Int,
        pauses: Int,
        pausedTotal: Duration,
        lastStatus: Int? = nil,
        transportError: DCTransportError? = nil
    ) -> SchedulerError {
        var copy = self
        copy.attempts = attempts
        copy.pauses = pauses
        copy.pausedTotal = pausedTotal
        copy.lastStatus = lastStatus
        copy.transportError = transportError
        return copy
    }

    /// A copy of this error naming `request`.
    func with(request: DCHTTPRequest) -> SchedulerError {
        var copy = self
        copy.request = request.logLabel
        return copy
    }
}
