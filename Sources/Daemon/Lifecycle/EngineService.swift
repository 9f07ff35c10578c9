import OnboardCore
import ServiceLifecycle

/// Runs the onboarding engine. On graceful shutdown the engine drains: it picks nothing new and each running
/// onboarding stops after its step in flight; whatever the shutdown deadline cuts short stays resumable.
struct EngineService: Service {
    let engine: OnboardingEngine

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await engine.run()
        } onGracefulShutdown: {
            engine.drain()
        }
    }
}
