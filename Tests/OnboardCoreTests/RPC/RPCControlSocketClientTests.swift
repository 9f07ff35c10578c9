import Glibc
import Testing

@testable import OnboardCore

@Suite("Control socket client: connection errors and exit codes")
struct RPCControlSocketClientTests {
    @Test("no socket at the path: daemon not running, exit 69, hint systemctl start onboardd")
    func missingSocket() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let client = ControlSocketClient(path: directory.socketPath, timeout: .seconds(5))
        let error = await #expect(throws: RPCError.self) { try await client.call("daemon.info") }
        #expect(error == .unavailable)
        #expect(error?.exitCode == 69)
        #expect(error?.message.contains("systemctl start onboardd") == true)
    }

    @Test("a stale socket nobody listens on: daemon not running, exit 69")
    func refused() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let descriptor = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0)
        try bindUnix(descriptor, directory.socketPath)
        close(descriptor)
        let error = #expect(throws: RPCError.self) { try ControlSocketConnection(path: directory.socketPath) }
        #expect(error?.exitCode == 69)
        #expect(error?.details["errno"] == .integer(Int(ECONNREFUSED)))
    }

    @Test(
        "a socket without permission: exit 77 with the hint to join group onboard (skipped as root, which ignores file modes)",
        .enabled(if: getuid() != 0, "root bypasses the socket file's mode, so chmod 000 can't deny it")
    )
    func noPermission() async throws {
        let directory = try RPCTestDirectory()
        defer { directory.remove() }
        let descriptor = socket(AF_UNIX, CInt(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        try bindUnix(descriptor, directory.socketPath)
        #expect(listen(descriptor, 4) == 0)
        #expect(chmod(directory.socketPath, 0) == 0)
        let error = #expect(throws: RPCError.self) { try ControlSocketConnection(path: directory.socketPath) }
        #expect(error == .permissionDenied)
        #expect(error?.exitCode == 77)
        #expect(error?.message.contains("join group onboard") == true)
    }

    @Test("EACCES maps to permission denied (the mapping itself, testable as root)")
    func eaccesMapping() {
        let error = ControlSocketConnection.connectError(Errno(EACCES), path: "/run/onboardd.sock")
        #expect(error == .permissionDenied)
        #expect(error.exitCode == 77)
        #expect(error.message.contains("usermod -aG onboard"))
        #expect(ControlSocketConnection.connectError(Errno(ENOENT), path: "/x").exitCode == 69)
        #expect(ControlSocketConnection.connectError(Errno(ENAMETOOLONG), path: "/x").exitCode == 64)
    }

    @Test("a path too long for sun_path is a usage error")
    func longPath() {
        let error = #expect(throws: RPCError.self) {
            try ControlSocketConnection(path: "/tmp/" + String(repeating: "a", count: 200))
        }
        #expect(error?.exitCode == 64)
    }
}
