import ArgumentParser
import OnboardCore

/// `onboardctl cancel ID`: stops an onboarding before its next step.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel an onboarding before its next step (what earlier steps created stays; retry resumes it)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    func run() async throws {
        let id = self.id
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.cancel, OnboardingIDParams(id: id), as: OnboardingSummary.self)
            invocation.emit(reply.json) { "\(reply.value.id) (\(reply.value.customer)): \(OnboardingRendering().stateText(reply.value))" }
            return .success
        }
    }
}
