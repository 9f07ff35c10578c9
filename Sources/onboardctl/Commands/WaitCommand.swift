import ArgumentParser
import OnboardCore

/// `onboardctl wait ID`: follows an onboarding to its end; the exit status says how it ended.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until an onboarding has ended, printing its progress; exit 0 if it succeeded, 1 if it failed or was cancelled.",
        discussion: """
            An onboarding that is waiting to retry after a transient failure has not ended; wait keeps waiting. \
            With --json, prints one event object per line, then the onboarding (the result of onboarding.wait). \
            Ctrl-C stops waiting; the onboarding goes on in onboardd.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The onboarding's id.", valueName: "id"))
    var id: String

    func run() async throws {
        let id = self.id
        try await Invocation.run(global, streaming: true) { invocation in
            let detail = try await invocation.session.call(.get, OnboardingIDParams(id: id), as: OnboardingDetail.self)
            let waiter = OnboardingWaiter(invocation: invocation)
            let target = OnboardingWaiter.Target(id: id, label: detail.value.onboarding.customer)
            let final = try await SignalInterruption.run(hint: "onboarding \(id) goes on in onboardd; wait for it again with `onboardctl wait \(id)`") {
                try await waiter.wait(for: target)
            }
            invocation.emit(final.json) { Self.outcome(final.value) }
            return .forOutcome(final.value.state)
        }
    }

    /// The last line: how it ended and, unless it succeeded, why and what to do.
    static func outcome(_ summary: OnboardingSummary) -> String {
        let name = "\(summary.id) (\(summary.customer))"
        switch summary.state {
        case .succeeded:
            return "\(name) succeeded; get the credentials with `onboardctl credentials \(summary.id)`"
        case .failed:
            return "\(name) failed at step \(summary.step.rawValue): \(ProgressLine.oneLine(summary.reason ?? "no reason given")); after fixing the cause, run `onboardctl retry \(summary.id)`"
        case .cancelled:
            return "\(name) was cancelled" + (summary.reason.map { ": \(ProgressLine.oneLine($0))" } ?? "") + "; `onboardctl retry \(summary.id)` starts it again"
        default:
            return "\(name) is \(summary.state.rawValue) at step \(summary.step.rawValue)"
        }
    }
}
