import Foundation
import Glibc
import Logging
import OnboardCore

/// A stand-in for onboardd's method table: canned answers per onboarding id, enough to drive every exit path of
/// `onboardctl` through a real ``ControlSocketServer``.
///
/// | id | behaviour |
/// |---|---|
/// | `ob_ok` | exists; `wait` streams three events, then returns it succeeded |
/// | `ob_fail` | exists; `wait` streams two events, then returns it failed with a reason |
/// | `ob_hold` | exists; `wait` streams one event, then holds the call until the client leaves |
/// | anything else | `io.onboard.NotFound` |
///
/// `onboarding.submit` rejects content containing `INVALID` with `io.onboard.InvalidData` and CSV-style issues,
/// and records anything else as `ob_ok`.
struct StubDaemon: ControlRequestHandler {
    /// Receives `started` when the `ob_hold` wait has started, and `cancelled` when the server cancelled it (the client left).
    let holdEvents: AsyncStream<String>.Continuation

    func tier(of method: String) -> MethodTier? { ControlMethod(rawValue: method)?.tier }

    func isStreaming(_ request: RPCRequest) -> Bool {
        ControlMethod(rawValue: request.method)?.isStreaming(request.params) ?? false
    }

    func handle(_ request: RPCRequest, peer: PeerCredentials, stream: RPCStream) async throws(RPCError) -> JSONValue {
        guard let method = ControlMethod(rawValue: request.method) else { throw RPCError.methodNotFound }
        switch method {
        case .get:
            let id = try ControlCoding.decodeParams(OnboardingIDParams.self, from: request.params).id
            return try ControlCoding.encode(OnboardingDetail(onboarding: try Self.summary(id), steps: Fixtures.detail().steps))
        case .wait:
            let id = try ControlCoding.decodeParams(WaitParams.self, from: request.params).id
            var summary = try Self.summary(id)
            switch id {
            case "ob_ok":
                try send(Fixtures.event(seq: 1, id: id, kind: "submitted"), on: stream)
                try send(Fixtures.event(seq: 2, id: id, kind: "step_done", step: .createTenant, message: "tenant created"), on: stream)
                try send(Fixtures.event(seq: 3, id: id, kind: "succeeded"), on: stream)
                summary.state = .succeeded
                summary.step = .verify
            case "ob_fail":
                try send(Fixtures.event(seq: 1, id: id, kind: "step_failed", step: .createAdmin, message: "login taken"), on: stream)
                try send(Fixtures.event(seq: 2, id: id, kind: "failed", step: .createAdmin, message: "login taken"), on: stream)
                summary.state = .failed
                summary.step = .createAdmin
                summary.reason = "the login contoso.admin is taken; choose another admin.login"
            default:
                try send(Fixtures.event(seq: 1, id: id, kind: "step_started", step: .createTenant), on: stream)
                holdEvents.yield("started")
                await withTaskCancellationHandler {
                    // Returns early when the server cancels the call because the client left.
                    try? await Task.sleep(for: .seconds(3600))
                } onCancel: {
                    holdEvents.yield("cancelled")
                }
                throw RPCError.unavailable.with(message: "the client left")
            }
            return try ControlCoding.encode(summary)
        case .submit:
            let params = try ControlCoding.decodeParams(SubmitParams.self, from: request.params)
            if params.content.contains("INVALID") {
                throw RPCError.invalidData.with(
                    message: "\(params.source ?? "the CSV") has 2 invalid rows; nothing was recorded",
                    details: [
                        "issues": [
                            ["row": 3, "column": "admin_email", "path": "admin.email", "problem": "must be an e-mail address", "fix": "write it as name@example.com"],
                            ["row": 4, "path": "customer.name", "problem": "must not be empty", "fix": "give the customer's name"],
                        ]
                    ])
            }
            var summary = try Self.summary("ob_ok")
            summary.state = .queued
            summary.source = "socket:" + (params.source ?? "")
            return try ControlCoding.encode(SubmitResult(onboardings: [SubmittedOnboarding(created: true, onboarding: summary)]))
        case .credentials:
            _ = try Self.summary(try ControlCoding.decodeParams(OnboardingIDParams.self, from: request.params).id)
            return try ControlCoding.encode(Fixtures.credentials())
        case .installScript:
            let params = try ControlCoding.decodeParams(InstallScriptParams.self, from: request.params)
            _ = try Self.summary(params.id)
            return try ControlCoding.encode(InstallScriptResult(instructions: [Fixtures.instructions(params.os ?? .linux)]))
        case .daemonStatus:
            return try ControlCoding.encode(Fixtures.daemonStatus())
        default:
            throw RPCError.methodNotFound.with(message: "the stub has no \(request.method)")
        }
    }

    private func send(_ event: EventEntry, on stream: RPCStream) throws(RPCError) {
        try stream.send(method: ControlMethod.eventNotification, params: try ControlCoding.encode(event).objectValue ?? [:])
    }

    static func summary(_ id: String) throws(RPCError) -> OnboardingSummary {
        guard ["ob_ok", "ob_fail", "ob_hold"].contains(id) else {
            throw RPCError.notFound.with(message: "no onboarding \(id); list onboardings with `onboardctl list`", details: ["id": .string(id)])
        }
        return Fixtures.summary(id: id, customer: id == "ob_fail" ? "Fabrikam" : "Contoso Ltd")
    }
}

/// A short temporary directory (socket paths must fit 107 bytes), removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/onb-ctl-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: result)
    }

    var socketPath: String { path + "/s.sock" }

    func file(_ name: String, _ content: String) throws -> String {
        let file = path + "/" + name
        try content.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs a ``ControlSocketServer`` with a ``StubDaemon`` on a temporary socket while `body` runs.
func withStubDaemon(_ body: (_ socketPath: String, _ holdEvents: AsyncStream<String>) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let (holdEvents, holdContinuation) = AsyncStream<String>.makeStream()
    let server = ControlSocketServer(
        configuration: .init(endpoint: .path(directory.socketPath, mode: 0o600)),
        handler: StubDaemon(holdEvents: holdContinuation),
        logger: Logger(label: "onboardctl-test", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    try await withThrowingTaskGroup(of: Void.self) { group in
        let (listening, continuation) = AsyncStream<Void>.makeStream()
        group.addTask {
            defer { continuation.finish() }
            try await server.run(onListening: { continuation.yield() })
        }
        for await _ in listening { break }
        try await body(directory.socketPath, holdEvents)
        group.cancelAll()
        try await group.waitForAll()
    }
}
