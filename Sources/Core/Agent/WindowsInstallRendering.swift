/// The Windows commands and script (acronis-api.md §7.1, §7.2).
enum WindowsInstallRendering {
    static let webInstaller = "AgentForWindows_web.exe"
    static let msiPackage = "BackupClient64.msi"
    static let installDirectory = #"C:\Program Files\BackupClient"#
    static let scriptName = "install-agent.ps1"

    static func render(_ context: AgentRenderContext) throws(InstallCommandError) -> AgentInstallInstructions {
        let unmapped = context.windowsComponents.filter { AgentComponents.msiFeatures[$0] == nil }
        var warnings = context.commonWarnings
        warnings.append(
            "The token is visible to administrators in the process list (for example the command line of "
                + "Win32_Process) while the installer runs."
        )
        warnings.append(
            "If PowerShell script block logging or transcription is enabled by policy, the text of "
                + "\(scriptName), token included, is recorded in the event log or the transcript."
        )
        if !unmapped.isEmpty {
            warnings.append(
                "No MSI feature is documented for \(unmapped.joined(separator: ", ")): the MSI command does not "
                    + "install \(unmapped.count == 1 ? "it" : "them"). Use the EXE installer or \(scriptName)."
            )
        }
        return AgentInstallInstructions(
            platform: .windows,
            registrationAddress: context.address.string,
            steps: [try exeStep(context), try msiStep(context)],
            script: try script(context),
            downloadHint: DownloadHint.unofficial(for: .windows, at: context.address),
            warnings: warnings
        )
    }

    /// The EXE form of the user guide, with the service account made explicit.
    static func exeStep(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallStep {
        let arguments = [
            try ShellQuoting.cmd("--add-components=" + context.windowsComponents.joined(separator: ",")),
            try ShellQuoting.cmd(context.serviceAccount.exeArgument),
            try ShellQuoting.cmd("--reg-address=" + context.address.string),
            try ShellQuoting.cmd("--reg-token=" + context.token.revealed),
            "--quiet",
        ]
        return InstallStep(
            title: "Install and register the agent (EXE installer)",
            command: ([webInstaller] + arguments).joined(separator: " "),
            shell: .cmd,
            notes: [
                "Run in an elevated Command Prompt in the folder holding the installer downloaded from the console "
                    + "(Devices > Add > Windows). The full installer (Cyber_Protection_Agent_for_Windows_x64.exe) "
                    + "takes the same options; in PowerShell, start it as .\\\(webInstaller).",
                "Form of the user guide, \"Parameters for unattended installation (EXE)\". "
                    + "\(context.serviceAccount.exeArgument) states the service account explicitly so that the EXE "
                    + "and MSI forms install the same thing.",
                "Typed into a console, the token stays in its command history; \(scriptName) avoids that.",
            ]
        )
    }

    /// The MSI form of the user guide.
    static func msiStep(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallStep {
        var features = [AgentComponents.msiBaseFeature]
        for component in context.windowsComponents {
            for feature in AgentComponents.msiFeatures[component] ?? [] where !features.contains(feature) {
                features.append(feature)
            }
        }
        let command = [
            "msiexec.exe", "/i", msiPackage, "/l*v", "install.log", "/qn",
            try ShellQuoting.msiProperty("ADDLOCAL", features.joined(separator: ",")),
            try ShellQuoting.msiProperty("TARGETDIR", installDirectory),
            try ShellQuoting.msiProperty("REBOOT", "ReallySuppress"),
            context.serviceAccount.msiProperty,
            try ShellQuoting.msiProperty("REGISTRATION_ADDRESS", context.address.string),
            try ShellQuoting.msiProperty("REGISTRATION_TOKEN", context.token.revealed),
        ].joined(separator: " ")
        return InstallStep(
            title: "Alternative: install and register the agent from the MSI package",
            command: command,
            shell: .cmd,
            notes: [
                "The .msi is not downloaded on its own: extract \(msiPackage) (with its .mst and .cab files) "
                    + "beforehand with the setup program's option for creating files for unattended installation, "
                    + "then run this in an elevated Command Prompt in that folder.",
                "Form of the user guide, \"Unattended installation with MSI files\".",
                "The verbose log install.log may record property values, REGISTRATION_TOKEN included: delete it "
                    + "once the installation has succeeded.",
                "REBOOT=ReallySuppress defers any restart: exit code 3010 means installed, restart pending.",
            ]
        )
    }

    /// `install-agent.ps1`: runs the EXE installer with the token, checks its exit code, never prints the token.
    static func script(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallScript {
        let dataCenter = try ShellQuoting.powerShell(context.address.string)
        let token = try ShellQuoting.powerShell(context.token.revealed)
        let components = try ShellQuoting.powerShell(context.windowsComponents.joined(separator: ","))
        let account = try ShellQuoting.powerShell(context.serviceAccount.rawValue)
        let installer = try ShellQuoting.powerShell(webInstaller)
        let runCommand = #"powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\#(scriptName)"#
        let contents = #"""
            #Requires -RunAsAdministrator
            # \#(scriptName): installs the Cyber Protection agent for Windows and registers it with
            # \#(context.address.string).
            #
            # Generated by onboard. This file contains the agent registration token: store it like a
            # password and delete it once the agents are registered. The script never prints the token.
            #
            # Usage, in an elevated PowerShell in the folder holding the installer:
            #   \#(runCommand) [-Installer <path to the installer>]
            param(
                [string]$Installer = (Join-Path -Path $PSScriptRoot -ChildPath \#(installer))
            )
            Set-StrictMode -Version 2.0
            $ErrorActionPreference = 'Stop'

            $DataCenter = \#(dataCenter)
            $RegistrationToken = \#(token)
            $Components = \#(components)
            $AgentAccount = \#(account)

            if (-not (Test-Path -LiteralPath $Installer -PathType Leaf)) {
                [Console]::Error.WriteLine("\#(scriptName): installer not found: $Installer. Download the agent for Windows from the Cyber Protect console (Devices > Add) and pass its path with -Installer.")
                exit 1
            }

            Write-Host "Installing the agent and registering it with $DataCenter ..."
            $arguments = @(
                "--add-components=$Components",
                "--agent-account=$AgentAccount",
                "--reg-address=$DataCenter",
                "--reg-token=$RegistrationToken",
                '--quiet'
            )
            $process = Start-Process -FilePath $Installer -ArgumentList $arguments -Wait -PassThru
            $exitCode = $process.ExitCode
            if ($exitCode -eq 3010 -or $exitCode -eq 1641) {
                Write-Host "The agent is installed and registered with $DataCenter. Restart the machine to complete the installation."
                exit 0
            }
            if ($exitCode -ne 0) {
                [Console]::Error.WriteLine("\#(scriptName): the installer failed with exit code $exitCode. Its logs are in $env:ProgramData\Acronis\InstallationLogs.")
                exit $exitCode
            }
            Write-Host "The agent is installed and registered with $DataCenter."
            exit 0

            """#
        return InstallScript(filename: scriptName, interpreter: .powerShell, runCommand: runCommand, contents: contents)
    }
}
