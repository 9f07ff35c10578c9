import Foundation
import Logging
import OnboardCore

/// The daemon's control-socket methods (``ControlMethod``), on top of the engine and the store.
///
/// Parameters and results are the `Codable` types of `Sources/Core/Control`, documented in
/// `docs/control-protocol.md`. Failures map to ``RPCError`` in one place (``RPCError/init(daemonFailure:)``).
struct ControlMethods: ControlRequestHandler {
    let runtime: DaemonRuntime
    let reloader: ConfigurationReloader
    let logger: Logger
    /// How often a streaming call re-reads the store when no change signal came (a safety net, not the mechanism).
    var followPollInterval: Duration = .seconds(2)

    func tier(of method: String) -> MethodTier? {
        ControlMethod(rawValue: method)?.tier
    }

    func isStreaming(_ request: RPCRequest) -> Bool {
        ControlMethod(rawValue: request.method)?.isStreaming(request.params) ?? false
    }

    func handle(_ request: RPCRequest, peer: PeerCredentials, stream: RPCStream) async throws(RPCError) -> JSONValue {
        guard let method = ControlMethod(rawValue: request.method) else {
            throw RPCError.methodNotFound
        }
        do {
            return try await call(method, request.params, peer: peer, stream: stream)
        } catch {
            let mapped = RPCError(daemonFailure: error)
            if mapped == .internalError {
                logger.error("control call failed", metadata: ["method": "\(method.rawValue)", "error": "\(error)"])
            }
            throw mapped
        }
    }

    private func call(_ method: ControlMethod, _ params: [String: JSONValue], peer: PeerCredentials, stream: RPCStream) async throws -> JSONValue {
        let engine = runtime.engine
        let store = runtime.store
        switch method {
        case .submit:
            let input = try ControlCoding.decodeParams(SubmitParams.self, from: params)
            return try ControlCoding.encode(try await submit(input, peer: peer))
        case .get:
            let id = try ControlCoding.decodeParams(OnboardingIDParams.self, from: params).id
            let record = try await existing(id)
            let rows = try await store.steps(of: id)
            let steps = OnboardingStep.allCases.map { step in rows.first { $0.step == step }.map(StepSummary.init) ?? .pending(step) }
            return try ControlCoding.encode(OnboardingDetail(onboarding: OnboardingSummary(record), steps: steps))
        case .list:
            let input = try ControlCoding.decodeParams(ListParams.self, from: params)
            guard (1...100_000).contains(input.limit ?? 1000) else {
                throw RPCError.invalidParams.with(message: "limit must be between 1 and 100000")
            }
            let records = try await store.list(state: input.state, limit: input.limit ?? 1000)
            let counts = try await store.counts()
            return try ControlCoding.encode(ListResult(
                onboardings: records.map(OnboardingSummary.init),
                counts: Dictionary(uniqueKeysWithValues: OnboardingState.allCases.map { ($0.rawValue, counts[$0] ?? 0) })))
        case .logs:
            let input = try ControlCoding.decodeParams(LogsParams.self, from: params)
            if input.follow == true {
                let record = try await follow(input.id, after: input.after ?? 0, stream: stream)
                return try ControlCoding.encode(LogsResult(events: [], onboarding: OnboardingSummary(record)))
            }
            let record = try await existing(input.id)
            let events = try await store.events(of: input.id, after: input.after ?? 0)
            return try ControlCoding.encode(LogsResult(events: events.map(EventEntry.init), onboarding: OnboardingSummary(record)))
        case .wait:
            let input = try ControlCoding.decodeParams(WaitParams.self, from: params)
            return try ControlCoding.encode(OnboardingSummary(try await follow(input.id, after: input.after ?? 0, stream: stream)))
        case .retry:
            let id = try ControlCoding.decodeParams(OnboardingIDParams.self, from: params).id
            let record = try await engine.retry(id: id)
            logger.notice("onboarding queued again by uid \(peer.uid)", metadata: ["onboarding.id": "\(id)"])
            return try ControlCoding.encode(OnboardingSummary(record))
        case .cancel:
            let id = try ControlCoding.decodeParams(OnboardingIDParams.self, from: params).id
            let record = try await engine.cancel(id: id)
            logger.notice("onboarding cancelled by uid \(peer.uid)", metadata: ["onboarding.id": "\(id)"])
            return try ControlCoding.encode(OnboardingSummary(record))
        case .plan:
            let input = try ControlCoding.decodeParams(PlanParams.self, from: params)
            let requests = try RequestIntake(context: await runtime.validationContext).requests(in: input.content, format: input.format)
            let services = await engine.services
            var plans: [PlannedRequest] = []
            for request in requests {
                guard let account = await engine.partner(named: request.partner) else {
                    throw RPCError.invalidData.with(message: "the partner account \"\(request.partner)\" is not configured")
                }
                let plan = try await OnboardingPlanner.plan(request: request, account: account, services: services)
                plans.append(PlannedRequest(plan: plan, text: plan.humanReadable))
            }
            return try ControlCoding.encode(PlanResult(plans: plans))
        case .credentials:
            let id = try ControlCoding.decodeParams(OnboardingIDParams.self, from: params).id
            let record = try await existing(id)
            let credentials = try await engine.credentials(id: id)
            let request = try JSONDecoder().decode(OnboardingRequest.self, from: Data(record.requestJSON.utf8))
            logger.notice("credentials read by uid \(peer.uid)", metadata: ["onboarding.id": "\(id)"])
            return try ControlCoding.encode(CredentialsResult(
                id: id, customer: record.customerName, adminLogin: request.admin.login, adminPassword: credentials.adminPassword?.revealed,
                passwordGenerated: request.admin.password == nil && credentials.adminPassword != nil,
                registrationToken: credentials.registrationToken?.revealed, registrationTokenExpiresAt: credentials.registrationTokenExpiresAt))
        case .installScript:
            let input = try ControlCoding.decodeParams(InstallScriptParams.self, from: params)
            let instructions = try await engine.installInstructions(id: input.id, platforms: input.os.map { [$0] })
            logger.notice("install commands read by uid \(peer.uid)", metadata: ["onboarding.id": "\(input.id)"])
            return try ControlCoding.encode(InstallScriptResult(instructions: instructions))
        case .profileList:
            let profiles = await engine.services.profiles.values.sorted { $0.name < $1.name }
            let directory = await runtime.configuration.configuration.paths.profiles
            return try ControlCoding.encode(ProfileListResult(profiles: profiles.map(ProfileSummary.init), directory: directory))
        case .profileExport:
            let input = try ControlCoding.decodeParams(ProfileExportParams.self, from: params)
            let accounts = await engine.partnerAccounts
            let account: PartnerAccount
            if let name = input.partner {
                guard let named = accounts.first(where: { $0.name == name }) else {
                    throw RPCError.invalidParams.with(message: "the partner account \"\(name)\" is not configured (configured: \(accounts.map(\.name).joined(separator: ", ")))")
                }
                account = named
            } else {
                guard accounts.count == 1, let only = accounts.first else {
                    throw RPCError.invalidParams.with(message: "several partner accounts are configured; name one with --partner (\(accounts.map(\.name).joined(separator: ", ")))")
                }
                account = only
            }
            let exported = try await ProfileExporter.export(fromTenant: input.fromTenant, as: input.name, account: account)
            return try ControlCoding.encode(ProfileExportResult(name: input.name, content: exported.fileText))
        case .daemonStatus:
            return try ControlCoding.encode(try await runtime.status())
        case .reload:
            logger.notice("reload requested by uid \(peer.uid)")
            return try ControlCoding.encode(try await reloader.reload(trigger: "control socket, uid \(peer.uid)"))
        }
    }

