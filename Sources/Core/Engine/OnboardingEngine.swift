import Foundation
import Logging
import Synchronization

/// Runs onboardings: each a durable state machine in the ``OnboardingStore``, its steps executed
/// in order by an ``OnboardingStepRunner``, many onboardings at once through the DC schedulers.
///
/// ``run()`` is the engine's whole life: it recovers onboardings interrupted by a crash, then
/// keeps picking due onboardings until it is cancelled. Cancellation (daemon shutdown) leaves a
/// step that was in flight in state `running`, so the next start resumes it; nothing is lost.
public actor OnboardingEngine {
    /// Tuning.
    public struct Configuration: Sendable {
        /// Onboardings driven at the same time (each runs its steps in order).
        public var maxConcurrentOnboardings: Int
        /// Back-off between attempts of a step that failed transiently.
        public var retryPolicy: OnboardingRetryPolicy
        /// The longest the loop sleeps without looking at the store.
        public var idlePoll: Duration

        public init(maxConcurrentOnboardings: Int = 16, retryPolicy: OnboardingRetryPolicy = .init(), idlePoll: Duration = .seconds(5)) {
            self.maxConcurrentOnboardings = maxConcurrentOnboardings
            self.retryPolicy = retryPolicy
            self.idlePoll = idlePoll
        }
    }

    /// What ``submit(_:submitterUID:source:)`` did.
    public enum Submission: Sendable, Hashable {
        case created(OnboardingRecord)
        case existing(OnboardingRecord)

        /// The onboarding, new or existing.
        public var record: OnboardingRecord {
            switch self {
            case .created(let record), .existing(let record): record
            }
        }
    }

    public let store: OnboardingStore
    private var partners: [String: PartnerAccount]
    public private(set) var services: ServiceSource
    private let configuration: Configuration
    private let logger: Logger
    private let partnerTenants = PartnerTenantCache()
    private let wakeUp = WakeUpSignal()
    private var running: Set<String> = []
    private let draining = Atomic<Bool>(false)
    private var cancelRequests: Set<String> = []

    public init(
        store: OnboardingStore, partners: [PartnerAccount], services: ServiceSource, configuration: Configuration = .init(), logger: Logger
    ) {
        self.store = store
        self.partners = Dictionary(partners.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.services = services
        self.configuration = configuration
        self.logger = logger
    }

    /// Replaces the profiles (configuration reload). Running steps keep the profiles they read.
    public func updateServices(_ services: ServiceSource) {
        self.services = services
    }

    /// Replaces the partner accounts (configuration reload). Running steps keep the account they started with.
    public func updatePartners(_ partners: [PartnerAccount]) {
        self.partners = Dictionary(partners.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        wakeUp.signal()
    }

    /// A configured partner account.
    public func partner(named name: String) -> PartnerAccount? {
        partners[name]
    }

    /// The configured partner accounts, by name.
    public var partnerAccounts: [PartnerAccount] {
        partners.values.sorted { $0.name < $1.name }
    }

    // MARK: - Operations

    /// Records a validated request. The same key with the same content returns the existing
    /// onboarding; the same key with other content fails with ``EngineError/keyConflict``.
    public func submit(_ request: OnboardingRequest, submitterUID: UInt32?, source: String) async throws -> Submission {
        guard partners[request.partner] != nil else { throw EngineError.unknownPartner(request.partner, known: partners.keys.sorted()) }
        let outcome = try await store.submit(OnboardingStore.Submission(
            key: request.key, partner: request.partner, customerName: request.customer.name, requestJSON: request.canonicalJSON(),
            submitterUID: submitterUID, source: source, adminPassword: request.admin.password))
        switch outcome {
        case .created(let record):
            logger.info("onboarding submitted", metadata: [
                LogEvent.metadataKey: "\(LogEvent.submitted.rawValue)", "onboarding.id": "\(record.id)", "onboarding.customer": "\(record.customerName)", "source": "\(source)",
            ])
            wakeUp.signal()
            return .created(record)
        case .existing(let record):
            return .existing(record)
        case .conflict(let existingID):
            throw EngineError.keyConflict(key: request.key, existingID: existingID)
        }
    }

    /// Cancels an onboarding: at once if it is queued or waiting, before its next step if running.
    /// - Returns: the record after the change.
    public func cancel(id: String) async throws -> OnboardingRecord {
        let record = try await existingRecord(id)
        if running.contains(id) {
            cancelRequests.insert(id)
            return record
        }
        var machine = OnboardingStateMachine(progress: record.progress, retryPolicy: configuration.retryPolicy)
        guard machine.cancel() == .finished(.cancelled) else { throw EngineError.notCancellable(id: id, state: record.progress.state) }
        try await store.save(machine.progress, for: id, event: (.cancelled, nil, "cancelled by an operator; \(createdSoFar(record))"))
        return try await existingRecord(id)
    }

    /// Queues a failed or cancelled onboarding again at the step that stopped it.
    public func retry(id: String) async throws -> OnboardingRecord {
        let record = try await existingRecord(id)
        var machine = OnboardingStateMachine(progress: record.progress, retryPolicy: configuration.retryPolicy)
        guard record.progress.state == .failed || record.progress.state == .cancelled else {
            throw EngineError.notRetryable(id: id, state: record.progress.state)
        }
        _ = machine.retry()
        try await store.save(machine.progress, for: id, event: (.retried, record.progress.step, "queued again at step \(record.progress.step.rawValue)"))
        wakeUp.signal()
        return try await existingRecord(id)
    }

    /// The secrets kept for the operator: the admin password (generated or given) and the agent
    /// registration token. Callers must have checked that the requester may see them.
    public func credentials(id: String) async throws -> OnboardingCredentials {
        _ = try await existingRecord(id)
        guard let credentials = try await store.credentials(of: id), credentials.adminPassword != nil || credentials.registrationToken != nil else {
            throw EngineError.noCredentials(id: id)
        }
        return credentials
    }

    /// Ready-to-run agent install commands for the onboarding's registration token and the exact
    /// DC URL of its partner (acronis-api.md §7). They hold the token: treat them as credentials.
    ///
    /// - Parameter platforms: the platforms to render; `nil` renders those of the request.
    public func installInstructions(id: String, platforms: [AgentPlatform]? = nil) async throws -> [AgentInstallInstructions] {
        let record = try await existingRecord(id)
        guard let token = try await store.credentials(of: id)?.registrationToken else { throw EngineError.noCredentials(id: id) }
        guard let account = partners[record.partner] else {
            throw EngineError.unknownPartner(record.partner, known: partners.keys.sorted())
        }
        let requested = try? JSONDecoder().decode(OnboardingRequest.self, from: Data(record.requestJSON.utf8)).agent.platforms
        return try InstallCommandRenderer().render(
            dataCenterURL: account.dataCenterURL, registrationToken: token, platforms: platforms ?? requested ?? AgentPlatform.allCases)
    }

    // MARK: - The loop

    /// Starts a graceful stop: no onboarding is picked up any more, and each running one stops after the step in
    /// flight (its state stays `running`, so the next start resumes it at the next step). ``run()`` returns once none
    /// runs. Cancelling ``run()`` instead stops at once, mid-step (also resumable).
    public nonisolated func drain() {
        draining.store(true, ordering: .releasing)
        wakeUp.signal()
    }

    private var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// How many onboardings are being driven now.
    public var runningCount: Int { running.count }

    /// Recovers interrupted onboardings, then drives due ones until cancelled or drained (``drain()``).
    public func run() async throws {
        let recovered = try await store.recoverInterrupted()
        if !recovered.isEmpty {
            logger.notice("resuming onboardings interrupted by a restart", metadata: ["count": "\(recovered.count)"])
        }
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                if isDraining {
                    if running.isEmpty { break }
                    await wakeUp.wait(until: .now + configuration.idlePoll)
                    continue
                }
                do {
                    let free = configuration.maxConcurrentOnboardings - running.count
                    if free > 0 {
                        let due = try await store.due(limit: free + running.count).filter { !running.contains($0.id) }.prefix(free)
                        for record in due {
                            running.insert(record.id)
                            group.addTask { await self.drive(record) }
                        }
                    }
                } catch {
                    logger.error("could not read due onboardings; trying again", metadata: ["error": "\(error)"])
                }
                await wakeUp.wait(until: await nextDeadline())
            }
        }
    }

    private func nextDeadline() async -> ContinuousClock.Instant {
        let poll = ContinuousClock.now + configuration.idlePoll
        guard let wake = try? await store.nextWakeUp() else { return poll }
        let untilWake = max(0, wake.timeIntervalSinceNow)
        return min(poll, ContinuousClock.now + .milliseconds(Int64(untilWake * 1000) + 1))
    }

    /// Runs one onboarding until it waits, finishes, or the engine stops.
    private func drive(_ record: OnboardingRecord) async {
        defer {
            running.remove(record.id)
            cancelRequests.remove(record.id)
            wakeUp.signal()
        }
        do {
            try await driveSteps(record)
        } catch is CancellationError {
            logger.info("stopping mid-onboarding; it resumes at the next start", metadata: ["onboarding.id": "\(record.id)"])
        } catch {
            logger.error("onboarding could not be driven", metadata: ["onboarding.id": "\(record.id)", "error": "\(error)"])
        }
    }

    private func driveSteps(_ record: OnboardingRecord) async throws {
        var machine = OnboardingStateMachine(progress: record.progress, retryPolicy: configuration.retryPolicy)
        let request: OnboardingRequest
        do {
            request = try JSONDecoder().decode(OnboardingRequest.self, from: Data(record.requestJSON.utf8))
        } catch {
            _ = machine.start(now: Date())
            let failure = StepFailure.permanent("request_unreadable", "the stored request cannot be read back (\(error)); submit it again")
            let action = machine.stepFailed(machine.progress.step, failure, now: Date())
            try await persist(action, machine, record, step: machine.progress.step, message: failure.message)
            return
        }
        guard let account = partners[record.partner] else {
            _ = machine.start(now: Date())
            let failure = StepFailure.permanent("unknown_partner", "the partner account \"\(record.partner)\" is no longer configured; add it back and retry")
            let action = machine.stepFailed(machine.progress.step, failure, now: Date())
            try await persist(action, machine, record, step: machine.progress.step, message: failure.message)
            return
        }
        let runner = OnboardingStepRunner(
            record: record, request: request, account: account, partnerTenants: partnerTenants, services: services, store: store, logger: logger)

        var action = machine.start(now: Date())
        var terminalPersisted = false
        while case .runStep = action {
            if isDraining {
                logger.info("stopping between steps for shutdown; the onboarding resumes at the next start", metadata: ["onboarding.id": "\(record.id)"])
                return
            }
            if cancelRequests.contains(record.id) { _ = machine.cancel() }
            action = machine.proceed()
            guard case .runStep(let step) = action else { break }
            try await store.save(machine.progress, for: record.id, event: (.stepStarted, step, step.description))
            try await store.stepStarted(step, of: record.id)
            let result: Result<OnboardingStepRunner.Outcome, StepFailure>
            do {
                result = .success(try await runner.run(step))
            } catch {
                result = .failure(error)
            }
            try Task.checkCancellation()  // at shutdown the step stays `running` and resumes at the next start
            if cancelRequests.contains(record.id) { _ = machine.cancel() }
            switch result {
            case .success(let outcome):
                try await store.stepFinished(step, of: record.id, outputs: outcome.outputs)
                logger.info("step \(step.rawValue) done: \(outcome.summary)", metadata: [
                    LogEvent.metadataKey: "\(LogEvent.stepDone.rawValue)", "onboarding.id": "\(record.id)", "onboarding.customer": "\(record.customerName)",
                    "onboarding.step": "\(step.rawValue)",
                ])
                action = machine.stepSucceeded(step)
                let done: OnboardingStore.NewEvent = (.stepDone, step, outcome.summary)
                if case .finished(let state) = action {
                    // The terminal event goes in the same transaction as the terminal state.
                    try await persist(action, machine, record, step: nil, message: try await finishMessage(state, record), after: [done])
                    terminalPersisted = true
                } else {
                    try await store.save(machine.progress, for: record.id, event: done)
                }
            case .failure(let failure):
                try await store.stepFinished(step, of: record.id, failure: failure)
                action = machine.stepFailed(step, failure, now: Date())
                try await persist(action, machine, record, step: step, message: failure.message)
                terminalPersisted = true
            }
        }
        if case .finished(let state) = action, !terminalPersisted {
            try await persist(action, machine, record, step: nil, message: try await finishMessage(state, record))
        }
    }

    private func finishMessage(_ state: OnboardingState, _ record: OnboardingRecord) async throws -> String {
        state == .succeeded ? "onboarding succeeded" : "cancelled; \(createdSoFar(try await existingRecord(record.id)))"
    }

    /// Saves a terminal or waiting transition with its event (after `earlier` events, in the same
    /// transaction), and logs it.
    private func persist(
        _ action: OnboardingStateMachine.Action, _ machine: OnboardingStateMachine, _ record: OnboardingRecord, step: OnboardingStep?,
        message: String, after earlier: [OnboardingStore.NewEvent] = []
    ) async throws {
        let kind: OnboardingEvent.Kind =
            switch action {
            case .finished(.succeeded): .succeeded
            case .finished(.cancelled): .cancelled
            case .finished: .failed
            case .wait: .waiting
            default: .stepFailed
            }
        var text = message
        if case .wait(let until) = action { text = "\(message); next attempt at \(until.formatted(.iso8601))" }
        try await store.save(machine.progress, for: record.id, events: earlier + [(kind, step, text)])
        let level: Logger.Level = kind == .failed ? .error : (kind == .waiting ? .warning : .info)
        var metadata: Logger.Metadata = ["onboarding.id": "\(record.id)", "onboarding.customer": "\(record.customerName)"]
        if let step { metadata["onboarding.step"] = "\(step.rawValue)" }
        if kind == .succeeded { metadata.merge(LogEvent.succeeded.metadata) { _, new in new } }
        if kind == .failed { metadata.merge(LogEvent.failed.metadata) { _, new in new } }
        logger.log(level: level, "onboarding \(kind.rawValue): \(text)", metadata: metadata)
    }

    private func existingRecord(_ id: String) async throws -> OnboardingRecord {
        guard let record = try await store.record(id: id) else { throw EngineError.notFound(id: id) }
        return record
    }

    /// What exists in the DC for this onboarding, for cancel messages.
    private func createdSoFar(_ record: OnboardingRecord) -> String {
        let parts = [record.tenantID.map { "tenant \($0)" }, record.userID.map { "user \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "nothing was created in the data centre" : "already created: " + parts.joined(separator: ", ")
    }
}

/// Errors of engine operations.
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind; its raw value is the `data.reason` of control-socket errors.
    public enum Code: String, Sendable, Hashable {
        case notFound = "not_found"
        case keyConflict = "key_conflict"
        case unknownPartner = "unknown_partner"
        case notCancellable = "not_cancellable"
        case notRetryable = "not_retryable"
        case noCredentials = "no_credentials"
    }

    public var code: Code
    public var description: String

    static func notFound(id: String) -> Self {
        Self(code: .notFound, description: "no onboarding has the id \(id); list them with `onboardctl list`")
    }
    static func keyConflict(key: String, existingID: String) -> Self {
        Self(code: .keyConflict, description: "the key \"\(key)\" was already submitted with different content (onboarding \(existingID)); use a new key for a different customer, or resubmit the original content")
    }
    static func unknownPartner(_ name: String, known: [String]) -> Self {
        Self(code: .unknownPartner, description: "the partner account \"\(name)\" is not configured (configured: \(known.joined(separator: ", ")))")
    }
    static func notCancellable(id: String, state: OnboardingState) -> Self {
        Self(code: .notCancellable, description: "onboarding \(id) is \(state) and cannot be cancelled")
    }
    static func noCredentials(id: String) -> Self {
        Self(code: .noCredentials, description: "onboarding \(id) has no credentials yet: the password and token exist once its activation and token steps have run")
    }
    static func notRetryable(id: String, state: OnboardingState) -> Self {
        Self(code: .notRetryable, description: "onboarding \(id) is \(state); only failed or cancelled onboardings can be retried")
    }
}
