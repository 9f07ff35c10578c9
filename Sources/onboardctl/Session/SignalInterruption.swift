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
    /// The signals received, and how to cancel the work once it has started.
    private final class Canceller: Sendable {
        private struct State {
            var signals = 0
            var cancel: (@Sendable () -> Void)?
        }

        private let state = Mutex(State())

        var signalCount: Int { state.withLock { $0.signals } }

        /// Records a signal and cancels the work (now, or as soon as it is attached); a second signal exits.
        func signalled() {
            let cancel = state.withLock { state -> (@Sendable () -> Void)? in
                state.signals += 1
                return state.cancel
            }
            if signalCount > 1 { _exit(ExitStatus.interrupted.code) }
            cancel?()
        }

        /// Attaches the work; cancels it at once if a signal came first.
        func attach(_ cancel: @escaping @Sendable () -> Void) {
            let early = state.withLock { state in
                state.cancel = cancel
                return state.signals > 0
            }
            if early { cancel() }
        }
    }

    /// Runs `body` in a task that the signals cancel. The handlers are in place before `body` starts.
    ///
    /// - Parameter hint: What to tell the user when interrupted, e.g. how to resume following.
    /// - Throws: ``CLIError/interrupted(_:)`` (130) when a signal cancelled `body`; otherwise what `body` throws.
    static func run<T: Sendable>(hint: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let canceller = Canceller()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { canceller.signalled() }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        let task = Task { try await body() }
        canceller.attach { task.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            if canceller.signalCount > 0 { throw CLIError.interrupted("interrupted; \(hint)") }
            throw error
        }
    }
}
