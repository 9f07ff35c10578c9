import Synchronization

/// The readiness barrier of engineering notes §6.6: each start-up milestone (database migrated, control socket
/// listening, spool scanned) is marked once, and ``wait()`` returns when all are, so `READY=1` is never early.
final class ReadinessGate: Sendable {
    /// A start-up milestone.
    enum Milestone: String, Sendable, Hashable, CaseIterable {
        case socketListening = "control socket listening"
        case spoolScanned = "spool scanned"
    }

    private struct State {
        var pending = Set(Milestone.allCases)
        var nextWaiterID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Marks a milestone as reached; the last one releases the waiters.
    func reached(_ milestone: Milestone) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.pending.remove(milestone)
            guard state.pending.isEmpty else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// What has not been reached yet.
    var pending: Set<Milestone> { state.withLock { $0.pending } }

    /// Returns once every milestone is reached, or when the task is cancelled (a shutdown before start-up ended).
    /// (The database is migrated before any service starts.)
    func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state in
                    if state.pending.isEmpty || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
