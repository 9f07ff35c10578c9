import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on `SIGHUP`, the traditional daemon reload signal; `onboardctl reload` is preferred
/// because it waits for the result.
struct HangupReloadService: Service {
    let reloader: ConfigurationReloader

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            _ = try? await reloader.reload(trigger: "SIGHUP")
        }
    }
}
