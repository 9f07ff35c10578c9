import ArgumentParser
import OnboardCore

/// `onboardctl daemon status`: what the daemon runs and how its DC connections are doing.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Report on onboardd itself.",
        subcommands: [DaemonStatusCommand.self],
        defaultSubcommand: DaemonStatusCommand.self
    )
}

/// `onboardctl daemon status`.
struct DaemonStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show version, protocol, pid, partners (DC, API token, request scheduler), onboardings per state, spool folder and profiles."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.daemonStatus, as: DaemonStatus.self)
            invocation.emit(reply.json) { DaemonStatusRendering().text(reply.value) }
            if reply.value.protocolVersion != ControlMethod.protocolVersion {
                invocation.note(
                    "warning: onboardd speaks control protocol \(reply.value.protocolVersion), this onboardctl \(ControlMethod.protocolVersion); install matching versions")
            }
            return .success
        }
    }
}
