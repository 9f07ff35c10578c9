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
    /// Counts the signals received.
    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Runs `body` in a task that the signals cancel.
    ///
    /// - Parameter hint: What to tell the user when interrupted, e.g. how to resume following.
    /// - Throws: ``CLIError/interrupted(_:)`` (130) when a signal cancelled `body`; otherwise what `body` throws.
    static func run<T: Sendable>(hint: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let signals = Counter()
        let task = Task { try await body() }
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if signals.value.add(1, ordering: .relaxed).newValue > 1 { _exit(130) }
                task.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            if signals.value.load(ordering: .relaxed) > 0 { throw CLIError.interrupted("interrupted; \(hint)") }
            throw error
        }
    }
}
