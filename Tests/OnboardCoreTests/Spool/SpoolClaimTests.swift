import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import OnboardCore

@Suite("spool claim")
struct SpoolClaimTests {
    private struct CrashAfterCommit: Error {}

    private func read(_ spool: SpoolTestDirectory, _ name: String) async throws -> SpoolFile {
        guard case .file(let file) = try await SpoolFileReader(layout: spool.layout).read(name) else {
            throw SpoolTestFailure("\(name) is not a readable file")
        }
        return file
    }

    private func report(at path: String) throws -> SpoolRejectionReport {
        try SpoolRejectionReport.decode(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("an accepted file moves to processing/<onboarding-id>.json after the commit")
    func accepted() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("acme.json", spoolTestRequest("Acme"))
        let store = FakeOnboardingStore()
        let incoming = spool.layout.incoming
        let outcome = try await SpoolClaim(layout: spool.layout).process(
            "acme.json", reader: SpoolFileReader(layout: spool.layout)
        ) { file in
            // Still in incoming/ while the commit runs.
            #expect(FileManager.default.fileExists(atPath: incoming + "/" + file.name))
            return .accepted(await store.submit(file))
        }
        guard case .accepted(let id, let path) = outcome else {
            Issue.record("expected accepted, got \(outcome)")
            return
        }
        #expect(path == spool.layout.processing + "/\(id).json")
        #expect(try spool.names(in: spool.layout.incoming).isEmpty)
        #expect(try spool.names(in: spool.layout.processing) == ["\(id).json"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == spoolTestRequest("Acme"))
    }

    @Test("a rejected file moves to rejected/ beside a valid .error.json")
    func rejected() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("bad.json", #"{"customer": {"#)
        let issue = RequestIssue(path: "customer.name", problem: "is missing", fix: "Give the customer's name.")
        let received = Date(timeIntervalSince1970: 1_750_000_000)
        let file = try await read(spool, "bad.json")
        var stamped = file
        stamped.receivedAt = received
        let outcome = try await SpoolClaim(layout: spool.layout, daemonVersion: "9.9.9").claim(stamped) { _ in
            .rejected(reason: .validation([issue]))
        }
        let rejected = spool.layout.rejected
        #expect(outcome == .rejected(.validation([issue]), path: rejected + "/bad.json", reportPath: rejected + "/bad.json.error.json"))
        #expect(try spool.names(in: spool.layout.incoming).isEmpty)
        #expect(try spool.names(in: rejected) == ["bad.json", "bad.json.error.json"])
        #expect(spoolTestMode(rejected + "/bad.json.error.json") == 0o640)

        let report = try report(at: rejected + "/bad.json.error.json")
        #expect(report.file == "bad.json")
        #expect(report.rejectedAs == "bad.json")
        #expect(report.reason == "validation_failed")
        #expect(report.issues == [issue])
        #expect(report.fix.contains("incoming/"))
        #expect(report.receivedAt == received)
        #expect(report.submitterUID == UInt32(geteuid()))
        #expect(report.size == file.size)
        #expect(report.daemonVersion == "9.9.9")

        // The wire format: snake_case keys, no sha256.
        let data = try Data(contentsOf: URL(fileURLWithPath: rejected + "/bad.json.error.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["file", "rejected_as", "reason", "message", "fix", "issues", "received_at", "submitter_uid", "size", "daemon_version"])
    }

    @Test("files the reader refuses are quarantined with their reason: symlink, FIFO, folder, too large")
    func quarantinesReaderRejections() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        #expect(symlink("/etc/passwd", spool.layout.incoming("link.json")) == 0)
        #expect(mkfifo(spool.layout.incoming("pipe.json"), 0o600) == 0)
        #expect(mkdir(spool.layout.incoming("dir.json"), 0o700) == 0)
        try spool.produce("big.json", String(repeating: " ", count: 200))
        let claim = SpoolClaim(layout: spool.layout)
        let reader = SpoolFileReader(layout: spool.layout, sizeLimit: 100)
        var reasons: [String: String] = [:]
        for entry in try await SpoolScanner(layout: spool.layout).scan() {
            let outcome = try await claim.process(entry.name, reader: reader) { _ in
                Issue.record("commit must not run for \(entry.name)")
                return .accepted("never")
            }
            guard case .rejected(let rejection, _, let reportPath) = outcome else {
                Issue.record("expected \(entry.name) rejected, got \(outcome)")
                continue
            }
            #expect(try report(at: reportPath).reason == rejection.reason)
            reasons[entry.name] = rejection.reason
        }
        #expect(reasons == ["link.json": "symlink", "pipe.json": "not_regular_file", "dir.json": "not_regular_file", "big.json": "too_large"])
        #expect(try spool.names(in: spool.layout.incoming).isEmpty)
        // The symlink itself moved, not its target.
        var status = stat()
        #expect(lstat(spool.layout.rejected + "/link.json", &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(FileManager.default.fileExists(atPath: "/etc/passwd"))
    }

    @Test("a crash after the commit leaves the file in incoming/; the retry ends with exactly one accepted file")
    func crashAfterCommit() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("acme.json", spoolTestRequest("Acme"))
        let store = FakeOnboardingStore()
        let claim = SpoolClaim(layout: spool.layout)
        let reader = SpoolFileReader(layout: spool.layout)

        // The commit succeeds, then the "process dies" before the move: the move never runs.
        await #expect(throws: CrashAfterCommit.self) {
            _ = try await claim.process("acme.json", reader: reader) { file in
                _ = await store.submit(file)
                throw CrashAfterCommit()
            }
        }
        #expect(try spool.names(in: spool.layout.incoming) == ["acme.json"])
        #expect(try spool.names(in: spool.layout.processing).isEmpty)

        // The restart's scan finds it again; the idempotent commit returns the same onboarding.
        for entry in try await SpoolScanner(layout: spool.layout).scan() {
            _ = try await claim.process(entry.name, reader: reader) { .accepted(await store.submit($0)) }
        }
        // A late duplicate event for the same name finds nothing.
        let late = try await claim.process("acme.json", reader: reader) { .accepted(await store.submit($0)) }
        #expect(late == .vanished)

        let ids = await store.idsByContent
        let id = try #require(ids.values.first)
        #expect(await store.onboardings == 1)
        #expect(await store.commits == 2)
        #expect(try spool.names(in: spool.layout.incoming).isEmpty)
        #expect(try spool.names(in: spool.layout.processing) == ["\(id).json"])
    }

