import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// A running `onboard-dcsim` on loopback, started for one test and stopped by ``stop()``.
final class SimulatorProcess: Sendable {
    static let clientID = "3f1b7a52-6c1e-4d1a-9a57-0c0ffee00001"
    static let clientSecret = "integration-test-secret"

    let baseURL: URL
    private let process: Process
    private let stderrFile: URL

    /// Starts the simulator with extra command-line `arguments` and waits for its listening line.
    static func start(_ arguments: [String] = [], name: String = #function) async throws -> SimulatorProcess {
        let process = Process()
        process.executableURL = BuiltProducts.url(of: "onboard-dcsim")
        var all = ["--host", "127.0.0.1", "--port", "0", "--client-id", clientID, "--client-secret", clientSecret]
        if let directory = ContractRecording.directory {
            let safeName = name.filter { $0.isLetter || $0.isNumber }
            all += ["--record", directory.appending(path: "\(safeName)-\(UUID().uuidString.prefix(8)).jsonl").path]
        }
        process.arguments = all + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        let stderrFile = FileManager.default.temporaryDirectory.appending(path: "dcsim-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()

        let firstLine = try await withDeadline(.seconds(20), waitingFor: "the simulator's listening line") {
            try await Self.readLine(from: stdout.fileHandleForReading)
        }
        guard firstLine.hasPrefix("listening on "), let url = URL(string: String(firstLine.dropFirst("listening on ".count))) else {
            process.terminate()
            throw DeadlineExceeded(what: "a listening line, got \"\(firstLine)\"")
        }
        return SimulatorProcess(baseURL: url, process: process, stderrFile: stderrFile)
    }

    private init(baseURL: URL, process: Process, stderrFile: URL) {
        self.baseURL = baseURL
        self.process = process
        self.stderrFile = stderrFile
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Reads bytes until the first newline, off the cooperative pool.
    private static func readLine(from handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    if chunk.isEmpty {
                        continuation.resume(throwing: DeadlineExceeded(what: "output before the simulator exited"))
                        return
                    }
                    if chunk == Data("\n".utf8) { break }
                    bytes.append(chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// Stops the simulator (SIGTERM) and waits for it to exit.
    func stop() async throws {
        guard process.isRunning else { return }
        process.terminate()
        try await waitUntil("the simulator to exit", within: .seconds(10)) { [process] in !process.isRunning }
    }

    /// What the simulator wrote to stderr, for failure messages.
    var log: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    // MARK: Test hooks (/_sim/…, see docs/simulator.md)

    struct LoggedRequest: Decodable, Sendable {
        var seq: Int
        var method: String
        var path: String
        var status: Int
        var errorCode: Int?
        /// The injected fault that answered, e.g. `rate_limit`, `fail_next_delay`.
        var fault: String?

        enum CodingKeys: String, CodingKey {
            case seq, method, path, status, fault
            case errorCode = "error_code"
        }
    }

    /// The simulator's request log (method, path, status, Acronis error code).
    func requestLog() async throws -> [LoggedRequest] {
        struct Log: Decodable { var items: [LoggedRequest] }
        return try JSONDecoder().decode(Log.self, from: try await hook(.GET, "requests")).items
    }

    /// Requests of the log whose method is `method` and whose path (after `/api/2`) is `path`.
    func requests(_ method: String, _ path: String) async throws -> [LoggedRequest] {
        try await requestLog().filter { $0.method == method && $0.path == "/api/2" + path }
    }

    /// The simulator's whole state, as JSON.
    func state() async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await hook(.GET, "state")) as? [String: Any] ?? [:]
    }

    /// The run-time configuration (knobs and faults), as JSON.
    func configJSON() async throws -> Data {
        try await hook(.GET, "config")
    }

    /// Changes knobs or faults at run time.
    func configure(_ changes: [String: Any]) async throws {
        _ = try await hook(.PATCH, "config", body: try JSONSerialization.data(withJSONObject: changes))
    }

    /// Invalidates every token issued so far.
    func revokeTokens() async throws {
        _ = try await hook(.POST, "tokens/revoke")
    }

    private func hook(_ method: NIOHTTP1.HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL.appending(path: "_sim/\(path)").absoluteString)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        guard response.status.code < 300 else {
            throw DeadlineExceeded(what: "a 2xx from /_sim/\(path), got \(response.status.code)")
        }
        return Data(buffer: bytes)
    }
}
