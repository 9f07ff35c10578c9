/// A script that installs and registers the agent on one machine without further input.
///
/// - Important: ``contents`` embeds the registration token. Store the script like a password (mode 0600), hand it
///   over only through a channel fit for secrets, and delete it once the agents are registered. The script's
///   `description` is redacted.
public struct InstallScript: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The file name to save the script under, e.g. `install-agent.sh`.
    public var filename: String
    /// The interpreter the script is written for.
    public var interpreter: CommandShell
    /// How to run the saved script, e.g. `sudo sh install-agent.sh`.
    public var runCommand: String
    /// The script itself: ASCII only, LF line endings, ending with a newline.
    public var contents: String

    /// Creates a script.
    public init(filename: String, interpreter: CommandShell, runCommand: String, contents: String) {
        self.filename = filename
        self.interpreter = interpreter
        self.runCommand = runCommand
        self.contents = contents
    }

    private enum CodingKeys: String, CodingKey {
        case filename, interpreter, contents
        case runCommand = "run_command"
    }

    public var description: String { "InstallScript(\(filename), \(interpreter.rawValue), contents <redacted>)" }
    public var debugDescription: String { description }
}
