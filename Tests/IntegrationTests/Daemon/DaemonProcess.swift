import Foundation
import Glibc

/// A real `onboardd` on a temp folder, talking to a real `onboard-dcsim`, with `onboardctl` to drive it.
///
/// The folder holds the configuration, the partner's secret (0600), the example profiles, the spool, the state
/// database, the control socket and a fake `NOTIFY_SOCKET`. ``start()`` can be called again after ``kill()`` or
/// ``terminate()`` to restart the daemon on the same state.
final class DaemonProcess: @unchecked Sendable {
    static let partner = "eu2"

    let directory: URL
    let simulator: SimulatorProcess
    let notify: NotifyListener
    /// The daemon (or the socket activator that becomes it).
    private(set) var process: SpawnedChild?
    private var daemonPID: pid_t? { process?.pid }
    private var logs: [URL] = []
    private let extraEnvironment: [String: String]

    var configPath: String { directory.appending(path: "onboardd.json").path }
    var socketPath: String { directory.appending(path: "onboardd.sock").path }
    var spool: URL { directory.appending(path: "spool") }
    var profiles: URL { directory.appending(path: "profiles") }

    init(simulator: SimulatorProcess, environment: [String: String] = [:]) throws {
        self.simulator = simulator
        self.extraEnvironment = environment
        directory = URL(filePath: "/tmp").appending(path: "onboardd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        notify = try NotifyListener(directory: directory)
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: EngineHarness.repositoryRoot.appending(path: "examples/profiles").path) {
            try FileManager.default.copyItem(
                at: EngineHarness.repositoryRoot.appending(path: "examples/profiles/\(file)"), to: profiles.appending(path: file))
        }
        let secret = directory.appending(path: "eu2.secret")
        try Data((SimulatorProcess.clientSecret + "\n").utf8).write(to: secret)
        chmod(secret.path, 0o600)
        let config: [String: Any] = [
            "paths": ["spool": spool.path, "state": directory.appending(path: "state").path, "socket": socketPath, "profiles": profiles.path],
            "data_centers": [["url": simulator.baseURL.absoluteString, "rate_per_second": 100, "burst": 20, "max_in_flight": 16]],
            "partners": [[
                "name": Self.partner, "dc_url": simulator.baseURL.absoluteString, "client_id": SimulatorProcess.clientID,
                "client_secret_file": secret.path,
            ]],
            "log_level": "debug",
        ]
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted]).write(to: URL(filePath: configPath))
    }

    deinit {
        if let process, process.isRunning, let pid = daemonPID { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Where `systemd-socket-activate` is (Debian's systemd package; `make deps` installs it).
    static let socketActivator = "/usr/bin/systemd-socket-activate"

    /// Starts onboardd and waits until it sent `READY=1`.
    ///
    /// - Parameter socketActivated: Start it as `onboardd.socket` would: `systemd-socket-activate` binds the control
    ///   socket and starts onboardd with it (`LISTEN_FDS`, name `onboardd`) at the first connection. Returns once the
    ///   socket is bound; the first `onboardctl` call starts the daemon.
    /// - Parameter journal: Log to journald, as under systemd: `JOURNAL_STREAM` names the daemon's stderr (its log
    ///   file), so onboardd picks its journal handler (engineering notes §1.7).
    func start(environment: [String: String] = [:], socketActivated: Bool = false, journal: Bool = false) async throws {
        var env = ProcessInfo.processInfo.environment
        // Other suites set systemd's variables in this process while they run; none of theirs may reach the daemon.
        for name in ["WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "JOURNAL_STREAM", "CREDENTIALS_DIRECTORY"] {
            env[name] = nil
        }
        env["NOTIFY_SOCKET"] = notify.path
        for (key, value) in extraEnvironment.merging(environment, uniquingKeysWith: { _, new in new }) { env[key] = value }
        let log = directory.appending(path: "onboardd-\(logs.count).log")
        logs.append(log)
        if journal {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            var info = stat()
            guard stat(log.path, &info) == 0 else { throw DeadlineExceeded(what: "stat \(log.path)") }
            env["JOURNAL_STREAM"] = "\(info.st_dev):\(info.st_ino)"
        }
        let onboardd = BuiltProducts.url(of: "onboardd").path
        let readyBefore = notify.messages.filter { $0 == "READY=1" }.count
        let process: SpawnedChild
        if socketActivated {
            var passed = ["-l", socketPath, "--fdname=onboardd"]
            for (key, value) in env where key == "NOTIFY_SOCKET" || key == "WATCHDOG_USEC" { passed += ["-E", "\(key)=\(value)"] }
            process = try SpawnedChild(Self.socketActivator, passed + [onboardd, "--config", configPath], environment: env, log: log.path)
        } else {
            process = try SpawnedChild(onboardd, ["--config", configPath], environment: env, log: log.path)
        }
        self.process = process
        if socketActivated {
            try await waitUntil("systemd-socket-activate to bind \(socketPath)") { [socketPath] in
                guard process.isRunning else { throw DeadlineExceeded(what: "systemd-socket-activate to stay up") }
                return FileManager.default.fileExists(atPath: socketPath)
            }
            return
        }
        try await waitUntil("onboardd to send READY=1\n\(log.path)", within: .seconds(30)) { [notify] in
            guard process.isRunning else { throw DeadlineExceeded(what: "onboardd to stay up; it exited \(process.terminationStatus)") }
            return notify.messages.filter { $0 == "READY=1" }.count > readyBefore
        }
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func terminate(within limit: Duration = .seconds(30)) async throws -> Int32 {
        guard let process, let pid = daemonPID else { return 0 }
        kill(pid, SIGTERM)
        try await waitUntil("onboardd to exit after SIGTERM", within: limit) { !process.isRunning }
        return process.terminationStatus
    }

    /// SIGKILL: a crash.
    func kill9() async throws {
        guard let process, let pid = daemonPID else { return }
        kill(pid, SIGKILL)
        try await waitUntil("onboardd to die", within: .seconds(10)) { !process.isRunning }
    }

    /// Sends a signal (SIGHUP for a reload).
    func signal(_ signal: Int32) {
        if let pid = daemonPID { kill(pid, signal) }
    }

    /// Everything the daemon wrote to stderr, all runs.
    var log: String {
        logs.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined(separator: "\n--- restart ---\n")
    }

    /// Runs onboardctl against this daemon.
    func ctl(_ arguments: [String], user: UInt32? = nil, stdin: String? = nil, within limit: Duration = .seconds(60)) async throws -> CommandResult {
        try await runCommand(BuiltProducts.url(of: "onboardctl"), ["--socket", socketPath] + arguments, user: user, stdin: stdin, within: limit)
    }

    /// `onboardctl --json` output of a read command, parsed.
    func ctlJSON(_ arguments: [String]) async throws -> [String: Any] {
        let result = try await ctl(arguments + ["--json"])
        guard result.status == 0 else { throw DeadlineExceeded(what: "onboardctl \(arguments) to succeed: \(result)") }
        return try result.json()
    }

    /// Drops a request file into `incoming/` as producers must: write a dot-file, then rename it.
    ///
    /// - Parameter owner: The uid to own the file (the submitter the daemon records), if not the test's.
    func drop(_ contents: String, as name: String, owner: uid_t? = nil) throws {
        let incoming = spool.appending(path: "incoming")
        let temporary = incoming.appending(path: ".tmp-\(name)")
        try Data(contents.utf8).write(to: temporary)
        if let owner, chown(temporary.path, owner, gid_t(owner)) != 0 { throw DeadlineExceeded(what: "chown \(temporary.path)") }
        guard rename(temporary.path, incoming.appending(path: name).path) == 0 else { throw DeadlineExceeded(what: "rename into incoming/") }
    }

    /// The state of an onboarding, through `onboardctl status ID --json`.
    func state(of id: String) async throws -> String? {
        let detail = try await ctlJSON(["status", id])
        return (detail["onboarding"] as? [String: Any])?["state"] as? String
    }
}

/// A valid request for the simulator's partner, with its own customer name and admin login.
func exampleRequest(customer: String, login: String, key: String? = nil) -> String {
    var request: [String: Any] = [
        "version": 1, "partner": DaemonProcess.partner,
        "customer": ["name": customer, "contact": ["email": "it@example.com"]],
        "services": ["profile": "standard-per-workload"],
        "admin": ["login": login, "email": "\(login)@example.com", "firstname": "Ann", "lastname": "Lee", "activation": "password"],
        "agent": ["token_valid_days": 3, "platforms": ["windows", "linux", "macos"]],
    ]
    if let key { request["key"] = key }
    return String(decoding: try! JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]), as: UTF8.self)
}

/// Runs `body` with a simulator and a started daemon; stops both, and prints the daemon's log if `body` throws.
func withDaemon<T>(
    simulatorArguments: [String] = [], environment: [String: String] = [:], name: String = #function, _ body: (DaemonProcess) async throws -> T
) async throws -> T {
    try await withSimulator(simulatorArguments, name: name) { simulator in
        let daemon = try DaemonProcess(simulator: simulator, environment: environment)
        do {
            try await daemon.start()
            let result = try await body(daemon)
            try await daemon.terminate()
            return result
        } catch {
            try? await daemon.kill9()
            throw DeadlineExceeded(what: "\(error)\n--- onboardd log\n\(daemon.log)")
        }
    }
}
