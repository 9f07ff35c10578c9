import Synchronization

/// Tells any number of waiters that the onboarding store changed: a submission, a transition, an event.
///
/// A version number increases with every committed write. A waiter passes the version it last saw and returns as
/// soon as the store is newer, or at its deadline, or when its task is cancelled. Waiters then re-read the store:
/// the signal says *that* something changed, never *what*, so a missed or coalesced signal costs only a poll interval.
/// Used by `onboarding.wait`, `onboarding.logs --follow`, result files and the systemd status line.
public final class StoreChangeSignal: Sendable {
    private struct State {
        var version: UInt64 = 0
        var nextWaiterID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// The current version; pass it to ``wait(after:until:)``.
    public var version: UInt64 { state.withLock { $0.version } }

    /// Records a change and wakes every waiter.
    public func notify() {
        let waiters = state.withLock { state in
            state.version &+= 1
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the version is above `version`, at `deadline`, or when the task is cancelled.
    public func wait(after version: UInt64, until deadline: ContinuousClock.Instant) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            group.addTask { await self.waitForChange(after: version) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForChange(after version: UInt64) async {
        let id = state.withLock { state in
            defer { state.nextWaiterID &+= 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    // Checked under the lock, so a cancellation either finds the waiter or is seen here.
                    if state.version > version || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
