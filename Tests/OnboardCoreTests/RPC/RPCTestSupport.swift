import Foundation
import Glibc
import Logging
import NIOCore
import Synchronization

@testable import OnboardCore

/// A short temporary directory (socket paths must fit 107 bytes).
struct RPCTestDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/onb-rpc-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else { throw Errno(errno) }
        path = String(cString: result)
    }

    var socketPath: String { path + "/s.sock" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs blocking work on a dedicated thread, off the cooperative pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// A fake user database: uid → (name, groups).
struct FakeGroupResolver: GroupMembershipResolver {
    var users: [uid_t: (name: String, groups: Set<String>)]

    func userName(of uid: uid_t) -> String? { users[uid]?.name }

    func isMember(uid: uid_t, gid: gid_t, ofGroup group: String) -> Bool {
        users[uid]?.groups.contains(group) ?? false
    }
}

/// Records events from handlers so tests can wait for them without sleeping.
final class TestEvents: Sendable {
    let cancelled = AsyncLatch()
    let started = AsyncLatch()
}

/// A handler with one method per behaviour under test.
struct TestHandler: ControlRequestHandler {
    let events: TestEvents

    func tier(of method: String) -> MethodTier? {
        switch method {
        case "echo", "whoami", "slow", "stream", "follow", "hold": .read
        case "fail", "submit": .write
        case "secret": .credentials
        default: nil
        }
    }

    func isStreaming(_ request: RPCRequest) -> Bool { request.method == "follow" }

    func handle(_ request: RPCRequest, peer: PeerCredentials, stream: RPCStream) async throws(RPCError) -> JSONValue {
        switch request.method {
        case "echo", "submit", "secret":
            return .object(request.params)
        case "whoami":
            return ["uid": .integer(Int(peer.uid)), "gid": .integer(Int(peer.gid)), "pid": .integer(Int(peer.pid))]
        case "fail":
            throw RPCError.notFound.with(
                message: "no onboarding ob_1; list onboardings with `onboardctl list`",
                details: ["id": "ob_1"]
            )
        case "slow":
            events.started.open()
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                events.cancelled.open()
                throw RPCError.unavailable.with(message: "cancelled")
            }
            return nil
        case "hold":
            // Holds its connection until cancelled (server shutdown or connection close).
            events.started.open()
            await withTaskCancellationHandler {
                await events.cancelled.wait()
            } onCancel: {
                events.cancelled.open()
            }
            return nil
        case "stream":
            let count = request.params["count"]?.integerValue ?? 3
            for index in 0..<count {
                try stream.send(method: "logs.entry", params: ["index": .integer(index)])
            }
            return ["sent": .integer(count)]
        case "follow":
            // Streams until the client goes away or lags.
            events.started.open()
            var index = 0
            while !Task.isCancelled {
                do {
                    try stream.send(method: "logs.entry", params: ["index": .integer(index), "pad": .string(String(repeating: "x", count: 512))])
                } catch {
                    events.cancelled.open()
                    throw error
                }
                index += 1
                await Task.yield()
            }
            events.cancelled.open()
            throw RPCError.unavailable.with(message: "client left")
        default:
            throw RPCError.internalError
        }
    }
}

/// Starts a server, waits until it listens, runs `body`, then cancels the server and waits for it to stop.
func withControlServer(
    _ configuration: ControlSocketServer.Configuration,
    handler: some ControlRequestHandler,
    policy: ControlAccessPolicy = ControlAccessPolicy(),
    body: () async throws -> Void
) async throws {
    let server = ControlSocketServer(
        configuration: configuration,
        handler: handler,
        policy: policy,
        logger: Logger(label: "rpc-test", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    try await withThrowingTaskGroup(of: Void.self) { group in
        let (listening, continuation) = AsyncStream<Void>.makeStream()
        group.addTask {
            defer { continuation.finish() }
            try await server.run(onListening: { continuation.yield() })
        }
        for await _ in listening { break }
        try await body()
        group.cancelAll()
        try await group.waitForAll()
    }
}

/// A raw NDJSON client for protocol tests: sends bytes, reads lines, with a 10 s deadline on everything.
final class RawClient: @unchecked Sendable {
    private let socket: UnixStreamSocket
    private var buffer: [UInt8] = []

    init(path: String) throws {
        socket = try UnixStreamSocket.connect(to: path).get()
    }

    deinit { socket.close() }

    private var deadline: ContinuousClock.Instant { .now + .seconds(10) }

    func send(_ text: String) async throws {
        let bytes = Array(text.utf8)
        let socket = self.socket
        let deadline = self.deadline
        try await onThread { socket.writeAll(bytes, deadline: deadline) }.get()
    }

    /// The next line as a JSON value, or `nil` at end of input.
    func readLine() async throws -> JSONValue? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try JSONDecoder().decode(JSONValue.self, from: Data(line))
            }
            let socket = self.socket
            let deadline = self.deadline
            let bytes = try await onThread { socket.read(maximum: 1 << 16, deadline: deadline) }.get()
            if bytes.isEmpty { return nil }
            buffer += bytes
        }
    }

    /// Shuts down the sending side (half-close).
    func finishWriting() {
        shutdown(socket.descriptor, CInt(SHUT_WR))
    }

    func close() {
        shutdown(socket.descriptor, CInt(SHUT_RDWR))
    }
}

extension SocketIOError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .timedOut: "timed out"
        case .system(let errno): errno.description
        }
    }
}
