import Foundation
import Logging
import OnboardCore
import OnboardSystemd
import ServiceLifecycle

/// The spool's consumer: watches `incoming/` (watch first, then scan; a full rescan on queue overflow and every
/// ``rescanInterval`` as a safety net, engineering notes §2.4), and claims each file by committing its onboarding
/// before moving it (§2.5). Invalid files go to `rejected/` with a report; accepted ones get a result file.
///
/// A daemon-side failure (the database is down) leaves the file in `incoming/` for the next pass; nothing is lost.
struct SpoolIntakeService: Service {
    let runtime: DaemonRuntime
    let layout: SpoolLayout
    let gate: ReadinessGate
    let logger: Logger
    var rescanInterval: Duration = .seconds(300)

    private enum Work: Sendable {
        case file(String)
        case rescan
    }

    func run() async throws {
        let preparation = try await layout.prepare(group: SystemGroupMembershipResolver.groupID(named: await runtime.configuration.configuration.control.operatorGroup))
        for warning in preparation.warnings { logger.warning("spool: \(warning)") }
        let watcher = try InotifyWatcher(directory: layout.incoming)
        defer { watcher.close() }
        try await scanAll()
        gate.reached(.spoolScanned)

        let (work, continuation) = AsyncStream.makeStream(of: Work.self)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                for await event in watcher.events {
                    switch event {
                    case .file(let name): continuation.yield(.file(name))
                    case .overflow: continuation.yield(.rescan)
                    }
                }
            }
            group.addTask {
                while (try? await Task.sleep(for: rescanInterval)) != nil {
                    continuation.yield(.rescan)
                }
            }
            for await item in work.cancelOnGracefulShutdown() {
                switch item {
                case .file(let name): await consider(name)
                case .rescan: try await scanAll()
                }
            }
            watcher.close()
            continuation.finish()
            group.cancelAll()
        }
    }

    private func scanAll() async throws {
        for entry in try await SpoolScanner(layout: layout).scan() {
            await consider(entry.name)
        }
    }

    /// Reads, validates, commits and moves one file; a failure leaves it in `incoming/` for a later pass.
    private func consider(_ name: String) async {
        let runtime = self.runtime
        let context = await runtime.validationContext
        do {
            let outcome = try await SpoolClaim(layout: layout).process(name, reader: SpoolFileReader(layout: layout)) { file in
                try await Self.commit(file, context: context, runtime: runtime)
            }
            switch outcome {
            case .accepted(let id, let path):
                if let record = try await runtime.store.record(id: id) {
                    _ = try await SpoolResultWriter(layout: layout).write(SpoolResult(record: record, file: name))
                }
                logger.info("spool file \(name) accepted as onboarding \(id)", metadata: ["onboarding.id": "\(id)", "path": "\(path)"])
            case .rejected(let rejection, let path, let reportPath):
                logger.warning(
                    "spool file \(name) rejected: \(rejection.message); fix: \(rejection.fix) (moved to \(path), report \(reportPath))",
                    metadata: [OnboardEvent.metadataKey: OnboardEvent.rejectedFile.metadataValue, "reason": "\(rejection.reason)"])
            case .vanished, .replaced:
                break
            }
        } catch {
            logger.error("spool file \(name) left in incoming/ for the next pass: \(error)")
        }
    }

    /// The claim's commit: idempotent (the store deduplicates on the request's key), so a crash between commit and
    /// move only repeats it.
    private static func commit(_ file: SpoolFile, context: RequestValidationContext, runtime: DaemonRuntime) async throws -> ClaimDecision {
        let request: OnboardingRequest
        do {
            request = try RequestParser.parse(json: file.contents, context: context)
        } catch {
            return .rejected(reason: .validation(error.issues))
        }
        do {
            let submission = try await runtime.engine.submit(request, submitterUID: file.submitterUID, source: "spool:\(file.name)")
            return .accepted(submission.record.id)
        } catch let error as EngineError where error.code == .keyConflict || error.code == .unknownPartner {
            return .rejected(reason: .other(
                reason: error.code == .keyConflict ? "key_conflict" : "unknown_partner", message: error.description,
                fix: error.code == .keyConflict ? "give the request its own \"key\", or resubmit the original content" : "name a configured partner"))
        }
    }
}
