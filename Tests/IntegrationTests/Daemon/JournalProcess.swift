import Foundation
import Glibc

/// A `systemd-journald` for tests that read entries back (engineering notes §7: no journald runs on these machines).
///
/// ``ensureRunning()`` starts `/lib/systemd/systemd-journald` by hand unless one already answers on
/// `/run/systemd/journal/socket`; ``stop()`` stops only a journald this object started.
final class JournalProcess: @unchecked Sendable {
    static let socketPath = "/run/systemd/journal/socket"
    static let binary = "/lib/systemd/systemd-journald"
    private var started: SpawnedChild?

    /// Whether a journald accepts datagrams on its socket.
    static var isRunning: Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    func ensureRunning() async throws {
        guard !Self.isRunning else { return }
        try FileManager.default.createDirectory(atPath: "/run/systemd/journal", withIntermediateDirectories: true)
        started = try SpawnedChild(Self.binary, [], environment: [:], log: "/tmp/onboard-test-journald.log")
        try await waitUntil("systemd-journald to listen on \(Self.socketPath)") { Self.isRunning }
    }

    func stop() async throws {
        guard let started else { return }
        kill(started.pid, SIGTERM)
        try await waitUntil("systemd-journald to exit") { !started.isRunning }
        self.started = nil
    }

    /// `journalctl -o json` for the matches, one object per entry.
    static func entries(_ matches: [String]) async throws -> [[String: Any]] {
        let result = try await runCommand(URL(filePath: "/usr/bin/journalctl"), ["--no-pager", "-o", "json"] + matches)
        return result.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }
}
