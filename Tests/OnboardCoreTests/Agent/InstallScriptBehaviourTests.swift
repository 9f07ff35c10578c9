import Foundation
import OnboardCore
import Testing

/// Runs the generated sh scripts against stub installers, a stub RegisterAgent and a stub `id`, under every POSIX
/// shell on the machine: the real paths are replaced by paths in a scratch directory (one with a space in it).
@Suite("Install scripts: behaviour against stubs")
struct InstallScriptBehaviourTests {
    typealias F = AgentFixtures

    static let shells = ["/bin/sh", "/bin/bash"].filter { FileManager.default.isExecutableFile(atPath: $0) }

    /// A scratch machine: stubs on PATH, a fake RegisterAgent location, and logs of what was run.
    struct Machine {
        let root: URL
        let stubs: URL
        let logs: URL
        let registerAgent: URL

        init(uid: Int = 0, registerStatus: Int = 0) throws {
            root = try ScriptProcess.temporaryDirectory()
            stubs = root.appending(path: "stubs")
            logs = root.appending(path: "logs")
            registerAgent = root.appending(path: "Application Support/RegisterAgentTool/RegisterAgent")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            try ScriptProcess.writeExecutable("#!/bin/sh\necho \(uid)\n", to: stubs.appending(path: "id"))
            registerAgentStub = """
                #!/bin/sh
                printf '%s\\n' "$@" > '\(logs.path)/register.args'
                exit \(registerStatus)

                """
        }

        let registerAgentStub: String

        /// A shell command that "installs" the agent: creates the RegisterAgent stub.
        var installsAgent: String {
            "mkdir -p '\(registerAgent.deletingLastPathComponent().path)' && cat > '\(registerAgent.path)' <<'STUB'\n"
                + registerAgentStub + "STUB\nchmod +x '\(registerAgent.path)'"
        }

        func log(_ name: String) -> [String]? {
            (try? String(contentsOf: logs.appending(path: name), encoding: .utf8))?
                .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }

        /// Saves `script` with RegisterAgent pointing into the scratch directory and runs it.
        func run(_ script: InstallScript, shell: String, arguments: [String] = []) throws -> ScriptProcess.Result {
            let lines = script.contents.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("REGISTER_AGENT=") ? "REGISTER_AGENT='\(registerAgent.path)'" : String(line)
            }
            let file = root.appending(path: script.filename)
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            return try ScriptProcess.run(
                shell,
                [file.path] + arguments,
                in: root,
                environment: ["PATH": "\(stubs.path):/usr/bin:/bin"]
            )
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    // MARK: Linux

    func linuxScript(_ dc: String = F.httpsDC, options: InstallOptions = .init()) throws -> InstallScript {
        try F.instructions(dc, .linux, options: options).script
    }

    func writeLinuxInstaller(
        _ machine: Machine,
        name: String = "Cyber_Protection_Agent_for_Linux_x86_64.bin",
        status: Int = 0
    ) throws {
        try ScriptProcess.writeExecutable(
            """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(machine.logs.path)/installer.args'
            [ \(status) -eq 0 ] || exit \(status)
            \(machine.installsAgent)

            """,
            to: machine.root.appending(path: name)
        )
    }

    @Test(
        "Linux: installs with --skip-registration, registers with the DC and token, prints no token",
        arguments: shells
    )
    func linuxHappyPath(shell: String) throws {
        for dc in F.dataCenters {
            let machine = try Machine()
            defer { machine.remove() }
            try writeLinuxInstaller(machine)
            let result = try machine.run(try linuxScript(dc), shell: shell)
            #expect(result.status == 0, "\(result.output)")
            #expect(machine.log("installer.args") == ["-a", "--skip-registration"])
            #expect(machine.log("register.args") == ["-o", "register", "-t", "cloud", "-a", dc, "--token", F.token])
            #expect(!result.output.contains(F.token))
            #expect(result.stdout.contains("registered with \(dc)"))
        }
    }

    @Test("Linux: components, and an installer named without ./ is not looked up on PATH", arguments: shells)
    func linuxComponentsAndRelativePath(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        try writeLinuxInstaller(machine, name: "agent.bin")
        // A decoy with the same name on PATH must not run.
        try ScriptProcess.writeExecutable("#!/bin/sh\nexit 99\n", to: machine.stubs.appending(path: "agent.bin"))
        let options = InstallOptions(linuxComponents: ["BackupAndRecoveryAgent", "MySQLAgentFeature"])
        let result = try machine.run(try linuxScript(options: options), shell: shell, arguments: ["agent.bin"])
        #expect(result.status == 0, "\(result.output)")
        #expect(
            machine.log("installer.args") == [
                "-i", "BackupAndRecoveryAgent,MySQLAgentFeature", "-a", "--skip-registration",
            ]
        )
    }

    @Test("Linux: refuses to run as a normal user, before installing anything", arguments: shells)
    func linuxNotRoot(shell: String) throws {
        let machine = try Machine(uid: 1000)
        defer { machine.remove() }
        try writeLinuxInstaller(machine)
        let result = try machine.run(try linuxScript(), shell: shell)
        #expect(result.status == 1)
        #expect(result.stderr.contains("run this script as root: sudo sh install-agent.sh"))
        #expect(machine.log("installer.args") == nil)
        #expect(machine.log("register.args") == nil)
    }

    @Test("Linux: a missing installer is reported with where to get it", arguments: shells)
    func linuxMissingInstaller(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        let result = try machine.run(try linuxScript(), shell: shell)
        #expect(result.status == 1)
        #expect(result.stderr.contains("installer not found: ./Cyber_Protection_Agent_for_Linux_x86_64.bin"))
        #expect(result.stderr.contains("Devices > Add"))
    }

