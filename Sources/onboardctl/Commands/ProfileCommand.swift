import ArgumentParser
import OnboardCore

/// `onboardctl profile list | export`: the service profiles onboardd knows, and new ones copied from a customer.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "List the service profiles, or export a new one from an existing customer.",
        subcommands: [ProfileListCommand.self, ProfileExportCommand.self]
    )
}

/// `onboardctl profile list`.
struct ProfileListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the configured service profiles.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.profileList, as: ProfileListResult.self)
            invocation.emit(reply.json) { ProfileRendering.list(reply.value) }
            return .success
        }
    }
}

/// `onboardctl profile export --from-tenant X --name N [--partner P] [--output FILE]`.
struct ProfileExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a profile file copied from an existing customer's services (to standard output, or --output FILE).",
        discussion: """
            onboardd reads the customer's offering items, quotas and storage and returns the profile's text; it \
            does not write into the profiles folder. Save it with --output (mode 0644), review it, copy it into \
            the profiles folder and run `onboardctl reload`.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The customer to copy: its exact name or tenant UUID, directly under the partner tenant.", valueName: "tenant"))
    var fromTenant: String

    @Option(help: ArgumentHelp("The new profile's name (its file name without .json).", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The partner account (needed when several are configured).", valueName: "partner"))
    var partner: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the profile to this file (mode 0644) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace --output if it exists.")
    var force = false

    func run() async throws {
        let parameters = ProfileExportParams(fromTenant: fromTenant, partner: partner, name: name)
        let (output, force) = (self.output, self.force)
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.profileExport, parameters, as: ProfileExportResult.self)
            guard let output else {
                if invocation.json {
                    invocation.emit(reply.json) { "" }
                } else {
                    invocation.console.raw(reply.value.content.hasSuffix("\n") ? reply.value.content : reply.value.content + "\n")
                }
                return .success
            }
            try ProfileFileWriter.write(reply.value.content, to: output, replacing: force)
            invocation.emit(reply.json) { "" }
            invocation.note("wrote profile \(reply.value.name) to \(output); review it, copy it into the profiles folder and run `onboardctl reload`")
            return .success
        }
    }
}
