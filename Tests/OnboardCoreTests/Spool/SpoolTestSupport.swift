import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import OnboardCore

/// A fresh spool under the system temporary directory for one test; call ``remove()`` when done.
struct SpoolTestDirectory {
    let layout: SpoolLayout

    /// A temporary root, with the spool folders created unless `prepare` is false.
    init(prepare: Bool = true) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("onboard-spool-\(UUID().uuidString)")
        layout = SpoolLayout(root: root.path)
        if prepare {
            try await layout.prepare()
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: layout.root) }

    /// Drops `contents` into `incoming/name` by the producer protocol: write `.tmp-<uuid>`, fsync, rename.
    func produce(_ name: String, _ contents: String) throws {
        let temporary = layout.incoming(".tmp-\(UUID().uuidString)")
        try writeInPlace(temporary, contents)
        guard rename(temporary, layout.incoming(name)) == 0 else { throw SpoolTestFailure("rename: \(errno)") }
    }

    /// Writes `contents` to `path` in place: open (creating), write, close; fires `IN_CLOSE_WRITE`.
    func writeInPlace(_ path: String, _ contents: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw SpoolTestFailure("open \(path): \(errno)") }
        defer { close(fd) }
        let bytes = Array(contents.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw SpoolTestFailure("write: \(errno)") }
        fsync(fd)
    }

    /// The non-hidden names in `folder`, sorted.
    func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
    }
}

/// A test failure with a message.
struct SpoolTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The permission bits (including setuid/setgid/sticky) of `path`, or `nil`.
func spoolTestMode(_ path: String) -> Int? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return Int(status.st_mode & 0o7777)
}

/// Sets the modification time of `path` to `seconds` since the epoch.
func spoolTestSetModificationTime(_ path: String, _ seconds: Int) throws {
    var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
    guard utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0 else { throw SpoolTestFailure("utimensat: \(errno)") }
}

/// Whether the tests run as root, which bypasses file modes.
var spoolTestIsRoot: Bool { geteuid() == 0 }

/// Collects what a watcher delivers, so a test can wait for a condition with a deadline instead of sleeping.
final class SpoolEventLog: Sendable {
    private let events = Mutex<[SpoolEvent]>([])
    private let finished = Mutex(false)

    /// Reads `stream` to its end. Run it in a child task.
    func consume(_ stream: AsyncStream<SpoolEvent>) async {
        for await event in stream {
            events.withLock { $0.append(event) }
        }
        finished.withLock { $0 = true }
    }

    var snapshot: [SpoolEvent] { events.withLock { $0 } }
    var isFinished: Bool { finished.withLock { $0 } }

    /// Waits until `condition` holds for the events seen, or fails after `timeout`.
    func waitUntil(
        timeout: Duration = .seconds(5), _ what: String, _ condition: ([SpoolEvent]) -> Bool
    ) async throws {
        try await spoolTestWait(timeout: timeout, what) { condition(self.snapshot) }
    }
}

/// Polls `condition` every few milliseconds until it holds, or throws after `timeout`.
func spoolTestWait(timeout: Duration = .seconds(5), _ what: String, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { throw SpoolTestFailure("timed out waiting for \(what)") }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// A stand-in for the onboarding store: commits are idempotent by content, like `OnboardingStore.submit`.
actor FakeOnboardingStore {
    private(set) var idsByContent: [Data: String] = [:]
    private(set) var commits = 0

    /// Records `file`'s content once and returns its id; the same content always gets the same id.
    func submit(_ file: SpoolFile) -> String {
        commits += 1
        if let id = idsByContent[file.contents] { return id }
        let id = UUID().uuidString.lowercased()
        idsByContent[file.contents] = id
        return id
    }

    var onboardings: Int { idsByContent.count }
}

/// A JSON request body with a unique customer, for tests that only need bytes.
func spoolTestRequest(_ customer: String = UUID().uuidString) -> String {
    #"{"customer":{"name":"\#(customer)"}}"#
}
