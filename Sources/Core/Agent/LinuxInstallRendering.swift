/// The Linux commands and script (acronis-api.md §7.3, §7.5).
enum LinuxInstallRendering {
    static let installer = "Cyber_Protection_Agent_for_Linux_x86_64.bin"
    static let registerAgent = "/usr/lib/Acronis/RegisterAgentTool/RegisterAgent"
    static let scriptName = "install-agent.sh"

    static func render(_ context: AgentRenderContext) throws(InstallCommandError) -> AgentInstallInstructions {
        var warnings = context.commonWarnings
        warnings.append(
            "The token is visible in the process list (ps) to every local user while the installer or "
                + "RegisterAgent runs with it; \(scriptName) gives it to RegisterAgent only, not to the installer."
        )
        warnings.append(
            "\(scriptName) and the alternative step register with RegisterAgent --token, a form taken from reseller "
                + "copies of Acronis instructions rather than the user guide (unconfirmed). If it is refused, use "
                + "the user guide's one-command form."
        )
        return AgentInstallInstructions(
            platform: .linux,
            registrationAddress: context.address.string,
            steps: [try installStep(context), try twoStepAlternative(context)],
            script: try script(context),
            downloadHint: DownloadHint.unofficial(for: .linux, at: context.address),
            warnings: warnings
        )
    }

    /// `-i <components>` when components are chosen, else nothing.
    static func componentArguments(_ context: AgentRenderContext) throws(InstallCommandError) -> [String] {
        guard let components = context.linuxComponents else { return [] }
        return ["-i", try ShellQuoting.posixWord(components.joined(separator: ","))]
    }

    /// The user guide's one-command form: install and register with `--rain` and `--token`.
    static func installStep(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallStep {
        let command =
            ["sudo", "./" + installer] + (try componentArguments(context)) + [
                "-a",
                try ShellQuoting.posixWord("--rain=" + context.address.string),
                try ShellQuoting.posixWord("--token=" + context.token.revealed),
            ]
        return InstallStep(
            title: "Install and register the agent",
            command: command.joined(separator: " "),
            shell: .posixShell,
            notes: [
                "Run in the folder holding the installer downloaded from the console (Devices > Add > Linux); make "
                    + "it executable first with chmod +x \(installer).",
                "Form of the user guide, \"Unattended installation or uninstallation parameters\": --rain is "
                    + "mandatory with --token and must be the exact data-centre URL.",
                "Typed like this, the token stays in the shell history and in sudo's log (auth.log or the journal), "
                    + "and shows in the process list for the whole installation. The alternative below and "
                    + "\(scriptName) avoid the history and the log.",
            ]
        )
    }

    /// Install with `--skip-registration`, then register with the token read from the terminal by a root shell, so
    /// that it reaches neither the shell history nor sudo's log.
    static func twoStepAlternative(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallStep {
        let install = (["sudo", "./" + installer] + (try componentArguments(context)) + ["-a", "--skip-registration"])
            .joined(separator: " ")
        let register =
            #"read -rsp "Registration token: " TOKEN && echo && exec \#(registerAgent) -o register -t cloud -a "#
            + (try ShellQuoting.posixWord(context.address.string)) + #" --token "$TOKEN""#
        return InstallStep(
            title: "Alternative: install, then register without the token in shell history or sudo's log",
            command: install + "\n" + "sudo bash -c " + (try ShellQuoting.posix(register)),
            shell: .posixShell,
            notes: [
                "Paste the token at the prompt; it is not echoed. sudo logs the literal command, which holds "
                    + "\"$TOKEN\", not the token.",
                "The reseller pattern behind this (install with --skip-registration, read -rs, then RegisterAgent "
                    + "--token) runs sudo with the expanded token, which sudo logs; reading the token inside the "
                    + "root shell avoids that.",
            ]
        )
    }

    /// `install-agent.sh`: runs as root, installs with `--skip-registration`, registers with RegisterAgent.
    static func script(_ context: AgentRenderContext) throws(InstallCommandError) -> InstallScript {
        let dataCenter = try ShellQuoting.posix(context.address.string)
        let token = try ShellQuoting.posix(context.token.revealed)
        let defaultInstaller = try ShellQuoting.posixWord("./" + installer)
        let registerAgentPath = try ShellQuoting.posix(registerAgent)
        let install = (["\"$INSTALLER\""] + (try componentArguments(context)) + ["-a", "--skip-registration"])
            .joined(separator: " ")
        let runCommand = "sudo sh \(scriptName)"
        let contents = #"""
            #!/bin/sh
            # \#(scriptName): installs the Cyber Protection agent for Linux and registers it with
            # \#(context.address.string).
            #
            # Generated by onboard. This file contains the agent registration token: store it like a
            # password and delete it once the agents are registered. The script never prints the token.
            #
            # Usage, as root, in the folder holding the installer:
            #   \#(runCommand) [path/to/\#(installer)]
            #
            # The agent is installed with --skip-registration, then registered with RegisterAgent. The
            # token is thus on a command line (visible in the process list) only while RegisterAgent
            # runs, and never in shell history or sudo's log. Run it again after a failed registration:
            # an installed agent is only registered.
            set -eu

            DATA_CENTER=\#(dataCenter)
            REGISTRATION_TOKEN=\#(token)
            INSTALLER=${1:-\#(defaultInstaller)}
            REGISTER_AGENT=\#(registerAgentPath)

            fail() {
                echo "\#(scriptName): $*" >&2
                exit 1
            }

            [ "$(id -u)" -eq 0 ] || fail "run this script as root: \#(runCommand)"

            if [ -x "$REGISTER_AGENT" ]; then
                echo "\#(scriptName): the agent is already installed; registering it only"
            else
                case $INSTALLER in
                    /* | ./* | ../*) ;;
                    *) INSTALLER=./$INSTALLER ;;
                esac
                [ -f "$INSTALLER" ] || fail "installer not found: $INSTALLER (download the agent for Linux from the Cyber Protect console, Devices > Add, and pass its path as the first argument)"
                [ -x "$INSTALLER" ] || chmod u+x "$INSTALLER" || fail "cannot make $INSTALLER executable"
                echo "\#(scriptName): installing the agent"
                \#(install) || fail "the installer failed with exit status $?"
                [ -x "$REGISTER_AGENT" ] || fail "the installer finished but $REGISTER_AGENT is missing"
            fi

            echo "\#(scriptName): registering the agent with $DATA_CENTER"
            "$REGISTER_AGENT" -o register -t cloud -a "$DATA_CENTER" --token "$REGISTRATION_TOKEN" || fail "registration failed with exit status $?; check that the token has not expired, then run this script again"
            echo "\#(scriptName): the agent is installed and registered with $DATA_CENTER"

            """#
        return InstallScript(filename: scriptName, interpreter: .posixShell, runCommand: runCommand, contents: contents)
    }
}
