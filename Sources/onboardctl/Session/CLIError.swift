/// A failure found by `onboardctl` itself, before or after talking to the daemon: an unreadable input file, an
/// output file that exists, a call interrupted by Ctrl-C.
///
/// Like ``OnboardCore/RPCError``, its message names the cause and the fix; ``status`` is the exit status.
struct CLIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A sentence naming the cause and the fix.
    var message: String
    /// The exit status.
    var status: ExitStatus

    var description: String { message }

    /// The input cannot be read (66, `EX_NOINPUT`).
    static func unreadable(_ message: String) -> CLIError { CLIError(message: message, status: .noInput) }

    /// The input is read but unusable: empty, not UTF-8, too large (65, `EX_DATAERR`).
    static func badInput(_ message: String) -> CLIError { CLIError(message: message, status: .dataError) }

    /// The command line asks for something contradictory (64, `EX_USAGE`).
    static func usage(_ message: String) -> CLIError { CLIError(message: message, status: .usage) }

    /// The output file cannot be written (73, `EX_CANTCREAT`).
    static func cannotCreate(_ message: String) -> CLIError { CLIError(message: message, status: .cannotCreate) }

    /// The user pressed Ctrl-C (130).
    static func interrupted(_ message: String) -> CLIError { CLIError(message: message, status: .interrupted) }
}
