import OnboardCore
import Synchronization

/// The readiness barrier of engineering notes §6.6: each start-up milestone (database migrated, control socket
/// listening, spool scanned) is marked once, and ``wait()`` returns when all are, so `READY=1` is never early.
final class ReadinessGate: Sendable {
    /// A start-up milestone.
    enum Milestone: String, Sendable, Hashable, CaseIterable {
        case socketListening = "control socket listening"
        case spoolScanned = "spool scanned"
    }

    private let pendingMilestones = Mutex(Set(Milestone.allCases))
    private let opened = AsyncLatch()

    /// Marks a milestone as reached; the last one opens the gate.
    func reached(_ milestone: Milestone) {
        let allReached = pendingMilestones.withLock { pending in
            pending.remove(milestone)
            return pending.isEmpty
        }
        if allReached { opened.open() }
    }

    /// What has not been reached yet.
    var pending: Set<Milestone> { pendingMilestones.withLock { $0 } }

    /// Returns once every milestone is reached, or when the task is cancelled (a shutdown before start-up ended).
    /// (The database is migrated before any service starts.)
    func wait() async {
        await opened.wait()
    }
}
