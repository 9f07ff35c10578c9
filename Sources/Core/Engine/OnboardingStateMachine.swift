import Foundation

/// The pure transition logic of one onboarding, in the style of async-http-client's connection
/// pool state machine: each event returns the ``Action`` the engine must perform; no I/O here.
///
/// The engine persists ``progress`` after every transition, so a restarted daemon resumes from the
/// last committed step (``recoverAfterRestart()``).
public struct OnboardingStateMachine: Sendable, Hashable {
    /// What the engine must do next.
    public enum Action: Sendable, Hashable {
        /// Run this step now.
        case runStep(OnboardingStep)
        /// Nothing to run before this date.
        case wait(until: Date)
        /// The onboarding has reached a terminal state.
        case finished(OnboardingState)
        /// Nothing to do (the event did not apply).
        case none
    }

    /// The persisted part.
    public struct Progress: Sendable, Hashable, Codable {
        public var state: OnboardingState
        /// The step running, next to run, or that failed.
        public var step: OnboardingStep
        /// Attempts of ``step`` so far.
        public var attempt: Int
        /// When a waiting onboarding may run again.
        public var nextRunAt: Date?
        /// Set when a cancel arrives while a step runs: the onboarding stops before the next step.
        public var cancelRequested: Bool
        /// The failure that made the onboarding fail or wait.
        public var lastFailure: StepFailure?

        public init(
            state: OnboardingState = .queued, step: OnboardingStep = .first, attempt: Int = 0, nextRunAt: Date? = nil,
            cancelRequested: Bool = false, lastFailure: StepFailure? = nil
        ) {
            self.state = state
            self.step = step
            self.attempt = attempt
            self.nextRunAt = nextRunAt
            self.cancelRequested = cancelRequested
            self.lastFailure = lastFailure
        }
    }

    public private(set) var progress: Progress
    public let retryPolicy: OnboardingRetryPolicy

    public init(progress: Progress = Progress(), retryPolicy: OnboardingRetryPolicy = OnboardingRetryPolicy()) {
        self.progress = progress
        self.retryPolicy = retryPolicy
    }

    /// The engine picked the onboarding up: a queued one, or a waiting one whose time has come.
    public mutating func start(now: Date) -> Action {
        switch progress.state {
        case .queued:
            break
        case .waiting:
            if let next = progress.nextRunAt, next > now { return .wait(until: next) }
        case .running, .succeeded, .failed, .cancelled:
            return .none
        }
        if progress.cancelRequested { return finish(.cancelled) }
        progress.state = .running
        progress.nextRunAt = nil
        progress.attempt += 1
        return .runStep(progress.step)
    }

    /// Called right before the engine runs the current step: a cancel that arrived since the
    /// previous step finished stops the onboarding here, before anything is sent.
    public mutating func proceed() -> Action {
        guard progress.state == .running else { return .none }
        if progress.cancelRequested { return finish(.cancelled) }
        return .runStep(progress.step)
    }

    /// The running step completed.
    public mutating func stepSucceeded(_ step: OnboardingStep) -> Action {
        guard progress.state == .running, progress.step == step else { return .none }
        progress.lastFailure = nil
        guard let next = step.next else { return finish(.succeeded) }
        progress.step = next
        progress.attempt = 0
        if progress.cancelRequested { return finish(.cancelled) }
        progress.attempt = 1
        return .runStep(next)
    }

    /// The running step failed.
    public mutating func stepFailed(_ step: OnboardingStep, _ failure: StepFailure, now: Date) -> Action {
        guard progress.state == .running, progress.step == step else { return .none }
        progress.lastFailure = failure
        if progress.cancelRequested { return finish(.cancelled) }
        switch failure.kind {
        case .permanent:
            return finish(.failed)
        case .transient where progress.attempt >= retryPolicy.maxAttempts:
            return finish(.failed)
        case .transient:
            let next = now.addingTimeInterval(Double(retryPolicy.delay(afterAttempt: progress.attempt).components.seconds))
            progress.state = .waiting
            progress.nextRunAt = next
            return .wait(until: next)
        }
    }

    /// An operator cancels. A queued or waiting onboarding stops at once; a running one stops
    /// before its next step.
    public mutating func cancel() -> Action {
        switch progress.state {
        case .queued, .waiting:
            return finish(.cancelled)
        case .running:
            progress.cancelRequested = true
            return .none
        case .succeeded, .failed, .cancelled:
            return .none
        }
    }

    /// An operator retries a failed or cancelled onboarding: it queues again at the step that
    /// stopped it, with its attempts reset.
    public mutating func retry() -> Action {
        guard progress.state == .failed || progress.state == .cancelled else { return .none }
        progress.state = .queued
        progress.attempt = 0
        progress.nextRunAt = nil
        progress.cancelRequested = false
        return .none
    }

    /// At start-up every `running` onboarding belongs to a previous life of the daemon: it queues
    /// again at the same step (engineering.md §4.5), and the step's reconciliation adopts whatever
    /// the interrupted attempt created.
    public mutating func recoverAfterRestart() {
        guard progress.state == .running else { return }
        progress.state = .queued
    }

    private mutating func finish(_ state: OnboardingState) -> Action {
        progress.state = state
        progress.nextRunAt = nil
        if state != .cancelled { progress.cancelRequested = false }
        return .finished(state)
    }
}
