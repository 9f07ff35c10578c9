/// An operating system family the Cyber Protection agent is installed on.
///
/// The raw values are the names used in onboarding requests (`"agent": {"platforms": ["windows", "linux", "macos"]}`)
/// and in the JSON the daemon returns, so they must not change.
public enum AgentPlatform: String, Codable, Sendable, CaseIterable, Hashable {
    /// Windows (x64): the EXE installer, or the MSI package extracted from it.
    case windows
    /// Linux (x86_64): the `.bin` installer.
    case linux
    /// macOS: the `.dmg` disk image, then a separate `RegisterAgent` step.
    case macos
}
