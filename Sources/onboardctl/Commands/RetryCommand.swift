import ArgumentParser
import OnboardCore

/// `onboardctl retry ID`: queues a failed or cancelled onboarding again, from the step that stopped it.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Queue a failed or cancelled onboarding again; it resumes at the step that stopped it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    func run() async throws {
        let id = self.id
        try await Invocation.run(global) { invocation in
            let reply = try await invocation.session.call(.retry, OnboardingIDParams(id: id), as: OnboardingSummary.self)
            invocation.emit(reply.json) { "\(reply.value.id) (\(reply.value.customer)): \(OnboardingRendering().stateText(reply.value))" }
            if !invocation.json { invocation.note("follow it with `onboardctl wait \(reply.value.id)`") }
            return .success
        }
    }
}
