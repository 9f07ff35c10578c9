import ArgumentParser
import OnboardCore

/// `onboardctl credentials ID`: the admin login and password and the agent registration token, to hand to the
/// customer. Needs the credentials tier (root, or the admin group).
struct CredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Show the admin login and password and the agent registration token with its expiry (secret).",
        discussion: "Needs root or membership of the admin group configured in onboardd. The output is secret; a warning is printed on standard error."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    func run() async throws {
        let id = self.id
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.credentials, OnboardingIDParams(id: id), as: CredentialsResult.self)
            invocation.note(SecretRendering.warning)
            invocation.emit(reply.json) { SecretRendering.credentials(reply.value) }
            return .success
        }
    }
}