    @Test("Linux: failures of the installer and of RegisterAgent stop the script with their status", arguments: shells)
    func linuxFailures(shell: String) throws {
        let failingInstaller = try Machine()
        defer { failingInstaller.remove() }
        try writeLinuxInstaller(failingInstaller, status: 7)
        var result = try failingInstaller.run(try linuxScript(), shell: shell)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the installer failed with exit status 7"))
        #expect(failingInstaller.log("register.args") == nil)

        let failingRegistration = try Machine(registerStatus: 3)
        defer { failingRegistration.remove() }
        try writeLinuxInstaller(failingRegistration)
        result = try failingRegistration.run(try linuxScript(), shell: shell)
        #expect(result.status == 1)
        #expect(result.stderr.contains("registration failed with exit status 3"))
        #expect(!result.output.contains(F.token))
    }

    @Test("Linux: an installed agent is only registered", arguments: shells)
    func linuxAlreadyInstalled(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        try ScriptProcess.writeExecutable(machine.registerAgentStub, to: machine.registerAgent)
        let result = try machine.run(try linuxScript(), shell: shell)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.contains("already installed"))
        #expect(machine.log("installer.args") == nil)
        #expect(machine.log("register.args")?.last == F.token)
    }

    // MARK: macOS

    /// Stubs `hdiutil` (attach fills the mount point with `Install.pkg` or a web-installer app) and `installer`.
    func writeMacStubs(_ machine: Machine, webInstaller: Bool = false, installerStatus: Int = 0) throws {
        let payload =
            webInstaller
            ? """
            mkdir -p "$mnt/Install.app/Contents/MacOS"
            cat > "$mnt/Install.app/Contents/MacOS/cyber_installer" <<'APP'
            #!/bin/sh
            printf '%s\\n' "$@" > '\(machine.logs.path)/installer.args'
            \(machine.installsAgent)
            APP
            chmod +x "$mnt/Install.app/Contents/MacOS/cyber_installer"
            """
            : "touch \"$mnt/Install.pkg\""
        try ScriptProcess.writeExecutable(
            """
            #!/bin/sh
            echo "$1" >> '\(machine.logs.path)/hdiutil.log'
            case $1 in
            attach)
                while [ $# -gt 0 ]; do
                    if [ "$1" = -mountpoint ]; then mnt=$2; fi
                    shift
                done
                [ -d "$mnt" ] || exit 1
                \(payload)
                ;;
            detach)
                [ -n "$2" ] && rm -rf "$2/Install.pkg" "$2/Install.app"
                ;;
            esac

            """,
            to: machine.stubs.appending(path: "hdiutil")
        )
        try ScriptProcess.writeExecutable(
            """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(machine.logs.path)/installer.args'
            [ \(installerStatus) -eq 0 ] || exit \(installerStatus)
            \(machine.installsAgent)

            """,
            to: machine.stubs.appending(path: "installer")
        )
        _ = FileManager.default.createFile(
            atPath: machine.root.appending(path: "Cyber_Protection_Agent_for_MAC_x64.dmg").path,
            contents: Data()
        )
    }

    @Test("macOS: mounts, installs the package, detaches, registers; prints no token", arguments: shells)
    func macHappyPath(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        try writeMacStubs(machine)
        let script = try F.instructions(F.httpsDC, .macos).script
        let result = try machine.run(script, shell: shell)
        #expect(result.status == 0, "\(result.output)")
        let installerArgs = try #require(machine.log("installer.args"))
        #expect(installerArgs.count == 4)
        #expect(installerArgs.first == "-pkg" && installerArgs[1].hasSuffix("/Install.pkg"))
        #expect(installerArgs.dropFirst(2) == ["-target", "LocalSystem"])
        let mountPoint = String(installerArgs[1].dropLast("/Install.pkg".count))
        #expect(!FileManager.default.fileExists(atPath: mountPoint), "the mount point is removed")
        #expect(machine.log("hdiutil.log") == ["attach", "detach"])
        #expect(machine.log("register.args") == ["-o", "register", "-t", "cloud", "-a", F.httpsDC, "--token", F.token])
        #expect(!result.output.contains(F.token))
    }

    @Test("macOS: the web-installer image runs cyber_installer -a", arguments: shells)
    func macWebInstaller(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        try writeMacStubs(machine, webInstaller: true)
        let result = try machine.run(try F.instructions(F.loopbackDC, .macos).script, shell: shell)
        #expect(result.status == 0, "\(result.output)")
        #expect(machine.log("installer.args") == ["-a"])
        #expect(machine.log("register.args")?.contains(F.loopbackDC) == true)
    }

    @Test("macOS: a failing installer still detaches the image and stops before registering", arguments: shells)
    func macInstallerFails(shell: String) throws {
        let machine = try Machine()
        defer { machine.remove() }
        try writeMacStubs(machine, installerStatus: 5)
        let result = try machine.run(try F.instructions(F.httpsDC, .macos).script, shell: shell)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the installer failed with exit status 5"))
        #expect(machine.log("hdiutil.log") == ["attach", "detach"])
        #expect(machine.log("register.args") == nil)
    }

    @Test("macOS: refuses to run as a normal user and reports a missing disk image", arguments: shells)
    func macPreconditions(shell: String) throws {
        let script = try F.instructions(F.httpsDC, .macos).script
        let normalUser = try Machine(uid: 501)
        defer { normalUser.remove() }
        var result = try normalUser.run(script, shell: shell)
        #expect(result.status == 1 && result.stderr.contains("run this script as root"))

        let noImage = try Machine()
        defer { noImage.remove() }
        result = try noImage.run(script, shell: shell)
        #expect(result.status == 1 && result.stderr.contains("disk image not found"))
    }
}
