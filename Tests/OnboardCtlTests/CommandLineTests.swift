import ArgumentParser
import OnboardCore
import Testing

@testable import onboardctl

@Suite("Command line")
struct CommandLineTests {
    @Test("the socket: --socket, else $ONBOARDCTL_SOCKET, else /run/onboardd.sock")
    func socketPath() throws {
        let defaults = try GlobalOptions.parse([])
        #expect(defaults.socketPath(environment: [:]) == "/run/onboardd.sock")
        #expect(defaults.socketPath(environment: ["ONBOARDCTL_SOCKET": "/tmp/o.sock"]) == "/tmp/o.sock")
        let given = try GlobalOptions.parse(["--socket", "/srv/s.sock", "--json"])
        #expect(given.socketPath(environment: ["ONBOARDCTL_SOCKET": "/tmp/o.sock"]) == "/srv/s.sock")
        #expect(given.json)
    }

    @Test("--socket and --json work before the subcommand, after it, or split across both")
    func globalOptionPlacement() throws {
        for arguments in [
            ["--socket", "/srv/s.sock", "--json", "daemon", "status"], ["daemon", "status", "--socket", "/srv/s.sock", "--json"],
            ["--json", "daemon", "status", "--socket", "/srv/s.sock"],
        ] {
            let command = try #require(try OnboardCtl.parseAsRoot(arguments) as? DaemonStatusCommand, "\(arguments)")
            #expect(command.global.socketPath(environment: [:]) == "/srv/s.sock", "\(arguments)")
            #expect(command.global.json, "\(arguments)")
        }
        let plain = try #require(try OnboardCtl.parseAsRoot(["status"]) as? StatusCommand)
        #expect(!plain.global.json && plain.global.socketPath(environment: [:]) == "/run/onboardd.sock")
    }

    @Test("submit takes files, --csv files, - for standard input, and --wait")
    func submit() throws {
        let command = try #require(try OnboardCtl.parseAsRoot(["submit", "a.json", "-", "--csv", "rows.txt", "--wait", "--json"]) as? SubmitCommand)
        #expect(command.files == ["a.json", "-"])
        #expect(command.csvFiles == ["rows.txt"])
        #expect(command.wait && command.global.json)
    }

    @Test("list takes a state by its API name and a positive limit")
    func list() throws {
        let command = try #require(try OnboardCtl.parseAsRoot(["list", "--state", "waiting", "--limit", "5"]) as? ListCommand)
        #expect(command.state == .waiting && command.limit == 5)
        #expect(throws: (any Error).self) { try OnboardCtl.parseAsRoot(["list", "--state", "done"]) }
        #expect(throws: (any Error).self) { try OnboardCtl.parseAsRoot(["list", "--limit", "0"]) }
    }

    @Test("install-script --script needs --os and refuses --json")
    func installScript() throws {
        let command = try #require(try OnboardCtl.parseAsRoot(["install-script", "ob_1", "--os", "macos"]) as? InstallScriptCommand)
        #expect(command.os == .macos)
        #expect(throws: (any Error).self) { try OnboardCtl.parseAsRoot(["install-script", "ob_1", "--script"]) }
        #expect(throws: (any Error).self) { try OnboardCtl.parseAsRoot(["install-script", "ob_1", "--os", "linux", "--script", "--json"]) }
    }

    @Test("nested commands: profile export, daemon (status by default), reload --wait")
    func nested() throws {
        let export = try #require(
            try OnboardCtl.parseAsRoot(["profile", "export", "--from-tenant", "Sample", "--name", "std", "--output", "std.json"]) as? ProfileExportCommand)
        #expect(export.fromTenant == "Sample" && export.name == "std" && export.output == "std.json" && export.partner == nil)
        #expect(try OnboardCtl.parseAsRoot(["daemon"]) is DaemonStatusCommand)
        #expect(try OnboardCtl.parseAsRoot(["daemon", "status", "--json"]) is DaemonStatusCommand)
        #expect(try OnboardCtl.parseAsRoot(["reload", "--wait"]) is ReloadCommand)
    }
}
