import ArgumentParser
import OnboardCore

/// `onboardd`, the onboarding daemon. The service itself arrives with the daemon issue; today the
/// executable only reports its version.
@main
struct OnboarddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboardd",
        abstract: "Onboards customers onto Acronis Cyber Protect Cloud (daemon).",
        version: OnboardVersion.current
    )

    func run() async throws {
        throw ValidationError("the daemon is not implemented yet in this version; see README.md")
    }
}
