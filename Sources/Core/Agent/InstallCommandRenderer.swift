import Foundation

/// Renders the agent install commands and scripts for a customer from its registration token.
///
/// For each requested platform the renderer produces the user guide's commands as ``InstallStep``s, an unattended
/// ``InstallScript``, an unofficial ``DownloadHint`` and the warnings the operator needs (acronis-api.md §7):
///
/// - **Windows:** the EXE installer (`--reg-address`, `--reg-token`), the MSI package extracted from it
///   (`REGISTRATION_ADDRESS`, `REGISTRATION_TOKEN`), and `install-agent.ps1`.
/// - **Linux:** the `.bin` installer (`-a --rain= --token=`), an alternative that registers with `RegisterAgent`
///   without putting the token into shell history, and `install-agent.sh`.
/// - **macOS:** the package installer, then `RegisterAgent --token`, and `install-agent.sh`.
///
/// Rendering is pure: no I/O, no clock, no randomness; the same input always gives the same output. Every command
/// registers with the exact data-centre URL (see ``AgentRegistrationAddress``), and every value inserted into a
/// command is quoted for its shell with ``ShellQuoting``.
///
/// - Important: The result contains the registration token. Never log it; return it only from an explicit
///   credentials call.
public struct InstallCommandRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// Renders install instructions for each platform.
    ///
    /// - Parameters:
    ///   - dataCenterURL: The exact data-centre URL, e.g. `https://eu2-cloud.acronis.com`, with or without `/api/2`.
    ///     Must be `https`, except for a loopback host (the DC simulator). Never the login address
    ///     `https://cloud.acronis.com`.
    ///   - registrationToken: The agent registration token, `XXXX-XXXX-XXXX`.
    ///   - platforms: The platforms to render, in the order wanted. Duplicates are dropped; an empty list renders
    ///     nothing.
    ///   - options: Components and service account. Validated whether or not the platform they concern is
    ///     requested. Defaults to ``InstallOptions/init(windowsComponents:linuxComponents:serviceAccount:)``.
    /// - Returns: One ``AgentInstallInstructions`` per distinct platform, in the order of `platforms`.
    /// - Throws: ``InstallCommandError`` naming the cause and the fix when the URL, the token or the options are
    ///   invalid. The error never contains the token.
    public func render(
        dataCenterURL: URL,
        registrationToken: Secret,
        platforms: [AgentPlatform],
        options: InstallOptions = .init()
    ) throws(InstallCommandError) -> [AgentInstallInstructions] {
        let address = try AgentRegistrationAddress(dataCenterURL)
        try RegistrationTokenFormat.validate(registrationToken)
        let context = AgentRenderContext(
            address: address,
            token: registrationToken,
            windowsComponents: try Self.validatedWindowsComponents(options.windowsComponents),
            linuxComponents: try options.linuxComponents.map(Self.validatedLinuxComponents),
            serviceAccount: options.serviceAccount
        )
        var seen = Set<AgentPlatform>()
        var result: [AgentInstallInstructions] = []
        for platform in platforms where seen.insert(platform).inserted {
            switch platform {
            case .windows: result.append(try WindowsInstallRendering.render(context))
            case .linux: result.append(try LinuxInstallRendering.render(context))
            case .macos: result.append(try MacOSInstallRendering.render(context))
            }
        }
        return result
    }

    // MARK: Option validation

    private static func validatedWindowsComponents(_ components: [String]) throws(InstallCommandError) -> [String] {
        guard !components.isEmpty else {
            throw .noComponents(
                "windows_components is empty; list the components to install, e.g. "
                    + AgentComponents.defaultWindows.joined(separator: ", ")
            )
        }
        return try validated(components, known: AgentComponents.windows, option: "windows_components")
    }

    private static func validatedLinuxComponents(_ components: [String]) throws(InstallCommandError) -> [String] {
        guard !components.isEmpty else {
            throw .noComponents(
                "linux_components is empty; list the components to install (at least \(AgentComponents.linuxBase)), "
                    + "or leave linux_components out to install all of them"
            )
        }
        let valid = try validated(components, known: AgentComponents.linux, option: "linux_components")
        guard valid.contains(AgentComponents.linuxBase) else {
            throw .missingRequiredComponent(
                "linux_components lacks \(AgentComponents.linuxBase), which every other Linux component needs; add it"
            )
        }
        return valid
    }

    /// `components` without duplicates, or an error naming the first unknown one and the close match, if any.
    private static func validated(
        _ components: [String],
        known: [String],
        option: String
    ) throws(InstallCommandError) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for component in components {
            guard known.contains(component) else {
                let shown = String(
                    component.unicodeScalars.prefix(64).filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init)
                )
                let hint =
                    known.first { $0.lowercased() == component.lowercased() }.map { "; did you mean \($0)?" }
                    ?? "; known components: \(known.joined(separator: ", "))"
                throw .unknownComponent("\(option) lists \"\(shown)\", which the installer does not document\(hint)")
            }
            if seen.insert(component).inserted { result.append(component) }
        }
        return result
    }
}
