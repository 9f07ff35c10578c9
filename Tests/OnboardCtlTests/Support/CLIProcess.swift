import Foundation
import Testing
import Glibc

/// Where the built `onboardctl` is: beside the test bundle (as `Tests/IntegrationTests/Support/BuiltProducts.swift`
/// finds `onboard-dcsim`), or in `$ONBOARD_BIN_DIR`.
enum BuiltCLI {
    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["ONBOARD_BIN_DIR"], !override.isEmpty {
            return URL(filePath: override, directoryHint: .isDirectory).appending(path: "onboardctl")
        }
        // The test runner is <build dir>/onboardPackageTests.xctest; products sit beside it.
        return URL(filePath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "onboardctl")
    }
}

struct CLITimedOut: Error, CustomStringConvertible {
    var arguments: [String]
    var description: String { "onboardctl \(arguments.joined(separator: " ")) did not exit in time" }
}

/// What a finished `onboardctl` run printed, and how it exited.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The non-empty lines of standard output.
    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }

    /// Standard output parsed as one JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }

    /// Each line of standard output parsed as a JSON object (NDJSON).
    func jsonLines() throws -> [[String: Any]] {
        try stdoutLines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }
}

/// A running `onboardctl` process, its output collected off the cooperative pool.
final class CLIProcess {
    private let process: Process
    private let arguments: [String]
    private let exited: AsyncStream<Void>
    private let standardOutput: Task<Data, Never>
    private let standardError: Task<Data, Never>

    /// Starts `onboardctl arguments`. `ONBOARDCTL_SOCKET` is removed from the environment unless `environment`
    /// sets it.
    init(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws {
        let process = Process()
        process.executableURL = BuiltCLI.url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["ONBOARDCTL_SOCKET"] = nil
        env.merge(environment) { _, new in new }
        process.environment = env
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        let stdinPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = stdinPipe
        let (exited, continuation) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
        if let stdin { stdinPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try stdinPipe.fileHandleForWriting.close()
        self.process = process
        self.arguments = arguments
        self.exited = exited
        let stdoutHandle = stdoutPipe.fileHandleForReading
        let stderrHandle = stderrPipe.fileHandleForReading
        standardOutput = Task { await readToEnd(stdoutHandle) }
        standardError = Task { await readToEnd(stderrHandle) }
    }

    /// Sends `signal` to the process (e.g. `SIGINT`, as Ctrl-C does).
    func send(_ signal: CInt) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit (killing it after `limit`) and returns what it printed.
    func finish(within limit: Duration = .seconds(30)) async throws -> CLIResult {
        let exited = self.exited
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in exited {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !finished {
            process.terminate()
            throw CLITimedOut(arguments: arguments)
        }
        let (out, err) = (await standardOutput.value, await standardError.value)
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `onboardctl arguments` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) async throws -> CLIResult {
        try await CLIProcess(arguments, environment: environment, stdin: stdin).finish()
    }
}

/// Reads a pipe to its end on a thread of its own, off the cooperative pool.
private func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
    }
}
