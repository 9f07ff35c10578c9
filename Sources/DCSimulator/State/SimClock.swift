import Foundation
import Synchronization

/// The simulator's wall clock: real time plus an offset that tests can advance.
///
/// Token expiry (AUTH-2), registration-token expiry, read-after-write lag and rate-limit refill all use this
/// clock, so tests move time forward with `POST /_sim/clock/advance` instead of sleeping.
public final class SimClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)
    /// When set, time stands still at this instant (plus the offset): in-process tests then see only the time
    /// they advance, however slow the machine.
    private let frozenAt: Date?

    /// A clock at real time.
    public init() { frozenAt = nil }

    /// A clock that stands still at `instant` until advanced.
    public init(frozenAt instant: Date) { frozenAt = instant }

    /// The current simulated time.
    public func now() -> Date { (frozenAt ?? Date()).addingTimeInterval(offset.withLock { $0 }) }

    /// Moves the clock forward by `seconds` (never backwards).
    public func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += max(0, seconds) }
    }

    /// How far the clock has been advanced, in seconds.
    public var advancedSeconds: TimeInterval { offset.withLock { $0 } }
}
