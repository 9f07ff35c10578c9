import Foundation
import Testing

@testable import OnboardCore

@Suite("Onboarding store")
struct OnboardingStoreTests {
    private func withStore(_ body: (OnboardingStore, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "onboard.sqlite").path
        let store = try await OnboardingStore.open(path: path)
        try await body(store, path)
        await store.database.close()
    }

    private func submission(key: String = "crm-1", json: String = #"{"a":1}"#, password: String? = nil) -> OnboardingStore.Submission {
        .init(key: key, partner: "eu2", customerName: "Contoso", requestJSON: json, submitterUID: 1000, source: "socket", adminPassword: password.map(Secret.init))
    }

    @Test("same key and content returns the existing onboarding; other content is a conflict")
    func idempotentSubmit() async throws {
        try await withStore { store, _ in
            guard case .created(let created) = try await store.submit(submission()) else {
                Issue.record("first submission must create")
                return
            }
            #expect(created.progress.state == .queued)
            #expect(try await store.submit(submission()) == .existing(created))
            #expect(try await store.submit(submission(json: #"{"a":2}"#)) == .conflict(existingID: created.id))
            #expect(try await store.list().count == 1)
            #expect(try await store.events(of: created.id).map(\.kind) == [.submitted])
        }
    }

    @Test("progress, steps and events are persisted; due and wake-up times follow the state")
    func progressAndQueries() async throws {
        try await withStore { store, _ in
            guard case .created(let record) = try await store.submit(submission()) else { return }
            let now = Date()
            #expect(try await store.due(now: now, limit: 10).map(\.id) == [record.id])
            var machine = OnboardingStateMachine(progress: record.progress)
            _ = machine.start(now: now)
            try await store.save(machine.progress, for: record.id, event: (.stepStarted, .createTenant, "creating"))
            try await store.stepStarted(.createTenant, of: record.id)
            try await store.stepFinished(.createTenant, of: record.id, outputs: ["tenant_id": "t-1"])
            try await store.setResourceIDs(of: record.id, tenantID: "t-1")
            _ = machine.stepSucceeded(.createTenant)
            let failure = StepFailure(kind: .transient, code: "dc_unavailable", message: "down")
            _ = machine.stepFailed(.configureServices, failure, now: now)
            try await store.save(machine.progress, for: record.id, event: (.waiting, .configureServices, "waiting"))

            let reloaded = try #require(try await store.record(id: record.id))
            // Dates are stored as seconds since 1970 in a REAL: equal to well under a millisecond, not bit for bit.
            var expected = machine.progress
            expected.nextRunAt = reloaded.progress.nextRunAt
            #expect(reloaded.progress == expected)
            let drift = abs((reloaded.progress.nextRunAt ?? .distantPast).timeIntervalSince(machine.progress.nextRunAt ?? .distantFuture))
            #expect(drift < 0.001)
            #expect(reloaded.progress.lastFailure == failure)
            #expect(reloaded.tenantID == "t-1")
            #expect(try await store.due(now: now, limit: 10).isEmpty, "waiting until its time")
            let wake = try #require(try await store.nextWakeUp())
            #expect(try await store.due(now: wake, limit: 10).map(\.id) == [record.id])
            #expect(try await store.steps(of: record.id).first?.outputs == ["tenant_id": "t-1"])
            #expect(try await store.counts() == [.waiting: 1])
            #expect(try await store.events(of: record.id).map(\.kind) == [.submitted, .stepStarted, .waiting])
        }
    }

    @Test("a running onboarding found at start-up is queued again at its step")
    func recovery() async throws {
        try await withStore { store, _ in
            guard case .created(let record) = try await store.submit(submission()) else { return }
            var machine = OnboardingStateMachine(progress: record.progress)
            _ = machine.start(now: Date())
            _ = machine.stepSucceeded(.createTenant)
            try await store.save(machine.progress, for: record.id)
            #expect(try await store.recoverInterrupted() == [record.id])
            let recovered = try #require(try await store.record(id: record.id))
            #expect(recovered.progress.state == .queued)
            #expect(recovered.progress.step == .configureServices)
        }
    }

    @Test("credentials are kept apart, in a 0600 file, and only returned on request")
    func credentials() async throws {
        try await withStore { store, path in
            guard case .created(let record) = try await store.submit(submission(password: "Given-Pass-123")) else { return }
            try await store.storeCredentials(of: record.id, OnboardingCredentials(registrationToken: Secret("ABCD-EFGH-JKLM"), registrationTokenID: 7))
            let credentials = try #require(try await store.credentials(of: record.id))
            #expect(credentials.adminPassword?.revealed == "Given-Pass-123")
            #expect(credentials.registrationToken?.revealed == "ABCD-EFGH-JKLM")
            #expect(credentials.registrationTokenID == 7)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let events = try await store.events(of: record.id).map(\.message).joined()
            #expect(!events.contains("Given-Pass-123"))
        }
    }
}
