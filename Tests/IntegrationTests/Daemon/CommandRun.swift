import Foundation
import OnboardCore
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

/// A process's exit status, awaited: the termination handler stores it and opens the latch.
final class ProcessExit: Sendable {
    private let status = Mutex<Int32>(0)
    private let exited = AsyncLatch()

    func signal(_ status: Int32) {
        self.status.withLock { $0 = status }
        exited.open()
    }

    func wait() async -> Int32 {
        await exited.wait()
        return status.withLock { $0 }
    }
}
