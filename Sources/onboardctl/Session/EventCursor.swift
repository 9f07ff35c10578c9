import Synchronization

/// The sequence number of the last event printed, shared with the I/O thread that delivers notifications, so that
/// an event delivered twice (in the backlog and as a notification) is printed once.
final class EventCursor: Sendable {
    private let last: Mutex<Int64>

    /// A cursor before the first event, or after `seq`.
    init(after seq: Int64?) {
        last = Mutex(seq ?? 0)
    }

    /// Moves past `seq` and returns `true` if it is newer than every event seen; `false` for a repeat.
    func advance(to seq: Int64) -> Bool {
        last.withLock { last in
            guard seq > last else { return false }
            last = seq
            return true
        }
    }
}
