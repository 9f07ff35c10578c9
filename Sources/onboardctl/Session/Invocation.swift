import ArgumentParser
import OnboardCore

/// One run of a command: its options, a session with the daemon, and the one place where results are printed and
/// errors become messages and exit statuses.
///
/// Commands return an ``ExitStatus`` from their body and throw ``OnboardCore/RPCError`` or ``CLIError``; ``run(_:streaming:_:)``
/// prints the error's message (and, for rejected input, one line per problem) on standard error and, with `--json`,
/// the error object on standard output, then exits with the status. Nothing here wraps the client's messages:
/// they already name the cause and the fix.
struct Invocation: Sendable {
    /// The command's global options.
    let options: GlobalOptions
    /// The daemon.
    let session: ControlSession
    /// Where output goes.
    let console: Console
    /// Whether JSON output is one object per line (streaming commands) rather than one document.
    let streaming: Bool

    init(options: GlobalOptions, console: Console = .shared, streaming: Bool = false) {
        self.options = options
        self.session = ControlSession(socketPath: options.socketPath())
        self.console = console
        self.streaming = streaming
    }

    /// Whether `--json` was given.
    var json: Bool { options.json }

    /// Runs a command's body and exits with its status (by throwing `ExitCode` unless it is 0).
    static func run(
        _ options: GlobalOptions, streaming: Bool = false, _ body: @Sendable (Invocation) async throws -> ExitStatus
    ) async throws {
        let invocation = Invocation(options: options, streaming: streaming)
        let status = await invocation.perform(body)
        if status != .success { throw ExitCode(status.code) }
    }

    /// Runs `body`, reporting a thrown error; returns the exit status.
    func perform(_ body: @Sendable (Invocation) async throws -> ExitStatus) async -> ExitStatus {
        do {
            return try await body(self)
        } catch let error as RPCError {
            report(error)
            return .forError(error)
        } catch let error as CLIError {
            report(error)
            return error.status
        } catch {
            console.err("error: \(error)")
            return .failure
        }
    }

    /// Prints a result: with `--json` the daemon's JSON plus `"schema": 1`, else `human()` on standard output.
    func emit(_ json: JSONValue, human: () -> String) {
        if self.json {
            console.out(JSONOutput.render(json, pretty: !streaming && console.standardOutputIsTerminal))
        } else {
            let text = human()
            if !text.isEmpty { console.out(text) }
        }
    }

    /// Prints one NDJSON line (streaming `--json` output) or, for people, `human`.
    func emitLine(_ json: JSONValue, human: @autoclosure () -> String) {
        if self.json {
            console.out(JSONOutput.render(json, pretty: false))
        } else {
            console.out(human())
        }
    }

    /// Prints a message for people on standard error.
    func note(_ text: String) {
        console.err(text)
    }

    /// Reports a daemon error: its lines on standard error, and with `--json` (unless `alsoAsJSON` is `false`, when
    /// the error is part of a larger result) the error object on standard output.
    func report(_ error: RPCError, source: String? = nil, alsoAsJSON: Bool = true) {
        for line in ErrorReport.lines(for: error, source: source) { console.err(line) }
        if json, alsoAsJSON {
            console.out(JSONOutput.render(JSONOutput.errorObject(error), pretty: !streaming && console.standardOutputIsTerminal))
        }
    }

    /// Reports a local failure on standard error.
    func report(_ error: CLIError) {
        for line in ErrorReport.lines(for: error) { console.err(line) }
    }
}
