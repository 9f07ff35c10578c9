import OnboardCore
import ServiceLifecycle

/// The control socket as a service that marks the readiness milestone once it listens.
struct ControlSocketService: Service {
    let server: ControlSocketServer
    let gate: ReadinessGate

    func run() async throws {
        try await server.run(onListening: { gate.reached(.socketListening) })
    }
}
