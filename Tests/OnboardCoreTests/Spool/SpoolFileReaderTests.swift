import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import OnboardCore

@Suite("spool file reader")
struct SpoolFileReaderTests {
    private func invalid(_ result: SpoolReadResult) -> SpoolInvalidFile? {
        if case .invalid(let invalid) = result { return invalid }
        return nil
    }

    @Test("a regular file is read with its owner uid, mtime and identity")
    func readsRegularFile() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let body = spoolTestRequest("Acme")
        try spool.produce("acme.json", body)
        try spoolTestSetModificationTime(spool.layout.incoming("acme.json"), 1_700_000_000)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        guard case .file(let file) = try await SpoolFileReader(layout: spool.layout).read("acme.json", now: now) else {
            Issue.record("expected a file")
            return
        }
        #expect(file.name == "acme.json")
        #expect(String(decoding: file.contents, as: UTF8.self) == body)
        #expect(file.submitterUID == UInt32(geteuid()))
        #expect(file.modifiedAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(file.receivedAt == now)
        #expect(file.identity != nil)
    }

    @Test("the submitter uid is the file owner's, not the daemon's", .enabled(if: spoolTestIsRoot, "chown needs root"))
    func submitterIsOwner() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("theirs.json", spoolTestRequest())
        #expect(chown(spool.layout.incoming("theirs.json"), 4242, 4343) == 0)
        guard case .file(let file) = try await SpoolFileReader(layout: spool.layout).read("theirs.json") else {
            Issue.record("expected a file")
            return
        }
        #expect(file.submitterUID == 4242)
    }

    @Test("a symlink is rejected and not followed")
    func symlinkRejected() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.writeInPlace(spool.layout.root + "/target.json", spoolTestRequest())
        #expect(symlink(spool.layout.root + "/target.json", spool.layout.incoming("link.json")) == 0)
        let result = try await SpoolFileReader(layout: spool.layout).read("link.json")
        #expect(invalid(result)?.rejection == .symlink)
        #expect(invalid(result)?.submitterUID == UInt32(geteuid()))
    }

    @Test("a symlink swapped in after the lstat is caught by O_NOFOLLOW (ELOOP)")
    func elooIsSymlink() {
        #expect(SpoolFileReader.classifyOpenFailure(ELOOP) == .rejected(.symlink))
        #expect(SpoolFileReader.classifyOpenFailure(ENOENT) == .vanished)
        #expect(SpoolFileReader.classifyOpenFailure(EMFILE) == .daemonError)
    }

    @Test("a FIFO and a folder are rejected as not regular files")
    func specialFilesRejected() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        #expect(mkfifo(spool.layout.incoming("pipe.json"), 0o600) == 0)
        #expect(mkdir(spool.layout.incoming("dir.json"), 0o700) == 0)
        let reader = SpoolFileReader(layout: spool.layout)
        let fifo = invalid(try await reader.read("pipe.json"))
        #expect(fifo?.rejection == .notRegularFile("a FIFO (named pipe)"))
        #expect(fifo?.rejection.reason == "not_regular_file")
        let folder = invalid(try await reader.read("dir.json"))
        #expect(folder?.rejection == .notRegularFile("a directory"))
    }

    @Test("a file over the limit is rejected with its size and the limit")
    func tooLarge() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("big.json", String(repeating: "x", count: 101))
        try spool.produce("fits.json", String(repeating: "x", count: 100))
        let reader = SpoolFileReader(layout: spool.layout, sizeLimit: 100)
        let big = invalid(try await reader.read("big.json"))
        #expect(big?.rejection == .tooLarge(size: 101, limit: 100))
        #expect(big?.size == 101)
        #expect(big?.rejection.message.contains("101 bytes") == true)
        guard case .file(let fits) = try await reader.read("fits.json") else {
            Issue.record("a file at the limit is accepted")
            return
        }
        #expect(fits.size == 100)
        #expect(SpoolFileReader(layout: spool.layout).sizeLimit == 1_048_576)
    }

    // Root bypasses file modes (CAP_DAC_OVERRIDE), so as root the file stays readable; the errno mapping is
    // covered by `unreadableMapping` either way.
    @Test("an unreadable file is rejected with the errno text", .enabled(if: !spoolTestIsRoot, "root bypasses modes"))
    func unreadable() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("secret.json", spoolTestRequest())
        #expect(chmod(spool.layout.incoming("secret.json"), 0o000) == 0)
        let result = invalid(try await SpoolFileReader(layout: spool.layout).read("secret.json"))
        #expect(result?.rejection.reason == "unreadable")
        #expect(result?.rejection.message.contains("EACCES") == true)
    }

    @Test("EACCES and EPERM from open classify as unreadable, with the errno text")
    func unreadableMapping() {
        let rejection = SpoolRejection.unreadable(SpoolError.errnoText(EACCES))
        #expect(SpoolFileReader.classifyOpenFailure(EACCES) == .rejected(rejection))
        #expect(rejection.message == "onboardd cannot read the file: Permission denied (EACCES)")
        if case .rejected(let eperm) = SpoolFileReader.classifyOpenFailure(EPERM) {
            #expect(eperm.reason == "unreadable")
        } else {
            Issue.record("EPERM is unreadable")
        }
    }

    @Test("a name that is gone is vanished, not an error; a path is not a name")
    func vanishedAndBadNames() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let reader = SpoolFileReader(layout: spool.layout)
        #expect(try await reader.read("gone.json") == .vanished)
        await #expect(throws: SpoolError.invalidName) { try await reader.read("../escape.json") }
        await #expect(throws: SpoolError.invalidName) { try await reader.read("..") }
    }
}
