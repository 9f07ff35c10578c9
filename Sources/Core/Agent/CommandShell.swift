/// The shell a rendered command or script is written for, which decides how values in it are quoted.
public enum CommandShell: String, Codable, Sendable, Hashable, CaseIterable {
    /// Windows Command Prompt (`cmd.exe`), elevated.
    case cmd
    /// Windows PowerShell 5.1 or PowerShell 7, elevated.
    case powerShell = "powershell"
    /// A POSIX shell (`/bin/sh`): dash, bash or zsh.
    case posixShell = "sh"
}
