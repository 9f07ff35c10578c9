import Foundation
import Logging
import OnboardCore
import ServiceLifecycle

/// Keeps `results/<file>.json` current for every onboarding that came from the spool: state, step, tenant and user
/// ids, where to get the credentials (never the credentials).
///
/// At start it brings every stale or missing result file up to date (a crash may have come between a change and its
/// file); then it follows the store's events and rewrites the files of the onboardings they touch.
struct SpoolResultService: Service {
    let store: OnboardingStore
    let layout: SpoolLayout
    let logger: Logger
    var pollInterval: Duration = .seconds(5)

    static let sourcePrefix = "spool:"

    func run() async throws {
        let start = try await store.lastEventSequence()
        await catchUp()
        let changes = store.changes
        do {
            try await cancelWhenGracefulShutdown {
                var last = start
                while !Task.isCancelled {
                    let version = changes.version
                    let events = try await store.events(after: last)
                    last = events.last?.seq ?? last
                    var seen = Set<String>()
                    for event in events where seen.insert(event.onboardingID).inserted {
                        guard let record = try await store.record(id: event.onboardingID) else { continue }
                        await publish(record)
                    }
                    if events.count < 1000 {
                        await changes.wait(after: version, until: .now + pollInterval)
                    }
                }
            }
        } catch is CancellationError {
            // Shutdown; the next start catches up.
        }
    }

    /// Rewrites the result files whose state or time differ from the store.
    private func catchUp() async {
        do {
            for record in try await store.list(limit: 1_000_000) where record.source.hasPrefix(Self.sourcePrefix) {
                let writer = SpoolResultWriter(layout: layout)
                let file = String(record.source.dropFirst(Self.sourcePrefix.count))
                if let path = try? writer.path(for: file), let data = FileManager.default.contents(atPath: path),
                    let existing = try? SpoolResult.decode(data), existing.state == record.progress.state,
                    Int(existing.updatedAt.timeIntervalSince1970) == Int(record.updatedAt.timeIntervalSince1970)
                {
                    continue
                }
                await publish(record)
            }
        } catch {
            logger.error("could not bring the spool result files up to date: \(error)")
        }
    }

    private func publish(_ record: OnboardingRecord) async {
        guard record.source.hasPrefix(Self.sourcePrefix) else { return }
        let file = String(record.source.dropFirst(Self.sourcePrefix.count))
        let message = record.progress.state == .succeeded ? "onboarding succeeded" : record.progress.lastFailure?.message
        do {
            _ = try await SpoolResultWriter(layout: layout).write(SpoolResult(record: record, file: file, message: message))
        } catch {
            logger.error("could not write the result file of \(file): \(error)", metadata: ["onboarding.id": "\(record.id)"])
        }
    }
}
