import Foundation
import Testing

@testable import OnboardCore

@Suite("Onboarding state machine")
struct OnboardingStateMachineTests {
    private let now = Date(timeIntervalSince1970: 1_000_000)
    private let transient = StepFailure(kind: .transient, code: "dc_unavailable", message: "the DC is down")
    private let permanent = StepFailure(kind: .permanent, code: "tenant_name_taken", message: "taken", acronisCode: 1004)

    @Test("a clean run goes through every step in order and succeeds")
    func happyPath() {
        var machine = OnboardingStateMachine()
        var ran: [OnboardingStep] = []
        var action = machine.start(now: now)
        while case .runStep(let step) = action {
            #expect(machine.proceed() == .runStep(step))
            ran.append(step)
            action = machine.stepSucceeded(step)
        }
        #expect(ran == OnboardingStep.allCases)
        #expect(action == .finished(.succeeded))
        #expect(machine.progress.state == .succeeded)
    }

    @Test("a transient failure waits with growing delays, then fails after the attempt budget")
    func transientBackoff() {
        let policy = OnboardingRetryPolicy(base: .seconds(5), cap: .seconds(60), maxAttempts: 4)
        var machine = OnboardingStateMachine(retryPolicy: policy)
        #expect(machine.start(now: now) == .runStep(.createTenant))
        var waits: [TimeInterval] = []
        for attempt in 1...4 {
            let action = machine.stepFailed(.createTenant, transient, now: now)
            guard case .wait(let until) = action else {
                #expect(attempt == 4)
                #expect(action == .finished(.failed))
                break
            }
            waits.append(until.timeIntervalSince(now))
            #expect(machine.progress.state == .waiting)
            #expect(machine.start(now: now) == .wait(until: until), "not before its time")
            #expect(machine.start(now: until) == .runStep(.createTenant))
        }
        #expect(waits == [5, 20, 45])
        #expect(machine.progress.lastFailure == transient)
        #expect(machine.progress.step == .createTenant)
    }

    @Test("a permanent failure fails at once with its reason")
    func permanentFailure() {
        var machine = OnboardingStateMachine()
        _ = machine.start(now: now)
        #expect(machine.stepFailed(.createTenant, permanent, now: now) == .finished(.failed))
        #expect(machine.progress.lastFailure?.acronisCode == 1004)
    }

    @Test("cancel stops a running onboarding before its next step, and a queued one at once")
    func cancel() {
        var running = OnboardingStateMachine()
        _ = running.start(now: now)
        #expect(running.cancel() == .none)
        #expect(running.stepSucceeded(.createTenant) == .finished(.cancelled))
        #expect(running.progress.step == .configureServices, "it remembers where it stopped")

        var between = OnboardingStateMachine()
        _ = between.start(now: now)
        _ = between.stepSucceeded(.createTenant)
        #expect(between.cancel() == .none)
        #expect(between.proceed() == .finished(.cancelled), "a cancel between two steps stops before the next one runs")

        var queued = OnboardingStateMachine()
        #expect(queued.cancel() == .finished(.cancelled))
        #expect(queued.start(now: now) == .none)
    }

    @Test("retry resumes a failed onboarding at the step that failed, with fresh attempts")
    func retry() {
        var machine = OnboardingStateMachine()
        _ = machine.start(now: now)
        _ = machine.stepSucceeded(.createTenant)
        _ = machine.stepFailed(.configureServices, permanent, now: now)
        #expect(machine.progress.state == .failed)
        _ = machine.retry()
        #expect(machine.progress.state == .queued)
        #expect(machine.start(now: now) == .runStep(.configureServices))
        #expect(machine.progress.attempt == 1)
    }

    @Test("after a crash, a running onboarding queues again at the same step")
    func recovery() {
        var machine = OnboardingStateMachine()
        _ = machine.start(now: now)
        _ = machine.stepSucceeded(.createTenant)
        var restarted = OnboardingStateMachine(progress: machine.progress)
        restarted.recoverAfterRestart()
        #expect(restarted.progress.state == .queued)
        #expect(restarted.start(now: now) == .runStep(.configureServices))
    }

    @Test("events that do not apply change nothing")
    func ignoredEvents() {
        var machine = OnboardingStateMachine()
        let before = machine.progress
        #expect(machine.stepSucceeded(.createTenant) == .none, "not running yet")
        #expect(machine.retry() == .none, "nothing to retry")
        #expect(machine.progress == before)
        _ = machine.start(now: now)
        #expect(machine.stepSucceeded(.verify) == .none, "not the running step")
        #expect(machine.start(now: now) == .none, "already running")
    }

    @Test("the progress survives a JSON round trip (it is persisted)")
    func persistence() throws {
        var machine = OnboardingStateMachine()
        _ = machine.start(now: now)
        _ = machine.stepFailed(.createTenant, transient, now: now)
        let data = try JSONEncoder().encode(machine.progress)
        #expect(try JSONDecoder().decode(OnboardingStateMachine.Progress.self, from: data) == machine.progress)
    }
}