    @Test("a name collision in rejected/ gets a UUID suffix; nothing is overwritten")
    func rejectedCollision() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let claim = SpoolClaim(layout: spool.layout)
        var paths: [String] = []
        for body in ["first", "second"] {
            try spool.produce("same.json", body)
            let file = try await read(spool, "same.json")
            let outcome = try await claim.claim(file) { _ in .rejected(reason: .badJSON("unexpected character at 1:1")) }
            guard case .rejected(_, let path, let reportPath) = outcome else {
                Issue.record("expected rejected")
                return
            }
            #expect(reportPath == path + ".error.json")
            paths.append(path)
        }
        #expect(paths[0] == spool.layout.rejected + "/same.json")
        let suffixed = (paths[1] as NSString).lastPathComponent
        #expect(suffixed.hasPrefix("same.json."))
        #expect(UUID(uuidString: String(suffixed.dropFirst("same.json.".count))) != nil)
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == "second")
        let second = try report(at: paths[1] + ".error.json")
        #expect(second.file == "same.json")
        #expect(second.rejectedAs == suffixed)
        #expect(second.reason == "bad_json")
        #expect(second.parserError == "unexpected character at 1:1")
        #expect(try spool.names(in: spool.layout.rejected).count == 4)
    }

    @Test("a second file for the same onboarding is kept as a duplicate, not overwritten")
    func processingDuplicate() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        let store = FakeOnboardingStore()
        let claim = SpoolClaim(layout: spool.layout)
        let reader = SpoolFileReader(layout: spool.layout)
        try spool.produce("one.json", spoolTestRequest("Same"))
        try spool.produce("two.json", spoolTestRequest("Same"))
        let first = try await claim.process("one.json", reader: reader) { .accepted(await store.submit($0)) }
        let second = try await claim.process("two.json", reader: reader) { .accepted(await store.submit($0)) }
        guard case .accepted(let id, _) = first, case .accepted(id, let duplicatePath) = second else {
            Issue.record("expected both accepted with one id: \(first), \(second)")
            return
        }
        #expect(duplicatePath.contains("/\(id).duplicate-"))
        #expect(try spool.names(in: spool.layout.processing).count == 2)
        #expect(await store.onboardings == 1)
    }

    @Test("a file replaced under the same name after reading is left in incoming/")
    func replacedIsLeft() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("x.json", "old")
        let file = try await read(spool, "x.json")
        try spool.produce("x.json", "new")  // renamed over it: a different inode
        let outcome = try await SpoolClaim(layout: spool.layout).claim(file) { _ in .accepted("id-1") }
        #expect(outcome == .replaced)
        #expect(try String(contentsOfFile: spool.layout.incoming("x.json"), encoding: .utf8) == "new")
    }

    @Test("an onboarding id that is not a file name is refused before anything moves")
    func badOnboardingID() async throws {
        let spool = try await SpoolTestDirectory()
        defer { spool.remove() }
        try spool.produce("x.json", "{}")
        let file = try await read(spool, "x.json")
        await #expect(throws: SpoolError.invalidName) {
            _ = try await SpoolClaim(layout: spool.layout).claim(file) { _ in .accepted("../../etc/x") }
        }
        #expect(try spool.names(in: spool.layout.incoming) == ["x.json"])
    }
}
