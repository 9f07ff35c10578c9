import Foundation
import OnboardCore
import Synchronization
import Testing

// Test doubles for the scheduler tests. Names carry a `Scheduler` prefix because the test target is shared.

/// A deterministic random source (SplitMix64).
struct SchedulerSeededRNG: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A clock whose time moves only when the test calls ``advance(by:)``. Sleepers resume when time reaches their
/// deadline, or throw `CancellationError` when their task is cancelled.
final class SchedulerManualClock: Clock, Sendable {
    typealias Instant = ContinuousClock.Instant
    typealias Duration = Swift.Duration

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
    }

    private let state: Mutex<State>

    init(start: Instant = ContinuousClock.now) { state = Mutex(State(now: start)) }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }
    /// The number of tasks sleeping on this clock.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }
    /// The earliest deadline of a sleeping task.
    var nextDeadline: Instant? { state.withLock { $0.sleepers.values.map(\.deadline).min() } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                let sleeper = state.sleepers.removeValue(forKey: id)
                if sleeper == nil { state.cancelled.insert(id) }
                return sleeper
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and resumes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state in
            state.now = state.now + duration
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }
}

/// A clock on which sleeping takes no real time: `sleep(until:)` moves the clock to the deadline (if later) and
/// returns after a yield, like swift-clocks' `ImmediateClock`. Time is shared and only moves forward, so every
/// decision the scheduler takes against `now` is still checked against a consistent, monotonic time line.
final class SchedulerJumpClock: Clock, Sendable {
    typealias Instant = ContinuousClock.Instant
    typealias Duration = Swift.Duration

    private let current: Mutex<Instant>

    init(start: Instant = ContinuousClock.now) { current = Mutex(start) }

    var now: Instant { current.withLock { $0 } }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        current.withLock { now in now = max(now, deadline) }
        await Task.yield()
        try Task.checkCancellation()
    }
}

/// One call the scripted transport received.
struct SchedulerRecordedSend: Sendable {
    var index: Int
    var method: DCHTTPMethod
    var path: String
    var instant: ContinuousClock.Instant
    /// The response status, or nil for a transport error.
    var status: Int?
}

/// A ``DCHTTPTransport`` whose answers come from a handler, recording every send with the clock's time.
final class ScriptedDCTransport: DCHTTPTransport {
    typealias Handler =
        @Sendable (_ index: Int, _ request: DCHTTPRequest) async -> Result<DCHTTPResponse, DCTransportError>

    private let handler: Handler
    private let instant: @Sendable () -> ContinuousClock.Instant
    private let log = Mutex<[SchedulerRecordedSend]>([])

    init<C: Clock>(clock: C, handler: @escaping Handler) where C.Instant == ContinuousClock.Instant {
        self.handler = handler
        self.instant = { clock.now }
    }

    /// Every send so far, in the order they reached the transport.
    var sends: [SchedulerRecordedSend] { log.withLock { $0 } }

    func send(_ request: DCHTTPRequest) async throws(DCTransportError) -> DCHTTPResponse {
        let index = log.withLock { log in
            log.append(
                SchedulerRecordedSend(
                    index: log.count,
                    method: request.method,
                    path: request.url.path,
                    instant: instant(),
                    status: nil
                )
            )
            return log.count - 1
        }
        let result = await handler(index, request)
        if case .success(let response) = result {
            log.withLock { $0[index].status = response.status }
        }
        return try result.get()
    }
}

enum SchedulerFixtures {
    static func request(_ method: DCHTTPMethod = .get, _ path: String = "/api/2/tenants") -> DCHTTPRequest {
        DCHTTPRequest(
            method: method,
            url: URL(string: "https://eu2-cloud.acronis.com\(path)")!,
            headers: [(name: "Authorization", value: "Bearer secret-token")],
            body: Data("{\"secret\":\"body\"}".utf8)
        )
    }

    static func response(_ status: Int, retryAfter: String? = nil) -> Result<DCHTTPResponse, DCTransportError> {
        .success(DCHTTPResponse(status: status, headers: retryAfter.map { ["Retry-After": $0] } ?? [:]))
    }

    /// Waits until `condition` holds, checking every millisecond of real time; records an issue and throws after
    /// `timeout`. For conditions that depend on other tasks making progress, never for simulated time.
    static func waitUntil(
        _ what: String,
        timeout: Duration = .seconds(5),
        sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: () async -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while !(await condition()) {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}
