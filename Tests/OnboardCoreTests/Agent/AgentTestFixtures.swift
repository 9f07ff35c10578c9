import Foundation
import OnboardCore
import Testing

/// Inputs shared by the agent tests.
enum AgentFixtures {
    static let token = "7KQ2-M9XD-4TRB"
    static let httpsDC = "https://eu2-cloud.acronis.com"
    static let loopbackDC = "http://127.0.0.1:8443"
    static let dataCenters = [httpsDC, loopbackDC]

    static func render(
        _ dc: String,
        _ platforms: [AgentPlatform] = AgentPlatform.allCases,
        options: InstallOptions = .init(),
        token: String = token
    ) throws -> [AgentInstallInstructions] {
        try InstallCommandRenderer().render(
            dataCenterURL: try #require(URL(string: dc)),
            registrationToken: Secret(token),
            platforms: platforms,
            options: options
        )
    }

    static func instructions(
        _ dc: String,
        _ platform: AgentPlatform,
        options: InstallOptions = .init()
    ) throws -> AgentInstallInstructions {
        try #require(try render(dc, [platform], options: options).first)
    }
}
