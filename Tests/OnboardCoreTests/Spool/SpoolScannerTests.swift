import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import OnboardCore

@Suite("spool scanner")
struct SpoolScannerTests {
    @Test("pre-existing files are listed oldest first (mtime, then name); dot-files are skipped")
    func listsOldestFirst() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        for name in ["c.json", "b.json", "a.json", ".tmp-x.json"] {
            try spool.produce(name, spoolTestRequest())
        }
        try spoolTestSetModificationTime(spool.layout.incoming("c.json"), 1_000)
        try spoolTestSetModificationTime(spool.layout.incoming("b.json"), 2_000)
        try spoolTestSetModificationTime(spool.layout.incoming("a.json"), 2_000)
        let entries = try await SpoolScanner(layout: spool.layout).scan()
        #expect(entries.map(\.name) == ["c.json", "a.json", "b.json"])
        #expect(entries.first?.modifiedAt == Date(timeIntervalSince1970: 1_000))
        #expect(entries.allSatisfy { $0.isRegularFile })
    }

    @Test("symlinks, FIFOs and folders are listed too, so that they get quarantined")
    func listsSpecialEntries() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        #expect(symlink("/etc/passwd", spool.layout.incoming("link.json")) == 0)
        #expect(mkfifo(spool.layout.incoming("fifo.json"), 0o600) == 0)
        #expect(mkdir(spool.layout.incoming("folder.json"), 0o700) == 0)
        let entries = try await SpoolScanner(layout: spool.layout).scan()
        #expect(Set(entries.map(\.name)) == ["link.json", "fifo.json", "folder.json"])
        #expect(entries.allSatisfy { !$0.isRegularFile })
    }

    @Test("a missing incoming/ is an io error")
    func missingFolder() async throws {
        let spool = try await SpoolTestDirectory(prepare: false)
        defer { spool.remove() }
        await #expect(throws: SpoolError.io) { try await SpoolScanner(layout: spool.layout).scan() }
    }

    #if os(Linux)
    @Test("watch first, then scan: a file that arrives between the two is seen by both")
    func watchBeforeScan() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("before.json", spoolTestRequest())
        let watcher = try InotifyWatcher(directory: spool.layout.incoming)  // 1. the watch is in place
        try spool.produce("between.json", spoolTestRequest())  // a file lands after the watch, before the scan
        let scanned = try await SpoolScanner(layout: spool.layout).scan()  // 2. the scan
        #expect(Set(scanned.map(\.name)) == ["before.json", "between.json"])

        let log = SpoolEventLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await log.consume(watcher.events) }
            try spool.produce("after.json", spoolTestRequest())
            try await log.waitUntil("between.json and after.json") {
                $0.contains(.file("between.json")) && $0.contains(.file("after.json"))
            }
            #expect(!log.snapshot.contains(.file("before.json")))
            watcher.close()
            try await group.waitForAll()
        }
    }
    #endif
}
