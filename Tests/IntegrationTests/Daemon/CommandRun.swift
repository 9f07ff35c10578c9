import Foundation
import Synchronization

/// The outcome of running a program to its end.
struct CommandResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }

    /// stdout parsed as one JSON object; for a streaming command (NDJSON: one event per line, then the result), the
    /// last line.
    func json() throws -> [String: Any] {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: true)
        let text = lines.count > 1 && lines.allSatisfy({ $0.hasPrefix("{") }) ? String(lines.last ?? "") : stdout
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw DeadlineExceeded(what: "a JSON object on stdout, got: \(stdout)")
        }
        return object
    }
}

/// Runs `executable` with `arguments` to its end (or `limit`), off the cooperative pool. Output goes through files,
/// so a chatty program never blocks on a full pipe.
///
/// - Parameter user: Run as this uid/gid with no supplementary groups (via `setpriv`), e.g. 65534 for "nobody".
func runCommand(
    _ executable: URL, _ arguments: [String], environment: [String: String] = [:], user: UInt32? = nil, stdin: String? = nil,
    within limit: Duration = .seconds(60)
) async throws -> CommandResult {
    let directory = FileManager.default.temporaryDirectory.appending(path: "cmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appending(path: "out")
    let errURL = directory.appending(path: "err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

    let process = Process()
    if let user {
        process.executableURL = URL(filePath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", executable.path] + arguments
    } else {
        process.executableURL = executable
        process.arguments = arguments
    }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardInput = input
    let exited = ProcessExit()
    process.terminationHandler = { exited.signal($0.terminationStatus) }
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let status: Int32
    do {
        status = try await withDeadline(limit, waitingFor: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) to exit") {
            await exited.wait()
        }
    } catch {
        process.terminate()
        throw error
    }
    return CommandResult(
        status: status, stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "", stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
}

/// A one-shot latch for a process's exit status.
final class ProcessExit: Sendable {
    private let state = AsyncLatchBox()

    func signal(_ status: Int32) { state.set(status) }
    func wait() async -> Int32 { await state.value() }
}

/// Holds one value; waiters resume once it is set.
final class AsyncLatchBox: Sendable {
    private struct State {
        var value: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    private let state = Mutex(State())

    func set(_ value: Int32) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int32, Never>] in
            state.value = value
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    func value() async -> Int32 {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Int32? in
                if let value = state.value { return value }
                state.waiters.append(continuation)
                return nil
            }
            if let now { continuation.resume(returning: now) }
        }
    }
}
