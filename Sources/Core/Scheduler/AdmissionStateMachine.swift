/// Decides when queued requests to one data centre may go out: strictly first in, first out, within a cap on
/// requests in flight, the token bucket's rate and any throttling pause.
///
/// Pure logic in the style of async-http-client's connection-pool state machine: no I/O, no clock, no
/// continuations. The owner (``RequestScheduler``) enqueues a ticket per request and polls it with the current
/// instant; the result says whether the request is admitted or how it must wait:
///
/// - ``PollResult/waitUntil(_:)``: the ticket is at the head of the queue and a slot is free, but the rate or a
///   pause holds it back; sleep until the instant, then poll again (a pause set meanwhile is seen then).
/// - ``PollResult/waitForSlot``: at the head, but ``maxInFlight`` requests are in flight; poll again after a
///   ``release()``.
/// - ``PollResult/waitForTurn``: other tickets are ahead; poll again when this ticket becomes the ``head``.
///
/// Only the head can be admitted, so the owner only ever has to wake the ``head`` after a change (an admission,
/// a release or a cancellation).
public struct AdmissionStateMachine: Sendable {
    /// A place in the queue.
    public struct Ticket: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// Tickets are numbered in the order they were issued.
        public let number: UInt64

        public static func < (lhs: Ticket, rhs: Ticket) -> Bool { lhs.number < rhs.number }

        public var description: String { "ticket \(number)" }
    }

    /// The answer to ``poll(_:now:)``.
    public enum PollResult: Hashable, Sendable {
        /// The request may go out now; it holds a slot until ``release()``.
        case admitted
        /// Poll again at the instant (rate limit or pause).
        case waitUntil(ContinuousClock.Instant)
        /// Poll again after a slot is released.
        case waitForSlot
        /// Poll again when this ticket is the ``head``.
        case waitForTurn
    }

    /// The rate limiter, including any pause.
    public private(set) var bucket: TokenBucket
    /// The most requests in flight at once.
    public let maxInFlight: Int
    /// Requests admitted and not yet released.
    public private(set) var inFlight: Int = 0

    private var queue: [Ticket] = []
    private var nextTicketNumber: UInt64 = 0

    /// Creates a state machine with an empty queue.
    ///
    /// - Parameters:
    ///   - bucket: The token bucket (rate, burst) of the data centre.
    ///   - maxInFlight: The most requests in flight at once; at least 1.
    public init(bucket: TokenBucket, maxInFlight: Int) {
        precondition(maxInFlight >= 1, "maxInFlight must be at least 1, got \(maxInFlight)")
        self.bucket = bucket
        self.maxInFlight = maxInFlight
    }

    /// The number of tickets waiting.
    public var queueLength: Int { queue.count }

    /// The ticket that is next in line, if any.
    public var head: Ticket? { queue.first }

    /// Whether `ticket` is waiting in the queue.
    public func isQueued(_ ticket: Ticket) -> Bool { queue.contains(ticket) }

    /// Issues a ticket at the back of the queue.
    public mutating func enqueue() -> Ticket {
        let ticket = Ticket(number: nextTicketNumber)
        nextTicketNumber += 1
        queue.append(ticket)
        return ticket
    }

    /// Admits `ticket` if it is its turn, a slot is free, no pause is in force and a token is available; otherwise
    /// says how to wait. An admitted ticket leaves the queue and takes a slot.
    ///
    /// - Precondition: `ticket` is queued (issued by ``enqueue()``, not yet admitted or cancelled).
    public mutating func poll(_ ticket: Ticket, now: ContinuousClock.Instant) -> PollResult {
        guard let head = queue.first else { preconditionFailure("poll(\(ticket)) but the queue is empty") }
        guard head == ticket else {
            precondition(queue.contains(ticket), "poll(\(ticket)) but it is not queued")
            return .waitForTurn
        }
        guard inFlight < maxInFlight else { return .waitForSlot }
        switch bucket.tryAcquire(now: now) {
        case .acquired:
            queue.removeFirst()
            inFlight += 1
            return .admitted
        case .notBefore(let instant):
            return .waitUntil(instant)
        }
    }

    /// Frees the slot of a request that finished (with a response or an error).
    public mutating func release() {
        precondition(inFlight > 0, "release() without a request in flight")
        inFlight -= 1
    }

    /// Removes a waiting ticket (its task was cancelled).
    ///
    /// - Returns: Whether `ticket` was queued.
    @discardableResult
    public mutating func cancel(_ ticket: Ticket) -> Bool {
        guard let index = queue.firstIndex(of: ticket) else { return false }
        queue.remove(at: index)
        return true
    }

    /// Admits nothing before `deadline` (see ``TokenBucket/pause(until:now:)``).
    public mutating func pause(until deadline: ContinuousClock.Instant, now: ContinuousClock.Instant) {
        bucket.pause(until: deadline, now: now)
    }

    /// Changes the sustained rate from `now` on.
    public mutating func setRate(_ rate: Double, now: ContinuousClock.Instant) {
        bucket.setRate(rate, now: now)
    }
}
