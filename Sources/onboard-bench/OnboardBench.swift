import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import OnboardCore

/// `onboard-bench`: onboards N customers through the real engine against an `onboard-dcsim`
/// process and prints figures (time, latency percentiles, API calls per onboarding and per
/// endpoint, scheduler counters). A program that prints numbers, not a timed test.
@main
struct OnboardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard-bench", abstract: "Measure onboardings against the bundled DC simulator.")

    @Option(help: "Number of onboardings.") var onboardings = 100
    @Option(help: "Onboardings driven at once by the engine.") var concurrency = 16
    @Option(help: "Scheduler rate limit (requests per second) towards the simulated DC.") var rate = 200.0
    @Option(help: "Scheduler cap on requests in flight.") var inFlight = 16
    @Option(help: "Extra simulator arguments, e.g. --sim-arg=--latency-ms --sim-arg=20.") var simArg: [String] = []
    @Option(help: "Directory holding onboard-dcsim (default: beside this program).") var binDir: String?

    func run() async throws {
        let directory = URL(filePath: binDir ?? URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().path)
        let clientID = "b0000000-0000-4000-8000-0000000be7c4"
        let secret = UUID().uuidString
        let work = FileManager.default.temporaryDirectory.appending(path: "onboard-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let simulator = Process()
        simulator.executableURL = directory.appending(path: "onboard-dcsim")
        simulator.arguments = ["--port", "0", "--client-id", clientID, "--client-secret", secret, "--log-level", "error"] + simArg
        let output = Pipe()
        simulator.standardOutput = output
        try simulator.run()
        defer { simulator.terminate() }
        let line = String(decoding: output.fileHandleForReading.readLine(), as: UTF8.self)
        guard line.hasPrefix("listening on "), let url = URL(string: String(line.dropFirst("listening on ".count))) else {
            throw ValidationError("onboard-dcsim did not start (got \"\(line)\")")
        }

        var logger = Logger(label: "bench")
        logger.logLevel = .error
        var schedulerConfiguration = RequestScheduler.Configuration()
        schedulerConfiguration.rate = rate
        schedulerConfiguration.burst = max(1, Int(rate / 4))
        schedulerConfiguration.maxInFlight = inFlight
        let scheduler = RequestScheduler(configuration: schedulerConfiguration)
        let client = DCClient(
            credentials: PartnerCredentials(dataCenterURL: url, clientID: clientID, clientSecret: Secret(secret)),
            sender: ScheduledSender(scheduler: scheduler, transport: AsyncHTTPClientTransport()), logger: logger)
        let profile = ServiceProfile(
            name: "bench", edition: .perWorkload,
            items: [
                .init(name: "pw_base_workstations", quota: QuotaAmount(value: 25)), .init(name: "pw_base_servers", quota: QuotaAmount(value: 5)),
                .init(name: "pw_base_storage", quota: QuotaAmount(parsing: "500GiB")),
            ],
            storage: .platformOwned)
        let store = try await OnboardingStore.open(path: work.appending(path: "bench.sqlite").path)
        let engine = OnboardingEngine(
            store: store, partners: [PartnerAccount(name: "bench", client: client)], services: ServiceSource(profiles: ["bench": profile]),
            configuration: .init(maxConcurrentOnboardings: concurrency, retryPolicy: .init(base: .milliseconds(200), cap: .seconds(2)), idlePoll: .milliseconds(100)),
            logger: logger)
        let context = RequestValidationContext(partners: ["bench"], profiles: ["bench"])

        let started = ContinuousClock.now
        let records = try await withThrowingTaskGroup(of: [OnboardingRecord]?.self) { group in
            group.addTask {
                try await engine.run()
                return nil
            }
            var ids: [String] = []
            for index in 0..<onboardings {
                let request = try RequestParser.parse(
                    json: """
                        {"version": 1, "key": "bench-\(index)", "partner": "bench",
                         "customer": {"name": "Bench Customer \(index)", "contact": {"email": "it@bench\(index).example"}},
                         "services": {"profile": "bench"}, "admin": {"login": "bench.admin.\(index)", "email": "admin@bench\(index).example"}}
                        """, context: context)
                ids.append(try await engine.submit(request, submitterUID: nil, source: "bench").record.id)
            }
            while true {
                let done = try await withThrowingTaskGroup(of: OnboardingRecord?.self) { inner in
                    for id in ids { inner.addTask { try await store.record(id: id) } }
                    return try await inner.reduce(into: [OnboardingRecord]()) { if let record = $1 { $0.append(record) } }
                }
                if done.allSatisfy({ $0.progress.state.isTerminal }) {
                    group.cancelAll()
                    return done
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let elapsed = ContinuousClock.now - started
        let metrics = await scheduler.metrics()

        var latencies = records.map { $0.updatedAt.timeIntervalSince($0.createdAt) }.sorted()
        if latencies.isEmpty { latencies = [0] }
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count - 1) * p))] }
        let log = try await requestLog(url)
        var byEndpoint: [String: Int] = [:]
        for entry in log { byEndpoint[Self.template(entry.method, entry.path), default: 0] += 1 }

        let succeeded = records.filter { $0.progress.state == .succeeded }.count
        print("onboardings:           \(onboardings) (\(succeeded) succeeded, \(records.count - succeeded) not)")
        print("engine concurrency:    \(concurrency); scheduler \(rate) req/s, \(inFlight) in flight")
        print(String(format: "wall time:             %.2f s (%.2f onboardings/s)", elapsed.seconds, Double(onboardings) / elapsed.seconds))
        print(String(format: "latency per onboarding: p50 %.2f s, p95 %.2f s, max %.2f s", percentile(0.5), percentile(0.95), latencies.last ?? 0))
        print(String(format: "API calls:             %d (%.2f per onboarding)", log.count, Double(log.count) / Double(max(1, onboardings))))
        print("scheduler:             \(metrics.attemptsSent) attempts, \(metrics.retries) retries, \(metrics.throttledResponses) 429s, max queue wait \(metrics.maxQueueWait)")
        print("calls by endpoint:")
        for (endpoint, count) in byEndpoint.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            print(String(format: "  %6d  %6.2f/onb  %@", count, Double(count) / Double(max(1, onboardings)), endpoint))
        }
        await store.database.close()
    }

    private struct LogEntry: Decodable {
        var method: String
        var path: String
    }

    private func requestLog(_ url: URL) async throws -> [LogEntry] {
        struct Log: Decodable { var items: [LogEntry] }
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.appending(path: "_sim/requests").absoluteString), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 256 * 1024 * 1024)
        return try JSONDecoder().decode(Log.self, from: Data(buffer: body)).items
    }

    /// `/api/2/tenants/<uuid>/offering_items` → `/tenants/{id}/offering_items`.
    static func template(_ method: String, _ path: String) -> String {
        let segments = path.replacingOccurrences(of: "/api/2", with: "").split(separator: "/").map { segment in
            segment.count == 36 && segment.filter({ $0 == "-" }).count == 4 ? "{id}" : String(segment)
        }
        return "\(method) /" + segments.joined(separator: "/")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension FileHandle {
    /// Reads up to the first newline (the simulator's listening line).
    func readLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { return line }
            line.append(byte)
        }
    }
}
