/// The agent component ids the installers accept.
///
/// Lists from the Cyber Protect Cloud user guide: "Parameters for unattended installation (EXE)" for Windows and
/// "Unattended installation or uninstallation parameters" for Linux (acronis-api.md §7.1 and §7.3).
public enum AgentComponents {
    /// Component ids of the Windows EXE installer's `--add-components=` option.
    public static let windows: [String] = [
        "agentForWindows", "agentForSas", "agentForAd", "agentForAmp", "agentForDlp", "agentForEsx",
        "agentForExchange", "agentForHyperV", "agentForOffice365", "agentForOracle", "agentForSql", "commandLine",
        "mediaBuilder", "trayMonitor", "all", "allAgents",
    ]

    /// The components the user guide's EXE example installs: the agent, the command-line tool and the tray monitor.
    public static let defaultWindows: [String] = ["agentForWindows", "commandLine", "trayMonitor"]

    /// Component ids of the Linux installer's `-i`/`--id=` option.
    ///
    /// Every component other than `BackupAndRecoveryAgent` needs `BackupAndRecoveryAgent`.
    public static let linux: [String] = [
        "BackupAndRecoveryAgent", "AgentForPCS", "OracleAgentFeature", "MySQLAgentFeature", "AgentForProxmox",
    ]

    /// The Linux component every other Linux component depends on.
    public static let linuxBase = "BackupAndRecoveryAgent"

    /// MSI features (`ADDLOCAL=`) for the EXE component ids whose MSI counterpart is documented.
    ///
    /// The user guide's EXE and MSI examples install the same set, which pairs `agentForWindows` with
    /// `BackupAndRecoveryAgent`, `commandLine` with `CommandLineTool` and `trayMonitor` with `TrayMonitor`; the MSI
    /// page names `AmpAgentFeature` as the antimalware feature. `MmsMspComponents` (the managed-machine service that
    /// registers with the cloud) is always installed. Other components have no documented MSI feature.
    static let msiFeatures: [String: [String]] = [
        "agentForWindows": ["BackupAndRecoveryAgent"],
        "commandLine": ["CommandLineTool"],
        "trayMonitor": ["TrayMonitor"],
        "agentForAmp": ["AmpAgentFeature"],
    ]

    /// The MSI feature installed in every case.
    static let msiBaseFeature = "MmsMspComponents"
}
