import OnboardCore

/// Waits for onboardings to end (`onboarding.wait`) while printing each of their events as it happens: a progress
/// line for people, or one JSON object per line with `--json`.
///
/// A `waiting` onboarding (a transient failure backing off) has not ended; the call returns only once it has
/// succeeded, failed or been cancelled.
struct OnboardingWaiter: Sendable {
    /// Something to wait for, and the label of its progress lines (the customer name).
    struct Target: Sendable, Hashable {
        var id: String
        var label: String
    }

    /// At most this many `onboarding.wait` calls are open at once, well below the daemon's connection limit (64).
    static let maximumConcurrentWaits = 8

    let invocation: Invocation

    /// Waits for one onboarding, printing its events from the first.
    func wait(for target: Target) async throws(RPCError) -> ControlSession.Reply<OnboardingSummary> {
        let invocation = self.invocation
        return try await invocation.session.stream(.wait, WaitParams(id: target.id), as: OnboardingSummary.self) { event, raw in
            invocation.emitLine(raw, human: ProgressLine.text(for: event, label: target.label))
        }
    }

    /// Waits for all `targets`, a few at a time; the results are in the order of `targets`.
    ///
    /// - Throws: The first error (the other waits are cancelled): the daemon went away, or an onboarding vanished.
    func wait(forAll targets: [Target]) async throws -> [ControlSession.Reply<OnboardingSummary>] {
        try await withThrowingTaskGroup(of: (Int, ControlSession.Reply<OnboardingSummary>).self) { group in
            var results: [ControlSession.Reply<OnboardingSummary>?] = Array(repeating: nil, count: targets.count)
            var next = 0
            func startNext() {
                guard next < targets.count else { return }
                let index = next
                let target = targets[index]
                next += 1
                group.addTask { (index, try await self.wait(for: target)) }
            }
            for _ in 0..<min(Self.maximumConcurrentWaits, targets.count) { startNext() }
            while let (index, reply) = try await group.next() {
                results[index] = reply
                startNext()
            }
            return results.compactMap { $0 }
        }
    }
}
