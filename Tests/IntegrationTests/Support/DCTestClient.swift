import AsyncHTTPClient
import Foundation
import Logging
import Synchronization

@testable import OnboardCore

/// One attempt as the transport saw it: when it left, when its answer came, and what the answer was.
struct RecordedAttempt: Sendable {
    var method: DCHTTPMethod
    var path: String
    var sentAt: ContinuousClock.Instant
    var answeredAt: ContinuousClock.Instant
    var status: Int?
    var retryAfter: String?
}

/// The production transport, recording every attempt with its timing.
final class RecordingTransport: DCHTTPTransport {
    private let inner = AsyncHTTPClientTransport()
    private let attemptsStore = Mutex<[RecordedAttempt]>([])

    var attempts: [RecordedAttempt] { attemptsStore.withLock { $0 } }

    func send(_ request: DCHTTPRequest) async throws(DCTransportError) -> DCHTTPResponse {
        let sentAt = ContinuousClock.now
        do {
            let response = try await inner.send(request)
            record(request, sentAt: sentAt, status: response.status, retryAfter: response.retryAfter)
            return response
        } catch {
            record(request, sentAt: sentAt, status: nil, retryAfter: nil)
            throw error
        }
    }

    private func record(_ request: DCHTTPRequest, sentAt: ContinuousClock.Instant, status: Int?, retryAfter: String?) {
        let attempt = RecordedAttempt(
            method: request.method, path: request.url.path, sentAt: sentAt, answeredAt: .now, status: status, retryAfter: retryAfter)
        attemptsStore.withLock { $0.append(attempt) }
    }
}

/// A client wired as the daemon wires it: DCClient → ScheduledSender → RequestScheduler → AHC transport.
struct DCTestClient {
    let client: DCClient
    let scheduler: RequestScheduler
    let transport: RecordingTransport

    /// A scheduler fast enough for tests; faults come from the simulator.
    static let fastConfiguration: RequestScheduler.Configuration = {
        var configuration = RequestScheduler.Configuration()
        configuration.rate = 200
        configuration.burst = 50
        configuration.maxInFlight = 16
        configuration.backoff = Backoff(base: .milliseconds(20), cap: .milliseconds(200))
        return configuration
    }()

    init(
        simulator: SimulatorProcess,
        clientSecret: String = SimulatorProcess.clientSecret,
        configuration: RequestScheduler.Configuration = DCTestClient.fastConfiguration,
        timeout: Duration = .seconds(30)
    ) {
        let credentials = PartnerCredentials(
            dataCenterURL: simulator.baseURL, clientID: SimulatorProcess.clientID, clientSecret: Secret(clientSecret))
        scheduler = RequestScheduler(configuration: configuration)
        transport = RecordingTransport()
        var logger = Logger(label: "integration")
        logger.logLevel = .warning
        client = DCClient(
            credentials: credentials, sender: ScheduledSender(scheduler: scheduler, transport: transport), logger: logger, timeout: timeout)
    }
}

/// Runs `body` with a fresh simulator, and always stops the simulator afterwards.
func withSimulator<T>(
    _ arguments: [String] = [], name: String = #function, _ body: (SimulatorProcess) async throws -> T
) async throws -> T {
    let simulator = try await SimulatorProcess.start(arguments, name: name)
    do {
        let result = try await body(simulator)
        try await simulator.stop()
        return result
    } catch {
        try? await simulator.stop()
        throw error
    }
}

/// A name no other test uses.
func uniqueName(_ prefix: String) -> String { "\(prefix) \(UUID().uuidString.prefix(8).lowercased())" }
