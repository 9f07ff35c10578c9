import Dispatch
import Glibc
import Synchronization

/// Makes Ctrl-C (`SIGINT`) and `SIGTERM` cancel a streaming command instead of killing it, so that it can say what
/// keeps running in the daemon.
///
/// Cancelling the task makes ``OnboardCore/ControlSocketClient`` shut its socket down, which ends the call; the
/// daemon sees the client leave and stops streaming to it (the onboarding itself goes on). A second signal exits at
/// once with status 130.
enum SignalInterruption {
    /// Runs `body` beside a watcher of the signals, in one task group: a signal ends the watcher, which cancels `body`.
    /// The handlers are in place before `body` starts; a second signal exits at once with status 130.
    ///
    /// - Parameter hint: What to tell the user when interrupted, e.g. how to resume following.
    /// - Throws: ``CLIError/interrupted(_:)`` (130) when a signal cancelled `body`; otherwise what `body` throws.
    static func run<T: Sendable>(hint: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        let received = Atomic<Int>(0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if received.add(1, ordering: .relaxed).newValue > 1 { _exit(ExitStatus.interrupted.code) }
                continuation.yield(number)
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            continuation.finish()
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                // Ends with a signal, or when the group cancels it after `body` finished.
                for await _ in signals { break }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
                if received.load(ordering: .relaxed) > 0 { break }
            }
            throw CLIError.interrupted("interrupted; \(hint)")
        }
    }
}
