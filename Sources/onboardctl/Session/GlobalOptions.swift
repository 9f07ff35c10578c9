import ArgumentParser
import Foundation

/// The options every command takes: where the daemon listens, and whether to print JSON.
struct GlobalOptions: ParsableArguments {
    /// The default socket path, where `onboardd.socket` listens.
    static let defaultSocketPath = "/run/onboardd.sock"
    /// The environment variable that overrides ``defaultSocketPath``.
    static let socketEnvironmentVariable = "ONBOARDCTL_SOCKET"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The control socket of onboardd (default: $ONBOARDCTL_SOCKET, else /run/onboardd.sock).",
            valueName: "path"))
    var socket: String?

    @Flag(
        name: .long,
        help: """
            Print the result as JSON on standard output, with the member "schema": 1 (pretty on a terminal, one \
            line when piped; streaming commands print one object per line). Messages stay on standard error.
            """)
    var json = false

    /// The socket to use: `--socket`, else `$ONBOARDCTL_SOCKET`, else ``defaultSocketPath``.
    func socketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let socket, !socket.isEmpty { return socket }
        if let fromEnvironment = environment[Self.socketEnvironmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return Self.defaultSocketPath
    }
}
