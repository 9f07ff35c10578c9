import ArgumentParser
import OnboardCore

/// `onboardctl`, the control CLI of `onboardd`. Its commands arrive with the daemon issue.
@main
struct OnboardCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboardctl",
        abstract: "Controls onboardd: submit onboarding requests and follow them.",
        version: OnboardVersion.current
    )

    func run() async throws {
        throw ValidationError("no commands yet in this version; see README.md")
    }
}