    /// Validates and records every request of the document; CSV rows are all validated before any is recorded.
    private func submit(_ input: SubmitParams, peer: PeerCredentials) async throws -> SubmitResult {
        let requests = try RequestIntake(context: await runtime.validationContext).requests(in: input.content, format: input.format)
        let source = "socket:" + (input.source ?? "stdin")
        var submitted: [SubmittedOnboarding] = []
        var conflicts: [String] = []
        for request in requests {
            do {
                let outcome = try await runtime.engine.submit(request, submitterUID: peer.uid, source: source)
                switch outcome {
                case .created(let record): submitted.append(SubmittedOnboarding(created: true, onboarding: OnboardingSummary(record)))
                case .existing(let record): submitted.append(SubmittedOnboarding(created: false, onboarding: OnboardingSummary(record)))
                }
            } catch let error as EngineError where error.code == .keyConflict {
                conflicts.append("\(request.customer.name): \(error.description)")
            }
        }
        guard conflicts.isEmpty else {
            let recorded = submitted.map { "\($0.onboarding.customer) (\($0.onboarding.id))" }
            throw RPCError.conflict.with(
                message: (["\(conflicts.count) request\(conflicts.count == 1 ? "" : "s") conflict with earlier submissions:"] + conflicts).joined(separator: "\n  ")
                    + (recorded.isEmpty ? "" : "\nthe others were recorded: " + recorded.joined(separator: ", ")),
                details: ["recorded": .array(submitted.map { .string($0.onboarding.id) })])
        }
        return SubmitResult(onboardings: submitted)
    }

    /// Sends each event after `after` as a notification until the onboarding has finished, then returns it.
    private func follow(_ id: String, after: Int64, stream: RPCStream) async throws -> OnboardingRecord {
        let store = runtime.store
        var last = after
        while true {
            let version = store.changes.version
            // The record first: a terminal state is committed with its event, so events read afterwards include it.
            let record = try await existing(id)
            for event in try await store.events(of: id, after: last) {
                try stream.send(method: ControlMethod.eventNotification, params: try ControlCoding.encode(EventEntry(event)).objectValue ?? [:])
                last = event.seq
            }
            if record.progress.state.isTerminal { return record }
            await store.changes.wait(after: version, until: .now + followPollInterval)
            try Task.checkCancellation()
        }
    }

    private func existing(_ id: String) async throws -> OnboardingRecord {
        guard let record = try await runtime.store.record(id: id) else {
            throw RPCError.notFound.with(message: "no onboarding has the id \(id); list them with `onboardctl list`", details: ["id": .string(id)])
        }
        return record
    }
}
