import Foundation
import OnboardCore
import Testing

@Suite("Install scripts: syntax and token hygiene")
struct InstallScriptSyntaxTests {
    typealias F = AgentFixtures

    static let optionSets = [
        InstallOptions(),
        InstallOptions(
            windowsComponents: ["agentForWindows", "agentForSql"],
            linuxComponents: ["BackupAndRecoveryAgent"],
            serviceAccount: .newAccount
        ),
    ]

    /// Every rendered script for both data centres and both option sets.
    static func allScripts() throws -> [(AgentPlatform, InstallScript)] {
        try F.dataCenters.flatMap { dc in
            try optionSets.flatMap { options in try F.render(dc, options: options).map { ($0.platform, $0.script) } }
        }
    }

    static let pwsh = ScriptProcess.executable(
        "/usr/bin/pwsh",
        "/usr/local/bin/pwsh",
        "/opt/microsoft/powershell/7/pwsh"
    )

    private func withSavedScript<T>(_ script: InstallScript, _ body: (URL) throws -> T) throws -> T {
        let directory = try ScriptProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: script.filename)
        try script.contents.write(to: file, atomically: true, encoding: .utf8)
        return try body(file)
    }

    @Test("the sh scripts pass sh -n and bash -n")
    func posixSyntax() throws {
        let shells = ["/bin/sh", "/bin/bash", "/bin/dash"].filter { FileManager.default.isExecutableFile(atPath: $0) }
        #expect(shells.contains("/bin/sh"))
        for (platform, script) in try Self.allScripts() where script.interpreter == .posixShell {
            try withSavedScript(script) { file in
                for shell in shells {
                    let result = try ScriptProcess.run(shell, ["-n", file.path])
                    #expect(result.status == 0 && result.output.isEmpty, "\(shell) -n \(platform): \(result.output)")
                }
            }
        }
    }

    @Test(
        "the PowerShell script parses with pwsh",
        .enabled(if: pwsh != nil, "pwsh is not installed on this machine: PowerShell syntax check skipped")
    )
    func powerShellSyntax() throws {
        let pwsh = try #require(Self.pwsh)
        for (_, script) in try Self.allScripts() where script.interpreter == .powerShell {
            try withSavedScript(script) { file in
                let check =
                    "$errors = $null; $null = [System.Management.Automation.Language.Parser]::ParseFile("
                    + "'\(file.path)', [ref]$null, [ref]$errors); if ($errors) { $errors | Out-String; exit 1 }"
                let result = try ScriptProcess.run(pwsh, ["-NoProfile", "-NonInteractive", "-Command", check])
                #expect(result.status == 0, "\(result.output)")
            }
        }
    }

    @Test("the PowerShell script's brackets and quotes balance (a structural check that runs without pwsh)")
    func powerShellBalanced() throws {
        for (_, script) in try Self.allScripts() where script.interpreter == .powerShell {
            #expect(PowerShellStructure.check(script.contents) == nil)
        }
        #expect(PowerShellStructure.check("if ($a) { 'x' ") != nil)
        #expect(PowerShellStructure.check("Write-Host 'it''s") != nil)
        #expect(PowerShellStructure.check("Write-Host \"a`\"b\" # ) comment") == nil)
    }

    @Test("scripts are ASCII with LF line endings and end with a newline")
    func encoding() throws {
        for (platform, script) in try Self.allScripts() {
            #expect(
                script.contents.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "\n" || $0.value >= 0x20) },
                "\(platform)"
            )
            #expect(!script.contents.contains("\r"))
            #expect(script.contents.hasSuffix("\n"))
        }
    }

    @Test("the token appears once, on its assignment line, and no line prints, traces or sudo-runs it")
    func tokenHygiene() throws {
        for (platform, script) in try Self.allScripts() {
            let lines = script.contents.split(separator: "\n").map(String.init)
            let withToken = lines.filter { $0.contains(F.token) }
            #expect(withToken.count == 1, "\(platform)")
            let assignment = script.interpreter == .powerShell ? "$RegistrationToken = '" : "REGISTRATION_TOKEN='"
            #expect(withToken.first?.hasPrefix(assignment) == true, "\(platform)")
            let code = lines.filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            for line in code {
                // Messages may mention sudo; commands may not (the scripts run as root).
                let unquoted = Self.withoutQuotedText(line)
                #expect(!unquoted.contains("sudo"), "\(platform): \(line)")
                #expect(!unquoted.contains("history"), "\(platform): \(line)")
                #expect(!line.contains("set -x") && !line.contains("set -o xtrace") && !line.contains("Set-PSDebug"))
                let prints = ["echo", "printf", "Write-Host", "Write-Output", "Write-Verbose", "WriteLine", "fail "]
                if prints.contains(where: line.contains) {
                    let printed = line.components(separatedBy: "||").last ?? line
                    #expect(!printed.contains("TOKEN") && !printed.contains("Token"), "\(platform): \(line)")
                }
            }
        }
    }

    /// `line` with the contents of its single- and double-quoted strings removed.
    static func withoutQuotedText(_ line: String) -> String {
        var result = ""
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil; result.append(character) }
            } else {
                if character == "'" || character == "\"" { quote = character }
                result.append(character)
            }
        }
        return result
    }

    @Test("the typed Linux and macOS steps that carry the token name their history exposure")
    func stepHistoryNotes() throws {
        for instructions in try F.render(F.httpsDC) where instructions.platform != .windows {
            for step in instructions.steps where step.command.contains(F.token) {
                #expect(step.notes.contains { $0.contains("history") && $0.contains("sudo's log") }, "\(step.title)")
            }
        }
    }
}

/// A small PowerShell tokenizer that checks that (), {}, @() and quotes balance, skipping strings and comments.
enum PowerShellStructure {
    /// `nil` when balanced, else where it went wrong.
    static func check(_ text: String) -> String? {
        var stack: [Character] = []
        let iterator = Array(text)
        var index = 0
        func peek(_ offset: Int = 1) -> Character? { index + offset < iterator.count ? iterator[index + offset] : nil }
        while index < iterator.count {
            let c = iterator[index]
            switch c {
            case "#":
                while index < iterator.count && iterator[index] != "\n" { index += 1 }
            case "'":
                index += 1
                while true {
                    guard index < iterator.count else { return "unterminated single-quoted string" }
                    if iterator[index] == "'" {
                        if peek() == "'" { index += 2; continue }
                        break
                    }
                    index += 1
                }
            case "\"":
                index += 1
                while true {
                    guard index < iterator.count else { return "unterminated double-quoted string" }
                    if iterator[index] == "`" { index += 2; continue }
                    if iterator[index] == "\"" {
                        if peek() == "\"" { index += 2; continue }
                        break
                    }
                    index += 1
                }
            case "(", "{", "[":
                stack.append(c)
            case ")", "}", "]":
                let open: Character = c == ")" ? "(" : c == "}" ? "{" : "["
                guard stack.popLast() == open else { return "unbalanced \(c) at offset \(index)" }
            default:
                break
            }
            index += 1
        }
        return stack.isEmpty ? nil : "unclosed \(stack)"
    }
}
