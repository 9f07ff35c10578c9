/// The Windows account the agent service (Managed Machine Service) runs under.
///
/// The raw values are those of the EXE installer's `--agent-account=` option.
public enum AgentServiceAccount: String, Codable, Sendable, CaseIterable, Hashable {
    /// The Local System account: the installer's own default for the agent service, and the only choice that also
    /// works on a domain controller (the installer does not create accounts there).
    /// EXE `--agent-account=system`, MSI `MMS_USE_SYSTEM_ACCOUNT=1`.
    case localSystem = "system"
    /// A dedicated local account ("Agent User") that the installer creates.
    /// EXE `--agent-account=new`, MSI `MMS_CREATE_NEW_ACCOUNT=1` (the form of the user guide's MSI example).
    case newAccount = "new"

    /// The `--agent-account=` argument of the EXE installer.
    var exeArgument: String { "--agent-account=\(rawValue)" }

    /// The MSI property that selects this account.
    var msiProperty: String {
        switch self {
        case .localSystem: "MMS_USE_SYSTEM_ACCOUNT=1"
        case .newAccount: "MMS_CREATE_NEW_ACCOUNT=1"
        }
    }
}
