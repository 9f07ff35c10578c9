import ArgumentParser
import OnboardCore

// Lets `--state` and `--os` take the control API's own names, listed in `--help` and the completions.
extension OnboardingState: ExpressibleByArgument {}
extension AgentPlatform: ExpressibleByArgument {}
