import Foundation
import OnboardCore
import Testing

@Suite("InstallCommandRenderer")
struct InstallCommandRendererTests {
    typealias F = AgentFixtures

    // MARK: Golden commands

    @Test("Windows: the EXE and MSI commands of the user guide", arguments: F.dataCenters)
    func windowsGolden(dc: String) throws {
        let windows = try F.instructions(dc, .windows)
        #expect(windows.platform == .windows)
        #expect(windows.registrationAddress == dc)
        #expect(windows.steps.map(\.shell) == [.cmd, .cmd])
        #expect(
            windows.steps[0].command
                == "AgentForWindows_web.exe --add-components=agentForWindows,commandLine,trayMonitor "
                + "--agent-account=system --reg-address=\(dc) --reg-token=7KQ2-M9XD-4TRB --quiet"
        )
        #expect(
            windows.steps[1].command
                == #"msiexec.exe /i BackupClient64.msi /l*v install.log /qn "#
                + "ADDLOCAL=MmsMspComponents,BackupAndRecoveryAgent,CommandLineTool,TrayMonitor "
                + #"TARGETDIR="C:\Program Files\BackupClient" REBOOT=ReallySuppress MMS_USE_SYSTEM_ACCOUNT=1 "#
                + "REGISTRATION_ADDRESS=\(dc) REGISTRATION_TOKEN=7KQ2-M9XD-4TRB"
        )
        #expect(windows.steps[1].title.hasPrefix("Alternative"))
        #expect(windows.steps[1].notes.contains { $0.contains("extract") && $0.contains("beforehand") })
        #expect(windows.script.filename == "install-agent.ps1")
        #expect(windows.script.interpreter == .powerShell)
        #expect(
            windows.script.runCommand == #"powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\install-agent.ps1"#
        )
        let lines = windows.script.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("$DataCenter = '\(dc)'"))
        #expect(lines.contains("$RegistrationToken = '7KQ2-M9XD-4TRB'"))
        #expect(lines.contains("$Components = 'agentForWindows,commandLine,trayMonitor'"))
        #expect(lines.contains("$AgentAccount = 'system'"))
        #expect(lines.contains(#"    "--reg-token=$RegistrationToken","#))
        #expect(
            lines.contains("$process = Start-Process -FilePath $Installer -ArgumentList $arguments -Wait -PassThru")
        )
        #expect(lines.contains("if ($exitCode -ne 0) {"))
    }

    @Test("Linux: the user guide's one command, the two-step alternative and the script", arguments: F.dataCenters)
    func linuxGolden(dc: String) throws {
        let linux = try F.instructions(dc, .linux)
        #expect(linux.registrationAddress == dc)
        #expect(linux.steps.map(\.shell) == [.posixShell, .posixShell])
        #expect(
            linux.steps[0].command
                == "sudo ./Cyber_Protection_Agent_for_Linux_x86_64.bin -a --rain=\(dc) --token=7KQ2-M9XD-4TRB"
        )
        #expect(
            linux.steps[1].command
                == "sudo ./Cyber_Protection_Agent_for_Linux_x86_64.bin -a --skip-registration\n"
                + #"sudo bash -c 'read -rsp "Registration token: " TOKEN && echo && exec "#
                + "/usr/lib/Acronis/RegisterAgentTool/RegisterAgent -o register -t cloud -a \(dc) "
                + #"--token "$TOKEN"'"#
        )
        #expect(!linux.steps[1].command.contains(F.token))
        #expect(linux.script.filename == "install-agent.sh")
        #expect(linux.script.interpreter == .posixShell)
        #expect(linux.script.runCommand == "sudo sh install-agent.sh")
        let lines = linux.script.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "#!/bin/sh")
        #expect(lines.contains("set -eu"))
        #expect(lines.contains("DATA_CENTER='\(dc)'"))
        #expect(lines.contains("REGISTRATION_TOKEN='7KQ2-M9XD-4TRB'"))
        #expect(
            lines.contains(
                #"    "$INSTALLER" -a --skip-registration || fail "the installer failed with exit status $?""#
            )
        )
        #expect(
            lines.contains {
                $0.hasPrefix(
                    #""$REGISTER_AGENT" -o register -t cloud -a "$DATA_CENTER" --token "$REGISTRATION_TOKEN" ||"#
                )
            }
        )
        #expect(lines.contains(#"[ "$(id -u)" -eq 0 ] || fail "run this script as root: sudo sh install-agent.sh""#))
    }

    @Test("macOS: install from the disk image, then RegisterAgent --token", arguments: F.dataCenters)
    func macGolden(dc: String) throws {
        let mac = try F.instructions(dc, .macos)
        #expect(mac.registrationAddress == dc)
        #expect(
            mac.steps[0].command == """
                MNT=$(mktemp -d)
                hdiutil attach Cyber_Protection_Agent_for_MAC_x64.dmg -mountpoint "$MNT"
                sudo installer -pkg "$MNT/Install.pkg" -target LocalSystem
                hdiutil detach "$MNT"
                """
        )
        #expect(
            mac.steps[1].command
                == #"sudo "/Library/Application Support/BackupClient/Acronis/RegisterAgentTool/RegisterAgent" "#
                + "-o register -t cloud -a \(dc) --token 7KQ2-M9XD-4TRB"
        )
        #expect(mac.steps[1].notes.contains { $0.contains("not in the user guide") && $0.contains("unconfirmed") })
        #expect(mac.steps[0].notes.contains { $0.contains("PPPC") && $0.contains("ZU2TV78AA6") })
        #expect(mac.warnings.contains { $0.contains("SystemPolicyAllFiles") })
        let lines = mac.script.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("DATA_CENTER='\(dc)'"))
        #expect(lines.contains("REGISTRATION_TOKEN='7KQ2-M9XD-4TRB'"))
        #expect(
            lines.contains(
                "REGISTER_AGENT='/Library/Application Support/BackupClient/Acronis/RegisterAgentTool/RegisterAgent'"
            )
        )
        #expect(lines.contains { $0.contains(#"installer -pkg "$MOUNT_POINT/Install.pkg" -target LocalSystem"#) })
    }

    @Test("an IPv6 loopback DC is quoted where a shell needs it")
    func ipv6Quoting() throws {
        let dc = "http://[::1]:8080"
        let all = try F.render(dc)
        #expect(all[0].steps[0].command.contains(#" "--reg-address=http://[::1]:8080" "#))
        #expect(all[0].steps[1].command.contains(" REGISTRATION_ADDRESS=\"http://[::1]:8080\" "))
        #expect(all[1].steps[0].command.contains(" '--rain=http://[::1]:8080' "))
        #expect(all[1].steps[1].command.contains(#"-a '\''http://[::1]:8080'\'' --token"#))
        #expect(all[2].steps[1].command.contains(" -a 'http://[::1]:8080' --token "))
    }

    // MARK: The exact DC URL everywhere

    @Test("every instruction carries the exact DC URL and no other address", arguments: F.dataCenters)
    func exactURLEverywhere(dc: String) throws {
        for given in [dc, dc + "/", dc + "/api/2"] {
            let all = try F.render(given)
            #expect(all.map(\.platform) == [.windows, .linux, .macos])
            for instructions in all {
                #expect(instructions.registrationAddress == dc)
                #expect(instructions.script.contents.contains(dc))
                let registering = instructions.steps.filter {
                    $0.command.contains(F.token) || $0.command.contains("$TOKEN")
                }
                #expect(!registering.isEmpty)
                for text in registering.map(\.command) + [instructions.script.contents] {
                    #expect(text.contains(dc))
                    // Every URL in a command or script is the DC itself, never with a path or a trailing slash.
                    let urls = text.split(whereSeparator: { " '\"\n=".contains($0) }).filter { $0.contains("://") }
                    for url in urls {
                        let trimmed = url.hasSuffix(".") ? url.dropLast() : url
                        #expect(trimmed == dc[...], "unexpected address \(url) in \(instructions.platform)")
                    }
                }
                let hint = try #require(instructions.downloadHint)
                #expect(hint.url.absoluteString.hasPrefix(dc + "/bc/api/ams/links/agents/redirect?"))
            }
        }
    }

    // MARK: Download hints

    @Test("download hints follow the unofficial pattern and say so")
    func downloadHints() throws {
        let all = try F.render(F.httpsDC)
        let expected = ["windows", "linux", "apple"].map {
            "https://eu2-cloud.acronis.com/bc/api/ams/links/agents/redirect?language=multi&channel=CURRENT"
                + "&system=\($0)&architecture=64&productType=enterprise"
        }
        #expect(all.compactMap { $0.downloadHint?.url.absoluteString } == expected)
        for hint in all.compactMap(\.downloadHint) {
            #expect(hint.isOfficial == false)
            #expect(hint.note == "unofficial link pattern seen in third-party scripts; not in the API docs")
        }
        let json = String(decoding: try JSONEncoder().encode(try #require(all[0].downloadHint)), as: UTF8.self)
        #expect(json.contains(#""official":false"#))
    }

    // MARK: Warnings

    @Test("warnings: token handling everywhere, simulator URL only for loopback, process list per platform")
    func warnings() throws {
        for instructions in try F.render(F.httpsDC) {
            #expect(instructions.warnings.contains { $0.contains("contain the registration token") })
            #expect(!instructions.warnings.contains { $0.contains("simulator") })
            #expect(instructions.warnings.contains { $0.contains("process list") })
        }
        for instructions in try F.render(F.loopbackDC) {
            #expect(instructions.warnings.contains { $0.contains("plain http") && $0.contains("simulator") })
        }
        let linux = try F.instructions(F.httpsDC, .linux)
        #expect(linux.warnings.contains { $0.contains("visible in the process list") })
    }

    // MARK: Options

    @Test("the new-account service account switches both the EXE and the MSI form")
    func newAccount() throws {
        let windows = try F.instructions(F.httpsDC, .windows, options: .init(serviceAccount: .newAccount))
        #expect(windows.steps[0].command.contains(" --agent-account=new "))
        #expect(windows.steps[1].command.contains(" MMS_CREATE_NEW_ACCOUNT=1 "))
        #expect(!windows.steps[1].command.contains("MMS_USE_SYSTEM_ACCOUNT"))
        #expect(windows.script.contents.contains("$AgentAccount = 'new'"))
    }

    @Test("Windows components: deduplicated, mapped to MSI features where documented, warned where not")
    func windowsComponents() throws {
        let options = InstallOptions(windowsComponents: [
            "agentForWindows", "agentForSql", "agentForAmp", "agentForWindows",
        ])
        let windows = try F.instructions(F.httpsDC, .windows, options: options)
        #expect(windows.steps[0].command.contains(" --add-components=agentForWindows,agentForSql,agentForAmp "))
        #expect(windows.steps[1].command.contains(" ADDLOCAL=MmsMspComponents,BackupAndRecoveryAgent,AmpAgentFeature "))
        #expect(windows.warnings.contains { $0.contains("No MSI feature is documented for agentForSql") })
        #expect(windows.script.contents.contains("$Components = 'agentForWindows,agentForSql,agentForAmp'"))
        let defaults = try F.instructions(F.httpsDC, .windows)
        #expect(!defaults.warnings.contains { $0.contains("No MSI feature") })
    }

    @Test("Linux components go to -i in every Linux command")
    func linuxComponents() throws {
        let options = InstallOptions(linuxComponents: [
            "BackupAndRecoveryAgent", "MySQLAgentFeature", "MySQLAgentFeature",
        ])
        let linux = try F.instructions(F.httpsDC, .linux, options: options)
        #expect(
            linux.steps[0].command
                == "sudo ./Cyber_Protection_Agent_for_Linux_x86_64.bin -i BackupAndRecoveryAgent,MySQLAgentFeature -a "
                + "--rain=https://eu2-cloud.acronis.com --token=7KQ2-M9XD-4TRB"
        )
        #expect(
            linux.steps[1].command.hasPrefix(
                "sudo ./Cyber_Protection_Agent_for_Linux_x86_64.bin -i BackupAndRecoveryAgent,MySQLAgentFeature -a --skip-registration\n"
            )
        )
        #expect(
            linux.script.contents.contains(
                #""$INSTALLER" -i BackupAndRecoveryAgent,MySQLAgentFeature -a --skip-registration || fail"#
            )
        )
    }

    @Test(
        "invalid options are refused with the option named and a fix",
        arguments: [
            (InstallOptions(windowsComponents: []), InstallCommandError.noComponents, "windows_components is empty"),
            (InstallOptions(windowsComponents: ["agentforsql"]), .unknownComponent, "did you mean agentForSql?"),
            (
                InstallOptions(windowsComponents: ["agentForWindows;calc.exe"]), .unknownComponent,
                "known components: agentForWindows"
            ),
            (InstallOptions(linuxComponents: []), .noComponents, "leave linux_components out"),
            (
                InstallOptions(linuxComponents: ["BackupAndRecoveryAgent", "$(reboot)"]), .unknownComponent,
                "linux_components lists \"$(reboot)\""
            ),
            (InstallOptions(linuxComponents: ["MySQLAgentFeature"]), .missingRequiredComponent, "add it"),
        ]
    )
    func invalidOptions(options: InstallOptions, expected: InstallCommandError, phrase: String) throws {
        // Options are validated even when the platform they concern is not requested.
        let error = #expect(throws: expected) { try F.render(F.httpsDC, [.macos], options: options) }
        let message = try #require(error).message
        #expect(message.contains(phrase), "\(message)")
    }

    @Test("options decode from snake_case JSON with defaults for missing keys")
    func optionsCoding() throws {
        let empty = try JSONDecoder().decode(InstallOptions.self, from: Data("{}".utf8))
        #expect(empty == InstallOptions())
        #expect(empty.windowsComponents == ["agentForWindows", "commandLine", "trayMonitor"])
        #expect(empty.serviceAccount == .localSystem)
        let json = #"{"service_account":"new","linux_components":["BackupAndRecoveryAgent"]}"#
        let decoded = try JSONDecoder().decode(InstallOptions.self, from: Data(json.utf8))
        #expect(decoded == InstallOptions(linuxComponents: ["BackupAndRecoveryAgent"], serviceAccount: .newAccount))
        let roundTrip = try JSONDecoder().decode(InstallOptions.self, from: try JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
    }

    // MARK: Token

    @Test(
        "tokens that are not XXXX-XXXX-XXXX are refused without being shown",
        arguments: [
            "7kq2-m9xd-4trb", "7KQ2M9XD4TRB", " 7KQ2-M9XD-4TRB", "7KQ2-M9XD-4TRB\n", "7KQ2-M9XD-4TR", "7KQ2-M9XD-4TRB-",
            "ÄKQ2-M9XD-4TRB", "7KQ2_M9XD_4TRB", "", "7KQ2-M9XD-4TR'", "$(ID)-AAAA-BBBB", "7KQ2-M9XD-4TRB; reboot",
        ]
    )
    func invalidToken(token: String) throws {
        let error = #expect(throws: InstallCommandError.invalidRegistrationToken) {
            try F.render(F.httpsDC, token: token)
        }
        let message = try #require(error).message
        #expect(message.contains("XXXX-XXXX-XXXX"))
        if !token.isEmpty { #expect(!message.contains(token)) }
    }

    @Test("valid tokens of letters and digits are accepted", arguments: ["AAAA-0000-ZZZZ", "0000-0000-0000", F.token])
    func validToken(token: String) throws {
        let all = try F.render(F.httpsDC, token: token)
        #expect(all.allSatisfy { $0.script.contents.contains(token) })
    }

    // MARK: Shape

    @Test("platforms render in the order given, once each; none renders nothing")
    func platforms() throws {
        #expect(try F.render(F.httpsDC, [.linux, .windows, .linux]).map(\.platform) == [.linux, .windows])
        #expect(try F.render(F.httpsDC, []).isEmpty)
    }

    @Test("rendering is deterministic and round-trips through JSON")
    func deterministic() throws {
        let first = try F.render(F.httpsDC)
        #expect(try F.render(F.httpsDC) == first)
        let decoded = try JSONDecoder().decode([AgentInstallInstructions].self, from: try JSONEncoder().encode(first))
        #expect(decoded == first)
    }

    @Test("descriptions never show the token")
    func redactedDescriptions() throws {
        for instructions in try F.render(F.httpsDC) {
            let texts =
                [
                    "\(instructions)", String(reflecting: instructions), "\(instructions.script)",
                    String(reflecting: instructions.script),
                ] + instructions.steps.flatMap { ["\($0)", String(reflecting: $0)] }
            for text in texts {
                #expect(!text.contains(F.token), "\(text)")
                #expect(text.contains("<redacted>"))
            }
        }
    }

    @Test("AgentPlatform's raw values are the request's names")
    func platformNames() throws {
        #expect(AgentPlatform.allCases.map(\.rawValue) == ["windows", "linux", "macos"])
        let decoded = try JSONDecoder().decode([AgentPlatform].self, from: Data(#"["macos","windows"]"#.utf8))
        #expect(decoded == [.macos, .windows])
        #expect(AgentServiceAccount.allCases.map(\.rawValue) == ["system", "new"])
    }
}
