import Foundation
import Glibc
import OnboardCore
import Testing

/// The built `onboardctl` binary against a real ``ControlSocketServer`` in this process (with ``StubDaemon``):
/// arguments, socket, JSON on standard output, messages on standard error, exit codes, Ctrl-C.
@Suite("onboardctl binary against a control socket server", .serialized)
struct BinaryAgainstServerTests {
    @Test("status ID --json: the result with schema 1; exit 0; nothing secret")
    func statusJSON() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["status", "ob_ok", "--socket", socket, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let json = try result.json()
            #expect(json["schema"] as? Int == 1)
            #expect((json["onboarding"] as? [String: Any])?["id"] as? String == "ob_ok")
            #expect((json["steps"] as? [Any])?.count == 3)
            #expect(result.stdoutLines.count == 1, "compact when piped")
            #expect(!result.stdout.contains(Fixtures.password) && !result.stdout.contains(Fixtures.token))
        }
    }

    @Test("the socket comes from $ONBOARDCTL_SOCKET when --socket is absent; human output is the detail")
    func socketFromEnvironment() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["status", "ob_ok"], environment: ["ONBOARDCTL_SOCKET": socket])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Onboarding ob_ok\n"))
            #expect(result.stdout.contains("STEP"))
        }
    }

    @Test("an unknown id is not found: exit 1, the daemon's message on stderr, the error object with --json")
    func notFound() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["status", "ob_missing", "--socket", socket, "--json"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: no onboarding ob_missing; list onboardings with `onboardctl list`"))
            let error = try #require(try result.json()["error"] as? [String: Any])
            #expect(error["type"] as? String == "io.onboard.NotFound")
        }
    }

    @Test("an invalid CSV is a data error: exit 65, one problem per line on stderr, the errors in --json")
    func invalidData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let csv = try directory.file("bulk.csv", "key,partner\nINVALID,eu2\n")
        try await withStubDaemon { socket, _ in
            let human = try await CLIProcess.run(["submit", csv, "--socket", socket])
            #expect(human.status == 65)
            let lines = human.stderr.split(separator: "\n")
            #expect(lines.first == "error: \(csv): bulk.csv has 2 invalid rows; nothing was recorded")
            #expect(lines.contains("  row 3, admin.email (column admin_email): must be an e-mail address. Fix: write it as name@example.com"))
            #expect(lines.contains("  row 4, customer.name: must not be empty. Fix: give the customer's name"))
            #expect(human.stdout.isEmpty)

            let machine = try await CLIProcess.run(["submit", "--csv", csv, "--socket", socket, "--json"])
            #expect(machine.status == 65)
            let errors = try #require(try machine.json()["errors"] as? [[String: Any]])
            #expect(errors.first?["source"] as? String == csv)
            #expect(((errors.first?["error"] as? [String: Any])?["data"] as? [String: Any])?["issues"] != nil)
        }
    }

    @Test("no daemon: exit 69 with how to start it")
    func daemonAbsent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try await CLIProcess.run(["daemon", "status", "--socket", directory.socketPath])
        #expect(result.status == 69)
        #expect(result.stderr.contains("systemctl start onboardd"))
        #expect(result.stdout.isEmpty)
    }

    @Test("submit - reads standard input; --wait --json prints each event, then the final result; exit 0")
    func submitAndWait() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["submit", "-", "--wait", "--json", "--socket", socket], stdin: #"{"version":1}"#)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try result.jsonLines()
            #expect(lines.count == 4)
            #expect(lines.dropLast().map { $0["kind"] as? String } == ["submitted", "step_done", "succeeded"])
            #expect(lines.allSatisfy { $0["schema"] as? Int == 1 })
            let entries = try #require(lines.last?["onboardings"] as? [[String: Any]])
            #expect((entries.first?["onboarding"] as? [String: Any])?["state"] as? String == "succeeded")
            #expect(((entries.first?["onboarding"] as? [String: Any])?["id"] as? String) == "ob_ok")
        }
    }

    @Test("wait: progress lines and the reason; exit 1 when the onboarding failed")
    func waitFailed() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["wait", "ob_fail", "--socket", socket])
            #expect(result.status == 1)
            #expect(result.stdoutLines.first == "Fabrikam: step create_admin failed: login taken")
            #expect(result.stdout.contains("ob_fail (Fabrikam) failed at step create_admin: the login contoso.admin is taken; choose another admin.login"))
            let succeeded = try await CLIProcess.run(["wait", "ob_ok", "--socket", socket])
            #expect(succeeded.status == 0)
            #expect(succeeded.stdout.contains("Contoso Ltd: step create_tenant done: tenant created"))
        }
    }

    @Test("credentials print the secrets on stdout and the warning on stderr only")
    func credentials() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["credentials", "ob_ok", "--socket", socket])
            #expect(result.status == 0)
            #expect(result.stdout.contains(Fixtures.password) && result.stdout.contains(Fixtures.token))
            #expect(result.stderr.contains("warning: the output contains secrets"))
            #expect(!result.stderr.contains(Fixtures.password) && !result.stderr.contains(Fixtures.token))
        }
    }

    @Test("install-script --script prints exactly the script; the daemon's warnings go to stderr once each, in order")
    func installScript() async throws {
        try await withStubDaemon { socket, _ in
            let result = try await CLIProcess.run(["install-script", "ob_ok", "--os", "linux", "--script", "--socket", socket])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == Fixtures.script)
            #expect(result.stderr == "warning: The commands contain the registration token.\nwarning: Second warning.\n")
            let steps = try await CLIProcess.run(["install-script", "ob_ok", "--socket", socket])
            #expect(steps.stdout.contains("    sudo ./agent.bin -a --token=\(Fixtures.token)"))
        }
    }

    @Test("Ctrl-C while waiting: the call ends, the daemon sees the client leave, exit 130 with how to resume")
    func interrupt() async throws {
        try await withStubDaemon { socket, holdEvents in
            let process = try CLIProcess(["wait", "ob_hold", "--socket", socket])
            var events = holdEvents.makeAsyncIterator()
            #expect(await events.next() == "started")
            process.send(SIGINT)
            let result = try await process.finish(within: .seconds(20))
            #expect(result.status == 130, "\(result.stderr)")
            #expect(result.stderr.contains("interrupted; onboarding ob_hold goes on in onboardd; wait for it again with `onboardctl wait ob_hold`"))
            #expect(await events.next() == "cancelled")
        }
    }
}
