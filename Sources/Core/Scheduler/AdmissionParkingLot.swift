import Synchronization

/// Where ``RequestScheduler``'s waiting tasks suspend until the admission state machine may have news for them.
///
/// A parked task resumes when it is unparked or when its task is cancelled. The state sits behind a `Mutex`
/// because a cancellation handler runs synchronously on whichever thread cancels the task and cannot hop onto the
/// actor. Wake-ups are never lost: an unpark that finds nobody parked is remembered and consumed by the next
/// ``park(_:)`` of that ticket. Spurious wake-ups are harmless, since a woken task always polls again.
final class AdmissionParkingLot: Sendable {
    private struct State {
        var parked: [AdmissionStateMachine.Ticket: CheckedContinuation<Void, Never>] = [:]
        var pendingWakes: Set<AdmissionStateMachine.Ticket> = []
        var cancelled: Set<AdmissionStateMachine.Ticket> = []
    }

    private let state = Mutex(State())

    init() {}

    /// Suspends until ``unpark(_:)`` is called for `ticket` (possibly before this call) or the task is cancelled.
    /// Check `Task.isCancelled` afterwards.
    func park(
        _ ticket: AdmissionStateMachine.Ticket,
        isolation: isolated (any Actor)? = #isolation
    ) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.pendingWakes.remove(ticket) != nil || state.cancelled.contains(ticket) { return true }
                    state.parked[ticket] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                state.cancelled.insert(ticket)
                return state.parked.removeValue(forKey: ticket)
            }
            continuation?.resume()
        }
    }

    /// Resumes `ticket`'s task if it is parked, or makes its next ``park(_:)`` return at once.
    func unpark(_ ticket: AdmissionStateMachine.Ticket) {
        let continuation = state.withLock { state in
            guard let continuation = state.parked.removeValue(forKey: ticket) else {
                state.pendingWakes.insert(ticket)
                return nil as CheckedContinuation<Void, Never>?
            }
            return continuation
        }
        continuation?.resume()
    }

    /// Drops what is remembered about `ticket`; call when it has left the queue.
    func forget(_ ticket: AdmissionStateMachine.Ticket) {
        state.withLock { state in
            state.pendingWakes.remove(ticket)
            state.cancelled.remove(ticket)
            if let continuation = state.parked.removeValue(forKey: ticket) {
                // Not reachable in the scheduler (a parked ticket's task is suspended, so it cannot forget itself),
                // but never leak a continuation.
                continuation.resume()
            }
        }
    }

    /// The number of parked tasks (for tests and diagnostics).
    var parkedCount: Int { state.withLock { $0.parked.count } }
}
