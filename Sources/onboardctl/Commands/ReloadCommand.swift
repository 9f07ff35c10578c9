import ArgumentParser
import OnboardCore

/// `onboardctl reload [--wait]`: makes onboardd re-read its configuration and profiles (systemd's `ExecReload=`).
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make onboardd re-read its configuration file and profiles; returns once they are in use.",
        discussion: """
            daemon.reload answers only when the new configuration is live (or was refused, leaving the old one in \
            place), so reload always waits; --wait is accepted for `ExecReload=onboardctl reload --wait` in \
            onboardd.service. Settings that need a restart are listed on standard error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Return once the new configuration is in use (always the case; accepted for systemd's ExecReload=).")
    var wait = false

    func run() async throws {
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.reload, as: ReloadResult.self)
            let result = reply.value
            invocation.emit(reply.json) {
                "reloaded: partners " + (result.partners.isEmpty ? "none" : result.partners.joined(separator: ", ")) + "; profiles "
                    + (result.profiles.isEmpty ? "none" : result.profiles.joined(separator: ", "))
            }
            for item in result.notApplied { invocation.note("not applied until `systemctl restart onboardd`: \(item)") }
            return .success
        }
    }
}
