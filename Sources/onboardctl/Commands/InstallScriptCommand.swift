import ArgumentParser
import OnboardCore

/// `onboardctl install-script ID [--os OS] [--script]`: the agent install and registration commands of an
/// onboarding, with its registration token. Needs the credentials tier.
struct InstallScriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-script",
        abstract: "Print the agent install and registration commands for a customer's machines (they hold the registration token).",
        discussion: """
            Without --os, prints the platforms of the request. --script prints only the unattended script for one \
            --os, to save to a file: onboardctl install-script ID --os linux --script > install-agent.sh. \
            With --json, prints the result of onboarding.install_script. Needs root or the admin group.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The machine's operating system.", valueName: "os"))
    var os: AgentPlatform?

    @Flag(help: "Print only the unattended script (needs --os).")
    var script = false

    func validate() throws {
        if script, os == nil { throw ValidationError("--script needs --os windows, --os linux or --os macos") }
        if script, global.json { throw ValidationError("--script prints the script itself; leave out --json") }
    }

    func run() async throws {
        let (id, os, scriptOnly) = (self.id, self.os, self.script)
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.installScript, InstallScriptParams(id: id, os: os), as: InstallScriptResult.self)
            let instructions = reply.value.instructions
            var warned: Set<String> = []
            for warning in instructions.flatMap(\.warnings) where warned.insert(warning).inserted {
                invocation.note("warning: " + warning)
            }
            if scriptOnly {
                guard let first = instructions.first else {
                    throw CLIError(message: "onboardd returned no instructions for \(os?.rawValue ?? "this onboarding")", status: .failure)
                }
                invocation.console.raw(first.script.contents)
                return .success
            }
            invocation.emit(reply.json) { SecretRendering.instructions(instructions, id: id) }
            return .success
        }
    }
}
