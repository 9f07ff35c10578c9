import Logging
import OnboardCore
import OnboardSystemd
import ServiceLifecycle

/// Talks to systemd for the whole life of the daemon (engineering notes §1.1–§1.3, §6.6). It is the last service of
/// the group, so it is the first to hear of a shutdown.
///
/// - `READY=1` once the ``ReadinessGate`` opens (database migrated before the group starts, socket listening, spool
///   scanned), with a first `STATUS=`.
/// - `STATUS=` again whenever the store changes, at most once per ``statusInterval``: counts and token state.
/// - `WATCHDOG=1` after each passing liveness probe (the store answers, every scheduler answers), `WATCHDOG=trigger`
///   when a probe fails or hangs; only when systemd set a watchdog.
/// - `STOPPING=1` as soon as graceful shutdown begins.
struct SystemdNotifierService: Service {
    let runtime: DaemonRuntime
    let gate: ReadinessGate
    let notifier: SystemdNotifier
    let logger: Logger
    var statusInterval: Duration = .seconds(1)

    func run() async throws {
        await withGracefulShutdownHandler {
            await gate.wait()
            guard !Task.isCancelled else { return }
            let status = await runtime.statusLine()
            notifier.send([.ready, .status(status)])
            logger.notice("onboardd \(OnboardVersion.current) ready: \(status)", metadata: [OnboardEvent.metadataKey: OnboardEvent.daemonStarted.metadataValue])
            await withDiscardingTaskGroup { group in
                if let interval = notifier.watchdogPingInterval {
                    group.addTask { await notifier.livenessLoop(interval: interval) { await runtime.isAlive() } }
                }
                group.addTask { await publishStatus() }
                // Both loops end when the task is cancelled, which graceful shutdown does below.
                try? await gracefulShutdown()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            notifier.stopping()
            logger.notice("onboardd stopping: no new work; running steps finish or resume at the next start", metadata: [
                OnboardEvent.metadataKey: OnboardEvent.daemonStopping.metadataValue
            ])
        }
    }

    /// Sends `STATUS=` after store changes, coalesced to one per ``statusInterval``.
    private func publishStatus() async {
        let changes = runtime.store.changes
        var version = changes.version
        var last = ""
        while !Task.isCancelled {
            await changes.wait(after: version, until: .now + .seconds(60))
            version = changes.version
            let status = await runtime.statusLine()
            if status != last {
                notifier.status(status)
                last = status
            }
            try? await Task.sleep(for: statusInterval)
        }
    }
}
