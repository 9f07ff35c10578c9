import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import OnboardCore

@Suite("spool layout")
struct SpoolLayoutTests {
    @Test("prepare() creates the missing folders with their modes, and is idempotent")
    func prepares() async throws {
        let spool = try await SpoolTestDirectory(prepare: false)
        defer { spool.remove() }
        let layout = spool.layout
        let first = try await layout.prepare()
        #expect(first.created == [layout.root, layout.incoming, layout.processing, layout.rejected, layout.results])
        #expect(spoolTestMode(layout.root) == 0o750)
        #expect(spoolTestMode(layout.processing) == 0o750)
        for shared in [layout.rejected, layout.results] {
            let mode = try #require(spoolTestMode(shared))
            #expect(mode & 0o777 == 0o750)
            if spoolTestIsRoot { #expect(mode == 0o2750) }  // setgid: written files inherit group onboard
        }
        let incoming = try #require(spoolTestMode(layout.incoming))
        #expect(incoming & 0o1777 == 0o1770)  // sticky + rwxrwx---
        if spoolTestIsRoot { #expect(incoming == 0o3770) }  // setgid needs the group or privilege

        let second = try await layout.prepare()
        #expect(second.created.isEmpty)
        #expect(second.warnings.isEmpty)
    }

    @Test("prepare(group:) gives shared folders the group; without the privilege it warns instead of failing")
    func group() async throws {
        let spool = try await SpoolTestDirectory(prepare: false)
        defer { spool.remove() }
        let preparation = try await spool.layout.prepare(group: 4343)
        var status = stat()
        if spoolTestIsRoot {
            #expect(preparation.warnings.isEmpty)
            #expect(stat(spool.layout.incoming, &status) == 0 && status.st_gid == 4343)
            #expect(stat(spool.layout.processing, &status) == 0 && status.st_gid != 4343)
        } else {
            #expect(!preparation.warnings.isEmpty)
        }
    }

    @Test("a file where a folder should be is an error; a trailing slash is dropped")
    func fileInTheWay() async throws {
        let spool = try await SpoolTestDirectory(prepare: false)
        defer { spool.remove() }
        #expect(SpoolLayout(root: spool.layout.root + "/").incoming == spool.layout.incoming)
        try FileManager.default.createDirectory(atPath: spool.layout.root, withIntermediateDirectories: true)
        try spool.writeInPlace(spool.layout.incoming, "not a folder")
        await #expect(throws: SpoolError.io) { try await spool.layout.prepare() }
    }
}
