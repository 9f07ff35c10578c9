import CPeerCred
import Foundation
import Glibc
import Logging
import Synchronization
import Testing

@testable import OnboardCore

@Suite("Control socket server over a real Unix socket")
struct RPCControlSocketServerTests {
    private func configuration(_ directory: RPCTestDirectory) -> ControlSocketServer.Configuration {
        ControlSocketServer.Configuration(endpoint: .path(directory.socketPath, mode: 0o660))
    }

    @Test("a call round-trips, the socket gets its mode, and the peer is this process (SO_PEERCRED)")
    func roundTrip() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            var status = stat()
            #expect(lstat(directory.socketPath, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o660)
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            #expect(try await client.call("echo", params: ["a": 1]) == ["a": 1])
            let me = try await client.call("whoami")
            #expect(me["uid"] == .integer(Int(getuid())))
            #expect(me["gid"] == .integer(Int(getgid())))
            #expect(me["pid"] == .integer(Int(getpid())))
            // The shim on the client's end sees the server, which is this process too.
            let socket = try UnixStreamSocket.connect(to: directory.socketPath).get()
            defer { socket.close() }
            let server = try PeerCredentials(socket: socket.descriptor)
            #expect(server.uid == getuid())
            #expect(server.pid == getpid())
        }
        #expect(access(directory.socketPath, F_OK) != 0, "the socket file is removed on shutdown")
    }

    @Test("pipelined requests on one connection are answered in order, notifications before their response")
    func pipelined() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let client = try RawClient(path: directory.socketPath)
            var batch = ""
            for id in 1...5 {
                let method = id == 3 ? "stream" : "echo"
                batch += #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{"n":\#(id),"count":2}}"# + "\n"
            }
            try await client.send(batch)
            var seen: [String] = []
            while seen.count < 7, let line = try await client.readLine() {
                if let id = line["id"]?.integerValue {
                    seen.append("response \(id)")
                } else {
                    seen.append("notification \(line["params"]?["index"]?.integerValue ?? -1)")
                }
            }
            #expect(
                seen == [
                    "response 1", "response 2", "notification 0", "notification 1", "response 3", "response 4",
                    "response 5",
                ]
            )
        }
    }

    @Test("parse errors, invalid requests and unknown methods get -32700, -32600 and -32601; the connection stays")
    func protocolErrors() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let client = try RawClient(path: directory.socketPath)
            try await client.send("{not json\n")
            let parse = try #require(try await client.readLine())
            #expect(parse["error"]?["code"] == -32700)
            #expect(parse["error"]?["data"]?["type"] == "io.onboard.ParseError")
            #expect(parse["id"] == .null)

            try await client.send(#"{"jsonrpc":"1.0","id":2,"method":"echo"}"# + "\n")
            let invalid = try #require(try await client.readLine())
            #expect(invalid["error"]?["code"] == -32600)
            #expect(invalid["id"] == 2)

            try await client.send(#"{"jsonrpc":"2.0","id":3,"method":"nope"}"# + "\n")
            let unknown = try #require(try await client.readLine())
            #expect(unknown["error"]?["code"] == -32601)
            #expect(unknown["error"]?["data"]?["type"] == "io.onboard.MethodNotFound")

            // A notification (no id) gets no response; the next call does.
            try await client.send(#"{"jsonrpc":"2.0","method":"echo"}"# + "\n" + #"{"jsonrpc":"2.0","id":4,"method":"echo"}"# + "\n")
            let next = try #require(try await client.readLine())
            #expect(next["id"] == 4)
            #expect(next["result"] == [:])
        }
    }

    @Test("an oversize line gets -32600 and the connection is closed")
    func oversizeLine() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        var configuration = configuration(directory)
        configuration.maximumLineLength = 1024
        try await withControlServer(configuration, handler: TestHandler(events: TestEvents())) {
            let client = try RawClient(path: directory.socketPath)
            try await client.send(#"{"jsonrpc":"2.0","id":1,"method":"echo"}"# + "\n")
            #expect(try await client.readLine()?["id"] == 1)
            try await client.send(String(repeating: "x", count: 8192) + "\n")
            let error = try #require(try await client.readLine())
            #expect(error["error"]?["code"] == -32600)
            #expect(error["error"]?["data"]?["maximumLineLength"] == 1024)
            #expect(try await client.readLine() == nil, "the server closes the connection")
        }
    }

    @Test("a handler's error becomes a JSON-RPC error with data.type, and the client maps it back")
    func handlerError() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let error = await #expect(throws: RPCError.self) { try await client.call("fail") }
            #expect(error == .notFound)
            #expect(error?.typeName == "io.onboard.NotFound")
            #expect(error?.details["id"] == "ob_1")
            #expect(error?.message.contains("onboardctl list") == true)
            #expect(error?.exitCode == 1)

            let raw = try RawClient(path: directory.socketPath)
            try await raw.send(#"{"jsonrpc":"2.0","id":"x","method":"fail"}"# + "\n")
            let line = try #require(try await raw.readLine())
            #expect(line["error"]?["code"] == -32004)
            #expect(line["error"]?["data"] == ["type": "io.onboard.NotFound", "id": "ob_1"])
            #expect(line["id"] == "x")
        }
    }

    @Test("notifications stream before the response")
    func streaming() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let received = Mutex<[Int]>([])
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let result = try await client.call("stream", params: ["count": 5]) { notification in
                #expect(notification.method == "logs.entry")
                received.withLock { $0.append(notification.params["index"]?.integerValue ?? -1) }
            }
            #expect(result == ["sent": 5])
            #expect(received.withLock { $0 } == [0, 1, 2, 3, 4])
        }
    }

    @Test("a call over its time limit is cancelled and answered with io.onboard.Timeout")
    func timeLimit() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        var configuration = configuration(directory)
        configuration.requestTimeLimit = .milliseconds(200)
        let events = TestEvents()
        try await withControlServer(configuration, handler: TestHandler(events: events)) {
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let error = await #expect(throws: RPCError.self) { try await client.call("slow") }
            #expect(error == .timedOut)
            #expect(error?.exitCode == 75)
            await events.cancelled.wait()
        }
    }

    @Test("connections beyond the limit get io.onboard.Busy and are closed")
    func connectionLimit() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        var configuration = configuration(directory)
        configuration.maximumConnections = 1
        let events = TestEvents()
        try await withControlServer(configuration, handler: TestHandler(events: events)) {
            let first = try RawClient(path: directory.socketPath)
            try await first.send(#"{"jsonrpc":"2.0","id":1,"method":"hold"}"# + "\n")
            await events.started.wait()
            let second = try RawClient(path: directory.socketPath)
            let refusal = try #require(try await second.readLine())
            #expect(refusal["error"]?["data"]?["type"] == "io.onboard.Busy")
            #expect(refusal["id"] == .null)
            #expect(try await second.readLine() == nil)
            _ = first
        }
        // Stopping the server cancelled the held call.
        #expect(events.cancelled.isOpen)
    }

    @Test("a client that does not read a stream is dropped; the daemon keeps serving")
    func laggingClient() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        var configuration = configuration(directory)
        configuration.outboundBufferLimit = 8
        let events = TestEvents()
        try await withControlServer(configuration, handler: TestHandler(events: events)) {
            let lagging = try RawClient(path: directory.socketPath)
            try await lagging.send(#"{"jsonrpc":"2.0","id":1,"method":"follow"}"# + "\n")
            // It never reads: the kernel buffers fill, then the outbound buffer, then it is dropped.
            await events.cancelled.wait()
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            #expect(try await client.call("echo", params: ["still": true]) == ["still": true])
            _ = lagging
        }
    }

    @Test("a streaming call is cancelled when its client closes the connection")
    func streamingClientLeaves() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let events = TestEvents()
        try await withControlServer(configuration(directory), handler: TestHandler(events: events)) {
            let client = try RawClient(path: directory.socketPath)
            try await client.send(#"{"jsonrpc":"2.0","id":1,"method":"follow"}"# + "\n")
            #expect(try await client.readLine()?["method"] == "logs.entry")
            client.close()
            await events.cancelled.wait()
        }
    }

    @Test("a half-closed client still gets its answers")
    func halfClose() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let client = try RawClient(path: directory.socketPath)
            try await client.send(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":1}}"# + "\n")
            client.finishWriting()
            #expect(try await client.readLine()?["result"] == ["x": 1])
            #expect(try await client.readLine() == nil)
        }
    }

    @Test("cancelling run() closes open connections and returns")
    func shutdown() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let events = TestEvents()
        let client = Mutex<RawClient?>(nil)
        try await withControlServer(configuration(directory), handler: TestHandler(events: events)) {
            let raw = try RawClient(path: directory.socketPath)
            client.withLock { $0 = raw }
            try await raw.send(#"{"jsonrpc":"2.0","id":1,"method":"hold"}"# + "\n")
            await events.started.wait()
        }
        // run() returned: the held call was cancelled and the connection closed.
        #expect(events.cancelled.isOpen)
        let raw = try #require(client.withLock { $0 })
        while let line = try await raw.readLine() {
            #expect(line["id"] == 1)  // possibly the shutdown error for the held call
        }
    }

    @Test("a stale socket file is replaced; a live one is not stolen")
    func stalePath() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        // A stale socket: bound, never listening.
        let stale = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0)
        try bindUnix(stale, directory.socketPath)
        close(stale)
        try await withControlServer(configuration(directory), handler: TestHandler(events: TestEvents())) {
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let echoed = try await client.call("echo")
            #expect(echoed == [:])
            let second = ControlSocketServer(
                configuration: configuration(directory),
                handler: TestHandler(events: TestEvents()),
                logger: .init(label: "x")
            )
            let error = await #expect(throws: RPCError.self) { try await second.run() }
            #expect(error?.message.contains("already listens") == true)
        }
    }

    @Test("socket activation: the server adopts an inherited listening fd and leaves its path alone")
    func inheritedDescriptor() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let descriptor = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0)
        try bindUnix(descriptor, directory.socketPath)
        #expect(listen(descriptor, 16) == 0)
        let configuration = ControlSocketServer.Configuration(endpoint: .inheritedDescriptor(descriptor))
        try await withControlServer(configuration, handler: TestHandler(events: TestEvents())) {
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let echoed = try await client.call("echo", params: ["via": "fd"])
            #expect(echoed == ["via": "fd"])
        }
        #expect(access(directory.socketPath, F_OK) == 0, "systemd owns the path; the server must not unlink it")
    }

    @Test("a peer outside the operator group is refused with the group to join; a member is allowed")
    func permissionOverTheSocket() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        chmod(directory.path, 0o755)
        var configuration = configuration(directory)
        configuration.endpoint = .path(directory.socketPath, mode: 0o666)
        let outsider: uid_t = getuid() == 0 ? 65534 : getuid()
        let policy = ControlAccessPolicy(
            operatorGroup: "onboard",
            daemonUID: 4242,
            resolver: FakeGroupResolver(users: [outsider: ("outsider", [])])
        )
        try await withControlServer(configuration, handler: TestHandler(events: TestEvents()), policy: policy) {
            let response: JSONValue
            if getuid() == 0 {
                // Root is always allowed, so connect as nobody through setpriv and python3.
                guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                else { return }
                response = try await runAsNobody(socketPath: directory.socketPath, line: #"{"jsonrpc":"2.0","id":1,"method":"echo"}"#)
            } else {
                let raw = try RawClient(path: directory.socketPath)
                try await raw.send(#"{"jsonrpc":"2.0","id":1,"method":"echo"}"# + "\n")
                response = try #require(try await raw.readLine())
            }
            #expect(response["error"]?["data"]?["type"] == "io.onboard.PermissionDenied")
            #expect(response["error"]?["data"]?["uid"] == .integer(Int(outsider)))
            #expect(response["error"]?["message"]?.stringValue?.contains("join group onboard") == true)
        }
        let member = ControlAccessPolicy(
            daemonUID: 4242,
            resolver: FakeGroupResolver(users: [getuid(): ("me", ["onboard"])])
        )
        try await withControlServer(configuration, handler: TestHandler(events: TestEvents()), policy: member) {
            let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(10))
            let submitted = try await client.call("submit")
            #expect(submitted == [:])
        }
    }
}

func bindUnix(_ descriptor: CInt, _ path: String) throws {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
        }
    }
    guard result == 0 else { throw Errno(errno) }
}

/// Sends one line from a process running as nobody (uid 65534) and returns the first line of the reply.
func runAsNobody(socketPath: String, line: String) async throws -> JSONValue {
    let script = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect(sys.argv[1])
        s.sendall(sys.argv[2].encode() + b"\\n")
        data = b""
        while b"\\n" not in data:
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
        sys.stdout.write(data.split(b"\\n")[0].decode())
        """
    let output: Result<Data, any Error> = await onThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", script, socketPath, line,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return .success(data)
        } catch {
            return .failure(error)
        }
    }
    return try JSONDecoder().decode(JSONValue.self, from: output.get())
}
