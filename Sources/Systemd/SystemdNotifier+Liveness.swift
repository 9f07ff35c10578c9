extension SystemdNotifier {
    /// Pings the systemd watchdog while a liveness probe passes, until the calling task is cancelled.
    ///
    /// Each round runs `probe()` and then sends:
    /// - `WATCHDOG=1` if it returned `true` within `probeTimeout`;
    /// - `WATCHDOG=trigger` if it returned `false`, or did not return within `probeTimeout` (the trigger is sent as
    ///   soon as the timeout expires, even if the probe then keeps running);
    ///
    /// then waits `interval` before the next round. A timer that pings unconditionally proves only that the
    /// runtime still runs timers; tying the ping to a probe (the scheduler ticked recently, the store answers
    /// `SELECT 1`) lets `WatchdogSec=` catch a daemon that is alive but stuck (engineering.md §1.3).
    ///
    /// The loop is structured: it runs in the caller's task (a `Service.run()`, for example) and its child tasks,
    /// and returns once the calling task is cancelled. Nothing is sent for a round that cancellation interrupts.
    ///
    /// ```swift
    /// if let interval = notifier.watchdogPingInterval {
    ///     await notifier.livenessLoop(interval: interval) { await health.isAlive() }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - interval: The pause between the end of one round and the start of the next. Use
    ///     ``watchdogPingInterval`` (half of `WatchdogSec=`).
    ///   - probeTimeout: How long one probe may take before it counts as failed. Defaults to `interval`.
    ///   - probe: Returns whether the daemon is healthy. It should honour task cancellation; the loop waits for it
    ///     to return before starting the next round.
    /// - Important: Without a running round finishing, no `WATCHDOG=1` is sent, so a probe that hangs forever
    ///   makes systemd act on the watchdog anyway, which is the point.
    public func livenessLoop(
        interval: Duration,
        probeTimeout: Duration? = nil,
        probe: @escaping @Sendable () async -> Bool
    ) async {
        let timeout = probeTimeout ?? interval
        while !Task.isCancelled {
            await self.runRound(timeout: timeout, probe: probe)
            guard !Task.isCancelled else { return }
            try? await Task.sleep(for: interval)
        }
    }

    private enum RoundResult: Sendable {
        case passed, failed, timedOut
    }

    /// Races the probe against the timeout and sends the ping or trigger as soon as one of them finishes.
    private func runRound(timeout: Duration, probe: @escaping @Sendable () async -> Bool) async {
        await withTaskGroup(of: RoundResult?.self) { group in
            group.addTask { await probe() ? .passed : .failed }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return nil  // cancelled: the probe finished first, or the loop is shutting down
                }
            }
            let first = await group.next() ?? nil
            if !Task.isCancelled, let first {
                switch first {
                case .passed: self.watchdog()
                case .failed, .timedOut: self.watchdogTrigger()
                }
            }
            group.cancelAll()
        }
    }
}
