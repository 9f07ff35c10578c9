#if os(Linux)
import Foundation
import Glibc
import Testing

@testable import OnboardCore

@Suite("inotify watcher")
struct SpoolInotifyWatcherTests {
    /// Runs `body` while a child task reads `watcher.events` into a log; closes the watcher and waits for the
    /// stream to finish afterwards.
    private func watching(
        _ spool: SpoolTestDirectory, _ body: (InotifyWatcher, SpoolEventLog) async throws -> Void
    ) async throws {
        let watcher = try InotifyWatcher(directory: spool.layout.incoming)
        let log = SpoolEventLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await log.consume(watcher.events) }
            do {
                try await body(watcher, log)
            } catch {
                watcher.close()
                throw error
            }
            watcher.close()
            try await group.waitForAll()
        }
        #expect(log.isFinished)
    }

    @Test("a file renamed into incoming/ is reported (IN_MOVED_TO); the producer's dot-file is not")
    func seesRename() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try await watching(spool) { _, log in
            try spool.produce("a.json", spoolTestRequest())
            try await log.waitUntil("a.json") { $0.contains(.file("a.json")) }
            // The .tmp- file's IN_CLOSE_WRITE came before the rename's IN_MOVED_TO, so it would be here by now.
            #expect(log.snapshot == [.file("a.json")])
        }
    }

    @Test("a file written in place is reported when closed (IN_CLOSE_WRITE)")
    func seesWriteInPlace() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try await watching(spool) { _, log in
            try spool.writeInPlace(spool.layout.incoming("legacy.json"), spoolTestRequest())
            try await log.waitUntil("legacy.json") { $0.contains(.file("legacy.json")) }
        }
    }

    @Test("dot-files written in place are ignored")
    func ignoresDotFiles() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try await watching(spool) { _, log in
            try spool.writeInPlace(spool.layout.incoming(".tmp-abc.json"), "{}")
            try spool.writeInPlace(spool.layout.incoming(".hidden"), "{}")
            // A marker written afterwards: once it is seen, anything reported for the dot-files would be too.
            try spool.writeInPlace(spool.layout.incoming("marker.json"), "{}")
            try await log.waitUntil("marker.json") { $0.contains(.file("marker.json")) }
            #expect(log.snapshot == [.file("marker.json")])
        }
    }

    @Test("close() finishes the stream, and a cancelled consumer stops the watcher")
    func stopsCleanly() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let watcher = try InotifyWatcher(directory: spool.layout.incoming)
        let log = SpoolEventLog()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await log.consume(watcher.events) }
            group.cancelAll()
            await group.waitForAll()
        }
        #expect(log.isFinished)
        watcher.close()  // idempotent after the stream ended
        watcher.close()
    }

    @Test("a missing folder is an inotify error with errno")
    func missingFolder() async throws {
        let error = #expect(throws: SpoolError.inotify) {
            _ = try InotifyWatcher(directory: "/nonexistent-\(UUID().uuidString)")
        }
        #expect(error?.errno == ENOENT)
    }

    @Test("removing the watched folder ends the stream")
    func folderRemoved() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let watcher = try InotifyWatcher(directory: spool.layout.incoming)
        let log = SpoolEventLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await log.consume(watcher.events) }
            try FileManager.default.removeItem(atPath: spool.layout.incoming)
            try await spoolTestWait("the stream to end") { log.isFinished }
            try await group.waitForAll()
        }
    }
}
#endif
