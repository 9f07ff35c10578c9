import Logging
import OnboardCore
import OnboardSystemd

/// Reloads the configuration and profiles, bracketed by `RELOADING=1` … `READY=1` for systemd (engineering notes
/// §1.2). Called by `daemon.reload` (what `ExecReload=onboardctl reload --wait` uses) and on `SIGHUP`.
struct ConfigurationReloader: Sendable {
    let runtime: DaemonRuntime
    let notifier: SystemdNotifier
    let logger: Logger

    /// Reloads; on failure the running configuration stays and the problems are thrown.
    func reload(trigger: String) async throws(ConfigurationError) -> ReloadResult {
        notifier.reloading()
        defer { notifier.ready() }
        do {
            let result = try await runtime.reload()
            logger.notice(
                "configuration reloaded (\(trigger)): \(result.partners.count) partners, \(result.profiles.count) profiles",
                metadata: [OnboardEvent.metadataKey: OnboardEvent.reloaded.metadataValue])
            for note in result.notApplied { logger.warning("not applied by reload: \(note)") }
            return result
        } catch {
            logger.error("reload (\(trigger)) refused; the running configuration stays:\n\(error)")
            throw error
        }
    }
}
