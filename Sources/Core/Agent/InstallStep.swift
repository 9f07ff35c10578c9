/// One command an operator runs on the machine, with what to know before running it.
///
/// - Important: ``command`` contains the registration token when the step registers the agent. The step's
///   `description` is redacted so that interpolating a step into a log line does not leak it.
public struct InstallStep: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A short imperative title, e.g. "Install and register the agent (EXE installer)".
    public var title: String
    /// The command, ready to paste into ``shell``. Several lines are run one after the other in the same shell.
    public var command: String
    /// The shell ``command`` is written and quoted for.
    public var shell: CommandShell
    /// Prerequisites, caveats and the provenance of the command.
    public var notes: [String]

    /// Creates a step.
    public init(title: String, command: String, shell: CommandShell, notes: [String] = []) {
        self.title = title
        self.command = command
        self.shell = shell
        self.notes = notes
    }

    public var description: String { "InstallStep(\(title), \(shell.rawValue), command <redacted>)" }
    public var debugDescription: String { description }
}
