/// Choices for the rendered agent install commands that the documentation leaves to the operator.
///
/// The defaults reproduce the user guide's examples, except for the service account (see ``serviceAccount``).
/// JSON keys are snake_case (`windows_components`, `linux_components`, `service_account`); a missing key takes its
/// default.
public struct InstallOptions: Sendable, Hashable, Codable {
    /// Windows EXE component ids (`--add-components=`), from ``AgentComponents/windows``.
    ///
    /// Default: ``AgentComponents/defaultWindows`` (`agentForWindows`, `commandLine`, `trayMonitor`). Must not be
    /// empty. Duplicates are dropped, keeping the first.
    public var windowsComponents: [String]

    /// Linux component ids (`-i`), from ``AgentComponents/linux``, or `nil` (the default) to let the installer
    /// install all of them. When given, it must include `BackupAndRecoveryAgent`.
    public var linuxComponents: [String]?

    /// The account the Windows agent service runs under. Default: ``AgentServiceAccount/localSystem``, the
    /// installer's own default, which also works on domain controllers.
    public var serviceAccount: AgentServiceAccount

    /// Creates options.
    ///
    /// - Parameters:
    ///   - windowsComponents: Windows EXE component ids. Defaults to ``AgentComponents/defaultWindows``.
    ///   - linuxComponents: Linux component ids, or `nil` (the default) for all of them.
    ///   - serviceAccount: The Windows agent service account. Defaults to ``AgentServiceAccount/localSystem``.
    public init(
        windowsComponents: [String] = AgentComponents.defaultWindows,
        linuxComponents: [String]? = nil,
        serviceAccount: AgentServiceAccount = .localSystem
    ) {
        self.windowsComponents = windowsComponents
        self.linuxComponents = linuxComponents
        self.serviceAccount = serviceAccount
    }

    private enum CodingKeys: String, CodingKey {
        case windowsComponents = "windows_components"
        case linuxComponents = "linux_components"
        case serviceAccount = "service_account"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            windowsComponents: try container.decodeIfPresent([String].self, forKey: .windowsComponents)
                ?? AgentComponents.defaultWindows,
            linuxComponents: try container.decodeIfPresent([String].self, forKey: .linuxComponents),
            serviceAccount: try container.decodeIfPresent(AgentServiceAccount.self, forKey: .serviceAccount)
                ?? .localSystem
        )
    }
}
